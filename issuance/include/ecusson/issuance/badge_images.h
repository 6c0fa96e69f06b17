// Badge images: the picture of each catalogue entry (badges/art: an SVG template filled
// with the competence, its level and domain, rendered to PNG once per achievement) and the
// baked PNG and SVG of an issued credential (badges/baking: the Data Integrity credential
// in the image, as OB 3.0 §5.3 says).
//
// BadgeImageCache renders each achievement's art on first use and keeps it (a grid has a
// few dozen); baking and writing are per credential. Files are named after the
// credential's UUID and written through a temporary name: a file present is whole, so a
// resumed batch does not write it again.
//
// Thread-safety: a BadgeImageCache may be shared by threads (the cache is locked; renders
// and bakes run in parallel).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "ecusson/assessment/grid.h"
#include "ecusson/baking/prepared_image.h"
#include "ecusson/lang.h"
#include "ecusson/result.h"
#include "ecusson/store/credentials.h"

namespace ecusson::issuance {

struct BadgeArt {
  std::string svg;
  std::string png;
  baking::PreparedSvg baker_svg;  // the art, ready to be baked many times
  baking::PreparedPng baker_png;
};

struct BakedImages {
  std::string png;
  std::string svg;
};

class BadgeImageCache {
 public:
  /// `grid` must outlive the cache; `base_url` is the issuer's (achievement ids).
  BadgeImageCache(const assessment::Grid* grid, std::string base_url, int png_width = 300);

  /// The art of the grid's (competence, level): rendered once. Fails with issuance.art
  /// (unknown competence or level, template missing, rendering failure).
  [[nodiscard]] Result<std::shared_ptr<const BadgeArt>> art(const std::string& competence_id,
                                                            int level, Lang lang = Lang::fr);

  /// The art of an achievement id of this grid's catalogue. Fails with issuance.art.
  [[nodiscard]] Result<std::shared_ptr<const BadgeArt>> art_for_achievement(
      const std::string& achievement_id, Lang lang = Lang::fr);

  /// The credential's Data Integrity document baked into its achievement's art. Fails
  /// with issuance.art, issuance.bake.
  [[nodiscard]] Result<BakedImages> bake(const store::Credential& credential, Lang lang = Lang::fr);

  /// Writes <dir>/<uuid>.png and <dir>/<uuid>.svg unless both are there. Fails with
  /// issuance.art, issuance.bake, issuance.write.
  [[nodiscard]] Result<void> write_baked(const store::Credential& credential,
                                         const std::filesystem::path& dir, Lang lang = Lang::fr);

 private:
  const assessment::Grid* grid_;
  std::string base_url_;
  int png_width_;
  std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::shared_ptr<const BadgeArt>> art_;
  std::map<std::string, std::pair<std::string, int>> by_achievement_;
};

/// The file stem Ecusson gives to a credential's images: its UUID ("urn:uuid:" dropped).
std::string credential_file_stem(const std::string& credential_id);

}  // namespace ecusson::issuance
