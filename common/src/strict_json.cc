#include "ecusson/common/strict_json.h"

#include <algorithm>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>

#include "ecusson/common/number.h"

namespace ecusson {

namespace {

namespace json = boost::json;

// A basic_parser handler building values like Boost's own (value_stack), that also records
// the keys of each open object to detect duplicates when the object closes.
struct StrictHandler {
  static constexpr std::size_t max_object_size = json::object::max_size();
  static constexpr std::size_t max_array_size = json::array::max_size();
  static constexpr std::size_t max_key_size = json::string::max_size();
  static constexpr std::size_t max_string_size = json::string::max_size();

  json::value_stack st;
  std::vector<std::string> keys;       // keys of all open objects, innermost last
  std::vector<std::size_t> starts;     // index in `keys` where each open object begins
  std::string partial_key;
  std::string duplicate;               // first duplicate key found
  std::string number;                  // text of the number being read (split numbers)
  std::string bad_number;              // first number out of the range of doubles

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_object_begin(json::error_code&) {
    starts.push_back(keys.size());
    return true;
  }
  bool on_object_end(std::size_t n, json::error_code& ec) {
    std::size_t begin = starts.back();
    starts.pop_back();
    auto first = keys.begin() + static_cast<std::ptrdiff_t>(begin);
    std::sort(first, keys.end());
    auto dup = std::adjacent_find(first, keys.end());
    if (dup != keys.end()) {
      duplicate = *dup;
      ec = json::make_error_code(json::error::syntax);
      return false;
    }
    keys.erase(first, keys.end());
    st.push_object(n);
    return true;
  }
  bool on_array_begin(json::error_code&) { return true; }
  bool on_array_end(std::size_t n, json::error_code&) {
    st.push_array(n);
    return true;
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    st.push_chars(s);
    partial_key.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code&) {
    st.push_key(s);
    partial_key.append(s.data(), s.size());
    keys.push_back(std::move(partial_key));
    partial_key.clear();
    return true;
  }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    st.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code&) {
    st.push_string(s);
    return true;
  }
  bool on_number_part(json::string_view s, json::error_code&) {
    number.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t i, json::string_view, json::error_code&) {
    number.clear();
    st.push_int64(i);
    return true;
  }
  bool on_uint64(std::uint64_t u, json::string_view, json::error_code&) {
    number.clear();
    st.push_uint64(u);
    return true;
  }
  // Boost.JSON 1.81 reads some doubles to a neighbouring value (0.67673722682104124,
  // 9.760355075735633) and overflow to infinity: read the text again, correctly rounded.
  bool on_double(double, json::string_view s, json::error_code& ec) {
    Result<double> d = [&] {
      if (number.empty()) return parse_number(s);
      number.append(s.data(), s.size());
      return parse_number(number);
    }();
    number.clear();
    if (!d) {
      bad_number = d.error().where;
      ec = json::make_error_code(json::error::exponent_overflow);
      return false;
    }
    st.push_double(*d);
    return true;
  }
  bool on_bool(bool b, json::error_code&) {
    st.push_bool(b);
    return true;
  }
  bool on_null(json::error_code&) {
    st.push_null();
    return true;
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }
};

}  // namespace

Result<json::value> parse_json_strict(std::string_view text, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes)
    return fail("json.too_large", "document JSON trop grand (" + std::to_string(text.size()) +
                                      " octets, limite " + std::to_string(limits.max_bytes) + ")");
  json::parse_options opt;
  opt.max_depth = limits.max_depth;
  opt.allow_comments = false;
  opt.allow_trailing_commas = false;
  opt.allow_invalid_utf8 = false;
  json::basic_parser<StrictHandler> p(opt);
  p.handler().st.reset();
  json::error_code ec;
  std::size_t used = p.write_some(false, text.data(), text.size(), ec);
  if (!p.handler().duplicate.empty())
    return fail("json.duplicate_key",
                "clé en double « " + p.handler().duplicate + " » dans un objet JSON",
                p.handler().duplicate);
  if (!p.handler().bad_number.empty())
    return fail("json.number_out_of_range",
                "nombre hors de l'intervalle des doubles IEEE 754 : " + p.handler().bad_number,
                p.handler().bad_number);
  if (ec == json::error::too_deep)
    return fail("json.too_deep", "document JSON trop imbriqué (profondeur maximale " +
                                     std::to_string(limits.max_depth) + ")",
                std::to_string(used));
  if (ec) return fail("json.syntax", "JSON invalide : " + ec.message(), std::to_string(used));
  if (used != text.size())
    return fail("json.syntax", "données après la fin du JSON", std::to_string(used));
  return p.handler().st.release();
}

}  // namespace ecusson
