// PNG baking: put an Open Badges credential into a PNG `iTXt` chunk and read it back.
//
// OB 3.0 (docformat §Baked Badge) uses keyword `openbadgecredential`, OB 2.0 (Baking 1.0)
// keyword `openbadges`; both: compression flag 0, method 0, empty language tag and
// translated keyword, text = JSON or compact JWS, CRC-32 over type+data, chunk before
// IEND, never twice. Legacy 1.0 images hold a URL in a `tEXt` `openbadges` chunk.
// The reader works on a borrowed byte view: a declared chunk length is checked against
// the bytes present before anything is copied, every CRC is checked, compressed
// credential chunks are refused (no inflation, so no zlib bomb), and two chunks with the
// same credential keyword are refused as ambiguous. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "ecusson/baking/baked_payload.h"
#include "ecusson/result.h"

namespace ecusson::baking {

inline constexpr std::string_view kPngKeywordOb3 = "openbadgecredential";
inline constexpr std::string_view kPngKeywordOb2 = "openbadges";

/// Returns a copy of `png` carrying `payload` (credential JSON or compact JWS) in one
/// uncompressed iTXt chunk with the keyword of `version`, inserted just before IEND.
/// Any badge chunk already present (iTXt `openbadgecredential`/`openbadges`, tEXt
/// `openbadges`) is removed first, so re-baking replaces rather than adds.
/// Errors: "baking.not_png", "baking.truncated", "baking.bad_crc", "baking.bad_chunk",
/// "baking.too_large", "baking.bad_payload" (not JSON nor JWS, or too large).
/// Example: auto baked = bake_png(png, jwt, BadgeVersion::ob3);
[[nodiscard]] Result<std::string> bake_png(std::string_view png, std::string_view payload,
                                           BadgeVersion version, const BakingLimits& limits = {});

/// Extracts the credential of a baked PNG. Preference: OB 3.0 iTXt, then OB 2.0 iTXt,
/// then legacy tEXt URL. Errors: "baking.not_png", "baking.truncated", "baking.bad_crc",
/// "baking.bad_chunk", "baking.too_large", "baking.compressed" (compressed credential
/// chunk), "baking.ambiguous" (keyword present twice), "baking.bad_payload",
/// "baking.not_baked" (no badge chunk).
/// Example: auto p = unbake_png(bytes); if (p && p->kind == BakedKind::ob3_jws) …
[[nodiscard]] Result<BakedPayload> unbake_png(std::string_view png,
                                              const BakingLimits& limits = {});

}  // namespace ecusson::baking
