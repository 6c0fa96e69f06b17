// OB 2.0 documents as value types: Issuer Profile, BadgeClass, CryptographicKey,
// RevocationList and Assertion, and their JSON-LD form (context
// "https://w3id.org/openbadges/v2").
//
// These are what an issuer publishes (design §4: hosted documents) and what a signed
// assertion carries. `to_json` writes only the fields that are set (no nulls, no empty
// arrays) in a fixed order, so the same value gives the same bytes. Reading other
// issuers' documents does not go through these types (they may carry anything): the
// verifier works on the JSON (ob2_verify.h). Plain value types; thread-compatible.
#pragma once

#include <string>
#include <vector>

#include <boost/json/fwd.hpp>

#include "ecusson/ob2/recipient.h"

namespace ecusson::ob2 {

/// A schema.org AlignmentObject (targetName and targetUrl are required by OB 2.0).
struct Ob2Alignment {
  std::string target_name;
  std::string target_url;
  std::string target_description;
  std::string target_framework;
  std::string target_code;
};

/// Issuer Profile. name, url and email are required when the profile issues badges.
struct Ob2Issuer {
  std::string id;  // https URL where the profile is served
  std::string name;
  std::string url;
  std::string email;
  std::string description;
  std::string image;
  std::vector<std::string> public_keys;  // ids of CryptographicKey documents
  std::string revocation_list;           // id of the RevocationList
  // Hosted verification policy (VerificationObject); both empty → no `verification`
  // property, which means "same origin as the profile id".
  std::vector<std::string> starts_with;
  std::vector<std::string> allowed_origins;
};

struct Ob2BadgeClass {
  std::string id;
  std::string name;
  std::string description;
  std::string image;  // URL or data: URI (PNG or SVG)
  std::string criteria_id;         // optional page describing the criteria
  std::string criteria_narrative;  // Markdown
  std::string issuer;              // id of the Issuer Profile
  std::vector<Ob2Alignment> alignment;
  std::vector<std::string> tags;
};

struct Ob2CryptographicKey {
  std::string id;
  std::string owner;           // id of the Issuer Profile (two-way link with publicKey)
  std::string public_key_pem;  // SubjectPublicKeyInfo PEM
};

struct Ob2RevokedAssertion {
  std::string id;
  std::string reason;
};

struct Ob2RevocationList {
  std::string id;
  std::string issuer;
  std::vector<Ob2RevokedAssertion> revoked;
};

struct Ob2Assertion {
  std::string id;  // hosted: the URL it is served at; signed: "urn:uuid:…"
  Ob2IdentityObject recipient;
  std::string badge;      // id of the BadgeClass
  std::string issued_on;  // "YYYY-MM-DDThh:mm:ssZ"
  std::string expires;    // optional
  bool signed_badge = false;  // false: HostedBadge; true: SignedBadge
  std::string creator;        // SignedBadge: id of the CryptographicKey
  std::string image;          // optional baked image URL
  std::vector<std::string> evidence;  // URLs
  std::string narrative;
};

/// JSON-LD documents (each with "@context"). Example: to_json(issuer)["type"] == "Issuer".
boost::json::object to_json(const Ob2Issuer& issuer);
boost::json::object to_json(const Ob2BadgeClass& badge);
boost::json::object to_json(const Ob2CryptographicKey& key);
boost::json::object to_json(const Ob2RevocationList& list);
boost::json::object to_json(const Ob2Assertion& assertion);
/// The body served with 410 Gone for a revoked hosted assertion:
/// {"@context", "id", "type": "Assertion", "revoked": true, "revocationReason"?}.
boost::json::object revoked_hosted_body(const std::string& assertion_id,
                                        const std::string& reason);

}  // namespace ecusson::ob2
