#include "ecusson/assessment/assessor.h"

#include <algorithm>
#include <system_error>

#include "ecusson/assessment/evaluation.h"
#include "ecusson/assessment/messages.h"
#include "ecusson/assessment/score.h"

namespace ecusson::assessment {

Assessor::Assessor(AssessOptions options) : options_(std::move(options)) {
  options_.limits.lang = options_.lang;
}

const Grid* Assessor::grid_of(const AssessmentResult& result) const {
  for (const Grid& g : grids_) {
    if (g.id == result.grid_id && g.version == result.grid_version) return &g;
  }
  return nullptr;
}

Result<const Grid*> Assessor::grid_for(std::string_view id, std::string_view version,
                                       const std::string& evaluation_file) {
  if (!options_.grid_file.empty()) {
    // One imposed grid: load it once; score() reports an id/version mismatch.
    if (grids_.empty()) {
      auto g = load_grid(options_.grid_file, options_.limits);
      if (!g) return g.error();
      grids_.push_back(std::move(*g));
    }
    return &grids_.front();
  }
  for (const Grid& g : grids_) {
    if (g.id == id && g.version == version) return &g;
  }
  auto g = find_grid(options_.grids_dir, id, version, options_.limits);
  if (!g) {
    Error e = g.error();
    if (e.where.empty()) e.where = evaluation_file;
    return e;
  }
  grids_.push_back(std::move(*g));
  return &grids_.back();
}

Result<AssessmentResult> Assessor::assess_file(const std::string& path) {
  last_problems_.clear();
  auto evaluation = load_evaluation(path, options_.limits);
  if (!evaluation) return evaluation.error();
  auto grid = grid_for(evaluation->grid, evaluation->grid_version, path);
  if (!grid) {
    // Point at the evaluation's gridVersion attribute: that is what the user edits.
    Error e = grid.error();
    if (e.code == "grid.not_found") e.where = where(path, evaluation->grid_version_pos);
    return e;
  }
  if (!policy_loaded_ && !options_.policy_file.empty()) {
    auto p = load_policy(options_.policy_file, options_.limits);
    if (!p) return p.error();
    policy_ = std::move(*p);
  }
  policy_loaded_ = true;
  ScoringPolicy policy = policy_ ? *policy_ : (*grid)->effective_policy();
  ScoreOptions score_options;
  score_options.lang = options_.lang;
  score_options.accept_grid_version_drift = options_.accept_grid_version_drift;
  auto result = score(*evaluation, **grid, policy, score_options);
  if (!result) {
    if (result.error().code.starts_with("evaluation.")) {
      last_problems_ = find_evaluation_problems(
          *evaluation, **grid, {options_.lang, options_.accept_grid_version_drift},
          options_.max_problems);
    }
    return result.error();
  }
  if (result->source_file.empty()) result->source_file = path;
  return result;
}

Result<std::vector<std::filesystem::path>> list_evaluation_files(
    const std::filesystem::path& dir, Lang lang) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) {
    return make_error("io.not_found", lang, dir.string());
  }
  std::vector<std::filesystem::path> files;
  std::filesystem::directory_iterator it(dir, ec), end;
  if (ec) return make_error("io.unreadable", lang, dir.string(), {ec.message()});
  for (; it != end; it.increment(ec)) {
    if (ec) return make_error("io.unreadable", lang, dir.string(), {ec.message()});
    const auto& p = it->path();
    std::string name = p.filename().string();
    if (name.size() > 9 && name.ends_with(".eval.xml") && !name.starts_with(".") &&
        it->is_regular_file(ec)) {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace ecusson::assessment
