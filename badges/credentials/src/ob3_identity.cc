#include "ecusson/credentials/ob3_identity.h"

#include <boost/json.hpp>

#include "ecusson/common/digest.h"
#include "ecusson/common/text.h"

namespace ecusson::credentials {

namespace json = boost::json;

namespace {

const json::value* field(const json::object& o, std::string_view k) { return o.if_contains(k); }

std::string_view str(const json::object& o, std::string_view k) {
  const json::value* v = field(o, k);
  return v && v->is_string() ? std::string_view(v->get_string()) : std::string_view();
}

}  // namespace

Result<std::string> random_salt() {
  auto bytes = random_bytes(16);
  if (!bytes) return fail("ob3.random", bytes.error().message);
  return hex_encode(*bytes);
}

std::string identity_hash(std::string_view value, std::string_view salt) {
  std::string input(value);
  input += salt;
  return "sha256$" + sha256_hex(input);
}

std::string email_identity_hash(std::string_view email, std::string_view salt) {
  return identity_hash(ascii_lower(trim(email)), salt);
}

bool identity_value_matches(std::string_view identity, bool hashed, std::string_view salt,
                            std::string_view candidate) {
  std::string_view given = trim(candidate);
  identity = trim(identity);
  if (given.empty() || identity.empty()) return false;
  if (!hashed) return iequals(identity, given);
  auto dollar = identity.find('$');
  if (dollar == std::string_view::npos) return false;
  std::string_view alg = identity.substr(0, dollar), hex = identity.substr(dollar + 1);
  DigestAlgorithm md;
  if (iequals(alg, "sha256")) {
    md = DigestAlgorithm::sha256;
  } else if (iequals(alg, "md5")) {
    md = DigestAlgorithm::md5;
  } else {
    return false;
  }
  for (const std::string& value : {ascii_lower(given), std::string(given)}) {
    std::string h = hex_encode(digest(md, value + std::string(salt)));
    if (!h.empty() && iequals(h, hex)) return true;
  }
  return false;
}

json::object make_email_identity(std::string_view email, std::string_view salt) {
  json::object o;
  o["type"] = "IdentityObject";
  o["identityHash"] = email_identity_hash(email, salt);
  o["identityType"] = "emailAddress";
  o["hashed"] = true;
  o["salt"] = salt;
  return o;
}

bool identity_matches(const json::value& identity, std::string_view email) {
  if (!identity.is_object()) return false;
  const json::object& o = identity.get_object();
  std::string_view value, type;
  if (o.contains("identityHash")) {  // OB 3.0 IdentityObject
    value = str(o, "identityHash");
    type = str(o, "identityType");
    if (type != "emailAddress") return false;
  } else {  // OB 2.0 recipient
    value = str(o, "identity");
    type = str(o, "type");
    if (type != "email") return false;
  }
  const json::value* hashed_v = field(o, "hashed");
  bool hashed = hashed_v && hashed_v->is_bool()
                    ? hashed_v->get_bool()
                    : (istarts_with(value, "sha256$") || istarts_with(value, "md5$"));
  return identity_value_matches(value, hashed, str(o, "salt"), email);
}

bool identity_matches(std::string_view identity_json, std::string_view email) {
  boost::system::error_code ec;
  json::value v = json::parse(identity_json, ec);
  if (ec) return false;
  return identity_matches(v, email);
}

}  // namespace ecusson::credentials
