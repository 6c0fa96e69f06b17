// The small pure helpers of the store's value types.
#include "ecusson/store/credentials.h"
#include "ecusson/store/evaluations.h"
#include "ecusson/store/participants.h"
#include "ecusson/store/status_lists.h"

namespace ecusson::store {

std::string_view to_string(ConsentState s) {
  return s == ConsentState::withdrawn ? "withdrawn" : "given";
}

std::string_view to_string(Decision d) { return d == Decision::lower ? "lower" : "confirm"; }

std::string_view to_string(StatusPurpose p) {
  return p == StatusPurpose::suspension ? "suspension" : "revocation";
}

std::string award_key(std::string_view participant_ref, std::string_view achievement_id,
                      std::string_view evaluation_id) {
  std::string key = "award:";
  auto part = [&](std::string_view s, bool last) {
    key += std::to_string(s.size());
    key += ':';
    key += s;
    if (!last) key += '|';
  };
  part(participant_ref, false);
  part(achievement_id, false);
  part(evaluation_id, true);
  return key;
}

}  // namespace ecusson::store
