// Plain-words explanations of a result (French first, English on request).
#include "ecusson/assessment/explain.h"

#include <algorithm>

namespace ecusson::assessment {
namespace {

std::string num(int n) { return std::to_string(n); }

// "3 indicateurs" / "1 indicateur".
std::string count(int n, Lang lang, std::string_view fr_one, std::string_view fr_many,
                  std::string_view en_one, std::string_view en_many) {
  std::string out = num(n) + " ";
  out += lang == Lang::en ? (n == 1 ? en_one : en_many) : (n == 1 ? fr_one : fr_many);
  return out;
}

std::string indicators(int n, Lang lang) {
  return count(n, lang, "indicateur", "indicateurs", "indicator", "indicators");
}

// 2/3 → "67 %" (French, no-break space) or "67%".
std::string percent(const Rational& r, Lang lang) {
  std::string s = (r * Rational(100)).to_decimal(0);
  return lang == Lang::en ? s + "%" : s + "\u00A0%";
}

std::string level_name(const Competence* c, int n, Lang lang) {
  std::string out = std::string(lang == Lang::en ? "level " : "niveau ") + num(n);
  if (c != nullptr)
    if (const Level* l = c->find_level(n); l != nullptr && !l->label.empty())
      out += " (" + l->label + ")";
  return out;
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string indicator_text(const Grid& grid, const std::string& id) {
  if (auto ref = grid.find_indicator(id)) return "« " + ref->indicator->label + " » (" + id + ")";
  return id;
}

// "3 indicateurs observés sur 3, 2 démontrés" for one level.
std::string level_figures(const LevelBasis& b, Lang lang) {
  if (lang == Lang::en)
    return num(b.observed) + " of " + indicators(b.indicators, lang) + " observed (coverage " +
           percent(b.coverage, lang) + "), " + num(b.met) + " demonstrated";
  return num(b.observed) + " " + (b.observed > 1 ? "indicateurs observés" : "indicateur observé") +
         " sur " + num(b.indicators) + " (couverture " + percent(b.coverage, lang) + "), " + num(b.met) +
         (b.met > 1 ? " démontrés" : " démontré");
}

std::string_view reason_label(std::string_view reason, Lang lang) {
  if (reason == "progression.insufficient_evidence_entry")
    return tr(lang, "éléments insuffisants à l'entrée", "insufficient evidence at entry");
  if (reason == "progression.insufficient_evidence_exit")
    return tr(lang, "éléments insuffisants à la sortie", "insufficient evidence at exit");
  if (reason == "progression.divergent_held")
    return tr(lang, "un arbitrage est en attente", "an arbitration is pending");
  if (reason == "progression.grid_version_mismatch")
    return tr(lang, "versions de grille différentes sans correspondance déclarée",
              "different grid versions without a declared mapping");
  if (reason == "progression.missing_in_entry")
    return tr(lang, "compétence absente de l'évaluation d'entrée", "competence missing from the entry evaluation");
  return reason;
}

}  // namespace

std::string_view status_label(CompetenceStatus status, Lang lang) {
  switch (status) {
    case CompetenceStatus::attained: return tr(lang, "atteint", "attained");
    case CompetenceStatus::in_progress: return tr(lang, "en cours", "in progress");
    case CompetenceStatus::insufficient_evidence:
      return tr(lang, "éléments insuffisants", "insufficient evidence");
    case CompetenceStatus::not_demonstrated: return tr(lang, "non démontré", "not demonstrated");
    case CompetenceStatus::divergent_held:
      return tr(lang, "en attente d'arbitrage", "held for arbitration");
  }
  return "";
}

std::string_view outcome_label(LevelOutcome outcome, Lang lang) {
  switch (outcome) {
    case LevelOutcome::attained: return tr(lang, "atteint", "attained");
    case LevelOutcome::partial: return tr(lang, "partiel", "partial");
    case LevelOutcome::insufficient_evidence:
      return tr(lang, "éléments insuffisants", "insufficient evidence");
    case LevelOutcome::not_demonstrated: return tr(lang, "non démontré", "not demonstrated");
  }
  return "";
}

std::string_view role_label(EvaluatorRole role, Lang lang) {
  switch (role) {
    case EvaluatorRole::tutor: return tr(lang, "tuteur", "tutor");
    case EvaluatorRole::referent: return tr(lang, "référent", "referent");
    case EvaluatorRole::self: return tr(lang, "auto-évaluation", "self-assessment");
  }
  return "";
}

std::string flag_label(std::string_view flag, Lang lang) {
  if (flag == "placement.ended_early")
    return std::string(tr(lang, "Immersion interrompue avant la date prévue (sans effet sur les niveaux)",
                          "Placement ended before the planned date (no effect on levels)"));
  if (flag == "placement.attendance")
    return std::string(tr(lang, "Nombreuses heures manquées : à examiner, sans pénalité sur les compétences",
                          "Many missed hours: to review, no penalty on competences"));
  if (flag == "placement.did_not_show")
    return std::string(tr(lang, "La personne ne s'est pas présentée : aucun résultat",
                          "The participant did not show up: no result"));
  if (flag == "evaluation.grid_version_drift")
    return std::string(tr(lang, "Évaluation écrite pour une autre version de la grille",
                          "Evaluation written for another version of the grid"));
  if (flag == "evaluation.self_only_indicators")
    return std::string(tr(lang, "Certains indicateurs ne sont renseignés qu'en auto-évaluation (montrée, non comptée)",
                          "Some indicators were rated only in self-assessment (shown, not counted)"));
  return std::string(flag);
}

std::vector<std::string> explain(const CompetenceResult& c, const Grid& grid, Lang lang) {
  std::vector<std::string> out;
  const Competence* comp = grid.find_competence(c.competence);
  auto level_basis = [&](int n) -> const LevelBasis* {
    if (n < 1 || n > static_cast<int>(c.levels.size())) return nullptr;
    return &c.levels[static_cast<std::size_t>(n - 1)];
  };
  const bool en = lang == Lang::en;

  // 1. The status and why.
  switch (c.status) {
    case CompetenceStatus::attained:
      if (const LevelBasis* b = level_basis(c.level))
        out.push_back(capitalised(level_name(comp, c.level, lang)) + (en ? " attained: " : " atteint : ") +
                      level_figures(*b, lang) + ".");
      break;
    case CompetenceStatus::in_progress:
      if (const LevelBasis* b = level_basis(1))
        out.push_back(capitalised(level_name(comp, 1, lang)) + (en ? " in progress: " : " en cours : ") +
                      level_figures(*b, lang) +
                      (en ? "; not yet enough to attain it." : " ; pas encore assez pour l'atteindre."));
      break;
    case CompetenceStatus::insufficient_evidence:
      if (const LevelBasis* b = level_basis(1))
        out.push_back(en ? "Not enough observed to decide (not a failure): " + level_figures(*b, lang) +
                               " at level 1."
                         : "Pas assez d'observations pour se prononcer (ce n'est pas un échec) : " +
                               level_figures(*b, lang) + " au niveau 1.");
      break;
    case CompetenceStatus::not_demonstrated:
      if (const LevelBasis* b = level_basis(1))
        out.push_back(capitalised(level_name(comp, 1, lang)) +
                      (en ? " not demonstrated: " : " non démontré : ") + level_figures(*b, lang) + ".");
      break;
    case CompetenceStatus::divergent_held: {
      std::string ids;
      for (const auto& io : c.indicators)
        if (io.held && io.level <= std::min(c.level + 1, c.cap)) {
          if (!ids.empty()) ids += ", ";
          ids += indicator_text(grid, io.id);
        }
      out.push_back(en ? "Held for arbitration: evaluators disagree on " + ids +
                             "; a referent must decide (record an observation with arbitration=\"true\")."
                       : "En attente d'arbitrage : les évaluateurs divergent sur " + ids +
                             " ; un référent doit trancher (observation avec arbitration=\"true\").");
      if (c.level >= 1)
        out.push_back(en ? "Provisionally: " + level_name(comp, c.level, lang) + " attained."
                         : "À titre provisoire : " + level_name(comp, c.level, lang) + " atteint.");
      break;
    }
  }

  // 2. The next level.
  if (c.next_level && c.next_outcome && c.status == CompetenceStatus::attained) {
    if (const LevelBasis* b = level_basis(*c.next_level))
      out.push_back(capitalised(level_name(comp, *c.next_level, lang)) + (en ? ": " : " : ") +
                    std::string(*c.next_outcome == LevelOutcome::partial
                                    ? tr(lang, "en cours", "in progress")
                                    : outcome_label(*c.next_outcome, lang)) +
                    " (" + level_figures(*b, lang) + ").");
  }

  // 3. Essential (critical) indicators that blocked the deciding level.
  int decisive = c.next_level ? *c.next_level : (c.level == 0 ? 1 : 0);
  if (const LevelBasis* b = level_basis(decisive)) {
    for (const auto& id : b->critical_unmet)
      out.push_back((en ? "Essential indicator not demonstrated at level " : "Indicateur essentiel non démontré au niveau ") +
                    num(decisive) + " : " + indicator_text(grid, id) + ".");
    for (const auto& id : b->critical_unobserved)
      out.push_back((en ? "Essential indicator not observed at level " : "Indicateur essentiel non observé au niveau ") +
                    num(decisive) + " : " + indicator_text(grid, id) + ".");
  }

  // 4. Gap fill, cap, inconsistency.
  for (const auto& b : c.levels)
    if (b.gap_filled)
      out.push_back(en ? "Level " + num(b.n) + " counted as attained: little observed, but a higher level is clearly attained."
                       : "Niveau " + num(b.n) + " considéré comme acquis : peu observé, mais un niveau supérieur est clairement atteint.");
  if (c.capped) {
    if (c.uncapped_level > c.level)
      out.push_back(en ? "Capped at level " + num(c.cap) + " by the placement context (level " + num(c.uncapped_level) +
                             " without the cap)."
                       : "Plafonné au niveau " + num(c.cap) + " par le contexte de l'immersion (niveau " +
                             num(c.uncapped_level) + " sans plafond).");
    else
      out.push_back(en ? "The placement could not show more than level " + num(c.cap) + "."
                       : "Le contexte de l'immersion ne permettait pas d'observer au-delà du niveau " + num(c.cap) + ".");
  }
  for (int n : c.inconsistent_levels)
    out.push_back(en ? "To review: level " + num(n) + " looks attained while a lower level is not; it is not awarded."
                     : "À examiner : le niveau " + num(n) + " paraît atteint alors qu'un niveau inférieur ne l'est pas ; il n'est pas retenu.");

  // 5. Who observed.
  std::string roles;
  int other_roles = 0;
  for (EvaluatorRole r : c.basis.roles) {
    if (!roles.empty()) roles += ", ";
    roles += role_label(r, lang);
    if (r != EvaluatorRole::self) ++other_roles;
  }
  if (other_roles == 1)
    out.push_back(en ? "A single point of view (" + roles + "): confidence is lower."
                     : "Un seul regard (" + roles + ") : la confiance est réduite.");
  else if (other_roles > 1)
    out.push_back((en ? "Evaluators counted: " : "Évaluateurs pris en compte : ") + roles + ".");
  if (c.basis.self_only > 0)
    out.push_back(en ? indicators(c.basis.self_only, lang) + " rated only in self-assessment (shown, not counted)."
                     : indicators(c.basis.self_only, lang) +
                           (c.basis.self_only > 1 ? " renseignés" : " renseigné") +
                           " seulement en auto-évaluation (montrée, non comptée).");
  if (!c.basis.evaluator_requirement_met)
    out.push_back(en ? "The policy requires more evaluator roles before a badge can be issued."
                     : "La politique demande davantage de rôles d'évaluateurs avant toute délivrance de badge.");

  // 6. Progression.
  if (c.progression) {
    const Progression& p = *c.progression;
    if (p.comparable) {
      std::string delta = (p.delta > 0 ? "+" : "") + num(p.delta);
      out.push_back((en ? "Progress since entry: level " : "Progression depuis l'entrée : niveau ") +
                    num(p.entry_level) + " → " + num(p.exit_level) + " (" + delta + ").");
    } else {
      out.push_back((en ? "Progress not comparable: " : "Progression non calculable : ") +
                    std::string(reason_label(p.reason, lang)) + ".");
    }
  }
  return out;
}

}  // namespace ecusson::assessment
