// OB 2.0 recipient identity: the IdentityObject and its salted hash.
//
// An Assertion names its earner by an IdentityObject {type: "email", hashed, salt,
// identity}. Ecusson always issues `hashed: true` with `identity` = "sha256$" +
// hex(SHA-256(lower-cased e-mail ‖ salt)) and a fresh random salt per assertion
// (design §5: no clear e-mail in a badge). Checking accepts what other issuers send:
// md5 or sha256, upper- or lower-case hex, the candidate lower-cased or as given, and
// plain (unhashed) identities. The hash and the matching rule are OB 3.0's, kept once in
// ecusson/credentials/ob3_identity.h. Plain value type and free functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include <boost/json/fwd.hpp>

namespace ecusson::ob2 {

struct Ob2IdentityObject {
  std::string type = "email";  // the Profile property the identity stands for
  bool hashed = true;
  std::string salt;      // empty: unsalted
  std::string identity;  // "sha256$<hex>" when hashed, else the plain value
};

/// "sha256$" + lower-case hex of SHA-256(identity ‖ salt), no separator (OB 2.0 §IdentityHash).
/// Example: ob2_identity_hash("mayze", "") == "sha256$7a1a1b3f…c60c6".
std::string ob2_identity_hash(std::string_view identity, std::string_view salt);

/// A fresh salt: 16 bytes from the CSPRNG, as 32 hex characters (aborts if the CSPRNG fails).
std::string ob2_random_salt();

/// The IdentityObject Ecusson issues for `email`: trimmed, lower-cased, hashed, with a new salt.
/// Example: make_ob2_recipient("Ana@Example.org").hashed == true.
Ob2IdentityObject make_ob2_recipient(std::string_view email);

/// True when `candidate` (an e-mail, URL, …) is the identity the object names
/// (credentials::identity_value_matches): hashed "sha256$"/"md5$" prefix (any case), hex
/// of either case, candidate trimmed and tried as given and lower-cased; plain: equal
/// ignoring ASCII case. Never throws.
bool ob2_identity_matches(const Ob2IdentityObject& object, std::string_view candidate);

/// {"type", "hashed", "salt"?, "identity"} as in OB 2.0.
boost::json::object to_json(const Ob2IdentityObject& object);

}  // namespace ecusson::ob2
