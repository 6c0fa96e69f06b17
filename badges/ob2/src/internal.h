// Private helpers of the OB 2.0 code (not installed, not public): JSON access that
// tolerates the shapes OB 2.0 allows (a value or an array of values, an IRI or an
// embedded node), base64 as optionals, ISO 8601 dates, URL parts, and RS256
// keys and signing over key.h / jws.h. Stateless free functions; thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "ecusson/credentials/credential_view.h"
#include "ecusson/crypto/key.h"
#include "ecusson/result.h"

namespace ecusson::ob2::detail {

using crypto::Key;

namespace json = boost::json;

/// The OB 2.0 JSON-LD context URL.
inline constexpr std::string_view kOb2Context = "https://w3id.org/openbadges/v2";

/// obj[key] as a string, or "" when absent or not a string.
// The credential view's accessors (credentials/credential_view.h), under the names the
// OB 2.0 code reads best with: a string member, and a value that is a string or an array.
inline std::string str_of(const json::object& obj, std::string_view key) {
  return credentials::string_member(obj, key);
}
/// A value or each element of an array, as strings (non-strings skipped).
inline std::vector<std::string> strings_of(const json::value* v) {
  return credentials::types_of(v);
}
/// `type` values of a node (string or array of strings).
std::vector<std::string> types_of(const json::object& obj);
bool has_type(const json::object& obj, std::string_view type);
/// The `id` of a reference: the string itself, or the object's "id" (or "@id").
std::string ref_id(const json::value& v);
/// `verification` of an Assertion, accepting the legacy alias `verify`.
const json::value* verification_of(const json::object& obj);

/// ecusson::base64url_decode (strict) as an optional.
std::optional<std::string> base64url_decode(std::string_view text);
/// Standard base64 (data: URIs), ecusson::base64_decode_lenient, as an optional.
std::optional<std::string> base64_decode(std::string_view text);

/// ISO 8601 / RFC 3339 date-time with a zone designator ("Z" or ±hh:mm), seconds and
/// fraction optional. No zone → nullopt (OB 2.0 requires one). An adapter over
/// badges::parse_datetime (datetime.h) with DateTimeSyntax::iso8601.
std::optional<std::chrono::sys_seconds> parse_datetime(std::string_view text);
/// "YYYY-MM-DDThh:mm:ssZ".
std::string format_datetime(std::chrono::sys_seconds t);

/// Parts of an absolute http(s) URL; nullopt when not one.
struct UrlParts {
  std::string scheme;     // lower case
  std::string host;       // lower case, without brackets
  std::string authority;  // host[:port] as written (lower-cased)
};
std::optional<UrlParts> parse_http_url(std::string_view url);

/// An RSA private key from PEM (PKCS#8 or PKCS#1). Errors: key.bad_pem, key.not_rsa.
Result<Key> rsa_private_key(std::string_view private_key_pem);
/// An RSA public key from PEM: SubjectPublicKeyInfo, or PKCS#1 "RSA PUBLIC KEY" (still
/// published by some OB 2.0 issuers). Errors: key.bad_pem, key.not_rsa.
Result<Key> rsa_public_key(std::string_view public_key_pem);
/// Signs `payload` as a compact JWS, header {"alg":"RS256"} (jws.h), with an RSA private
/// key in PEM. Errors: key.bad_pem, key.not_rsa, jws.sign.
Result<std::string> sign_rs256(std::string_view payload, std::string_view private_key_pem);
/// SPKI PEM of the public half of a private key PEM. Errors: key.bad_pem.
Result<std::string> public_pem_of(std::string_view private_key_pem);
/// A fresh RSA-2048 private key, PKCS#8 PEM (for `ecusson ob2 issue` without --key).
Result<std::string> generate_rsa_pem();

}  // namespace ecusson::ob2::detail
