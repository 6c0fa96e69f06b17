// SVG baking: put an Open Badges credential into an SVG document and read it back.
//
// OB 3.0: `xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"` on <svg>, and as its
// first child `<openbadges:credential>`: a VC-JWT goes in `verify="…"` (empty element),
// a JSON credential in a CDATA body. OB 2.0: `xmlns:openbadges="http://openbadges.org"`
// and `<openbadges:assertion verify="…">`: signed = JWS in verify, empty element; hosted
// = the assertion URL in verify plus the JSON in a CDATA body.
// Hostile input: documents with an internal DTD subset or any entity declaration are
// refused before parsing (pugixml never expands them, but there is no reason to accept
// them); a plain `<!DOCTYPE svg PUBLIC …>` with an external identifier only (as in the
// 1EdTech fixtures) is accepted and never fetched. Size is capped by BakingLimits.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "ecusson/baking/baked_payload.h"
#include "ecusson/result.h"

namespace ecusson::baking {

inline constexpr std::string_view kSvgNamespaceOb3 = "https://purl.imsglobal.org/ob/v3p0";
inline constexpr std::string_view kSvgNamespaceOb2 = "http://openbadges.org";

/// Returns `svg` re-serialised (UTF-8) with `payload` baked for `version`. Any badge
/// element already present is removed first (re-baking replaces). An OB 2.0 JSON
/// Assertion needs an http(s) URL for `verify`: its "id" (or 1.x "verify.url").
/// Errors: "baking.not_svg", "baking.bad_xml", "baking.unsafe_xml" (DTD subset/entities),
/// "baking.too_large", "baking.bad_payload", "baking.no_assertion_url".
/// Example: auto baked = bake_svg(svg, credential_json, BadgeVersion::ob3);
[[nodiscard]] Result<std::string> bake_svg(std::string_view svg, std::string_view payload,
                                           BadgeVersion version, const BakingLimits& limits = {});

/// Extracts the credential of a baked SVG (first badge element; OB 3.0 preferred).
/// Errors: "baking.not_svg", "baking.bad_xml", "baking.unsafe_xml", "baking.too_large",
/// "baking.ambiguous" (two elements of one kind), "baking.bad_payload",
/// "baking.not_baked".
[[nodiscard]] Result<BakedPayload> unbake_svg(std::string_view svg,
                                              const BakingLimits& limits = {});

}  // namespace ecusson::baking
