#include "ecusson/crypto/jwk.h"

#include <boost/json.hpp>
#include <openssl/core_names.h>
#include <openssl/evp.h>

#include "ecusson/common/base64url.h"
#include "ecusson/common/digest.h"
#include "ecusson/common/strict_json.h"
#include "openssl_util.h"

namespace ecusson::crypto {

namespace json = boost::json;

namespace {

struct JwkParts {
  const char* kty = "";
  std::string crv, x, y, n, e;  // base64url-encoded members
};

JwkParts parts_of(const Key& key) {
  JwkParts p;
  if (key.empty()) return p;
  switch (key.type()) {
    case KeyType::ed25519:
      p.kty = "OKP";
      p.crv = "Ed25519";
      p.x = base64url_encode(key.raw_public());
      break;
    case KeyType::p256:
      p.kty = "EC";
      p.crv = "P-256";
      p.x = base64url_encode(detail::bn_param(key.native(), OSSL_PKEY_PARAM_EC_PUB_X, 32));
      p.y = base64url_encode(detail::bn_param(key.native(), OSSL_PKEY_PARAM_EC_PUB_Y, 32));
      break;
    case KeyType::rsa2048:
      p.kty = "RSA";
      p.n = base64url_encode(detail::bn_param(key.native(), OSSL_PKEY_PARAM_RSA_N));
      p.e = base64url_encode(detail::bn_param(key.native(), OSSL_PKEY_PARAM_RSA_E));
      break;
  }
  return p;
}

// The required members, lexicographic order, no whitespace (RFC 7638 §3.2). Values are
// base64url or fixed names, so no JSON escaping is ever needed.
std::string canonical_members(const JwkParts& p) {
  std::string kty = p.kty;
  if (kty == "RSA") return R"({"e":")" + p.e + R"(","kty":"RSA","n":")" + p.n + R"("})";
  if (kty == "EC")
    return R"({"crv":")" + p.crv + R"(","kty":"EC","x":")" + p.x + R"(","y":")" + p.y + R"("})";
  if (kty == "OKP") return R"({"crv":")" + p.crv + R"(","kty":"OKP","x":")" + p.x + R"("})";
  return "{}";
}

Result<std::string> member_bytes(const json::object& o, const char* name) {
  auto it = o.find(name);
  if (it == o.end() || !it->value().is_string())
    return fail("jwk.invalid", std::string("membre « ") + name + " » absent ou non textuel", name);
  auto r = base64url_decode(it->value().get_string());
  if (!r)
    return fail("jwk.invalid", std::string("membre « ") + name + " » mal encodé en base64url",
                name);
  return r;
}

std::string_view strip_leading_zeros(std::string_view s) {
  while (s.size() > 1 && s[0] == '\0') s.remove_prefix(1);
  return s;
}

}  // namespace

json::object public_jwk(const Key& key) {
  JwkParts p = parts_of(key);
  json::object o;
  std::string kty = p.kty;
  if (kty == "OKP") {
    o["crv"] = p.crv;
    o["kty"] = kty;
    o["x"] = p.x;
  } else if (kty == "EC") {
    o["crv"] = p.crv;
    o["kty"] = kty;
    o["x"] = p.x;
    o["y"] = p.y;
  } else if (kty == "RSA") {
    o["e"] = p.e;
    o["kty"] = kty;
    o["n"] = p.n;
  }
  return o;
}

std::string public_jwk_json(const Key& key) { return canonical_members(parts_of(key)); }

std::string jwk_thumbprint(const Key& key) {
  return base64url_encode(sha256(canonical_members(parts_of(key))));
}

Result<Key> key_from_jwk(const json::value& v) {
  const json::object* o = v.if_object();
  if (o == nullptr) return fail("jwk.invalid", "une JWK doit être un objet JSON");
  for (const char* secret : {"d", "p", "q", "dp", "dq", "qi", "oth", "k"})
    if (o->contains(secret))
      return fail("jwk.private_material",
                  std::string("la JWK contient le membre privé « ") + secret +
                      " » : une clé publique est attendue",
                  secret);
  for (const char* x5 : {"x5u", "x5c", "x5t", "x5t#S256"})
    if (o->contains(x5))
      return fail("jwk.unsupported", std::string("membre « ") + x5 + " » non pris en charge", x5);
  auto kty_it = o->find("kty");
  if (kty_it == o->end() || !kty_it->value().is_string())
    return fail("jwk.invalid", "membre « kty » absent", "kty");
  std::string_view kty = kty_it->value().get_string();
  if (auto it = o->find("use"); it != o->end() && it->value() != json::value("sig"))
    return fail("jwk.unsupported", "la JWK n'est pas une clé de signature (« use »)", "use");
  if (auto it = o->find("key_ops"); it != o->end()) {
    const json::array* ops = it->value().if_array();
    bool verify = false;
    if (ops)
      for (const auto& op : *ops) verify = verify || op == json::value("verify");
    if (!verify)
      return fail("jwk.unsupported", "« key_ops » n'autorise pas la vérification", "key_ops");
  }

  Result<Key> key = fail("jwk.unsupported", "type de clé JWK non pris en charge", "kty");
  if (kty == "OKP") {
    auto crv = o->find("crv");
    if (crv == o->end() || crv->value() != json::value("Ed25519"))
      return fail("jwk.unsupported", "courbe OKP non prise en charge (Ed25519 attendue)", "crv");
    auto x = member_bytes(*o, "x");
    if (!x) return x.error();
    if (x->size() != 32) return fail("jwk.invalid", "« x » doit faire 32 octets", "x");
    std::array<std::uint8_t, 32> raw;
    std::copy(x->begin(), x->end(), raw.begin());
    key = Key::ed25519_from_public(raw);
  } else if (kty == "EC") {
    auto crv = o->find("crv");
    if (crv == o->end() || crv->value() != json::value("P-256"))
      return fail("jwk.unsupported", "courbe EC non prise en charge (P-256 attendue)", "crv");
    auto x = member_bytes(*o, "x");
    if (!x) return x.error();
    auto y = member_bytes(*o, "y");
    if (!y) return y.error();
    key = Key::p256_from_coordinates(*x, *y);
  } else if (kty == "RSA") {
    auto n = member_bytes(*o, "n");
    if (!n) return n.error();
    auto e = member_bytes(*o, "e");
    if (!e) return e.error();
    key = Key::rsa_from_components(strip_leading_zeros(*n), strip_leading_zeros(*e));
  } else if (kty == "oct") {
    return fail("jwk.unsupported", "clé symétrique refusée", "kty");
  } else {
    return key;
  }
  if (!key) {
    if (key.error().code == "key.unsupported_type")
      return fail("jwk.unsupported", key.error().message, "kty");
    return fail("jwk.invalid", key.error().message, key.error().where);
  }
  if (auto it = o->find("alg"); it != o->end()) {
    bool fits = it->value().is_string() &&
                (it->value().get_string() == key->alg() ||
                 (key->type() == KeyType::ed25519 && it->value().get_string() == "Ed25519"));
    if (!fits) return fail("jwk.invalid", "« alg » ne correspond pas à la clé", "alg");
  }
  return key;
}

Result<Key> key_from_jwk_json(std::string_view text) {
  auto v = parse_json_strict(text, JsonLimits{64 * 1024, 8});
  if (!v) return fail("jwk.invalid", "JWK illisible : " + v.error().message, v.error().where);
  return key_from_jwk(*v);
}

json::object jwk_set(const std::vector<JwkSetEntry>& keys) {
  json::array arr;
  for (const auto& entry : keys) {
    if (entry.key == nullptr || entry.key->empty()) continue;
    json::object jwk = public_jwk(*entry.key);
    if (!entry.kid.empty()) jwk["kid"] = entry.kid;
    jwk["alg"] = entry.key->alg();
    jwk["use"] = "sig";
    arr.push_back(std::move(jwk));
  }
  json::object set;
  set["keys"] = std::move(arr);
  return set;
}

Result<std::vector<ResolvedKey>> keys_from_jwk_set(const json::value& set,
                                                   std::string_view controller) {
  const json::object* o = set.if_object();
  const json::value* keys = o ? o->if_contains("keys") : nullptr;
  if (keys == nullptr || !keys->is_array())
    return fail("jwk.invalid", "un JWK Set doit être un objet avec un tableau « keys »", "keys");
  std::vector<ResolvedKey> out;
  for (const auto& entry : keys->get_array()) {
    auto key = key_from_jwk(entry);
    if (!key) continue;
    ResolvedKey rk;
    if (const auto* kid = entry.as_object().if_contains("kid"); kid && kid->is_string())
      rk.id = std::string(kid->get_string());
    rk.controller = std::string(controller);
    rk.key = std::move(*key);
    out.push_back(std::move(rk));
  }
  return out;
}

}  // namespace ecusson::crypto
