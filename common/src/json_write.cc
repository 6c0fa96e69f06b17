#include "ecusson/common/json_write.h"

#include <boost/json.hpp>

namespace ecusson {

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

void put_if_set(boost::json::object& object, std::string_view key, std::string_view value) {
  if (!value.empty()) object[key] = value;
}

boost::json::array string_array(const std::vector<std::string>& values) {
  boost::json::array out;
  for (const auto& v : values)
    if (!v.empty()) out.emplace_back(v);
  return out;
}

}  // namespace ecusson
