// Catalogue: the Achievements a grid gives rise to, one per (competence, level) (design §1:
// issuance is the only place that knows a competence level becomes an Achievement).
//
// build_catalogue turns a validated assessment::Grid into credentials::Ob3Achievement
// values: a stable id under the issuer's base URL that names grid, grid version,
// competence and level; a neutral French name (competence and level labels, nothing about
// the programme the person follows, design §5); a criteria narrative in Markdown built from
// the level's descriptor and indicators; the grid's alignments (the grid code itself, ESCO,
// ROME, CléA, EQF…); achievementType "Competency"; an image URL following the badge-art
// convention (nothing is rendered here); and a resultDescription listing the competence's
// levels as RubricCriterionLevel, so a credential's result.achievedLevel points at one.
// A grid version is immutable once used, so the catalogue is too: sync_catalogue only
// ever adds rows. Pure functions over value types, except sync_catalogue, which writes
// through the store it is given (not thread-safe, like the Store itself).
#pragma once

#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ecusson/assessment/grid.h"
#include "ecusson/credentials/ob3_credential.h"
#include "ecusson/lang.h"
#include "ecusson/result.h"
#include "ecusson/store/store.h"

namespace ecusson::issuance {

/// Which levels a validated, attained level gives badges for (rectec.md §4.4).
enum class AwardPolicy {
  highest,  // only the attained level: the levels below are implied (default)
  every,    // every level from 1 up to the attained one ("stacked" badges)
};

/// "highest" / "every". Example: award_policy_name(AwardPolicy::every) == "every".
std::string_view award_policy_name(AwardPolicy policy);

/// Parses "highest" or "every". Fails with issuance.bad_award_policy (where = the text).
/// Example: parse_award_policy("every") -> AwardPolicy::every
[[nodiscard]] Result<AwardPolicy> parse_award_policy(std::string_view text, Lang lang = Lang::fr);

/// The levels to award, ascending, for a competence attained at `attained_level`: {n} for
/// highest, {1, …, n} for every; empty when attained_level < 1 (nothing attained). The
/// caller checks the level exists in the grid.
/// Example: levels_to_award(3, AwardPolicy::every) == {1, 2, 3}
std::vector<int> levels_to_award(int attained_level, AwardPolicy policy = AwardPolicy::highest);

struct CatalogueOptions {
  /// Where the issuer publishes (issuance/base_url.h; the store's issuer base_url). Checked
  /// with parse_base_url; ids are built from its normalised form.
  std::string base_url = "http://127.0.0.1:8080";
  Lang lang = Lang::fr;  // language of error messages (texts follow the grid's language)
};

/// One catalogue entry: where it comes from and the Achievement it is.
struct CatalogueEntry {
  std::string grid_id;
  std::string grid_version;
  std::string competence_id;
  int level = 0;
  /// "achievements/<grid>/<version>/<competence>/<level>" (segments percent-encoded): the
  /// id is base_url + "/" + path; the badge art is published at path + ".png".
  std::string path;
  credentials::Ob3Achievement achievement;
};

/// The Achievement id: "<base>/achievements/<grid>/<version>/<competence>/<level>", each
/// segment percent-encoded outside [A-Za-z0-9._~-]. `base` must already be normalised.
/// Example: achievement_id("https://b.fr", "rectec-style-fr", "1.0.0", "ORG.ACT", 2)
///   == "https://b.fr/achievements/rectec-style-fr/1.0.0/ORG.ACT/2"
std::string achievement_id(std::string_view base, std::string_view grid_id,
                           std::string_view grid_version, std::string_view competence_id,
                           int level);

/// The rubric level id a credential's result.achievedLevel names:
/// "<base>/achievements/<grid>/<version>/<competence>#level-<n>"; the resultDescription
/// itself is "…/<competence>#levels".
std::string rubric_level_id(std::string_view base, std::string_view grid_id,
                            std::string_view grid_version, std::string_view competence_id,
                            int level);

/// Every Achievement of `grid`, by domain, competence, then level (the rectec-style grid:
/// 12 × 4 = 48). Fails with issuance.bad_base_url / issuance.insecure_base_url (base URL),
/// issuance.bad_grid (a grid that is not validated: a level the competence's scale lacks,
/// an alignment to an undeclared framework).
/// Example: auto cat = build_catalogue(*load_grid("templates/grids/rectec-style.grid.xml"),
///                                     {.base_url = "https://badges.example.fr"});
[[nodiscard]] Result<std::vector<CatalogueEntry>> build_catalogue(const assessment::Grid& grid,
                                                                  const CatalogueOptions& options);

/// The entry's Achievement as OB 3.0 JSON (through credentials::build_ob3_achievement).
/// Fails with the ob3.* errors of that builder.
/// Example: auto doc = achievement_document(cat->front());
[[nodiscard]] Result<boost::json::object> achievement_document(const CatalogueEntry& entry);

struct SyncReport {
  int added = 0;      // rows written by this run
  int unchanged = 0;  // rows already stored with the same document
  /// Ids already stored whose document differs from what the grid now gives (an edited
  /// grid that kept its version, or a newer Ecusson wording): kept as stored, never edited.
  std::vector<std::string> kept_different;
};

/// Writes the catalogue of `grid` into `store` in one transaction, idempotently: a second
/// run adds nothing; a new grid version adds its own rows and never touches the old ones.
/// `created_at` empty → now (UTC). Fails with the errors of build_catalogue and
/// achievement_document, and the store's (store.constraint when an id is taken by another
/// key, store.readonly, store.busy, store.full…); nothing is written then.
/// Example: auto r = sync_catalogue(*store, grid, {.base_url = issuer.base_url});
[[nodiscard]] Result<SyncReport> sync_catalogue(store::Store& store, const assessment::Grid& grid,
                                                const CatalogueOptions& options,
                                                std::string created_at = {});

}  // namespace ecusson::issuance
