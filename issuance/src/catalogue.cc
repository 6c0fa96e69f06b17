#include "ecusson/issuance/catalogue.h"

#include <boost/json.hpp>

#include "ecusson/issuance/base_url.h"
#include "ecusson/issuance/messages.h"

namespace ecusson::issuance {

namespace json = boost::json;
using assessment::Alignment;
using assessment::Competence;
using assessment::Grid;
using credentials::Ob3Achievement;
using credentials::Ob3Alignment;
using credentials::Ob3ResultDescription;
using credentials::Ob3RubricLevel;

namespace {

/// Percent-encodes everything outside RFC 3986 "unreserved".
std::string segment(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                      (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

std::string competence_path(std::string_view grid_id, std::string_view grid_version,
                            std::string_view competence_id) {
  return "achievements/" + segment(grid_id) + "/" + segment(grid_version) + "/" +
         segment(competence_id);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

/// Which kind of framework a grid declares, from its id or name: decides targetType and,
/// for frameworks whose codes are not URIs, a stable public targetUrl.
struct FrameworkKind {
  std::string target_type;
  std::string url_for_code;  // prefix, code appended; empty: fixed page or URN fallback
  std::string fixed_url;
};

FrameworkKind kind_of(const assessment::Framework& f) {
  std::string k = lower(f.id) + " " + lower(f.name);
  if (k.find("esco") != std::string::npos) return {"ext:ESCOSkill", {}, {}};
  if (k.find("rome") != std::string::npos)
    return {"ext:ROME", "https://candidat.francetravail.fr/metierscope/fiche-metier/", {}};
  if (k.find("eqf") != std::string::npos || k.find("cec") != std::string::npos)
    return {"ext:EQFLevel", {}, "https://europass.europa.eu/fr/description-eight-eqf-levels"};
  if (k.find("clea") != std::string::npos || k.find("cléa") != std::string::npos)
    return {"ext:CleA", {}, "https://www.certificat-clea.fr/"};
  return {"ext:" + segment(f.name.empty() ? f.id : f.name), {}, {}};
}

Result<Ob3Alignment> framework_alignment(const Grid& grid, const Alignment& a, Lang lang) {
  const auto* fw = grid.find_framework(a.framework);
  if (!fw)
    return make_error("issuance.bad_grid", grid.key(), lang,
                      {grid.key(), "cadre « " + a.framework + " » non déclaré"});
  FrameworkKind kind = kind_of(*fw);
  Ob3Alignment out;
  out.target_name = a.label.empty() ? fw->name + " " + a.code : a.label;
  if (!a.url.empty()) {
    out.target_url = a.url;
  } else if (!kind.url_for_code.empty()) {
    out.target_url = kind.url_for_code + segment(a.code);
  } else if (!kind.fixed_url.empty()) {
    out.target_url = kind.fixed_url;
  } else {
    out.target_url = "urn:ecusson:framework:" + segment(fw->id) + ":" + segment(a.code);
  }
  out.target_code = a.code;
  out.target_framework = fw->version.empty() ? fw->name : fw->name + " " + fw->version;
  out.target_type = kind.target_type;
  return out;
}

std::string level_name(const Competence& c, const assessment::Level& l) {
  std::string name = c.label + " — niveau " + std::to_string(l.n);
  if (!l.label.empty()) name += " (" + l.label + ")";
  return name;
}

/// Markdown (OB 3.0 allows it in criteria.narrative): what the level means, then the
/// indicators a tutor observes, then how the level is decided. Neutral wording (design §5).
std::string criteria_narrative(const Grid& grid, const Competence& c, const assessment::Level& l,
                               int max_level) {
  std::string t = "Niveau " + std::to_string(l.n) + " sur " + std::to_string(max_level) +
                  " de la compétence « " + c.label + " »";
  if (!l.label.empty()) t += " : " + l.label;
  t += ".\n\n";
  if (!l.descriptor.empty()) t += l.descriptor + "\n\n";
  t += "Indicateurs observés en situation de travail :\n\n";
  for (const auto& ind : l.indicators) {
    t += "- " + ind.label;
    if (ind.critical) t += " *(indispensable)*";
    t += "\n";
  }
  t += "\nLe niveau est proposé à partir des observations recueillies en situation de travail, "
       "puis validé par une personne nommée. Grille « " +
       (grid.title.empty() ? grid.id : grid.title) + " » (" + grid.id + ", version " +
       grid.version + ").";
  return t;
}

std::string description(const Competence& c, const assessment::Level& l, int max_level) {
  std::string d;
  if (!c.description.empty()) d = c.description + " ";
  d += "Niveau " + std::to_string(l.n) + " sur " + std::to_string(max_level);
  if (!l.label.empty()) d += " (" + l.label + ")";
  d += l.descriptor.empty() ? std::string(".") : " : " + l.descriptor;
  return d;
}

}  // namespace

std::string_view award_policy_name(AwardPolicy policy) {
  return policy == AwardPolicy::every ? "every" : "highest";
}

Result<AwardPolicy> parse_award_policy(std::string_view text, Lang lang) {
  if (text == "highest") return AwardPolicy::highest;
  if (text == "every") return AwardPolicy::every;
  return make_error("issuance.bad_award_policy", std::string(text), lang, {text});
}

std::vector<int> levels_to_award(int attained_level, AwardPolicy policy) {
  std::vector<int> out;
  if (attained_level < 1) return out;
  if (policy == AwardPolicy::highest) return {attained_level};
  for (int n = 1; n <= attained_level; ++n) out.push_back(n);
  return out;
}

std::string achievement_id(std::string_view base, std::string_view grid_id,
                           std::string_view grid_version, std::string_view competence_id,
                           int level) {
  return std::string(base) + "/" + competence_path(grid_id, grid_version, competence_id) + "/" +
         std::to_string(level);
}

std::string rubric_level_id(std::string_view base, std::string_view grid_id,
                            std::string_view grid_version, std::string_view competence_id,
                            int level) {
  return std::string(base) + "/" + competence_path(grid_id, grid_version, competence_id) +
         "#level-" + std::to_string(level);
}

Result<std::vector<CatalogueEntry>> build_catalogue(const Grid& grid,
                                                    const CatalogueOptions& options) {
  auto base = parse_base_url(options.base_url, options.lang);
  if (!base) return base.error();
  const std::string& b = base->url;
  const Lang lang = options.lang;
  std::vector<CatalogueEntry> out;
  for (const auto& domain : grid.domains) {
    for (const auto& c : domain.competences) {
      const auto* scale = grid.level_scale_for(c);
      if (!scale || c.levels.empty())
        return make_error("issuance.bad_grid", grid.key(), lang,
                          {grid.key(), "échelle de niveaux introuvable pour " + c.id});
      const int max_level = scale->max_level();

      // The competence's own alignments, shared by all its levels.
      std::vector<Ob3Alignment> competence_alignments;
      for (const auto& a : c.alignments) {
        auto al = framework_alignment(grid, a, lang);
        if (!al) return al.error();
        competence_alignments.push_back(std::move(*al));
      }

      // One resultDescription per competence, shared by its achievements.
      Ob3ResultDescription rd;
      rd.id = b + "/" + competence_path(grid.id, grid.version, c.id) + "#levels";
      rd.name = "Niveau atteint — " + c.label;
      std::vector<std::vector<Ob3Alignment>> level_alignments;
      for (const auto& step : scale->levels) {
        const auto* gl = c.find_level(step.n);
        if (!gl)
          return make_error("issuance.bad_grid", grid.key(), lang,
                            {grid.key(), c.id + " n'a pas de niveau " + std::to_string(step.n)});
        Ob3RubricLevel rl;
        rl.id = rubric_level_id(b, grid.id, grid.version, c.id, step.n);
        rl.name = step.label.empty() ? "Niveau " + std::to_string(step.n) : step.label;
        rl.level = std::to_string(step.n);
        rl.description = gl->descriptor;
        for (const auto& a : step.alignments) {
          auto al = framework_alignment(grid, a, lang);
          if (!al) return al.error();
          rl.alignments.push_back(std::move(*al));
        }
        level_alignments.push_back(rl.alignments);
        rd.levels.push_back(std::move(rl));
      }

      for (std::size_t i = 0; i < scale->levels.size(); ++i) {
        const auto& l = *c.find_level(scale->levels[i].n);
        CatalogueEntry e;
        e.grid_id = grid.id;
        e.grid_version = grid.version;
        e.competence_id = c.id;
        e.level = l.n;
        e.path = competence_path(grid.id, grid.version, c.id) + "/" + std::to_string(l.n);
        Ob3Achievement& a = e.achievement;
        a.id = b + "/" + e.path;
        a.name = level_name(c, l);
        a.description = description(c, l, max_level);
        a.criteria_narrative = criteria_narrative(grid, c, l, max_level);
        a.image = a.id + ".png";
        a.image_caption = a.name;
        a.achievement_type = "Competency";
        a.in_language = grid.lang.empty() ? "fr" : grid.lang;
        a.human_code = c.id + "-" + std::to_string(l.n);
        a.version = grid.version;
        a.tags = {domain.label, c.label};
        // The grid itself first: this competence at this level, in this grid version.
        Ob3Alignment self;
        self.target_name = level_name(c, l);
        self.target_url = a.id;
        self.target_code = c.id + "/" + std::to_string(l.n);
        self.target_framework = "Grille Ecusson " + grid.id + " " + grid.version;
        self.target_type = "ext:GridCompetenceLevel";
        self.target_description = grid.title;
        a.alignments.push_back(std::move(self));
        a.alignments.insert(a.alignments.end(), competence_alignments.begin(),
                            competence_alignments.end());
        a.alignments.insert(a.alignments.end(), level_alignments[i].begin(),
                            level_alignments[i].end());
        a.result_description = rd;
        a.result_description->required_level = rubric_level_id(b, grid.id, grid.version, c.id, l.n);
        out.push_back(std::move(e));
      }
    }
  }
  if (out.empty())
    return make_error("issuance.bad_grid", grid.key(), lang, {grid.key(), "aucune compétence"});
  return out;
}

Result<json::object> achievement_document(const CatalogueEntry& entry) {
  return credentials::build_ob3_achievement(entry.achievement);
}

Result<SyncReport> sync_catalogue(store::Store& store, const Grid& grid,
                                  const CatalogueOptions& options, std::string created_at) {
  auto catalogue = build_catalogue(grid, options);
  if (!catalogue) return catalogue.error();
  if (created_at.empty()) created_at = credentials::utc_now_seconds();
  std::vector<store::Achievement> rows;
  rows.reserve(catalogue->size());
  for (const auto& e : *catalogue) {
    auto doc = achievement_document(e);
    if (!doc) return doc.error();
    rows.push_back({e.achievement.id, e.grid_id, e.grid_version, e.competence_id, e.level,
                    e.achievement.name, json::serialize(*doc), created_at});
  }
  SyncReport report;
  auto tx = store.transact([&](store::Store& s) -> Result<void> {
    report = {};
    for (const auto& row : rows) {
      auto existing = s.find_achievement(row.grid_id, row.grid_version, row.competence_id,
                                         row.level);
      if (!existing) return existing.error();
      if (*existing) {
        // A grid version is immutable: the stored row stays as it is, even if it differs.
        if ((*existing)->id == row.id && (*existing)->document == row.document)
          ++report.unchanged;
        else
          report.kept_different.push_back((*existing)->id);
        continue;
      }
      auto stored = s.put_achievement(row);
      if (!stored) return stored.error();
      ++report.added;
    }
    return {};
  });
  if (!tx) return tx.error();
  return report;
}

}  // namespace ecusson::issuance
