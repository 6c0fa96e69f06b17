// RFC 8785 JSON Canonicalization Scheme.
#include "ecusson/rdf/jcs.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>
#include <type_traits>
#include <vector>

#include <boost/json.hpp>

#include "ecusson/common/json_write.h"
#include "ecusson/common/number.h"

namespace ecusson::rdf {
namespace {

namespace json = boost::json;

// UTF-16 code units of a UTF-8 string (input from Boost.JSON is valid UTF-8).
std::u16string to_utf16(std::string_view s) {
  std::u16string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    int len;
    if (c < 0x80) { cp = c; len = 1; }
    else if ((c >> 5) == 6) { cp = c & 0x1F; len = 2; }
    else if ((c >> 4) == 14) { cp = c & 0x0F; len = 3; }
    else { cp = c & 0x07; len = 4; }
    for (int k = 1; k < len && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    i += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// An integer prints in decimal while it is exact as a double (|i| <= 2^53); beyond, it is
// the double it denotes, as ECMAScript sees it.
template <typename Int>
void append_integer(std::string& out, Int i) {
  constexpr Int kExact = Int{1} << 53;
  bool exact = i <= kExact;
  if constexpr (std::is_signed_v<Int>) exact = exact && i >= -kExact;
  if (!exact) {
    jcs_append_number(out, static_cast<double>(i));
    return;
  }
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, i);
  out.append(buf, r.ptr);
}

void append_value(std::string& out, const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: out += "null"; break;
    case json::kind::bool_: out += v.get_bool() ? "true" : "false"; break;
    case json::kind::int64: append_integer(out, v.get_int64()); break;
    case json::kind::uint64: append_integer(out, v.get_uint64()); break;
    case json::kind::double_: jcs_append_number(out, v.get_double()); break;
    case json::kind::string: append_json_string(out, v.get_string()); break;
    case json::kind::array: {
      out.push_back('[');
      bool first = true;
      for (const auto& e : v.get_array()) {
        if (!first) out.push_back(',');
        first = false;
        append_value(out, e);
      }
      out.push_back(']');
      break;
    }
    case json::kind::object: {
      const auto& o = v.get_object();
      std::vector<const json::key_value_pair*> members;
      members.reserve(o.size());
      bool ascii = true;
      for (const auto& kv : o) {
        members.push_back(&kv);
        ascii = ascii && is_ascii(kv.key());
      }
      if (ascii) {
        std::sort(members.begin(), members.end(),
                  [](auto* a, auto* b) { return a->key() < b->key(); });
      } else {
        // RFC 8785 §3.2.3: sort by UTF-16 code units.
        std::vector<std::pair<std::u16string, const json::key_value_pair*>> keyed;
        keyed.reserve(members.size());
        for (auto* m : members) keyed.emplace_back(to_utf16(m->key()), m);
        std::sort(keyed.begin(), keyed.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t i = 0; i < keyed.size(); ++i) members[i] = keyed[i].second;
      }
      out.push_back('{');
      bool first = true;
      for (auto* m : members) {
        if (!first) out.push_back(',');
        first = false;
        append_json_string(out, m->key());
        out.push_back(':');
        append_value(out, m->value());
      }
      out.push_back('}');
      break;
    }
  }
}

}  // namespace

// RFC 8785 §3.2.2.3: ECMAScript Number::toString(x). JSON cannot carry NaN or Infinity;
// like JSON.stringify (and the canonicalize npm package) they are written as null.
void jcs_append_number(std::string& out, double d) {
  if (!std::isfinite(d)) {
    out += "null";
    return;
  }
  append_number(out, d);
}

std::string jcs_serialize(const boost::json::value& v) {
  std::string out;
  append_value(out, v);
  return out;
}

}  // namespace ecusson::rdf
