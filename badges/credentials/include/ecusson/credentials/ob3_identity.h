// Recipient identity, the one rule for OB 2.0 and OB 3.0: the identity object that names a
// holder by a hashed (or plain) e-mail, how Ecusson hashes it and how any issuer's is matched.
//
// identityHash = "sha256$" + hex(SHA-256(UTF-8(lower-cased e-mail ‖ salt))), with a fresh
// random salt per credential (ecusson::random_bytes), `hashed: true`, `identityType:
// "emailAddress"` (OB 3.0 §IdentityObject, IdentityHash; OB 2.0 §IdentityHash is the same
// hash with `type: "email"`, used by ecusson/ob2/recipient.h). Matching accepts "sha256$"
// or "md5$" (older issuers; prefix in any case), hex of either case, plaintext identities
// (equal ignoring ASCII case), surrounding whitespace, and tries the e-mail lower-cased
// and as given (issuers differ on case, 1EdTech/openbadges-specification#2).
// Pure functions; thread-safe.
#pragma once

#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>

#include "ecusson/result.h"

namespace ecusson::credentials {

/// 16 random bytes as 32 lower-case hex characters. Errors: "ob3.random" (no randomness).
[[nodiscard]] Result<std::string> random_salt();

/// "sha256$" + lower-case hex of SHA-256(value ‖ salt), `value` as given (no folding, no
/// trimming: the hash both specifications define).
/// Example: identity_hash("mayze", "") ==
///          "sha256$7a1a1b3f7d40552e4299180e346e3add12bf9a751a43d9c4ca4518febc2c60c6"
std::string identity_hash(std::string_view value, std::string_view salt);

/// True when an identity value names `candidate`. Hashed: `identity` is "sha256$"/"md5$"
/// (any case) + hex (any case) of (candidate ‖ salt), the candidate tried lower-cased and
/// as given. Plain: equal to the candidate ignoring ASCII case. Both sides are trimmed; an
/// empty candidate or an unknown algorithm never matches.
/// Example: identity_value_matches(identity_hash("a@b.org", "s"), true, "s", "A@B.org").
bool identity_value_matches(std::string_view identity, bool hashed, std::string_view salt,
                            std::string_view candidate);

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
