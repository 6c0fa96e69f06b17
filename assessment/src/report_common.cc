#include "report_common.h"

#include <algorithm>

#include <cstdio>

namespace ecusson::assessment::detail {

int percent(const Rational& r) {
  // floor((100·n + d/2) / d) with 128-bit intermediates: exact, no floating point.
  __int128 n = static_cast<__int128>(r.num()) * 100;
  __int128 d = r.den();
  if (d <= 0) return 0;
  __int128 q = (2 * n + d) / (2 * d);
  if (2 * n + d < 0 && (2 * n + d) % (2 * d) != 0) --q;  // floor for negatives
  return static_cast<int>(q);
}

std::string_view phase_label(Phase p, Lang lang) {
  switch (p) {
    case Phase::entry: return tr(lang, "Entrée", "Entry");
    case Phase::intermediate: return tr(lang, "Intermédiaire", "Intermediate");
    case Phase::exit: return tr(lang, "Sortie", "Exit");
    case Phase::follow_up: return tr(lang, "Suivi", "Follow-up");
  }
  return "";
}

std::string short_where(std::string_view where) {
  // Keep everything after the last '/' that comes before the first ':' of "file:line:col".
  std::size_t colon = where.find(':');
  std::size_t slash = where.substr(0, colon).rfind('/');
  if (slash == std::string_view::npos) return std::string(where);
  return std::string(where.substr(slash + 1));
}

std::string_view evaluator_role(const CompetenceResult& c, std::string_view evaluator_id) {
  for (const IndicatorOutcome& i : c.indicators) {
    for (const RatingContribution& rc : i.contributions) {
      if (rc.evaluator == evaluator_id) return to_string(rc.role);
    }
  }
  return "";
}

std::string display_date(const Date& d, Lang lang) {
  if (!d.valid()) return "";
  if (lang == Lang::en) return d.to_string();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

}  // namespace ecusson::assessment::detail

#include "ecusson/assessment/explain.h"

namespace ecusson::assessment::detail {

std::string progression_reason_label(std::string_view code, Lang lang) {
  if (code.empty()) return "";
  if (code == "progression.insufficient_evidence_entry")
    return std::string(tr(lang, "éléments insuffisants à l'entrée", "insufficient evidence at entry"));
  if (code == "progression.insufficient_evidence_exit")
    return std::string(tr(lang, "éléments insuffisants en fin de parcours",
                          "insufficient evidence in the later evaluation"));
  if (code == "progression.divergent_held")
    return std::string(tr(lang, "en attente d'arbitrage", "awaiting arbitration"));
  if (code == "progression.grid_version_mismatch")
    return std::string(tr(lang, "versions de grille différentes", "different grid versions"));
  if (code == "progression.missing_in_entry")
    return std::string(tr(lang, "compétence absente de l'évaluation d'entrée",
                          "competence missing from the entry evaluation"));
  return std::string(code);
}

std::string evaluators_text(const CompetenceResult& c, Lang lang) {
  std::string out;
  for (const std::string& id : c.basis.evaluators) {
    if (!out.empty()) out += ", ";
    out += id;
    std::string_view role = evaluator_role(c, id);
    if (auto r = parse_evaluator_role(role)) {
      out += " (";
      out += role_label(*r, lang);
      out += ')';
    }
  }
  return out;
}

std::string competence_label(const Grid& grid, std::string_view id) {
  const Competence* c = grid.find_competence(id);
  return c && !c->label.empty() ? c->label : std::string(id);
}

}  // namespace ecusson::assessment::detail

namespace ecusson::assessment::detail {

bool level_established(const CompetenceResult& c) {
  return !(c.level == 0 && (c.status == CompetenceStatus::insufficient_evidence ||
                            c.status == CompetenceStatus::divergent_held));
}

}  // namespace ecusson::assessment::detail

namespace ecusson::assessment::detail {

std::vector<WarningGroup> group_warnings(const std::vector<const Error*>& warnings, Lang lang) {
  std::vector<WarningGroup> groups;
  for (const Error* w : warnings) {
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const WarningGroup& g) { return g.code == w->code; });
    if (it == groups.end()) {
      groups.push_back({w->code, {}, {}});
      it = groups.end() - 1;
    }
    it->items.push_back(w);
  }
  for (WarningGroup& g : groups) {
    const std::size_t n = g.items.size();
    const std::string count = std::to_string(n);
    if (g.code == "evaluation.date_outside_placement") {
      g.summary = n == 1 ? std::string(tr(lang,
                               "1 observation datée hors de la période d'immersion (entretien "
                               "avant ou après l'immersion ?)",
                               "1 observation dated outside the placement (an interview held "
                               "before or after it?)"))
                         : count + std::string(tr(lang,
                                        " observations datées hors de la période d'immersion "
                                        "(entretien avant ou après l'immersion ?)",
                                        " observations dated outside the placement (an "
                                        "interview held before or after it?)"));
    } else if (n == 1) {
      g.summary = g.items.front()->message;
    } else {
      g.summary = g.items.front()->message +
                  std::string(tr(lang, " (et ", " (and ")) + std::to_string(n - 1) +
                  std::string(tr(lang, " autre(s) du même type)", " more of the same kind)"));
    }
  }
  return groups;
}

}  // namespace ecusson::assessment::detail
