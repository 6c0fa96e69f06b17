// BakedPayload: what a baked badge image carries, and how to tell its kind.
//
// Open Badges images carry one credential: OB 3.0 puts an OpenBadgeCredential (JSON with
// an embedded proof, or a VC-JWT compact JWS) under the `openbadgecredential` keyword /
// `<openbadges:credential>` element; OB 2.0 puts an Assertion (hosted JSON or signed JWS)
// under `openbadges` / `<openbadges:assertion>`, and legacy 1.0 PNGs a URL in a `tEXt`
// chunk. BakedKind says which was found, so a verifier knows how to read the text.
// BakingLimits bounds every read of hostile images (size caps, no inflation).
// Plain value types and pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "ecusson/result.h"

namespace ecusson::baking {

/// Which Open Badges generation a payload or an image slot belongs to.
enum class BadgeVersion { ob3, ob2 };

/// What was found in a baked image.
enum class BakedKind {
  ob3_json,  // OB 3.0 credential JSON (embedded proof)
  ob3_jws,   // OB 3.0 VC-JWT compact JWS
  ob2_json,  // OB 2.0 hosted Assertion JSON
  ob2_jws,   // OB 2.0 signed Assertion (compact JWS)
  ob2_url,   // OB 2.0/1.0 URL of a hosted assertion (legacy tEXt, or SVG verify without body)
};

/// "ob3-json" | "ob3-jws" | "ob2-json" | "ob2-jws" | "ob2-url".
const char* to_string(BakedKind k);
/// True for ob3_json / ob3_jws.
inline bool is_ob3(BakedKind k) { return k == BakedKind::ob3_json || k == BakedKind::ob3_jws; }

struct BakedPayload {
  BakedKind kind = BakedKind::ob3_json;
  /// The credential JSON, the compact JWS, or the URL, exactly as stored (whitespace
  /// around a CDATA body trimmed).
  std::string text;
  /// OB 2.0 SVG only: the `verify` attribute when the body holds the JSON (hosted URL).
  std::string verify_url;
};

/// Caps applied to hostile input. Badge images are small; the defaults are generous.
struct BakingLimits {
  std::size_t max_image_bytes = 32u << 20;   // whole PNG/SVG file
  std::size_t max_payload_bytes = 8u << 20;  // credential text inside the image
};

/// Form of a credential text.
enum class PayloadForm { json, jws, url };

/// Classifies `text` (leading/trailing whitespace ignored): a JSON object that parses,
/// a compact JWS (three base64url segments), or an http(s) URL.
/// Errors: "baking.bad_payload" when it is none of these.
[[nodiscard]] Result<PayloadForm> classify_payload(std::string_view text);

/// Tells an OB 2.0 Assertion from an OB 3.0 credential. JSON: OB 2.0 when "@context" is
/// (or contains) "https://w3id.org/openbadges/v2" (or the v1 context); JWS: the same test
/// on the decoded payload (a VC-JWT's "vc" claim counts as OB 3.0); otherwise OB 3.0.
/// Errors: "baking.bad_payload" (not JSON nor JWS, undecodable JWS payload).
/// Example: detect_badge_version(R"({"@context":"https://w3id.org/openbadges/v2"})") → ob2.
[[nodiscard]] Result<BadgeVersion> detect_badge_version(std::string_view text);

/// The BakedKind for a payload of `form` in a slot of `version` (URL only for OB 2.0).
/// Errors: "baking.bad_payload" for an OB 3.0 URL.
[[nodiscard]] Result<BakedKind> kind_for(BadgeVersion version, PayloadForm form);

/// Image formats that can carry a badge.
enum class ImageFormat { png, svg };

/// Sniffs the format: PNG signature, or an XML/SVG text start ("<?xml", "<svg", BOM,
/// comments). Errors: "baking.not_an_image".
[[nodiscard]] Result<ImageFormat> sniff_image_format(std::string_view bytes);

/// Reads an image file, refusing it before reading when it exceeds limits.max_image_bytes.
/// Errors: "baking.io" (cannot open/read), "baking.too_large".
[[nodiscard]] Result<std::string> read_image_file(const std::string& path,
                                                  const BakingLimits& limits = {});

/// Unbakes a PNG or SVG held in memory (format sniffed). Errors: those of unbake_png /
/// unbake_svg, "baking.not_an_image", "baking.too_large".
[[nodiscard]] Result<BakedPayload> unbake_image(std::string_view bytes,
                                                const BakingLimits& limits = {});

/// Reads and unbakes an image file (size checked before reading).
[[nodiscard]] Result<BakedPayload> unbake_file(const std::string& path,
                                               const BakingLimits& limits = {});

}  // namespace ecusson::baking
