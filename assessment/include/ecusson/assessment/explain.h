// Plain-words explanations of a result, for reports and the validation screen.
//
// A chargée de mission must be able to read why a level was proposed: "Niveau 2 atteint :
// 5 indicateurs observés sur 6, 4 démontrés ; le niveau 3 est en cours (1 indicateur
// démontré sur 3)". These functions turn the basis of a CompetenceResult into such
// sentences, in French or English. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/result.h"
#include "ecusson/lang.h"

namespace ecusson::assessment {

/// Short label: "atteint", "en cours", "éléments insuffisants", "non démontré",
/// "en attente d'arbitrage" (or the English ones).
std::string_view status_label(CompetenceStatus status, Lang lang = Lang::fr);
/// "atteint", "partiel", "éléments insuffisants", "non démontré" (or English).
std::string_view outcome_label(LevelOutcome outcome, Lang lang = Lang::fr);
/// "tuteur", "référent", "auto-évaluation" (or English).
std::string_view role_label(EvaluatorRole role, Lang lang = Lang::fr);

/// Sentences explaining one competence's result: the level and why, the next level, cap,
/// divergences to arbitrate, critical indicators, inconsistencies, evaluators, progression.
/// `grid` gives labels (indicator wording); ids are used for anything it lacks.
/// Example: explain(result.competences[0], grid)[0] == "Niveau 2 atteint (…)"
std::vector<std::string> explain(const CompetenceResult& competence, const Grid& grid,
                                 Lang lang = Lang::fr);

/// A summary sentence for a result's flags ("Immersion interrompue avant la date prévue").
std::string flag_label(std::string_view flag, Lang lang = Lang::fr);

}  // namespace ecusson::assessment
