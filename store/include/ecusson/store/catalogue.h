// The achievement catalogue: one OB 3.0 Achievement per (grid, grid version, competence,
// level), stored as the JSON document that issuance built, versioned with the grid.
// A grid version is immutable once used, so an achievement is never rewritten: putting it
// again returns the stored one. Plain value types and an interface.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ecusson/result.h"

namespace ecusson::store {

struct Achievement {
  std::string id;             // the Achievement's id URL
  std::string grid_id;        // "rectec-style-fr"
  std::string grid_version;   // "1.0.0"
  std::string competence_id;  // "ORG.ACT"
  int level = 0;              // 1..N
  std::string name;           // "Organiser son activité — niveau 2"
  std::string document;       // the Achievement JSON
  std::string created_at;
  friend bool operator==(const Achievement&, const Achievement&) = default;
};

class CatalogueRepository {
 public:
  virtual ~CatalogueRepository() = default;

  /// Inserts the achievement; when one exists for the same (grid, version, competence,
  /// level) returns the stored one unchanged (a shipped catalogue entry is never edited).
  /// Fails with store.constraint (same id for another key, level < 1), store.readonly…
  [[nodiscard]] virtual Result<Achievement> put_achievement(const Achievement& a) = 0;
  /// Fails with store.not_found.
  [[nodiscard]] virtual Result<Achievement> get_achievement(const std::string& id) = 0;
  /// Empty optional when that (grid, version, competence, level) has no achievement.
  [[nodiscard]] virtual Result<std::optional<Achievement>> find_achievement(
      const std::string& grid_id, const std::string& grid_version,
      const std::string& competence_id, int level) = 0;
  /// A grid version's achievements, by competence then level.
  [[nodiscard]] virtual Result<std::vector<Achievement>> list_achievements(
      const std::string& grid_id, const std::string& grid_version) = 0;
};

}  // namespace ecusson::store
