// Issuing Open Badges 2.0: from an issuer, an achievement and one award, the five
// documents an OB 2.0 issuer publishes (Issuer Profile, CryptographicKey,
// RevocationList, BadgeClass, hosted Assertion) and the signed form of the Assertion
// (compact JWS, RS256, payload = the Assertion).
//
// URL layout under `base_url` (the server serves these paths, design §4):
//   issuer.json, keys/1.json, revocations.json, badges/<slug>.json,
//   assertions/<uuid>.json (hosted; the signed twin has id "urn:uuid:<uuid>").
// The recipient is hashed with a fresh salt per call (ob2_recipient.h). Free functions
// over value types; thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "ecusson/ob2/documents.h"
#include "ecusson/result.h"

namespace ecusson::ob2 {

/// Who issues, and where the documents live.
struct Ob2IssuerSetup {
  std::string base_url;  // "https://badges.example.org/ob2" (trailing "/" tolerated)
  std::string name;
  std::string url;    // home page
  std::string email;  // contact
  std::string description;
  std::string image;
};

/// What is awarded: a competence at a level, in OB 2.0 terms.
struct Ob2Achievement {
  std::string slug;  // path segment of the BadgeClass URL ("c1-level-2")
  std::string name;
  std::string description;
  std::string image;  // URL or data: URI
  std::string criteria_narrative;
  std::string criteria_url;
  std::vector<Ob2Alignment> alignment;  // grid competence, ESCO skill, …
  std::vector<std::string> tags;
};

/// One award to one person.
struct Ob2Award {
  std::string recipient_email;
  std::optional<std::chrono::sys_seconds> issued_on;  // default: now
  std::optional<std::chrono::sys_seconds> expires;
  std::vector<std::string> evidence;  // URLs
  std::string narrative;
};

/// The documents of one award, ready to publish (JSON objects) or hand over (jws).
struct Ob2Issued {
  Ob2Issuer issuer;
  Ob2CryptographicKey key;
  Ob2RevocationList revocation_list;
  Ob2BadgeClass badge_class;
  Ob2Assertion hosted_assertion;
  Ob2Assertion signed_assertion;
  std::string jws;  // compact JWS of to_json(signed_assertion)
};

/// The ids Ecusson gives to documents under `base_url`.
struct Ob2Urls {
  std::string issuer, key, revocation_list;
  std::string badge_class(std::string_view slug) const;
  std::string assertion(std::string_view uuid) const;
  std::string base;
};
Ob2Urls ob2_urls(std::string_view base_url);

/// Builds every document of one award and signs the signed twin with `private_key_pem`
/// (RSA, PKCS#8 or PKCS#1 PEM). Errors: ob2.bad_base_url (not an absolute http(s) URL),
/// ob2.missing_field (issuer name/url/email, achievement name/description/slug/image,
/// criteria narrative or URL, recipient e-mail), ob2.bad_dates (expires before issuedOn), key.bad_pem, key.not_rsa,
/// jws.sign.
/// Example: auto docs = issue_ob2(setup, achievement, {.recipient_email = "a@b.fr"}, pem);
[[nodiscard]] Result<Ob2Issued> issue_ob2(const Ob2IssuerSetup& setup,
                                          const Ob2Achievement& achievement,
                                          const Ob2Award& award,
                                          std::string_view private_key_pem);

/// Signs any OB 2.0 Assertion document as a compact JWS, header {"alg":"RS256"}.
/// Errors: key.bad_pem, key.not_rsa, jws.sign.
[[nodiscard]] Result<std::string> sign_ob2_assertion(const boost::json::object& assertion,
                                                     std::string_view private_key_pem);

/// SPKI PEM of the public half of an RSA private key PEM (for the CryptographicKey).
/// Errors: key.bad_pem.
[[nodiscard]] Result<std::string> ob2_public_key_pem(std::string_view private_key_pem);

/// Parses an OB 2.0 DateTime (ISO 8601 with "Z" or ±hh:mm; seconds and fraction optional)
/// or a bare date "YYYY-MM-DD" (midnight UTC). nullopt when it is neither.
/// Example: parse_ob2_datetime("2016-12-31T23:59:59+00:00").
std::optional<std::chrono::sys_seconds> parse_ob2_datetime(std::string_view text);

/// A new RSA-2048 private key (PKCS#8 PEM). Errors: key.generate.
[[nodiscard]] Result<std::string> generate_ob2_rsa_key();

}  // namespace ecusson::ob2
