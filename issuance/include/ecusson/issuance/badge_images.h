// Badge images: the picture of a catalogue entry (grid, competence, level), drawn once from
// the badge art template and cached, and the credential baked into it as PNG and SVG (the
// files a participant receives; `ecusson verify` reads them back).
//
// The picture follows the catalogue: the competence's label, the level's label, as many
// stars as the competence has levels, the domain's label and a colour per domain (by the
// domain's position in the grid, from a fixed palette, so a domain keeps its colour in
// every badge). The OB 3.0 Data Integrity credential (the "ob3-di" document, JSON) is what
// both images carry (PNG iTXt `openbadgecredential`, SVG `openbadges:credential`).
//
// Thread-safety: BadgeArtCache is safe to share between threads (one mutex around the
// map; rendering happens outside it, so two threads may render the same entry once each
// and the first stored wins). The free functions are pure or write only the files named.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "ecusson/assessment/grid.h"
#include "ecusson/baking/prepared_image.h"
#include "ecusson/issuance/issuer.h"
#include "ecusson/lang.h"
#include "ecusson/result.h"

namespace ecusson::issuance {

struct BadgeArtOptions {
  std::filesystem::path templates_dir;  // templates/ (holds badges/<template_name>)
  std::string template_name = "badge.svg.tmpl";
  int png_width = 512;
  std::string mark = "ECUSSON";  // small mark at the bottom of the picture
  Lang lang = Lang::fr;
};

/// An unbaked picture, in both formats, prepared for baking many credentials (bulk
/// issuance bakes a cohort into a few dozen pictures).
struct BadgeArt {
  std::string svg;
  std::string png;
  baking::PreparedSvg svg_baker;
  baking::PreparedPng png_baker;
};

/// Draws each (grid, version, competence, level) once and keeps it.
class BadgeArtCache {
 public:
  explicit BadgeArtCache(BadgeArtOptions options);
  BadgeArtCache(const BadgeArtCache&) = delete;
  BadgeArtCache& operator=(const BadgeArtCache&) = delete;

  /// The picture of that catalogue entry, drawn on first use. Fails with
  /// issuance.not_found (the grid has no such competence or level), art.template (the
  /// template is missing), art.bad_svg / art.render / art.bad_width (rendering).
  /// Example: auto art = cache.art(grid, "ORG.ACT", 2); if (art) (*art)->png …
  [[nodiscard]] Result<std::shared_ptr<const BadgeArt>> art(const assessment::Grid& grid,
                                                            std::string_view competence_id,
                                                            int level);

  /// How many pictures were drawn so far (a cache hit draws nothing).
  std::size_t rendered() const;

 private:
  using Key = std::tuple<std::string, std::string, std::string, int>;
  BadgeArtOptions options_;
  mutable std::mutex mutex_;
  std::string template_;  // loaded on first use
  std::map<Key, std::shared_ptr<const BadgeArt>> cache_;
  std::size_t rendered_ = 0;
};

/// A picture with a credential baked in.
struct BakedBadge {
  std::string png;
  std::string svg;
};

/// Bakes `credential_json` (an OB 3.0 credential: the "ob3-di" document) into both
/// pictures. Fails with the baking.* errors (not JSON, too large…).
/// Example: auto baked = bake_badge(**art, credential.documents.at("ob3-di"));
[[nodiscard]] Result<BakedBadge> bake_badge(const BadgeArt& art, std::string_view credential_json);

/// A file name (without extension) for a credential's images, safe on every file system:
/// "<participant>_<competence>_niveau<level>_<8 first hex digits of the id>", characters
/// outside [A-Za-z0-9._-] replaced by '-'.
/// Example: badge_file_stem("P-7F3A9C", "ORG.ACT", 2, "urn:uuid:1b2c3d4e-…")
///   == "P-7F3A9C_ORG.ACT_niveau2_1b2c3d4e"
std::string badge_file_stem(std::string_view participant_ref, std::string_view competence_id,
                            int level, std::string_view credential_id);

/// Writes "<out_dir>/<stem>.png" and ".svg" (each to a temporary name, then renamed, so a
/// file present is whole), creating out_dir when missing; returns both paths (png, svg).
/// Fails with issuance.write.
[[nodiscard]] Result<std::vector<std::filesystem::path>> write_baked_badge(
    const BakedBadge& baked, const std::filesystem::path& out_dir, std::string_view stem,
    Lang lang = Lang::fr);

/// Publishes the unbaked PNG at the achievement's image URL ("<achievement id>.png", the
/// catalogue's convention) under DIR/public, when that file does not exist yet; returns
/// the path written, or empty when it was there already. Fails with issuance.write.
[[nodiscard]] Result<std::filesystem::path> publish_achievement_image(
    const Issuer& issuer, std::string_view achievement_id, const BadgeArt& art,
    Lang lang = Lang::fr);

}  // namespace ecusson::issuance
