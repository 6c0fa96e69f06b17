// Writing JSON the way every signed or published document of Ecusson needs it: string
// escaping as ECMAScript JSON.stringify does (RFC 8785 §3.2.2.2, so JCS and JOSE headers
// agree), and the two building rules of OB 2.0 and OB 3.0 documents: an empty value is
// omitted rather than written as "", and a list of strings becomes a JSON array.
// Free functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/json/fwd.hpp>

namespace ecusson {

/// Appends `text` (UTF-8) as a JSON string: quotes, \" \\ \b \f \n \r \t, other control
/// characters as \u00xx (lower-case hex), everything else as is.
/// Example: std::string s; append_json_string(s, "a\"\x01"); s == R"("a\"\u0001")".
void append_json_string(std::string& out, std::string_view text);

/// Sets object[key] = value only when value is not empty (OB 2.0/3.0: omit empty values).
/// Example: put_if_set(o, "name", ""); !o.contains("name").
void put_if_set(boost::json::object& object, std::string_view key, std::string_view value);

/// The non-empty strings of `values` as a JSON array, in order.
/// Example: string_array({"a", "", "b"}) == boost::json::array{"a", "b"}.
boost::json::array string_array(const std::vector<std::string>& values);

}  // namespace ecusson
