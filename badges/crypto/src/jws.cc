#include "ecusson/crypto/jws.h"

#include <algorithm>

#include <boost/json.hpp>

#include "ecusson/common/base64url.h"
#include "ecusson/crypto/jwk.h"
#include "ecusson/common/json_write.h"
#include "ecusson/common/strict_json.h"
#include "ecusson/common/text.h"

namespace ecusson::crypto {

namespace json = boost::json;

namespace {

constexpr std::size_t kMaxHeaderBytes = 16 * 1024;

}  // namespace

Result<std::string> jws_sign(const JwsHeader& header, std::string_view payload, const Key& key) {
  if (key.empty() || !key.has_private())
    return fail("key.no_private", "clé privée requise pour signer");
  std::string h = R"({"alg":")";
  h += key.alg();
  h += '"';
  if (!header.kid.empty()) {
    h += R"(,"kid":)";
    append_json_string(h, header.kid);  // kid/typ come from configuration: escaped
  }
  if (header.embed_jwk) {
    h += R"(,"jwk":)";
    h += public_jwk_json(key);
  }
  if (!header.typ.empty()) {
    h += R"(,"typ":)";
    append_json_string(h, header.typ);
  }
  h += '}';
  std::string out;
  out.reserve((h.size() * 4 + 2) / 3 + 1 + (payload.size() * 4 + 2) / 3 + 1 + 344);
  base64url_append(out, h);
  out.push_back('.');
  base64url_append(out, payload);
  auto sig = key.sign(out);
  if (!sig) return sig.error();
  out.push_back('.');
  base64url_append(out, *sig);
  return out;
}

bool alg_fits_key(std::string_view alg, const Key& key) {
  if (key.empty()) return false;
  return alg == key.alg();
}

Result<DecodedJws> jws_decode(std::string_view compact, const JwsDecodeOptions& options) {
  if (compact.size() > options.max_bytes)
    return fail("jws.too_large", "JWS trop grand (" + std::to_string(compact.size()) +
                                     " octets, limite " + std::to_string(options.max_bytes) + ")");
  std::size_t d1 = compact.find('.');
  std::size_t d2 = d1 == std::string_view::npos ? d1 : compact.find('.', d1 + 1);
  if (d1 == std::string_view::npos || d2 == std::string_view::npos ||
      compact.find('.', d2 + 1) != std::string_view::npos)
    return fail("jws.malformed", "un JWS compact a exactement trois parties séparées par « . »");
  std::string_view h64 = compact.substr(0, d1);
  std::string_view p64 = compact.substr(d1 + 1, d2 - d1 - 1);
  std::string_view s64 = compact.substr(d2 + 1);
  if (h64.empty() || s64.empty())
    return fail("jws.malformed", "en-tête ou signature JWS vide");
  if (h64.size() > kMaxHeaderBytes * 4 / 3 + 4)
    return fail("jws.malformed", "en-tête JWS trop grand");
  DecodedJws out;
  auto header = base64url_decode(h64);
  if (!header) return fail("jws.malformed", "en-tête JWS : " + header.error().message, "header");
  auto payload = base64url_decode(p64);
  if (!payload) return fail("jws.malformed", "charge JWS : " + payload.error().message, "payload");
  auto sig = base64url_decode(s64);
  if (!sig) return fail("jws.malformed", "signature JWS : " + sig.error().message, "signature");
  auto hv = parse_json_strict(*header, JsonLimits{kMaxHeaderBytes, 8});
  if (!hv) return fail("jws.malformed", "en-tête JWS : " + hv.error().message, "header");
  const json::object* ho = hv->if_object();
  if (ho == nullptr) return fail("jws.malformed", "l'en-tête JWS doit être un objet JSON", "header");

  const json::value* alg = ho->if_contains("alg");
  if (alg == nullptr || !alg->is_string())
    return fail("jws.malformed", "paramètre « alg » absent de l'en-tête", "alg");
  out.alg = std::string(alg->get_string());
  const std::string lower = ascii_lower(out.alg);
  if (lower == "none")
    return fail("jws.alg_none", "« alg: none » refusé : un JWS non signé ne prouve rien", "alg");
  if (lower.starts_with("hs"))
    return fail("jws.alg_hmac",
                "algorithme HMAC « " + out.alg + " » refusé : seules les signatures à clé "
                "publique sont acceptées",
                "alg");
  if (std::find(options.allowed_algs.begin(), options.allowed_algs.end(), out.alg) ==
      options.allowed_algs.end())
    return fail("jws.alg_not_allowed", "algorithme « " + out.alg + " » non accepté", "alg");

  for (const auto& member : *ho) {
    std::string_view name = member.key();
    if (name == "alg") continue;
    if (std::find(options.allowed_header_params.begin(), options.allowed_header_params.end(),
                  name) == options.allowed_header_params.end())
      return fail("jws.header_param",
                  "paramètre d'en-tête « " + std::string(name) + " » non autorisé",
                  std::string(name));
  }
  if (const json::value* kid = ho->if_contains("kid")) {
    if (!kid->is_string()) return fail("jws.malformed", "« kid » doit être une chaîne", "kid");
    out.kid = std::string(kid->get_string());
    out.has_kid = true;
  }
  if (const json::value* typ = ho->if_contains("typ")) {
    if (!typ->is_string()) return fail("jws.malformed", "« typ » doit être une chaîne", "typ");
    out.typ = std::string(typ->get_string());
  }
  if (const json::value* cty = ho->if_contains("cty")) {
    if (!cty->is_string()) return fail("jws.malformed", "« cty » doit être une chaîne", "cty");
    out.cty = std::string(cty->get_string());
  }
  if (const json::value* jwk = ho->if_contains("jwk")) {
    if (!jwk->is_object()) return fail("jws.malformed", "« jwk » doit être un objet", "jwk");
    out.jwk_json = json::serialize(*jwk);
    out.has_jwk = true;
  }
  out.header_json = std::move(*header);
  out.payload = std::move(*payload);
  out.signature = std::move(*sig);
  out.signing_input = std::string(compact.substr(0, d2));
  return out;
}

Result<void> jws_verify(const DecodedJws& jws, const Key& key) {
  if (!alg_fits_key(jws.alg, key))
    return fail("jws.alg_key_mismatch",
                "l'algorithme « " + jws.alg + " » ne correspond pas à la clé (" +
                    std::string(key.empty() ? "absente" : key.alg()) + ")",
                "alg");
  if (!key.verify(jws.signing_input, jws.signature))
    return fail("jws.bad_signature", "signature JWS invalide");
  return {};
}

}  // namespace ecusson::crypto
