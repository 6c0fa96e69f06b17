// Evaluation: what evaluators observed for one participant in one phase (design §2, file
// *.eval.xml, namespace urn:ecusson:eval:1).
//
// An evaluation holds raw observations only, never computed levels. It names the grid id
// and version it was written against, a pseudonymous participant ref (identity lives in
// the store), the placement (immersion) context, the evaluators by role, and the dated
// observations with their rating code. load_evaluation/parse_evaluation check the file on
// its own (syntax, dates, duplicate ids, evaluator references, placement window);
// validate_evaluation checks it against a grid (indicators, ratings, grid id/version).
// Plain value type; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecusson/assessment/date.h"
#include "ecusson/assessment/parse_options.h"
#include "ecusson/assessment/rational.h"
#include "ecusson/assessment/scoring_policy.h"
#include "ecusson/assessment/source_position.h"
#include "ecusson/error.h"
#include "ecusson/result.h"

namespace ecusson::assessment {

struct Grid;

enum class Phase { entry, intermediate, exit, follow_up };
/// "entry", "intermediate", "exit", "follow-up".
std::string_view to_string(Phase p);
std::optional<Phase> parse_phase(std::string_view text);

/// Placement completion (Immersion Facilitée's bilan status).
enum class Completion { completed, partially_completed, did_not_show };
/// "completed", "partially-completed", "did-not-show".
std::string_view to_string(Completion c);
std::optional<Completion> parse_completion(std::string_view text);

/// <participant ref/>: pseudonymous id only (RGPD: no name, no health data).
struct Participant {
  std::string ref;
  SourcePos pos;
};

/// <placement …>: the immersion in which observations were made.
struct Placement {
  std::string kind;       // "pmsmp", "stage", … (free token)
  std::string objective;  // "decouvrir-metier" | "confirmer-projet" | "initier-recrutement" | …
  std::string convention_ref;
  Date start;
  Date end;
  std::optional<Rational> hours_planned;
  std::optional<Rational> hours_missed;
  std::optional<Completion> completion;
  std::optional<Date> last_day_of_presence;  // for an early end
  struct Host {
    std::string siret;  // 14 digits
    std::string name;
    std::string naf;
  } host;
  struct Job {
    std::string rome;         // ^[A-N]\d{4}$
    std::string appellation;  // ^\d{5,6}$
    std::string label;
  } job;
  std::string tasks;
  /// Highest level the context lets anyone show (set by the referent), if any.
  std::optional<int> max_observable_level;
  SourcePos pos;
  SourcePos max_level_pos;  // of the maxObservableLevel value (for messages)

  bool ended_early() const {
    return completion == Completion::partially_completed ||
           (last_day_of_presence && *last_day_of_presence < end);
  }
};

/// <evaluator id role org name/>.
struct Evaluator {
  std::string id;
  EvaluatorRole role = EvaluatorRole::tutor;
  std::string org;
  std::string name;
  SourcePos pos;
};

/// <evidence kind ref>text</evidence>.
struct Evidence {
  std::string kind;  // "testimony", "document", "photo", …
  std::string ref;
  std::string text;
  SourcePos pos;
};

/// <obs id indicator by date rating arbitration overrides>.
struct Observation {
  std::string id;         // optional; needed only to be referenced by an arbitration
  std::string indicator;  // an Indicator id of the grid
  std::string by;         // an Evaluator id
  Date date;
  std::string rating;     // a RatingValue code of the competence's rating scale
  std::string situation;
  std::string comment;
  std::vector<Evidence> evidence;
  /// A referent's decision settling a divergent indicator: it replaces every other
  /// rating of that indicator (rectec.md §4.5 case 14).
  bool arbitration = false;
  std::vector<std::string> overrides;  // ids of the observations it settles (audit trail)
  SourcePos pos;
  SourcePos indicator_pos;  // of the indicator attribute's value (for messages)
  SourcePos rating_pos;     // of the rating attribute's value
};

struct Evaluation {
  std::string id;
  std::string grid;          // Grid id
  std::string grid_version;  // Grid version
  Phase phase = Phase::exit;
  Participant participant;
  std::optional<Placement> placement;  // absent for a positioning without immersion
  std::vector<Evaluator> evaluators;
  std::vector<Observation> observations;
  /// Problems that do not make the file unusable (e.g. an observation dated outside the
  /// placement in an entry evaluation). Codes and messages as in Error.
  std::vector<Error> warnings;
  std::string source_file;
  SourcePos pos;
  SourcePos grid_pos;  // of the grid / gridVersion attribute values (for messages)
  SourcePos grid_version_pos;

  const Evaluator* find_evaluator(std::string_view id) const;
};

/// Reads an evaluation file and checks it on its own.
/// Success: the Evaluation (with warnings). Failure (Error.where = "file:line:column"):
///  - the io.* and xml.* codes of load_grid;
///  - "evaluation.duplicate_id" (evaluator or observation id), "evaluation.unknown_evaluator",
///    "evaluation.end_before_start", "evaluation.date_outside_placement" (phase exit only;
///    otherwise a warning), "evaluation.did_not_show_with_observations",
///    "evaluation.arbitration_not_referent", "evaluation.unknown_observation" (overrides),
///    "evaluation.bad_hours".
/// Example: auto e = load_evaluation("examples/evaluations/P-7F3A9C.exit.eval.xml");
[[nodiscard]] Result<Evaluation> load_evaluation(const std::string& path,
                                                 const ParseOptions& options = {});
/// Same as load_evaluation on text already in memory; `file_name` is used in messages.
[[nodiscard]] Result<Evaluation> parse_evaluation(std::string_view xml, std::string_view file_name,
                                                  const ParseOptions& options = {});

/// Options for checking an evaluation against a grid.
struct ValidateOptions {
  Lang lang = Lang::fr;
  /// Accept an evaluation written for another version of the same grid id (a warning is
  /// added; indicators must still exist). Off by default: grids are immutable once used.
  bool accept_grid_version_drift = false;
};

/// Checks an evaluation against the grid it will be scored with.
/// Success: the warnings to show (may be empty). Failure, with file:line:column:
/// "evaluation.grid_mismatch", "evaluation.grid_version_mismatch",
/// "evaluation.unknown_indicator", "evaluation.rating_not_in_scale",
/// "evaluation.max_level_out_of_range".
/// Example: auto w = validate_evaluation(eval, grid);
[[nodiscard]] Result<std::vector<Error>> validate_evaluation(const Evaluation& evaluation,
                                                             const Grid& grid,
                                                             const ValidateOptions& options = {});

/// Every problem validate_evaluation would refuse, in file order, up to `max_problems`
/// (at least 1), so that a file with three mistakes shows three messages in one pass. A
/// wrong grid id or version is reported alone (the other checks would be noise). Empty when
/// validate_evaluation succeeds.
/// Example: for (const Error& e : find_evaluation_problems(eval, grid, {}, 20)) print(e);
[[nodiscard]] std::vector<Error> find_evaluation_problems(const Evaluation& evaluation,
                                                          const Grid& grid,
                                                          const ValidateOptions& options = {},
                                                          std::size_t max_problems = 20);

}  // namespace ecusson::assessment
