// Progression between an entry result and a later one (rectec.md §3.4, §4.3 step 7,
// §4.5 case 11).
#include "ecusson/assessment/progression.h"

#include "ecusson/assessment/messages.h"

namespace ecusson::assessment {

Result<std::vector<CompetenceProgression>> compute_progression(
    const AssessmentResult& entry, const AssessmentResult& later,
    const std::optional<GridVersionMapping>& mapping) {
  if (entry.participant_ref != later.participant_ref)
    return make_error("progression.participant_mismatch", Lang::fr, later.source_file,
                      {entry.participant_ref, later.participant_ref});
  if (entry.phase != Phase::entry)
    return make_error("progression.not_entry", Lang::fr, entry.source_file,
                      {entry.evaluation_id, to_string(entry.phase)});
  if (entry.grid_id != later.grid_id)
    return make_error("progression.grid_mismatch", Lang::fr, later.source_file,
                      {entry.grid_id, later.grid_id});

  // Same version, or an explicit mapping between the two versions; else not comparable.
  bool same_version = entry.grid_version == later.grid_version;
  bool mapped = !same_version && mapping && mapping->grid_id == later.grid_id &&
                mapping->from_version == entry.grid_version && mapping->to_version == later.grid_version;
  std::map<std::string, std::string> later_to_entry;
  if (mapped)
    for (const auto& [from, to] : mapping->competences) later_to_entry[to] = from;

  std::vector<CompetenceProgression> out;
  for (const CompetenceResult& c : later.competences) {
    CompetenceProgression cp;
    cp.competence = c.competence;
    Progression& p = cp.progression;
    p.entry_evaluation = entry.evaluation_id;
    p.exit_level = c.level;
    std::string entry_id = c.competence;
    if (auto it = later_to_entry.find(c.competence); it != later_to_entry.end()) entry_id = it->second;
    const CompetenceResult* e = entry.find(entry_id);
    if (!same_version && !mapped) {
      p.reason = "progression.grid_version_mismatch";
    } else if (entry.no_result || e == nullptr) {
      p.reason = "progression.missing_in_entry";
    } else if (later.no_result) {
      p.reason = "progression.insufficient_evidence_exit";
    } else if (e->status == CompetenceStatus::insufficient_evidence) {
      p.reason = "progression.insufficient_evidence_entry";
    } else if (c.status == CompetenceStatus::insufficient_evidence) {
      p.reason = "progression.insufficient_evidence_exit";
    } else if (e->status == CompetenceStatus::divergent_held || c.status == CompetenceStatus::divergent_held) {
      p.reason = "progression.divergent_held";
    } else {
      p.comparable = true;
    }
    if (e != nullptr) p.entry_level = e->level;
    if (p.comparable) p.delta = p.exit_level - p.entry_level;
    out.push_back(std::move(cp));
  }
  return out;
}

Result<void> apply_progression(const AssessmentResult& entry, AssessmentResult& later,
                               const std::optional<GridVersionMapping>& mapping) {
  auto p = compute_progression(entry, later, mapping);
  if (!p) return p.error();
  for (std::size_t i = 0; i < later.competences.size(); ++i)
    later.competences[i].progression = (*p)[i].progression;
  return {};
}

}  // namespace ecusson::assessment
