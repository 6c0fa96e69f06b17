#include "ecusson/ob2/documents.h"

#include <boost/json.hpp>

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
void put(json::object& o, std::string_view key, const std::string& value) {
  if (!value.empty()) o[key] = value;
}
// One value stays a string, several become an array (OB 2.0 "multiple values allowed").
void put_many(json::object& o, std::string_view key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  if (values.size() == 1) {
    o[key] = values.front();
    return;
  }
  json::array a;
  for (const auto& v : values) a.emplace_back(v);
  o[key] = std::move(a);
}
}  // namespace

json::object to_json(const Ob2Issuer& issuer) {
  json::object o = start("Issuer", issuer.id);
  put(o, "name", issuer.name);
  put(o, "url", issuer.url);
  put(o, "email", issuer.email);
  put(o, "description", issuer.description);
  put(o, "image", issuer.image);
  put_many(o, "publicKey", issuer.public_keys);
  put(o, "revocationList", issuer.revocation_list);
  if (!issuer.starts_with.empty() || !issuer.allowed_origins.empty()) {
    json::object v;
    v["type"] = "VerificationObject";
    put_many(v, "startsWith", issuer.starts_with);
    if (!issuer.allowed_origins.empty()) {
      json::array a;
      for (const auto& h : issuer.allowed_origins) a.emplace_back(h);
      v["allowedOrigins"] = std::move(a);
    }
    o["verification"] = std::move(v);
  }
  return o;
}

json::object to_json(const Ob2BadgeClass& badge) {
  json::object o = start("BadgeClass", badge.id);
  put(o, "name", badge.name);
  put(o, "description", badge.description);
  put(o, "image", badge.image);
  json::object criteria;
  put(criteria, "id", badge.criteria_id);
  put(criteria, "narrative", badge.criteria_narrative);
  if (!criteria.empty()) o["criteria"] = std::move(criteria);
  put(o, "issuer", badge.issuer);
  if (!badge.alignment.empty()) {
    json::array a;
    for (const auto& al : badge.alignment) {
      json::object x;
      put(x, "targetName", al.target_name);
      put(x, "targetUrl", al.target_url);
      put(x, "targetDescription", al.target_description);
      put(x, "targetFramework", al.target_framework);
      put(x, "targetCode", al.target_code);
      a.push_back(std::move(x));
    }
    o["alignment"] = std::move(a);
  }
  if (!badge.tags.empty()) {
    json::array a;
    for (const auto& t : badge.tags) a.emplace_back(t);
    o["tags"] = std::move(a);
  }
  return o;
}

json::object to_json(const Ob2CryptographicKey& key) {
  json::object o = start("CryptographicKey", key.id);
  put(o, "owner", key.owner);
  put(o, "publicKeyPem", key.public_key_pem);
  return o;
}

json::object to_json(const Ob2RevocationList& list) {
  json::object o = start("RevocationList", list.id);
  put(o, "issuer", list.issuer);
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
  put(o, "badge", assertion.badge);
  json::object v;
  v["type"] = assertion.signed_badge ? "SignedBadge" : "HostedBadge";
  if (assertion.signed_badge) put(v, "creator", assertion.creator);
  o["verification"] = std::move(v);
  put(o, "issuedOn", assertion.issued_on);
  put(o, "expires", assertion.expires);
  put(o, "image", assertion.image);
  put_many(o, "evidence", assertion.evidence);
  put(o, "narrative", assertion.narrative);
  return o;
}

json::object revoked_hosted_body(const std::string& assertion_id, const std::string& reason) {
  json::object o = start("Assertion", assertion_id);
  o["revoked"] = true;
  put(o, "revocationReason", reason);
  return o;
}

}  // namespace ecusson::ob2
