#include "ecusson/proofs/vc_jwt.h"

#include <cctype>
#include <chrono>
#include <cmath>
#include <optional>

#include <boost/json.hpp>

#include "ecusson/common/base64url.h"
#include "ecusson/credentials/credential_view.h"
#include "ecusson/common/datetime.h"
#include "ecusson/crypto/jwk.h"
#include "ecusson/proofs/issuer_binding.h"
#include "ecusson/crypto/jws.h"
#include "ecusson/proofs/signing_identity.h"
#include "ecusson/common/strict_json.h"
#include "ecusson/credentials/validity_window.h"

namespace ecusson::proofs {

using credentials::CheckStatus;
using credentials::ValidityWindow;
using credentials::VerificationResult;
using credentials::append_validity_checks;
using credentials::contexts_of;
using credentials::credential_validity_window;
using credentials::issuer_id_of;
using credentials::kVc1Context;
using credentials::numeric_date;
using credentials::restrict_to_jwt_claims;
using credentials::subject_id_of;
using credentials::summarise_credential;
using credentials::valid_from_member;
using credentials::valid_until_member;
using crypto::DecodedJws;
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

const json::string* string_of(const json::object& o, std::string_view name) {
  const json::value* v = o.if_contains(name);
  return v ? v->if_string() : nullptr;
}

const json::string* string_of(const json::value* v) { return v ? v->if_string() : nullptr; }

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
  const json::string* id = string_of(credential, "id");
  if (id == nullptr) return fail("vc_jwt.credential", "« id » du credential absent", "id");
  const json::string* from = string_of(valid_from_member(credential));
  if (from == nullptr) return fail("vc_jwt.credential", "« validFrom » absent", "validFrom");
  auto nbf = parse_datetime(*from);
  if (!nbf) return fail("vc_jwt.credential", nbf.error().message, "validFrom");
  std::optional<std::int64_t> exp;
  if (const json::string* until = string_of(valid_until_member(credential))) {
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

// ---------------------------------------------------------------------------------------
// Reading

namespace {

// A media type as RFC 7515 §4.1.9 compares them: case-insensitive, "application/" implied.
std::string media_type(std::string_view v) {
  std::string out;
  for (char c : v) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (out.starts_with("application/") && out.find('/', 12) == std::string::npos) out.erase(0, 12);
  return out;
}

// The header profile (VcJwtProfile) and its problems.
void read_header_profile(VcJwt& t) {
  const std::string typ = media_type(t.jws->typ), cty = media_type(t.jws->cty);
  const bool has_cty = !t.jws->cty.empty();
  if (typ == "vc+jwt" || (typ.empty() && has_cty)) t.profile = VcJwtProfile::vc_jose_cose;
  if (!typ.empty() && typ != "jwt" && typ != "vc+jwt") {
    t.header_problem = "« typ » doit valoir « JWT » (OB 3.0) ou « vc+jwt » (VC-JOSE-COSE), reçu « " +
                       t.jws->typ + " »";
    t.header_problem_en = "typ must be \"JWT\" (OB 3.0) or \"vc+jwt\" (VC-JOSE-COSE)";
  } else if (has_cty && typ == "jwt") {
    t.header_problem = "« cty » n'est pas autorisé avec « typ: JWT » (OB 3.0 §8.2)";
    t.header_problem_en = "cty is not allowed with typ JWT (OB 3.0 §8.2)";
  } else if (has_cty && cty != "vc") {
    t.header_problem = "« cty » doit valoir « vc » (VC-JOSE-COSE §3.1.1), reçu « " + t.jws->cty + " »";
    t.header_problem_en = "cty must be \"vc\" (VC-JOSE-COSE §3.1.1)";
  } else if (!t.jws->has_kid && !t.jws->has_jwk) {
    t.header_problem = "l'en-tête doit porter « kid » ou « jwk »";
    t.header_problem_en = "the header must carry kid or jwk";
  }
}

// The payload part of a compact JWS, decoded without the header policy (the strict
// decoder refused the token; the payload still feeds the structure checks).
Result<std::string> payload_part(std::string_view compact) {
  auto d1 = compact.find('.');
  auto d2 = d1 == std::string_view::npos ? d1 : compact.find('.', d1 + 1);
  if (d2 == std::string_view::npos) return fail("jws.malformed", "JWS compact attendu (3 parties)");
  return base64url_decode(compact.substr(d1 + 1, d2 - d1 - 1));
}

// VCDM 1.1 VC-JWT (§6.3.1): the registered claims stand for the members the `vc` claim
// may omit. Each is copied only when valid (an invalid one fails jwt.claims later).
void complete_legacy_credential(const json::object& claims, json::object& cred) {
  const bool v1 = !contexts_of(cred).empty() && contexts_of(cred).front() == kVc1Context;
  if (issuer_id_of(cred).empty())
    if (const json::string* iss = string_of(claims, "iss")) cred["issuer"] = *iss;
  if (!string_of(cred, "id"))
    if (const json::string* jti = string_of(claims, "jti")) cred["id"] = *jti;
  if (!valid_from_member(cred))
    if (const json::value* nbf = claims.if_contains("nbf"))
      if (auto s = numeric_date(*nbf)) cred[v1 ? "issuanceDate" : "validFrom"] = format_datetime(*s);
  if (!valid_until_member(cred))
    if (const json::value* exp = claims.if_contains("exp"))
      if (auto s = numeric_date(*exp)) cred[v1 ? "expirationDate" : "validUntil"] = format_datetime(*s);
  if (const json::string* sub = string_of(claims, "sub"))
    if (json::value* cs = cred.if_contains("credentialSubject"); cs && cs->is_object() &&
                                                                 !cs->get_object().contains("id"))
      cs->get_object()["id"] = *sub;
}

}  // namespace

VcJwt read_vc_jwt(std::string_view compact, const JwtVerifyOptions& options) {
  VcJwt t;
  t.compact = trim_input(compact);
  JwsDecodeOptions dopt;
  dopt.max_bytes = options.max_json_bytes;
  dopt.allowed_algs = options.allowed_algs;
  dopt.allowed_header_params = {"kid", "jwk", "typ", "cty"};
  auto jws = jws_decode(t.compact, dopt);
  std::string lexical;  // the payload decoded apart, when the strict decoder refused
  std::string_view payload;
  bool readable = false;
  if (jws) {
    t.jws = std::move(*jws);
    read_header_profile(t);
    payload = t.jws->payload;
    readable = true;
  } else {
    t.jws_error = jws.error();
    if (t.compact.size() <= options.max_json_bytes)
      if (auto p = payload_part(t.compact)) {
        lexical = std::move(*p);
        payload = lexical;
        readable = true;
      }
  }
  if (!readable) {
    t.payload_problem = "charge du JWT illisible (base64url)";
    return t;
  }
  auto doc = parse_json_strict(payload, options.json_limits());
  if (!doc) {
    t.payload_problem = "charge du JWT illisible : " + doc.error().message;
  } else if (!doc->is_object()) {
    t.payload_problem = "la charge du JWT doit être un objet JSON";
  } else {
    t.claims = std::move(doc->get_object());
    if (const json::value* vc = t.claims.if_contains("vc")) {
      t.legacy = true;
      if (!vc->is_object()) {
        t.payload_problem = "la revendication « vc » doit être un objet";
      } else {
        t.credential = vc->get_object();
        complete_legacy_credential(t.claims, t.credential);
      }
    } else {
      t.credential = t.claims;
      for (const char* c : kRegisteredClaims) t.credential.erase(c);
      // OB 3.0 §8.2.6: exp sets validUntil when the credential has none.
      if (t.profile == VcJwtProfile::ob3 && !valid_until_member(t.credential))
        if (const json::value* exp = t.claims.if_contains("exp"))
          if (auto s = numeric_date(*exp)) {
            const auto ctx = contexts_of(t.credential);
            const bool v1 = !ctx.empty() && ctx.front() == kVc1Context;
            t.credential[v1 ? "expirationDate" : "validUntil"] = format_datetime(*s);
          }
    }
  }
  return t;
}

// ---------------------------------------------------------------------------------------
// Verifying: one function per step, in the order of the checks.

namespace {

struct KeyStep {
  Key key;
  std::string problem, problem_en, evidence;
  bool header_problem = false;  // the jwk holds private material: a header refusal
};

// Key from the header `jwk` and/or `kid`; a bare kid is looked up in the issuer's set.
KeyStep resolve_key(const VcJwt& t, KeyResolver& resolver) {
  const DecodedJws& jws = *t.jws;
  KeyStep k;
  if (jws.has_jwk) {
    auto key = key_from_jwk_json(jws.jwk_json);
    if (!key && key.error().code == "jwk.private_material") {
      k.header_problem = true;
      k.problem = "la JWK de l'en-tête contient une clé privée (« " + key.error().where + " ») : refusé";
      k.problem_en = "the header jwk holds private key material";
      return k;
    }
    if (!key) {
      k.problem = "JWK de l'en-tête inutilisable : " + key.error().message;
      k.problem_en = "unusable header jwk";
      k.evidence = key.error().code;
      return k;
    }
    k.key = std::move(*key);
  }
  if (!jws.has_kid) return k;
  k.evidence = jws.kid;
  auto rk = resolver.resolve(jws.kid);
  if (!rk && rk.error().code == "key.unsupported_method" && jws.kid.find(':') == std::string::npos)
    rk = find_issuer_key(issuer_id_of(t.credential), jws.kid, resolver);
  if (!rk) {
    k.problem = "clé « " + jws.kid + " » introuvable : " + rk.error().message;
    k.problem_en = "cannot resolve key " + jws.kid;
  } else if (!k.key.empty() && !k.key.same_public(rk->key)) {
    k.problem = "« kid » et « jwk » désignent deux clés différentes";
    k.problem_en = "kid and jwk name different keys";
  } else {
    k.key = std::move(rk->key);
  }
  return k;
}

std::string jws_error_en(const std::string& code) {
  return code == "jws.alg_none"          ? "alg \"none\" refused: an unsigned JWT proves nothing"
         : code == "jws.alg_hmac"        ? "HMAC algorithm refused: only public-key signatures are accepted"
         : code == "jws.alg_not_allowed" ? "algorithm not accepted"
         : code == "jws.header_param"    ? "header parameter not allowed (only alg, kid, jwk, typ, cty)"
         : code == "jws.too_large"       ? "token too large"
                                         : "malformed compact JWS";
}

// jwt.header, key.resolution, proof.signature. Returns the key when the signature was
// checked with it (passed or failed), for the issuer binding.
std::optional<Key> check_header_key_signature(const VcJwt& t, KeyResolver& resolver,
                                              VerificationResult& result) {
  auto skip_key_and_signature = [&](const char* why_fr, const char* why_en) {
    result.add("key.resolution", CheckStatus::skipped, "clé non recherchée", "key not looked up");
    result.add("proof.signature", CheckStatus::skipped, why_fr, why_en);
  };
  if (!t.jws) {
    const Error& e = t.jws_error;
    result.add("jwt.header", CheckStatus::failed, "JWT refusé : " + e.message, jws_error_en(e.code),
               e.code + (e.where.empty() ? "" : " " + e.where));
    skip_key_and_signature("signature non vérifiée", "signature not checked");
    return std::nullopt;
  }
  const DecodedJws& jws = *t.jws;
  std::string problem = t.header_problem, problem_en = t.header_problem_en;
  KeyStep k;
  if (problem.empty()) {
    k = resolve_key(t, resolver);
    if (k.header_problem) {
      problem = k.problem;
      problem_en = k.problem_en;
    } else if (k.problem.empty() && !alg_fits_key(jws.alg, k.key)) {
      problem = "l'algorithme « " + jws.alg + " » ne correspond pas à la clé (" +
                std::string(k.key.alg()) + ")";
      problem_en = "alg does not fit the key";
    }
  }
  if (!problem.empty()) {
    result.add("jwt.header", CheckStatus::failed, "JWT refusé : " + problem,
               "JWT refused: " + problem_en, jws.header_json);
    skip_key_and_signature("signature non vérifiée", "signature not checked");
    return std::nullopt;
  }
  result.add("jwt.header", CheckStatus::passed, "en-tête JOSE conforme (alg " + jws.alg + ")",
             "JOSE header conforms (alg " + jws.alg + ")");
  if (!k.problem.empty()) {
    result.add("key.resolution", CheckStatus::failed, k.problem, k.problem_en, k.evidence);
    result.add("proof.signature", CheckStatus::skipped, "signature non vérifiée (clé inconnue)",
               "signature not checked (unknown key)");
    return std::nullopt;
  }
  result.add("key.resolution", CheckStatus::passed,
             jws.has_kid ? "clé « " + jws.kid + " » trouvée" : "clé publique incluse dans l'en-tête",
             jws.has_kid ? "key found" : "public key embedded in the header", k.evidence);
  auto ok = jws_verify(jws, k.key);
  if (ok)
    result.add("proof.signature", CheckStatus::passed, "signature " + jws.alg + " valide",
               "valid " + jws.alg + " signature");
  else
    result.add("proof.signature", CheckStatus::failed,
               "signature invalide : le badge a été modifié ou signé par une autre clé",
               "invalid signature: the badge was altered or signed with another key", ok.error().code);
  return std::move(k.key);
}

void check_issuer_binding(const VcJwt& t, const std::optional<Key>& key, KeyResolver& resolver,
                          VerificationResult& result) {
  if (!key) {
    result.add("key.issuer_binding", CheckStatus::skipped, "lien émetteur–clé non vérifié",
               "issuer–key binding not checked");
    return;
  }
  IssuerBinding b = bind_key_to_issuer(issuer_id_of(t.credential), *key, resolver);
  result.add("key.issuer_binding", b.status, b.message, b.message_en, b.evidence);
}

// The claims against the credential, per profile (VcJwtProfile).
std::vector<std::string> claim_mismatches(const VcJwt& t) {
  std::vector<std::string> out;
  const json::object& claims = t.claims;
  const json::object& cred = t.credential;
  const bool ob3 = t.profile == VcJwtProfile::ob3;
  if (!ob3 && (claims.contains("vc") || claims.contains("vp")))
    out.push_back("revendication « vc »/« vp » interdite avec typ vc+jwt (VC-JOSE-COSE)");
  auto expect_string_claim = [&](const char* claim, std::optional<std::string> field,
                                 bool required) {
    const json::value* c = claims.if_contains(claim);
    if (c == nullptr) {
      // OB 3.0 requires iss/jti, and sub when the subject has an id; VC-JOSE-COSE none.
      if (ob3 && (required || field)) out.push_back(std::string(claim) + " absent");
      return;
    }
    if (!c->is_string() || !field || *field != c->get_string())
      out.push_back(std::string(claim) + " ≠ " + (field ? *field : "(absent)"));
  };
  std::string issuer = issuer_id_of(cred);
  const json::string* id = string_of(cred, "id");
  expect_string_claim("iss", issuer.empty() ? std::nullopt : std::optional(issuer), true);
  expect_string_claim("jti", id ? std::optional(std::string(*id)) : std::nullopt, true);
  expect_string_claim("sub", subject_id_of(cred), false);

  // NumericDates: range-checked, never cast blindly (validity_window.h).
  std::optional<std::int64_t> nbf, exp;
  for (const char* name : {"nbf", "exp", "iat"}) {
    const json::value* v = claims.if_contains(name);
    if (v == nullptr) continue;
    auto d = numeric_date(*v);
    if (!d) out.push_back(std::string(name) + " : " + d.error().message);
    else if (name == std::string_view("nbf")) nbf = *d;
    else if (name == std::string_view("exp")) exp = *d;
  }
  std::optional<DateTime> from, until;
  if (const json::value* f = valid_from_member(cred)) {
    auto d = f->is_string() ? parse_datetime(f->get_string()) : Result<DateTime>(fail("", ""));
    if (d) from = *d;
    else out.push_back("validFrom invalide");
  } else if (ob3) {
    out.push_back("validFrom absent");
  }
  if (const json::value* u = valid_until_member(cred)) {
    auto d = u->is_string() ? parse_datetime(u->get_string()) : Result<DateTime>(fail("", ""));
    if (d) until = *d;
    else out.push_back("validUntil invalide");
  }
  if (!ob3) return out;  // VC-JOSE-COSE: nbf/exp are the token's own validity
  if (!claims.contains("nbf")) out.push_back("nbf absent");
  else if (nbf && from && from->seconds != *nbf) out.push_back("nbf ≠ validFrom");
  if (until && !claims.contains("exp")) out.push_back("exp absent alors que validUntil est présent");
  if (until && exp && until->seconds != *exp) out.push_back("exp ≠ validUntil");
  return out;
}

void check_claims(const VcJwt& t, VerificationResult& result) {
  auto mismatches = claim_mismatches(t);
  if (mismatches.empty()) {
    result.add("jwt.claims", CheckStatus::passed,
               "revendications iss, jti, sub, nbf, exp conformes au credential",
               "iss, jti, sub, nbf, exp match the credential");
    return;
  }
  std::string list;
  for (const auto& m : mismatches) list += (list.empty() ? "" : "; ") + m;
  result.add("jwt.claims", CheckStatus::failed,
             "les revendications du JWT ne correspondent pas au credential : " + list,
             "JWT claims do not match the credential: " + list, list);
}

}  // namespace

void verify_vc_jwt(const VcJwt& token, KeyResolver& resolver, const JwtVerifyOptions& options,
                   VerificationResult& result) {
  std::optional<Key> key = check_header_key_signature(token, resolver, result);
  if (!token.payload_problem.empty()) {
    result.add("key.issuer_binding", CheckStatus::skipped, "émetteur inconnu", "unknown issuer");
    result.add("jwt.claims", CheckStatus::failed, token.payload_problem, "unreadable JWT payload");
    return;
  }
  check_issuer_binding(token, key, resolver, result);
  check_claims(token, result);
  if (options.check_validity_dates) {
    ValidityWindow window = credential_validity_window(token.credential);
    restrict_to_jwt_claims(window, token.claims);
    append_validity_checks(window, options.instant(), options.max_clock_skew, result);
  }
}

void verify_vc_jwt(std::string_view compact, KeyResolver& resolver,
                   const JwtVerifyOptions& options, VerificationResult& result,
                   json::value* credential_out) {
  result.format = "ob3-vc-jwt";
  if (result.source.empty()) result.source = "jws";
  if (credential_out) *credential_out = nullptr;
  VcJwt token = read_vc_jwt(compact, options);
  if (token.payload_problem.empty()) result.credential = summarise_credential(token.credential);
  verify_vc_jwt(token, resolver, options, result);
  if (credential_out && token.payload_problem.empty()) *credential_out = std::move(token.credential);
}

}  // namespace ecusson::proofs
