// OB 3.0 recipient identity: the IdentityObject that names a holder by a hashed e-mail.
//
// identityHash = "sha256$" + hex(SHA-256(UTF-8(lower-cased e-mail ‖ salt))), with a fresh
// random salt per credential (OpenSSL RAND_bytes), `hashed: true`, `identityType:
// "emailAddress"` (OB 3.0 §IdentityObject, IdentityHash). Matching accepts either hex case,
// "md5$" hashes of older issuers, plaintext identities, and tries the e-mail lower-cased
// and as given (issuers differ on case, 1EdTech/openbadges-specification#2).
// Pure functions; thread-safe.
#pragma once

#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>

#include "ecusson/result.h"

namespace ecusson::credentials {

/// 16 random bytes as 32 lower-case hex characters. Errors: "ob3.random" (RAND_bytes failed).
[[nodiscard]] Result<std::string> random_salt();

/// "sha256$" + lower-case hex of SHA-256(lower-cased trimmed e-mail ‖ salt).
/// Example: email_identity_hash("A@example.com", "Kosher") ==
///          "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399"
std::string email_identity_hash(std::string_view email, std::string_view salt);

/// The IdentityObject for `email` hashed with `salt` ({type, identityHash, identityType,
/// hashed: true, salt}).
boost::json::object make_email_identity(std::string_view email, std::string_view salt);

/// True when `identity` (an IdentityObject, or an OB 2.0 recipient object {type: "email",
/// identity, hashed, salt}) designates `email`. Non-e-mail identities never match.
bool identity_matches(const boost::json::value& identity, std::string_view email);
/// Same, from the JSON text of the identity object (false when it does not parse).
bool identity_matches(std::string_view identity_json, std::string_view email);

}  // namespace ecusson::credentials
