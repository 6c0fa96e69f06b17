#include "ecusson/ob2/recipient.h"

#include <cstdlib>

#include <boost/json.hpp>

#include "ecusson/common/digest.h"
#include "ecusson/credentials/ob3_identity.h"

namespace ecusson::ob2 {

// The hash and the matching rule are those of OB 3.0 (credentials/ob3_identity.h): one rule.

std::string ob2_identity_hash(std::string_view identity, std::string_view salt) {
  return credentials::identity_hash(identity, salt);
}

std::string ob2_random_salt() {
  auto bytes = random_bytes(16);
  // The CSPRNG failing is not something to carry on from: a salt must be random.
  if (!bytes) std::abort();
  return hex_encode(*bytes);
}

Ob2IdentityObject make_ob2_recipient(std::string_view email) {
  Ob2IdentityObject o;
  o.type = "email";
  o.hashed = true;
  o.salt = ob2_random_salt();
  o.identity = credentials::email_identity_hash(email, o.salt);
  return o;
}

bool ob2_identity_matches(const Ob2IdentityObject& object, std::string_view candidate) {
  return credentials::identity_value_matches(object.identity, object.hashed, object.salt,
                                             candidate);
}

boost::json::object to_json(const Ob2IdentityObject& object) {
  boost::json::object o;
  o["type"] = object.type;
  o["hashed"] = object.hashed;
  if (!object.salt.empty()) o["salt"] = object.salt;
  o["identity"] = object.identity;
  return o;
}

}  // namespace ecusson::ob2
