// Prepared badge images: one picture baked with many credentials (bulk issuance).
//
// bake_png / bake_svg check and re-read the whole image on every call: right for one
// badge, wasteful for a cohort of 100,000 sharing a few dozen pictures. A prepared image
// is checked and split once at the place the credential goes; each bake then checks the
// payload and copies bytes. The output is byte for byte what bake_png / bake_svg give
// (tests compare them). Immutable after prepare(); bake() is thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "ecusson/baking/baked_payload.h"
#include "ecusson/result.h"

namespace ecusson::baking {

class PreparedPng {
 public:
  /// Checks `png` (as bake_png does) and splits it. Errors: those of bake_png.
  [[nodiscard]] static Result<PreparedPng> prepare(std::string_view png, BadgeVersion version,
                                                   const BakingLimits& limits = {});
  /// Same result as bake_png(png, payload, version, limits). Errors: baking.bad_payload,
  /// baking.too_large.
  [[nodiscard]] Result<std::string> bake(std::string_view payload) const;

 private:
  std::string head_;  // signature and every chunk before IEND (old badge chunks removed)
  std::string iend_;  // the IEND chunk
  BadgeVersion version_ = BadgeVersion::ob3;
  BakingLimits limits_;
};

class PreparedSvg {
 public:
  /// Checks `svg` (as bake_svg does) and splits it where a JSON credential goes. Errors:
  /// those of bake_svg.
  [[nodiscard]] static Result<PreparedSvg> prepare(std::string_view svg, BadgeVersion version,
                                                   const BakingLimits& limits = {});
  /// Same result as bake_svg(svg, payload, version, limits). A JSON credential is copied
  /// between the two halves; other payloads (a JWS, an OB 2.0 assertion) are baked by
  /// bake_svg itself. Errors: those of bake_svg.
  [[nodiscard]] Result<std::string> bake(std::string_view payload) const;

 private:
  std::string svg_;   // the picture, for payloads that are not a JSON credential
  std::string head_;  // up to the CDATA section's opening
  std::string tail_;  // from its closing
  BadgeVersion version_ = BadgeVersion::ob3;
  BakingLimits limits_;
};

}  // namespace ecusson::baking
