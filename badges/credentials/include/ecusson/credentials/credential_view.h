// Credential view: read-only accessors over the JSON of a credential (VCDM 2.0 / 1.1,
// OB 3.0 OpenBadgeCredential, endorsements, CLR, status list credentials): its types,
// contexts, issuer, subject, achievement and dates, and the display summary built from
// them. Every verification path (verify.h, vc_jwt.h, status lists) reads a credential
// through these functions, so "the issuer id" or "the subject" means one thing.
//
// Nothing here validates: a missing or ill-typed member reads as empty (structure checks
// are the verifier's job). Pointers returned point into the object passed in and live as
// long as it. Stateless; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/fwd.hpp>

#include "ecusson/credentials/verification_result.h"

namespace ecusson::credentials {

inline constexpr std::string_view kVc2Context = "https://www.w3.org/ns/credentials/v2";
inline constexpr std::string_view kVc1Context = "https://www.w3.org/2018/credentials/v1";

/// The string value of member `name`, or "" when absent or not a string.
/// Example: string_member(cred, "id") == "urn:uuid:…".
std::string string_member(const boost::json::object& o, std::string_view name);

/// A `type` (or `statusPurpose`…) value as a list of strings: a single string or the
/// strings of an array; empty for null or any other JSON type.
/// Example: types_of(&cred.at("type")) == {"VerifiableCredential", "OpenBadgeCredential"}.
std::vector<std::string> types_of(const boost::json::value* type);
/// True when types_of(type) contains `name`.
bool has_type(const boost::json::value* type, std::string_view name);

/// A member OB allows as one object or an array of objects, as a list of the objects
/// (non-objects in an array are skipped). Example: objects_of(cred.if_contains("evidence")).
std::vector<const boost::json::object*> objects_of(const boost::json::value* v);

/// The string entries of `@context` in order (an embedded context object reads as "").
/// Example: contexts_of(cred).front() == kVc2Context.
std::vector<std::string> contexts_of(const boost::json::object& credential);

/// `issuer` as a string, or `issuer.id`; "" when absent.
std::string issuer_id_of(const boost::json::object& credential);
/// `issuer.name` when the issuer is an object with a string name; "" otherwise.
std::string issuer_name_of(const boost::json::object& credential);

/// The (first) credentialSubject object: the member itself, or the first object of an
/// array; null when there is none.
const boost::json::object* subject_of(const boost::json::object& credential);
/// The subject's `id`, nullopt when the subject has none (recipient named by
/// `identifier` only).
std::optional<std::string> subject_id_of(const boost::json::object& credential);
/// credentialSubject.achievement when it is an object; null otherwise.
const boost::json::object* achievement_of(const boost::json::object& credential);

/// The start of validity as written: `validFrom` (VCDM 2.0), else `issuanceDate` (1.1);
/// null when neither is present. The value may be of any JSON type.
const boost::json::value* valid_from_member(const boost::json::object& credential);
/// The end of validity as written: `validUntil`, else `expirationDate`; null when absent.
const boost::json::value* valid_until_member(const boost::json::object& credential);

/// The display summary of a credential (id, issuer id and name, subject id, achievement
/// id and name — the credential's own `name` when the achievement has none —, validFrom
/// and validUntil as written). Absent values stay empty.
CredentialSummary summarise_credential(const boost::json::object& credential);

}  // namespace ecusson::credentials
