#include "ecusson/ob2/documents.h"

#include <boost/json.hpp>

#include "ecusson/common/json_write.h"
#include "internal.h"

namespace ecusson::ob2 {

namespace json = boost::json;

namespace {
json::object start(const std::string& type, const std::string& id) {
  json::object o;
  o["@context"] = json::string(detail::kOb2Context);
  o["type"] = type;
  o["id"] = id;
  return o;
}
// One value stays a string, several become an array (OB 2.0 "multiple values allowed").
void put_many(json::object& o, std::string_view key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  if (values.size() == 1) {
    o[key] = values.front();
    return;
  }
  o[key] = string_array(values);
}
}  // namespace

json::object to_json(const Ob2Issuer& issuer) {
  json::object o = start("Issuer", issuer.id);
  put_if_set(o, "name", issuer.name);
  put_if_set(o, "url", issuer.url);
  put_if_set(o, "email", issuer.email);
  put_if_set(o, "description", issuer.description);
  put_if_set(o, "image", issuer.image);
  put_many(o, "publicKey", issuer.public_keys);
  put_if_set(o, "revocationList", issuer.revocation_list);
  if (!issuer.starts_with.empty() || !issuer.allowed_origins.empty()) {
    json::object v;
    v["type"] = "VerificationObject";
    put_many(v, "startsWith", issuer.starts_with);
    if (!issuer.allowed_origins.empty())
      v["allowedOrigins"] = string_array(issuer.allowed_origins);
    o["verification"] = std::move(v);
  }
  return o;
}

json::object to_json(const Ob2BadgeClass& badge) {
  json::object o = start("BadgeClass", badge.id);
  put_if_set(o, "name", badge.name);
  put_if_set(o, "description", badge.description);
  put_if_set(o, "image", badge.image);
  json::object criteria;
  put_if_set(criteria, "id", badge.criteria_id);
  put_if_set(criteria, "narrative", badge.criteria_narrative);
  if (!criteria.empty()) o["criteria"] = std::move(criteria);
  put_if_set(o, "issuer", badge.issuer);
  if (!badge.alignment.empty()) {
    json::array a;
    for (const auto& al : badge.alignment) {
      json::object x;
      put_if_set(x, "targetName", al.target_name);
      put_if_set(x, "targetUrl", al.target_url);
      put_if_set(x, "targetDescription", al.target_description);
      put_if_set(x, "targetFramework", al.target_framework);
      put_if_set(x, "targetCode", al.target_code);
      a.push_back(std::move(x));
    }
    o["alignment"] = std::move(a);
  }
  if (!badge.tags.empty()) o["tags"] = string_array(badge.tags);
  return o;
}

json::object to_json(const Ob2CryptographicKey& key) {
  json::object o = start("CryptographicKey", key.id);
  put_if_set(o, "owner", key.owner);
  put_if_set(o, "publicKeyPem", key.public_key_pem);
  return o;
}

json::object to_json(const Ob2RevocationList& list) {
  json::object o = start("RevocationList", list.id);
  put_if_set(o, "issuer", list.issuer);
  json::array a;
  for (const auto& r : list.revoked) {
    if (r.reason.empty()) {
      a.emplace_back(r.id);
    } else {
      a.push_back(json::object{{"id", r.id}, {"revocationReason", r.reason}});
    }
  }
  o["revokedAssertions"] = std::move(a);  // required, even when empty
  return o;
}

json::object to_json(const Ob2Assertion& assertion) {
  json::object o = start("Assertion", assertion.id);
  o["recipient"] = to_json(assertion.recipient);
  put_if_set(o, "badge", assertion.badge);
  json::object v;
  v["type"] = assertion.signed_badge ? "SignedBadge" : "HostedBadge";
  if (assertion.signed_badge) put_if_set(v, "creator", assertion.creator);
  o["verification"] = std::move(v);
  put_if_set(o, "issuedOn", assertion.issued_on);
  put_if_set(o, "expires", assertion.expires);
  put_if_set(o, "image", assertion.image);
  put_many(o, "evidence", assertion.evidence);
  put_if_set(o, "narrative", assertion.narrative);
  return o;
}

json::object revoked_hosted_body(const std::string& assertion_id, const std::string& reason) {
  json::object o = start("Assertion", assertion_id);
  o["revoked"] = true;
  put_if_set(o, "revocationReason", reason);
  return o;
}

}  // namespace ecusson::ob2
