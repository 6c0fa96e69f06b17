// OB 3.0 credential model: builds an unsigned OpenBadgeCredential (VCDM 2.0) from plain
// inputs, ready for a proof (Data Integrity or VC-JWT) and for baking.
//
// Output follows OB 3.0 §Serialization: @context = [VC v2, OB context-3.0.3, and 1EdTech's
// extensions context when credentialSchema is included], type =
// ["VerifiableCredential","OpenBadgeCredential"], multi-valued fields always arrays, no
// null and no empty array (empty inputs are omitted), complex values as objects. A
// competence level becomes an Achievement (achievementType "Competency") whose
// resultDescription (resultType "RubricCriterionLevel") lists the competence's levels; the
// subject's result points at the achieved level by id. An e-mail recipient is hashed with
// a fresh salt (ob3_identity.h). Plain value types and pure functions (randomness from
// OpenSSL); thread-safe.
#pragma once

#include <boost/json/fwd.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ecusson/result.h"

namespace ecusson::credentials {

inline constexpr const char* kVcContextV2 = "https://www.w3.org/ns/credentials/v2";
inline constexpr const char* kOb3Context =
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
inline constexpr const char* kOb3ExtensionsContext =
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
inline constexpr const char* kOb3CredentialSchema =
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

struct Ob3Profile {
  std::string id;  // required (URL or DID)
  std::string name, url, email, description;
  std::string image;  // URL or data URI of the logo
};

struct Ob3Alignment {
  std::string target_name;  // required
  std::string target_url;   // required
  std::string target_code, target_framework, target_type, target_description;
};

struct Ob3RubricLevel {
  std::string id;     // required, e.g. "https://…/competences/C1#level-2"
  std::string name;   // required, e.g. "Je sais faire seul·e"
  std::string level;  // e.g. "2" (strings, per OB 3.0)
  std::string description;
  std::vector<Ob3Alignment> alignments;
};

struct Ob3ResultDescription {
  std::string id;                      // required
  std::string name;                    // required, e.g. "Niveau atteint"
  std::vector<Ob3RubricLevel> levels;  // required, low → high
  std::string required_level;          // optional level id
};

struct Ob3Achievement {
  std::string id;                  // required
  std::string name;                // required
  std::string description;         // required
  std::string criteria_narrative;  // required unless criteria_id is set
  std::string criteria_id;
  std::string image, image_caption;
  std::string achievement_type = "Competency";
  std::string in_language = "fr";
  std::string human_code;
  std::string version;  // e.g. the grid version the achievement belongs to
  std::vector<std::string> tags;
  std::vector<Ob3Alignment> alignments;
  std::optional<Ob3ResultDescription> result_description;
};

struct Ob3Recipient {
  std::string id;     // subject id (DID/URL), optional when email is set
  std::string email;  // hashed into an IdentityObject
  std::string salt;   // empty → a fresh random salt (set only for reproducible tests)
};

struct Ob3Result {
  std::string achieved_level;  // id of one of result_description.levels
  std::string value;           // optional
  std::string status;          // optional (Completed, …)
};

struct Ob3Evidence {
  std::string id;  // URL, optional
  std::string name, description, narrative, genre, audience;
};

struct Ob3Status {
  std::string id, type;  // e.g. BitstringStatusListEntry, 1EdTechRevocationList
  std::vector<std::pair<std::string, std::string>> fields;  // statusPurpose, statusListIndex…
};

struct Ob3CredentialInput {
  std::string id;    // empty → "urn:uuid:<random v4>"
  std::string name;  // empty → the achievement's name
  std::string description;
  std::string image;  // credential image URL (the baked badge), optional
  Ob3Profile issuer;
  Ob3Achievement achievement;
  Ob3Recipient recipient;
  std::optional<Ob3Result> result;
  std::vector<Ob3Evidence> evidence;
  std::string valid_from;  // empty → now (UTC, whole seconds)
  std::string valid_until;
  std::string awarded_date;
  std::optional<Ob3Status> status;
  bool include_schema = true;  // credentialSchema → 1EdTech JSON schema
};

/// Builds the OpenBadgeCredential JSON object.
/// Errors: "ob3.missing_field" (where = JSON path of the missing field),
/// "ob3.bad_value" (malformed date, id without scheme, validUntil ≤ validFrom),
/// "ob3.bad_reference" (result level not among the rubric levels, or no rubric),
/// "ob3.random" (no randomness for the salt or id).
/// Example: auto cred = build_ob3_credential(input); sign(*cred, …);
[[nodiscard]] Result<boost::json::object> build_ob3_credential(const Ob3CredentialInput& in);

/// Builds the Achievement object alone (what a credential's credentialSubject.achievement
/// holds), for a catalogue that stores or publishes it. Same checks and errors as
/// build_ob3_credential for the achievement part ("ob3.missing_field", "ob3.bad_value",
/// "ob3.bad_reference"; where = /credentialSubject/achievement/…).
/// Example: auto doc = build_ob3_achievement(a); // {"id":…,"type":["Achievement"],…}
[[nodiscard]] Result<boost::json::object> build_ob3_achievement(const Ob3Achievement& a);

/// Same, serialised (compact JSON).
[[nodiscard]] Result<std::string> build_ob3_credential_json(const Ob3CredentialInput& in);

/// A random version-4 UUID URN ("urn:uuid:…"). Errors: "ob3.random".
[[nodiscard]] Result<std::string> random_urn_uuid();

/// Current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_now_seconds();

}  // namespace ecusson::credentials
