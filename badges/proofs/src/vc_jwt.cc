#include "ecusson/proofs/vc_jwt.h"

#include <cmath>
#include <ctime>
#include <optional>

#include <boost/json.hpp>

#include "ecusson/common/base64url.h"
#include "ecusson/common/datetime.h"
#include "ecusson/crypto/jwk.h"
#include "ecusson/crypto/jws.h"
#include "ecusson/proofs/signing_identity.h"
#include "ecusson/common/strict_json.h"

namespace ecusson::proofs {

using credentials::CheckStatus;
using credentials::CredentialSummary;
using credentials::VerificationResult;
using crypto::JwsDecodeOptions;
using crypto::JwsHeader;
using crypto::Key;
using crypto::KeyResolver;
using crypto::alg_fits_key;
using crypto::jws_decode;
using crypto::jws_sign;
using crypto::jws_verify;
using crypto::key_from_jwk_json;

namespace json = boost::json;

namespace {

constexpr const char* kRegisteredClaims[] = {"iss", "jti", "sub", "nbf", "exp", "iat", "aud"};

const json::string* string_member(const json::object& o, std::string_view name) {
  const json::value* v = o.if_contains(name);
  return v ? v->if_string() : nullptr;
}

// issuer: "did:…" or {"id": "did:…", "name": …}.
std::string issuer_id_of(const json::object& cred) {
  const json::value* issuer = cred.if_contains("issuer");
  if (issuer == nullptr) return {};
  if (const json::string* s = issuer->if_string()) return std::string(*s);
  if (const json::object* o = issuer->if_object())
    if (const json::string* id = string_member(*o, "id")) return std::string(*id);
  return {};
}

const json::object* subject_of(const json::object& cred) {
  const json::value* subject = cred.if_contains("credentialSubject");
  if (subject == nullptr) return nullptr;
  if (const json::object* o = subject->if_object()) return o;
  // A single-element array is tolerated (compacted JSON-LD form).
  if (const json::array* a = subject->if_array(); a && a->size() == 1) return a->at(0).if_object();
  return nullptr;
}

std::optional<std::string> subject_id_of(const json::object& cred) {
  const json::object* s = subject_of(cred);
  if (s == nullptr) return std::nullopt;
  if (const json::string* id = string_member(*s, "id")) return std::string(*id);
  return std::nullopt;
}

// validFrom (VCDM 2.0) or issuanceDate (1.1); validUntil or expirationDate.
const json::string* valid_from_of(const json::object& cred) {
  if (const json::string* s = string_member(cred, "validFrom")) return s;
  return string_member(cred, "issuanceDate");
}
const json::string* valid_until_of(const json::object& cred) {
  if (const json::string* s = string_member(cred, "validUntil")) return s;
  return string_member(cred, "expirationDate");
}

// A NumericDate claim as whole seconds (fractions truncated toward -inf).
std::optional<std::int64_t> numeric_date(const json::value* v) {
  if (v == nullptr) return std::nullopt;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64()) {
    if (v->get_uint64() > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<std::int64_t>(v->get_uint64());
  }
  if (v->is_double()) {
    double d = v->get_double();
    if (!std::isfinite(d) || std::fabs(d) > 9.2e18) return std::nullopt;
    return static_cast<std::int64_t>(std::floor(d));
  }
  return std::nullopt;
}

// Appends `"name":value,` to `claims` unless the credential already has that member with
// the same value (then nothing); a different value is a conflict.
Result<void> put_claim(const json::object& credential, std::string& claims, std::string_view name,
                       const json::value& v) {
  if (const json::value* existing = credential.if_contains(name)) {
    if (*existing != v)
      return fail("vc_jwt.claim_conflict",
                  "le document contient déjà « " + std::string(name) + " » avec une autre valeur",
                  std::string(name));
    return {};
  }
  claims += '"';
  claims += name;
  claims += "\":";
  claims += json::serialize(v);
  claims += ',';
  return {};
}

void fill_summary(const json::object& cred, CredentialSummary& s) {
  if (const json::string* id = string_member(cred, "id")) s.id = std::string(*id);
  s.issuer_id = issuer_id_of(cred);
  if (const json::value* issuer = cred.if_contains("issuer"); issuer && issuer->is_object())
    if (const json::string* n = string_member(issuer->get_object(), "name"))
      s.issuer_name = std::string(*n);
  if (const json::string* v = valid_from_of(cred)) s.valid_from = std::string(*v);
  if (const json::string* v = valid_until_of(cred)) s.valid_until = std::string(*v);
  if (const json::object* subject = subject_of(cred)) {
    if (const json::string* id = string_member(*subject, "id")) s.subject_id = std::string(*id);
    if (const json::value* a = subject->if_contains("achievement"); a && a->is_object()) {
      if (const json::string* id = string_member(a->get_object(), "id"))
        s.achievement_id = std::string(*id);
      if (const json::string* n = string_member(a->get_object(), "name"))
        s.achievement_name = std::string(*n);
    }
  }
}

}  // namespace

Result<std::string> sign_vc_jwt(std::string_view credential_json, const Key& key,
                                const VcJwtSignOptions& options) {
  auto v = parse_json_strict(credential_json);
  if (!v) return fail("vc_jwt.credential", "credential illisible : " + v.error().message,
                      v.error().where);
  if (!v->is_object()) return fail("vc_jwt.credential", "le credential doit être un objet JSON");
  return sign_vc_jwt(v->get_object(), key, options);
}

Result<std::string> sign_vc_jwt(const json::object& credential, const Key& key,
                                const VcJwtSignOptions& options) {
  std::string issuer = issuer_id_of(credential);
  if (issuer.empty())
    return fail("vc_jwt.credential", "« issuer » (ou « issuer.id ») absent", "issuer");
  const json::string* id = string_member(credential, "id");
  if (id == nullptr) return fail("vc_jwt.credential", "« id » du credential absent", "id");
  const json::string* from = valid_from_of(credential);
  if (from == nullptr) return fail("vc_jwt.credential", "« validFrom » absent", "validFrom");
  auto nbf = parse_datetime(*from);
  if (!nbf) return fail("vc_jwt.credential", nbf.error().message, "validFrom");
  std::optional<std::int64_t> exp;
  if (const json::string* until = valid_until_of(credential)) {
    auto e = parse_datetime(*until);
    if (!e) return fail("vc_jwt.credential", e.error().message, "validUntil");
    exp = e->seconds;
  }
  if (options.check_issuer) {
    auto vm = signing_verification_method(issuer, key, options.kid);
    if (!vm) return vm.error();
  }

  // The payload is the credential with the claims added. Splicing the claims in front of
  // the serialized credential avoids a deep copy of the document (issuance signs many).
  std::string claims;
  if (auto r = put_claim(credential, claims, "iss", json::string(issuer)); !r) return r.error();
  if (auto r = put_claim(credential, claims, "jti", *id); !r) return r.error();
  if (auto sub = subject_id_of(credential))
    if (auto r = put_claim(credential, claims, "sub", json::string(*sub)); !r) return r.error();
  if (auto r = put_claim(credential, claims, "nbf", nbf->seconds); !r) return r.error();
  if (exp)
    if (auto r = put_claim(credential, claims, "exp", *exp); !r) return r.error();
  std::string payload = json::serialize(credential);  // "{…}"
  if (credential.empty() && !claims.empty()) claims.pop_back();  // no member follows
  payload.insert(1, claims);

  JwsHeader header;
  header.kid = options.kid;
  header.embed_jwk = options.kid.empty() || options.embed_jwk;
  if (options.typ_jwt) header.typ = "JWT";
  return jws_sign(header, payload, key);
}

bool looks_like_compact_jws(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  int dots = 0;
  for (char c : text) {
    if (c == '.') ++dots;
    else if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  }
  return dots == 2 && text.size() >= 5 && text.starts_with("ey");
}

void verify_vc_jwt(std::string_view compact, KeyResolver& resolver,
                   const JwtVerifyOptions& options, VerificationResult& result,
                   json::value* credential_out) {
  result.format = "ob3-vc-jwt";
  if (result.source.empty()) result.source = "jws";
  if (credential_out) *credential_out = nullptr;
  // Tolerate surrounding whitespace (files end with a newline), nothing else.
  while (!compact.empty() && std::isspace(static_cast<unsigned char>(compact.back())))
    compact.remove_suffix(1);
  while (!compact.empty() && std::isspace(static_cast<unsigned char>(compact.front())))
    compact.remove_prefix(1);

  auto skip_rest = [&](bool with_claims) {
    result.add("key.resolution", CheckStatus::skipped, "clé non recherchée", "key not looked up");
    result.add("proof.signature", CheckStatus::skipped, "signature non vérifiée",
               "signature not checked");
    result.add("key.issuer_binding", CheckStatus::skipped, "lien émetteur–clé non vérifié",
               "issuer–key binding not checked");
    if (with_claims)
      result.add("jwt.claims", CheckStatus::skipped, "revendications non vérifiées",
                 "claims not checked");
  };

  JwsDecodeOptions dopt;
  dopt.max_bytes = options.max_bytes;
  dopt.allowed_algs = options.allowed_algs;
  auto jws = jws_decode(compact, dopt);
  if (!jws) {
    const Error& e = jws.error();
    std::string en = e.code == "jws.alg_none"       ? "alg \"none\" refused: an unsigned JWT proves nothing"
                     : e.code == "jws.alg_hmac"     ? "HMAC algorithm refused: only public-key signatures are accepted"
                     : e.code == "jws.alg_not_allowed" ? "algorithm not accepted"
                     : e.code == "jws.header_param" ? "header parameter not allowed (only alg, kid, jwk, typ)"
                     : e.code == "jws.too_large"    ? "token too large"
                                                    : "malformed compact JWS";
    result.add("jwt.header", CheckStatus::failed, "JWT refusé : " + e.message, en,
               e.code + (e.where.empty() ? "" : " " + e.where));
    skip_rest(true);
    return;
  }

  // --- Header rules of OB 3.0 §8.2.2 beyond the generic JWS ones.
  std::string header_problem, header_problem_en;
  if (!jws->typ.empty() && jws->typ != "JWT") {
    header_problem = "« typ » doit valoir « JWT » (reçu « " + jws->typ + " »)";
    header_problem_en = "typ must be \"JWT\"";
  } else if (!jws->has_kid && !jws->has_jwk) {
    header_problem = "l'en-tête doit porter « kid » ou « jwk »";
    header_problem_en = "the header must carry kid or jwk";
  }

  // --- Key: from `jwk` and/or `kid` (through the resolver).
  Key key;
  std::string key_problem, key_problem_en, key_evidence;
  if (jws->has_jwk) {
    auto k = key_from_jwk_json(jws->jwk_json);
    if (!k) {
      if (k.error().code == "jwk.private_material" && header_problem.empty()) {
        header_problem = "la JWK de l'en-tête contient une clé privée (« " + k.error().where +
                         " ») : refusé";
        header_problem_en = "the header jwk holds private key material";
      } else {
        key_problem = "JWK de l'en-tête inutilisable : " + k.error().message;
        key_problem_en = "unusable header jwk";
        key_evidence = k.error().code;
      }
    } else {
      key = std::move(*k);
    }
  }
  if (header_problem.empty() && key_problem.empty() && jws->has_kid) {
    auto rk = resolver.resolve(jws->kid);
    key_evidence = jws->kid;
    if (!rk) {
      key_problem = "clé « " + jws->kid + " » introuvable : " + rk.error().message;
      key_problem_en = "cannot resolve key " + jws->kid;
    } else if (!key.empty() && !key.same_public(rk->key)) {
      key_problem = "« kid » et « jwk » désignent deux clés différentes";
      key_problem_en = "kid and jwk name different keys";
    } else {
      key = std::move(rk->key);
    }
  }
  if (header_problem.empty() && key_problem.empty() && !alg_fits_key(jws->alg, key)) {
    header_problem = "l'algorithme « " + jws->alg + " » ne correspond pas à la clé (" +
                     std::string(key.alg()) + ")";
    header_problem_en = "alg does not fit the key";
  }

  if (!header_problem.empty()) {
    result.add("jwt.header", CheckStatus::failed, "JWT refusé : " + header_problem,
               "JWT refused: " + header_problem_en, jws->header_json);
  } else {
    result.add("jwt.header", CheckStatus::passed, "en-tête JOSE conforme (alg " + jws->alg + ")",
               "JOSE header conforms (alg " + jws->alg + ")");
  }

  // --- Payload and credential (read even when the key failed, for the summary).
  auto payload = parse_json_strict(jws->payload, JsonLimits{options.max_bytes, 64});
  json::object claims;
  json::object credential;
  std::string payload_problem;
  bool legacy = false;
  if (!payload) {
    payload_problem = "charge du JWT illisible : " + payload.error().message;
  } else if (!payload->is_object()) {
    payload_problem = "la charge du JWT doit être un objet JSON";
  } else {
    claims = std::move(payload->get_object());
    if (const json::value* vc = claims.if_contains("vc")) {
      legacy = true;
      if (!vc->is_object()) payload_problem = "la revendication « vc » doit être un objet";
      else credential = vc->get_object();
    } else {
      credential = claims;
      for (const char* c : kRegisteredClaims) credential.erase(c);
    }
  }

  if (!header_problem.empty()) {
    result.add("key.resolution", CheckStatus::skipped, "clé non recherchée", "key not looked up");
    result.add("proof.signature", CheckStatus::skipped, "signature non vérifiée",
               "signature not checked");
  } else if (!key_problem.empty()) {
    result.add("key.resolution", CheckStatus::failed, key_problem, key_problem_en, key_evidence);
    result.add("proof.signature", CheckStatus::skipped, "signature non vérifiée (clé inconnue)",
               "signature not checked (unknown key)");
  } else {
    result.add("key.resolution", CheckStatus::passed,
               jws->has_kid ? "clé « " + jws->kid + " » trouvée" : "clé publique incluse dans l'en-tête",
               jws->has_kid ? "key found" : "public key embedded in the header", key_evidence);
    auto ok = jws_verify(*jws, key);
    if (ok)
      result.add("proof.signature", CheckStatus::passed, "signature " + jws->alg + " valide",
                 "valid " + jws->alg + " signature");
    else
      result.add("proof.signature", CheckStatus::failed,
                 "signature invalide : le badge a été modifié ou signé par une autre clé",
                 "invalid signature: the badge was altered or signed with another key",
                 ok.error().code);
  }

  if (!payload_problem.empty()) {
    result.add("key.issuer_binding", CheckStatus::skipped, "émetteur inconnu", "unknown issuer");
    result.add("jwt.claims", CheckStatus::failed, payload_problem, "unreadable JWT payload");
    return;
  }

  // --- Legacy VCDM 1.1 `vc` claim: fill the credential from the registered claims.
  if (legacy) {
    if (issuer_id_of(credential).empty())
      if (const json::string* iss = string_member(claims, "iss")) credential["issuer"] = *iss;
    if (!string_member(credential, "id"))
      if (const json::string* jti = string_member(claims, "jti")) credential["id"] = *jti;
    if (!valid_from_of(credential))
      if (auto nbf = numeric_date(claims.if_contains("nbf")))
        credential["issuanceDate"] = format_datetime(*nbf);
    if (!valid_until_of(credential))
      if (auto exp = numeric_date(claims.if_contains("exp")))
        credential["expirationDate"] = format_datetime(*exp);
    if (const json::string* sub = string_member(claims, "sub")) {
      json::value* cs = credential.if_contains("credentialSubject");
      if (cs && cs->is_object() && !cs->get_object().contains("id"))
        cs->get_object()["id"] = *sub;
    }
  }
  fill_summary(credential, result.credential);
  std::string issuer = issuer_id_of(credential);

  // --- Issuer binding: the key must be one the issuer publishes.
  if (!header_problem.empty() || !key_problem.empty()) {
    result.add("key.issuer_binding", CheckStatus::skipped, "lien émetteur–clé non vérifié",
               "issuer–key binding not checked");
  } else if (issuer.empty()) {
    result.add("key.issuer_binding", CheckStatus::failed, "émetteur absent du credential",
               "no issuer in the credential");
  } else {
    auto keys = resolver.issuer_keys(issuer);
    if (!keys) {
      result.add("key.issuer_binding", CheckStatus::failed,
                 "impossible d'obtenir les clés publiées par l'émetteur « " + issuer +
                     " » : " + keys.error().message,
                 "cannot obtain the keys published by the issuer", keys.error().code);
    } else {
      bool bound = false;
      for (const auto& rk : *keys) bound = bound || rk.key.same_public(key);
      if (bound)
        result.add("key.issuer_binding", CheckStatus::passed,
                   "la clé appartient à l'émetteur « " + issuer + " »",
                   "the key belongs to the issuer", issuer);
      else
        result.add("key.issuer_binding", CheckStatus::failed,
                   "la clé de signature n'est pas une clé publiée par l'émetteur « " + issuer +
                       " »",
                   "the signing key is not published by the issuer", issuer);
    }
  }

  // --- Claims must equal the credential fields (OB 3.0 §8.2.4).
  std::vector<std::string> mismatches;
  auto expect_string_claim = [&](const char* claim, std::optional<std::string> field,
                                 bool required) {
    const json::value* c = claims.if_contains(claim);
    if (c == nullptr) {
      if (required || field) mismatches.push_back(std::string(claim) + " absent");
      return;
    }
    if (!c->is_string() || !field || *field != c->get_string())
      mismatches.push_back(std::string(claim) + " ≠ " + (field ? *field : "(absent)"));
  };
  expect_string_claim("iss", issuer.empty() ? std::nullopt : std::optional<std::string>(issuer), true);
  const json::string* cid = string_member(credential, "id");
  expect_string_claim("jti", cid ? std::optional<std::string>(std::string(*cid)) : std::nullopt, true);
  expect_string_claim("sub", subject_id_of(credential), false);

  std::optional<DateTime> valid_from, valid_until;
  if (const json::string* f = valid_from_of(credential)) {
    auto d = parse_datetime(*f);
    if (d) valid_from = *d;
    else mismatches.push_back("validFrom invalide");
  } else {
    mismatches.push_back("validFrom absent");
  }
  const json::string* until_member = valid_until_of(credential);
  if (until_member) {
    auto d = parse_datetime(*until_member);
    if (d) valid_until = *d;
    else mismatches.push_back("validUntil invalide");
  }
  auto nbf = numeric_date(claims.if_contains("nbf"));
  auto exp = numeric_date(claims.if_contains("exp"));
  if (!nbf) mismatches.push_back("nbf absent ou non numérique");
  else if (valid_from && valid_from->seconds != *nbf) mismatches.push_back("nbf ≠ validFrom");
  if (claims.contains("exp") && !exp) mismatches.push_back("exp non numérique");
  if (valid_until && !exp) mismatches.push_back("exp absent alors que validUntil est présent");
  if (valid_until && exp && valid_until->seconds != *exp) mismatches.push_back("exp ≠ validUntil");
  // The credential's own dates are what the validity check reads: an exp it does not carry
  // would otherwise go unchecked.
  if (exp && !until_member)
    mismatches.push_back("exp présent alors que validUntil est absent");

  if (mismatches.empty()) {
    result.add("jwt.claims", CheckStatus::passed,
               "revendications iss, jti, sub, nbf, exp conformes au credential",
               "iss, jti, sub, nbf, exp match the credential");
  } else {
    std::string list;
    for (const auto& m : mismatches) list += (list.empty() ? "" : "; ") + m;
    result.add("jwt.claims", CheckStatus::failed,
               "les revendications du JWT ne correspondent pas au credential : " + list,
               "JWT claims do not match the credential: " + list, list);
  }

  // --- Dates (exp sets validUntil when the credential has none).
  if (options.check_validity_dates) {
    std::int64_t now = options.now != 0 ? options.now : static_cast<std::int64_t>(std::time(nullptr));
    std::optional<std::int64_t> start = nbf ? nbf : (valid_from ? std::optional(valid_from->seconds) : std::nullopt);
    std::optional<std::int64_t> end = exp ? exp : (valid_until ? std::optional(valid_until->seconds) : std::nullopt);
    if (start && now + options.max_clock_skew < *start)
      result.add("validity.not_yet_valid", CheckStatus::failed,
                 "le badge n'est pas encore valide (à partir du " + format_datetime(*start) + ")",
                 "the badge is not valid yet", format_datetime(*start));
    else
      result.add("validity.not_yet_valid", CheckStatus::passed, "date de début de validité atteinte",
                 "validity start reached");
    if (end && now - options.max_clock_skew >= *end)
      result.add("validity.expired", CheckStatus::failed,
                 "le badge a expiré le " + format_datetime(*end), "the badge has expired",
                 format_datetime(*end));
    else
      result.add("validity.expired", CheckStatus::passed,
                 end ? "le badge n'a pas expiré" : "pas de date d'expiration",
                 end ? "the badge has not expired" : "no expiry date");
  }

  if (credential_out) *credential_out = std::move(credential);
}

}  // namespace ecusson::proofs
