// Temporary entry points while the parser and engine land (replaced file by file).
#include "ecusson/assessment/digest.h"
#include "ecusson/assessment/evaluation.h"
#include "ecusson/assessment/explain.h"
#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/progression.h"
#include "ecusson/assessment/score.h"

namespace ecusson::assessment {
namespace {
Error pending(std::string_view what) {
  return Error("assessment.not_implemented", std::string(what) + ": pas encore disponible");
}
}  // namespace

std::string_view status_label(CompetenceStatus s, Lang) { return to_string(s); }
std::string_view outcome_label(LevelOutcome o, Lang) { return to_string(o); }
std::string_view role_label(EvaluatorRole r, Lang) { return to_string(r); }
std::vector<std::string> explain(const CompetenceResult&, const Grid&, Lang) { return {}; }
std::string flag_label(std::string_view flag, Lang) { return std::string(flag); }
}  // namespace ecusson::assessment
