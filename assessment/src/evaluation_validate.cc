// Checks an evaluation against the grid it is scored with (rectec.md §4.5 cases 11, 13).
#include <algorithm>
#include <set>

#include "ecusson/assessment/evaluation.h"
#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/messages.h"
#include "indicator_index.h"

namespace ecusson::assessment {

std::vector<Error> find_evaluation_problems(const Evaluation& e, const Grid& g,
                                            const ValidateOptions& options,
                                            std::size_t max_problems) {
  const Lang lang = options.lang;
  std::vector<Error> problems;
  if (max_problems == 0) max_problems = 1;
  // A wrong grid or version makes every later check meaningless: reported alone.
  if (e.grid != g.id) {
    problems.push_back(make_error("evaluation.grid_mismatch", lang, where(e.source_file, e.grid_pos),
                                  {e.grid, g.id}));
    return problems;
  }
  if (e.grid_version != g.version && !options.accept_grid_version_drift) {
    problems.push_back(make_error("evaluation.grid_version_mismatch", lang,
                                  where(e.source_file, e.grid_version_pos),
                                  {e.grid_version, g.id, g.version}));
    return problems;
  }
  auto add = [&](Error err) {
    problems.push_back(std::move(err));
    return problems.size() >= max_problems;
  };
  if (e.placement && e.placement->max_observable_level) {
    int top = 0;
    for (const auto& s : g.level_scales) top = std::max(top, s.max_level());
    if (*e.placement->max_observable_level > top &&
        add(make_error("evaluation.max_level_out_of_range", lang,
                       where(e.source_file, e.placement->max_level_pos),
                       {std::to_string(*e.placement->max_observable_level), std::to_string(top)})))
      return problems;
  }
  detail::IndicatorIndex index(g);
  std::set<std::string_view> evaluators;
  for (const auto& ev : e.evaluators) evaluators.insert(ev.id);
  for (const auto& o : e.observations) {
    // Parsed evaluations are already checked; this guards evaluations built in code.
    if (!evaluators.count(o.by)) {
      if (add(make_error("evaluation.unknown_evaluator", lang, where(e.source_file, o.pos), {o.by, "-"})))
        return problems;
      continue;
    }
    const IndicatorRef* ref = index.find(o.indicator);
    if (!ref) {
      if (add(make_error("evaluation.unknown_indicator", lang, where(e.source_file, o.indicator_pos),
                         {o.indicator, g.key()})))
        return problems;
      continue;
    }
    const RatingScale* scale = g.rating_scale_for(*ref->competence);
    if (scale == nullptr || scale->find(o.rating) == nullptr) {
      std::string codes;
      if (scale)
        for (const auto& v : scale->values) {
          if (!codes.empty()) codes += ", ";
          codes += v.code;
        }
      if (add(make_error("evaluation.rating_not_in_scale", lang, where(e.source_file, o.rating_pos),
                         {o.rating, scale ? scale->id : std::string("?"), o.indicator, codes})))
        return problems;
    }
  }
  return problems;
}

Result<std::vector<Error>> validate_evaluation(const Evaluation& e, const Grid& g,
                                               const ValidateOptions& options) {
  std::vector<Error> problems = find_evaluation_problems(e, g, options, 1);
  if (!problems.empty()) return problems.front();
  std::vector<Error> warnings = e.warnings;
  if (e.grid_version != g.version) {
    warnings.push_back(make_error("evaluation.grid_version_drift", options.lang,
                                  where(e.source_file, e.grid_version_pos),
                                  {e.grid_version, g.version}));
  }
  return warnings;
}

}  // namespace ecusson::assessment
