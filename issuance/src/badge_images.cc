// Badge images: see ecusson/issuance/badge_images.h.
#include "ecusson/issuance/badge_images.h"

#include <array>

#include "ecusson/art/badge_art.h"
#include "ecusson/common/atomic_file.h"
#include "ecusson/issuance/messages.h"

namespace ecusson::issuance {
namespace {

namespace fs = std::filesystem;

// One colour per domain, by the domain's position in the grid (dark enough for white text).
constexpr std::array<std::string_view, 8> kDomainColours{
    "#2B6CB0", "#2F855A", "#B7791F", "#9B2C2C", "#6B46C1", "#2C7A7B", "#C05621", "#4A5568"};

std::string safe_name(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    out += ok ? c : '-';
  }
  return out;
}

}  // namespace

BadgeArtCache::BadgeArtCache(BadgeArtOptions options) : options_(std::move(options)) {}

std::size_t BadgeArtCache::rendered() const {
  std::lock_guard lock(mutex_);
  return rendered_;
}

Result<std::shared_ptr<const BadgeArt>> BadgeArtCache::art(const assessment::Grid& grid,
                                                          std::string_view competence_id,
                                                          int level) {
  Key key{grid.id, grid.version, std::string(competence_id), level};
  std::string tmpl;
  {
    std::lock_guard lock(mutex_);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    if (template_.empty()) {
      auto loaded = art::load_badge_template(options_.templates_dir.string(), options_.template_name);
      if (!loaded) return loaded.error();
      template_ = std::move(*loaded);
    }
    tmpl = template_;
  }
  const assessment::Competence* competence = grid.find_competence(competence_id);
  const assessment::Level* l = competence ? competence->find_level(level) : nullptr;
  if (!l)
    return make_error("issuance.not_found", grid.key(), options_.lang,
                      {tr(options_.lang, "compétence ou niveau de la grille",
                          "competence or level of the grid"),
                       std::string(competence_id) + " " + std::to_string(level)});
  art::BadgeArtInput in;
  in.competence = competence->label;
  in.level = level;
  in.level_count = static_cast<int>(competence->levels.size());
  in.level_label = l->label;
  in.mark = options_.mark;
  for (std::size_t i = 0; i < grid.domains.size(); ++i)
    for (const auto& c : grid.domains[i].competences)
      if (c.id == competence_id) {
        in.domain = grid.domains[i].label;
        in.domain_colour = std::string(kDomainColours[i % kDomainColours.size()]);
      }
  auto made = std::make_shared<BadgeArt>();
  made->svg = art::render_badge_svg(in, tmpl);
  auto png = art::render_badge_png(made->svg, options_.png_width);
  if (!png) return png.error();
  made->png = std::move(*png);
  auto png_baker = baking::PreparedPng::prepare(made->png, baking::BadgeVersion::ob3);
  if (!png_baker) return png_baker.error();
  auto svg_baker = baking::PreparedSvg::prepare(made->svg, baking::BadgeVersion::ob3);
  if (!svg_baker) return svg_baker.error();
  made->png_baker = std::move(*png_baker);
  made->svg_baker = std::move(*svg_baker);
  std::lock_guard lock(mutex_);
  auto [it, fresh] = cache_.emplace(std::move(key), std::move(made));
  if (fresh) ++rendered_;
  return it->second;
}

Result<BakedBadge> bake_badge(const BadgeArt& art, std::string_view credential_json) {
  BakedBadge out;
  auto png = art.png_baker.bake(credential_json);
  if (!png) return png.error();
  auto svg = art.svg_baker.bake(credential_json);
  if (!svg) return svg.error();
  out.png = std::move(*png);
  out.svg = std::move(*svg);
  return out;
}

std::string badge_file_stem(std::string_view participant_ref, std::string_view competence_id,
                            int level, std::string_view credential_id) {
  std::string_view id = credential_id;
  if (auto colon = id.rfind(':'); colon != std::string_view::npos) id = id.substr(colon + 1);
  std::string hex;
  for (char c : id) {
    if (hex.size() == 8) break;
    if (c != '-') hex += c;
  }
  return safe_name(participant_ref) + "_" + safe_name(competence_id) + "_niveau" +
         std::to_string(level) + "_" + safe_name(hex);
}

Result<std::vector<fs::path>> write_baked_badge(const BakedBadge& baked, const fs::path& out_dir,
                                                std::string_view stem, Lang lang) {
  std::vector<fs::path> written;
  for (auto [ext, bytes] : {std::pair{".png", &baked.png}, std::pair{".svg", &baked.svg}}) {
    fs::path target = out_dir / (std::string(stem) + ext);
    if (auto w = replace_file(target, *bytes, 0644); !w)
      return make_error("issuance.write", target.string(), lang,
                        {target.string(), w.error().message});
    written.push_back(std::move(target));
  }
  return written;
}

Result<fs::path> publish_achievement_image(const Issuer& issuer, std::string_view achievement_id,
                                           const BadgeArt& art, Lang lang) {
  fs::path target = issuer.public_file(std::string(achievement_id) + ".png");
  if (target.empty()) return fs::path();
  std::error_code ec;
  if (fs::exists(target, ec)) return fs::path();
  if (auto w = replace_file(target, art.png, 0644); !w)
    return make_error("issuance.write", target.string(), lang,
                      {target.string(), w.error().message});
  return target;
}

}  // namespace ecusson::issuance
