// Badge images: see ecusson/issuance/badge_images.h.
#include "ecusson/issuance/badge_images.h"

#include <system_error>

#include "ecusson/art/badge_art.h"
#include "ecusson/baking/png_baking.h"
#include "ecusson/baking/svg_baking.h"
#include "ecusson/common/atomic_file.h"
#include "ecusson/common/templates.h"
#include "ecusson/issuance/catalogue.h"
#include "ecusson/issuance/messages.h"

namespace ecusson::issuance {
namespace {

namespace fs = std::filesystem;

// One colour per domain, in grid order: distinct, dark enough for white text (WCAG AA).
constexpr const char* kDomainColours[] = {"#2B6CB0", "#2F855A", "#B7791F", "#9B2C2C",
                                          "#6B46C1", "#2C7A7B", "#C05621", "#4A5568"};

}  // namespace

std::string credential_file_stem(const std::string& id) {
  std::string stem = id.starts_with("urn:uuid:") ? id.substr(9) : id;
  for (char& c : stem)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
      c = '_';
  return stem;
}

BadgeImageCache::BadgeImageCache(const assessment::Grid* grid, std::string base_url, int png_width)
    : grid_(grid), base_url_(std::move(base_url)), png_width_(png_width) {
  if (!grid_) return;
  for (const auto& d : grid_->domains)
    for (const auto& c : d.competences)
      for (const auto& l : c.levels)
        by_achievement_[achievement_id(base_url_, grid_->id, grid_->version, c.id, l.n)] = {c.id, l.n};
}

Result<std::shared_ptr<const BadgeArt>> BadgeImageCache::art(const std::string& competence_id,
                                                             int level, Lang lang) {
  std::lock_guard lock(mutex_);
  if (auto it = art_.find({competence_id, level}); it != art_.end()) return it->second;
  const std::string what = competence_id + " " + std::to_string(level);
  if (!grid_) return make_error("issuance.art", what, lang, {what, "no grid"});
  art::BadgeArtInput in;
  std::size_t domain_index = 0;
  const assessment::Competence* found = nullptr;
  for (std::size_t i = 0; i < grid_->domains.size() && !found; ++i)
    for (const auto& c : grid_->domains[i].competences)
      if (c.id == competence_id) {
        found = &c;
        domain_index = i;
        in.domain = grid_->domains[i].label;
      }
  const assessment::Level* l = found ? found->find_level(level) : nullptr;
  if (!l)
    return make_error("issuance.art", what, lang,
                      {what, std::string(tr(lang, "compétence ou niveau absent de la grille",
                                            "competence or level not in the grid"))});
  in.competence = found->label;
  in.level = level;
  in.level_count = static_cast<int>(found->levels.size());
  in.level_label = l->label;
  in.domain_colour = kDomainColours[domain_index % std::size(kDomainColours)];
  auto tmpl = art::load_badge_template(templates_dir().string());
  if (!tmpl) return make_error("issuance.art", what, lang, {what, tmpl.error().message});
  auto result = std::make_shared<BadgeArt>();
  result->svg = art::render_badge_svg(in, *tmpl);
  auto png = art::render_badge_png(result->svg, png_width_);
  if (!png) return make_error("issuance.art", what, lang, {what, png.error().message});
  result->png = std::move(*png);
  auto baker_png = baking::PreparedPng::prepare(result->png, baking::BadgeVersion::ob3);
  auto baker_svg = baking::PreparedSvg::prepare(result->svg, baking::BadgeVersion::ob3);
  if (!baker_png || !baker_svg)
    return make_error("issuance.art", what, lang,
                      {what, (!baker_png ? baker_png.error() : baker_svg.error()).message});
  result->baker_png = std::move(*baker_png);
  result->baker_svg = std::move(*baker_svg);
  art_[{competence_id, level}] = result;
  return std::shared_ptr<const BadgeArt>(result);
}

Result<std::shared_ptr<const BadgeArt>> BadgeImageCache::art_for_achievement(
    const std::string& achievement_id, Lang lang) {
  auto it = by_achievement_.find(achievement_id);
  if (it == by_achievement_.end())
    return make_error("issuance.art", achievement_id, lang,
                      {achievement_id, std::string(tr(lang, "badge hors de la grille",
                                                      "achievement outside the grid"))});
  return art(it->second.first, it->second.second, lang);
}

Result<BakedImages> BadgeImageCache::bake(const store::Credential& c, Lang lang) {
  auto a = art_for_achievement(c.achievement_id, lang);
  if (!a) return a.error();
  auto di = c.documents.find("ob3-di");
  if (di == c.documents.end())
    return make_error("issuance.bake", c.id, lang, {c.id, "no ob3-di document"});
  auto png = (*a)->baker_png.bake(di->second);
  if (!png) return make_error("issuance.bake", c.id, lang, {c.id, png.error().message});
  auto svg = (*a)->baker_svg.bake(di->second);
  if (!svg) return make_error("issuance.bake", c.id, lang, {c.id, svg.error().message});
  return BakedImages{std::move(*png), std::move(*svg)};
}

Result<void> BadgeImageCache::write_baked(const store::Credential& c, const fs::path& dir,
                                          Lang lang) {
  const std::string stem = credential_file_stem(c.id);
  const fs::path png_path = dir / (stem + ".png");
  const fs::path svg_path = dir / (stem + ".svg");
  std::error_code ec;
  if (fs::exists(png_path, ec) && fs::exists(svg_path, ec)) return {};
  auto baked = bake(c, lang);
  if (!baked) return baked.error();
  for (const auto& [path, bytes] : {std::pair{&png_path, &baked->png}, std::pair{&svg_path, &baked->svg}})
    if (auto w = replace_file(*path, *bytes, 0644); !w)
      return make_error("issuance.write", path->string(), lang, {path->string(), w.error().message});
  return {};
}

}  // namespace ecusson::issuance
