// Assessor: reads evaluation files, finds their grid, scores them (the CLI's engine room).
//
// An evaluation names its grid by id and version; the Assessor looks for it among the
// *.grid.xml files of a directory (templates/grids by default) unless one grid file is
// imposed, loads each grid once, and scores with the grid's own policy unless a policy file
// is imposed. Errors are values carrying file:line:column. Not thread-safe (it caches
// grids); use one per thread.
#pragma once

#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/parse_options.h"
#include "ecusson/assessment/result.h"
#include "ecusson/assessment/scoring_policy.h"
#include "ecusson/result.h"

namespace ecusson::assessment {

struct AssessOptions {
  /// Language of messages; also copied into `limits.lang`.
  Lang lang = Lang::fr;
  /// Where to look for `<grid id>`@`<version>` when `grid_file` is empty.
  std::filesystem::path grids_dir;
  /// Score every evaluation with this grid (must match the evaluation's grid id).
  std::string grid_file;
  /// Use this policy instead of the grid's own.
  std::string policy_file;
  /// See ValidateOptions::accept_grid_version_drift.
  bool accept_grid_version_drift = false;
  /// File size and nesting limits.
  ParseOptions limits;
  /// When an evaluation does not match its grid, how many of its problems to collect (see
  /// Assessor::last_problems): all of a file's mistakes in one pass, up to this cap.
  std::size_t max_problems = 20;
};

class Assessor {
 public:
  explicit Assessor(AssessOptions options);
  Assessor(const Assessor&) = delete;
  Assessor& operator=(const Assessor&) = delete;

  /// Loads, validates and scores one evaluation file.
  /// Success: the result (its source_file is `path` as given). Failure: the Error of
  /// load_evaluation, load_grid/find_grid ("grid.not_found"), load_policy or score, with
  /// file:line:column.
  /// Example: auto r = assessor.assess_file("examples/evaluations/P-1.exit.eval.xml");
  [[nodiscard]] Result<AssessmentResult> assess_file(const std::string& path);

  /// Every problem of the last evaluation assess_file refused for not matching its grid
  /// (unknown indicators, ratings not in the scale…), in file order, at most
  /// AssessOptions::max_problems; empty after a success or another kind of failure (whose
  /// Error is then the only problem). The first one is the Error assess_file returned.
  const std::vector<Error>& last_problems() const { return last_problems_; }

  /// Copies of every grid loaded so far (one per id@version), in loading order.
  std::vector<Grid> grids() const { return {grids_.begin(), grids_.end()}; }
  /// The loaded grid of a result, or null.
  const Grid* grid_of(const AssessmentResult& result) const;

 private:
  Result<const Grid*> grid_for(std::string_view id, std::string_view version,
                               const std::string& evaluation_file);

  AssessOptions options_;
  std::deque<Grid> grids_;  // deque: pointers handed out stay valid as grids are added
  std::optional<ScoringPolicy> policy_;
  bool policy_loaded_ = false;
  std::vector<Error> last_problems_;
};

/// The *.eval.xml files directly inside `dir`, sorted by name (not recursive).
/// Failure: "io.not_found" / "io.unreadable" naming the directory.
[[nodiscard]] Result<std::vector<std::filesystem::path>> list_evaluation_files(
    const std::filesystem::path& dir, Lang lang = Lang::fr);

}  // namespace ecusson::assessment
