// Grid: a versioned competence grid (design §2, file *.grid.xml, urn:ecusson:grid:1).
//
// A grid declares frameworks (ESCO, ROME, CléA, EQF…), one or more level scales (any number
// of levels, per competence), one or more rating scales (what observers write for an
// indicator, including a "non observé" value), domains of competences, and for each
// competence its levels with a descriptor and observable indicators. A grid is immutable
// once used: evaluations name its id and version. load_grid/parse_grid return only grids
// that passed validation (unique ids, declared frameworks, weights > 0, at least one
// indicator per level, references resolve). Plain value type; thread-compatible. Lookups
// return pointers into the grid, valid while the Grid lives and is not modified.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecusson/assessment/parse_options.h"
#include "ecusson/assessment/rational.h"
#include "ecusson/assessment/scoring_policy.h"
#include "ecusson/assessment/source_position.h"
#include "ecusson/result.h"

namespace ecusson::assessment {

/// <framework id name version uriBase/>: a reference system that alignments point into.
struct Framework {
  std::string id;        // local id used by alignment@framework ("esco")
  std::string name;      // "ESCO"
  std::string version;   // pinned version ("1.2.0")
  std::string uri_base;  // optional: prefix making a code a URI
  SourcePos pos;
};

/// <alignment framework code label match/>: a link to a framework entry.
struct Alignment {
  std::string framework;  // a declared Framework id
  std::string code;       // code in that framework (ESCO UUID, EQF level "3", ROME "K2204")
  std::string label;
  std::string match;      // "exact" | "related" (default "related")
  /// uri_base + code when the framework has a uri_base, else empty (filled by the parser).
  std::string url;
  SourcePos pos;
};

/// <levelScale id><level n code label>…</levelScale>: the levels a competence can reach.
struct LevelScale {
  struct Step {
    int n = 0;  // 1..N, contiguous
    std::string code;
    std::string label;
    std::vector<Alignment> alignments;  // e.g. EQF level
    SourcePos pos;
  };
  std::string id;
  std::vector<Step> levels;  // ordered by n
  SourcePos pos;
  int max_level() const { return levels.empty() ? 0 : levels.back().n; }
  const Step* find(int n) const;
};

/// <value code label rank meets observed/>: one rating an observer may give.
struct RatingValue {
  std::string code;    // what observation@rating holds ("2", "NO", "acquis")
  std::string label;   // "Démontré"
  int rank = 0;        // order; meaningless when !observed
  bool meets = false;  // this rating demonstrates the indicator
  bool observed = true;  // false for "non observé": drops out of the denominators
  SourcePos pos;
};

/// <ratingScale id>: the values an observer chooses from.
struct RatingScale {
  std::string id;
  std::vector<RatingValue> values;
  SourcePos pos;
  const RatingValue* find(std::string_view code) const;
  /// Lowest rank among values with meets=true (validation guarantees one exists).
  int min_meeting_rank() const;
};

/// <indicator id weight critical>text</indicator>: something a tutor can observe.
struct Indicator {
  std::string id;      // unique in the grid; stable across versions and contextualisations
  Rational weight = 1; // > 0, exact decimal
  bool critical = false;
  std::string label;   // the observable behaviour, in the grid's language
  SourcePos pos;
};

/// <level n><descriptor/><indicator/>…</level> inside a competence.
struct Level {
  int n = 0;
  std::string label;       // from the level scale (or the level's own label attribute)
  std::string descriptor;
  std::vector<Indicator> indicators;  // at least one
  SourcePos pos;
};

/// <competence id levelScale ratingScale gradingModel>.
struct Competence {
  std::string id;
  std::string label;
  std::string description;
  std::vector<Alignment> alignments;
  std::string level_scale;   // LevelScale id
  std::string rating_scale;  // RatingScale id (defaults to the grid's only/first scale)
  std::string grading_model; // free text, e.g. "autonomy-responsibility"
  std::vector<Level> levels; // ordered by n, one per scale step
  SourcePos pos;
  const Level* find_level(int n) const;
};

/// <domain id label>: a group of competences ("pôle").
struct Domain {
  std::string id;
  std::string label;
  std::vector<Competence> competences;
  SourcePos pos;
};

/// <contextualisation rome><indicatorOverride ref>wording</indicatorOverride>: job-specific
/// wording for indicators. Overrides keep the indicator ids, so progression and scoring are
/// unaffected (rectec.md §4.5 case 17).
struct Contextualisation {
  struct Override {
    std::string ref;    // an Indicator id of this grid
    std::string label;  // replacement wording
    SourcePos pos;
  };
  std::string rome;  // ROME code, ^[A-N]\d{4}$
  std::string label;
  std::vector<Override> overrides;
  SourcePos pos;
};

/// Where an indicator sits in the grid.
struct IndicatorRef {
  const Domain* domain = nullptr;
  const Competence* competence = nullptr;
  const Level* level = nullptr;
  const Indicator* indicator = nullptr;
};

struct Grid {
  std::string id;       // "rectec-style-fr"
  std::string version;  // semver "1.0.0"
  std::string lang;     // "fr"
  std::string title;
  std::string source_name;  // <source name url note/>: inspiration and licence note
  std::string source_url;
  std::string source_note;
  std::vector<Framework> frameworks;
  std::vector<LevelScale> level_scales;
  std::vector<RatingScale> rating_scales;
  std::vector<Domain> domains;
  std::vector<Contextualisation> contextualisations;
  /// The grid's own <scoringPolicy>, if any.
  std::optional<ScoringPolicy> policy;
  std::string source_file;
  SourcePos pos;

  /// The grid's policy, or ScoringPolicy::defaults().
  ScoringPolicy effective_policy() const { return policy ? *policy : ScoringPolicy::defaults(); }
  /// "rectec-style-fr@1.0.0".
  std::string key() const { return id + "@" + version; }

  const Framework* find_framework(std::string_view id) const;
  const LevelScale* find_level_scale(std::string_view id) const;
  const RatingScale* find_rating_scale(std::string_view id) const;
  const Competence* find_competence(std::string_view id) const;
  /// The domain that holds a competence.
  const Domain* domain_of(std::string_view competence_id) const;
  /// Finds an indicator by id anywhere in the grid; nullopt when unknown.
  std::optional<IndicatorRef> find_indicator(std::string_view id) const;
  /// The rating scale a competence uses (never null in a validated grid).
  const RatingScale* rating_scale_for(const Competence& c) const;
  const LevelScale* level_scale_for(const Competence& c) const;
  /// Indicator wording for a job: the override of the contextualisation for `rome`, else
  /// the indicator's own label.
  std::string_view indicator_label(const Indicator& ind, std::string_view rome = {}) const;
  /// Number of competences over all domains.
  std::size_t competence_count() const;
};

/// Reads and validates a grid file.
/// Success: a validated Grid. Failure (Error.where = "file:line:column"):
///  - "io.not_found", "io.unreadable", "xml.too_large" (checked before reading), "xml.empty";
///  - "xml.invalid_utf8", "xml.invalid_char", "xml.malformed", "xml.doctype", "xml.too_deep";
///  - "xml.wrong_root", "xml.wrong_namespace", "xml.unknown_element",
///    "xml.unknown_attribute", "xml.missing_attribute", "xml.missing_element",
///    "xml.bad_value", "xml.duplicate_element";
///  - "grid.duplicate_id", "grid.unknown_framework", "grid.unknown_level_scale",
///    "grid.unknown_rating_scale", "grid.bad_weight", "grid.empty_level",
///    "grid.level_mismatch", "grid.bad_scale", "grid.unknown_indicator" (override),
///    "grid.no_competence", "grid.bad_version".
/// Example: auto g = load_grid("templates/grids/rectec-style.grid.xml");
[[nodiscard]] Result<Grid> load_grid(const std::string& path, const ParseOptions& options = {});
/// Same as load_grid for text already in memory; `file_name` is used in messages.
[[nodiscard]] Result<Grid> parse_grid(std::string_view xml, std::string_view file_name,
                                      const ParseOptions& options = {});

/// Finds the grid `id`@`version` among the *.grid.xml files of `dir` (not recursive).
/// Success: that grid. Failure: "grid.not_found" (naming id, version and dir), or the
/// load error of a file whose root names that id and version. Files that fail to load but
/// are not the wanted grid are skipped.
/// Example: auto g = find_grid("templates/grids", "rectec-style-fr", "1.0.0");
[[nodiscard]] Result<Grid> find_grid(const std::filesystem::path& dir, std::string_view id,
                                     std::string_view version, const ParseOptions& options = {});

}  // namespace ecusson::assessment
