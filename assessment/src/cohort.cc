#include "ecusson/assessment/cohort.h"

#include <algorithm>
#include <map>

#include "ecusson/assessment/progression.h"

namespace ecusson::assessment {

namespace {

Date end_date(const AssessmentResult& r) { return r.placement ? r.placement->end : Date{}; }

// Which later phase represents "the outcome": exit first, then follow-up, then intermediate.
int later_rank(Phase p) {
  switch (p) {
    case Phase::exit: return 3;
    case Phase::follow_up: return 2;
    case Phase::intermediate: return 1;
    case Phase::entry: return 0;
  }
  return 0;
}

}  // namespace

bool earlier_than(const AssessmentResult& a, const AssessmentResult& b) {
  Date da = end_date(a), db = end_date(b);
  if (da != db) return da < db;
  return a.evaluation_id < b.evaluation_id;
}

Cohort build_cohort(std::vector<AssessmentResult> results, const std::vector<Grid>& grids,
                    Lang lang) {
  Cohort cohort;
  cohort.evaluation_count = results.size();
  // grid key -> participant -> results
  std::map<std::string, std::map<std::string, std::vector<AssessmentResult>>> by_grid;
  for (AssessmentResult& r : results) {
    std::string key = r.grid_id + "@" + r.grid_version;
    by_grid[key][r.participant_ref].push_back(std::move(r));
  }
  for (auto& [key, participants] : by_grid) {
    const Grid* grid = nullptr;
    for (const Grid& g : grids) {
      if (g.key() == key) grid = &g;
    }
    if (grid == nullptr) {
      cohort.warnings.push_back(Error("cohort.grid_missing",
                                      std::string(tr(lang, "grille absente : ", "missing grid: ")) +
                                          key));
      continue;
    }
    CohortGroup group;
    group.grid = *grid;
    for (auto& [ref, list] : participants) {
      std::sort(list.begin(), list.end(), earlier_than);
      ParticipantRecord rec;
      rec.participant = ref;
      const AssessmentResult* entry = nullptr;
      const AssessmentResult* later = nullptr;
      for (const AssessmentResult& r : list) {
        if (r.phase == Phase::entry) {
          entry = &r;  // sorted: the last one wins
        } else if (later == nullptr || later_rank(r.phase) >= later_rank(later->phase)) {
          later = &r;  // a higher phase wins; within a phase, the latest
        }
      }
      for (const AssessmentResult& r : list) {
        if (&r != entry && &r != later) rec.other_evaluations.push_back(r.evaluation_id);
      }
      std::sort(rec.other_evaluations.begin(), rec.other_evaluations.end());
      if (entry) rec.entry = *entry;
      if (later) {
        rec.later = *later;
        if (entry) {
          auto applied = apply_progression(*entry, *rec.later);
          if (!applied) {
            Error e = applied.error();
            if (e.where.empty()) e.where = later->source_file;
            cohort.warnings.push_back(std::move(e));
          }
        }
      }
      group.participants.push_back(std::move(rec));
    }
    cohort.groups.push_back(std::move(group));
  }
  return cohort;
}

}  // namespace ecusson::assessment
