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

Result<Grid> load_grid(const std::string& path, const ParseOptions&) { return pending("load_grid"); }
Result<Grid> parse_grid(std::string_view, std::string_view, const ParseOptions&) {
  return pending("parse_grid");
}
Result<Grid> find_grid(const std::filesystem::path&, std::string_view, std::string_view,
                       const ParseOptions&) {
  return pending("find_grid");
}
Result<ScoringPolicy> load_policy(const std::string&, const ParseOptions&) {
  return pending("load_policy");
}
Result<ScoringPolicy> parse_policy(std::string_view, std::string_view, const ParseOptions&) {
  return pending("parse_policy");
}
Result<Evaluation> load_evaluation(const std::string&, const ParseOptions&) {
  return pending("load_evaluation");
}
Result<Evaluation> parse_evaluation(std::string_view, std::string_view, const ParseOptions&) {
  return pending("parse_evaluation");
}
Result<std::vector<Error>> validate_evaluation(const Evaluation&, const Grid&,
                                               const ValidateOptions&) {
  return pending("validate_evaluation");
}
Result<AssessmentResult> score(const Evaluation&, const Grid&, const ScoringPolicy&,
                               const ScoreOptions&) {
  return pending("score");
}
Result<std::vector<CompetenceProgression>> compute_progression(
    const AssessmentResult&, const AssessmentResult&, const std::optional<GridVersionMapping>&) {
  return pending("compute_progression");
}
Result<void> apply_progression(const AssessmentResult&, AssessmentResult&,
                               const std::optional<GridVersionMapping>&) {
  return pending("apply_progression");
}
std::string_view status_label(CompetenceStatus s, Lang) { return to_string(s); }
std::string_view outcome_label(LevelOutcome o, Lang) { return to_string(o); }
std::string_view role_label(EvaluatorRole r, Lang) { return to_string(r); }
std::vector<std::string> explain(const CompetenceResult&, const Grid&, Lang) { return {}; }
std::string flag_label(std::string_view flag, Lang) { return std::string(flag); }
std::string canonical_form(const Grid&) { return {}; }
std::string canonical_form(const ScoringPolicy&) { return {}; }
std::string canonical_form(const Evaluation&) { return {}; }
std::string input_digest(const Grid&, const ScoringPolicy&, const Evaluation&) { return {}; }
std::string sha256_hex(std::string_view) { return {}; }

}  // namespace ecusson::assessment
