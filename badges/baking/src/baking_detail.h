// Internals shared by the baking sources (not public).
#pragma once

#include <boost/json/fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace ecusson::baking::detail {

inline constexpr std::string_view kPngSignature{"\x89PNG\r\n\x1a\n", 8};

std::string_view trim(std::string_view s);
std::optional<std::string> b64url_decode(std::string_view in);
/// Parses `text` (depth ≤ 64) and returns true when it is a JSON object.
bool parse_json_object(std::string_view text, boost::json::value& out);

}  // namespace ecusson::baking::detail
