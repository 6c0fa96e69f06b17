// Internals shared by the baking sources (not public).
#pragma once

#include <boost/json/fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "ecusson/baking/baked_payload.h"
#include "ecusson/common/text.h"

namespace ecusson::baking::detail {

inline constexpr std::string_view kPngSignature{"\x89PNG\r\n\x1a\n", 8};

/// The kind of `text` (trimmed) in a badge slot of `version`: within
/// limits.max_payload_bytes, JSON, JWS or URL (classify_payload), allowed for the version
/// (kind_for). Shared by every bake and unbake. Errors: "baking.too_large",
/// "baking.bad_payload".
Result<BakedKind> payload_kind(std::string_view text, BadgeVersion version,
                               const BakingLimits& limits);
/// Parses `text` (depth ≤ 64) and returns true when it is a JSON object.
bool parse_json_object(std::string_view text, boost::json::value& out);

}  // namespace ecusson::baking::detail
