#include "internal.h"
#include "ecusson/common/datetime.h"

#include "ecusson/common/base64url.h"
#include "ecusson/common/text.h"
#include "ecusson/crypto/jws.h"

#include <openssl/decoder.h>
#include <openssl/evp.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <memory>

namespace ecusson::ob2::detail {

using crypto::JwsHeader;
using crypto::Key;
using crypto::KeyType;
using crypto::jws_sign;

std::vector<std::string> types_of(const json::object& obj) {
  auto it = obj.find("type");
  if (it == obj.end()) it = obj.find("@type");
  if (it == obj.end()) return {};
  return strings_of(&it->value());
}

bool has_type(const json::object& obj, std::string_view type) {
  for (const auto& t : types_of(obj))
    if (t == type) return true;
  return false;
}

std::string ref_id(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_object()) {
    const auto& o = v.as_object();
    std::string id = str_of(o, "id");
    if (id.empty()) id = str_of(o, "@id");
    return id;
  }
  return {};
}

const json::value* verification_of(const json::object& obj) {
  if (auto* v = obj.if_contains("verification")) return v;
  return obj.if_contains("verify");
}

std::optional<std::string> base64url_decode(std::string_view text) {
  auto bytes = ecusson::base64url_decode(text);
  if (!bytes) return std::nullopt;
  return std::move(*bytes);
}

std::optional<std::string> base64_decode(std::string_view text) {
  auto bytes = base64_decode_lenient(text, Base64Alphabet::standard);
  if (!bytes) return std::nullopt;
  return std::move(*bytes);
}

// OB 2.0 dates go through the one parser of datetime.h, with the ISO 8601 variants on.
std::optional<std::chrono::sys_seconds> parse_datetime(std::string_view s) {
  auto dt = ecusson::parse_datetime(s, DateTimeSyntax{.iso8601 = true});
  if (!dt) return std::nullopt;
  return std::chrono::sys_seconds{std::chrono::seconds{dt->seconds}};
}

std::string format_datetime(std::chrono::sys_seconds t) {
  return ecusson::format_datetime(t.time_since_epoch().count());
}

std::optional<UrlParts> parse_http_url(std::string_view url) {
  auto colon = url.find("://");
  if (colon == std::string_view::npos) return std::nullopt;
  UrlParts p;
  p.scheme = ascii_lower(url.substr(0, colon));
  if (p.scheme != "http" && p.scheme != "https") return std::nullopt;
  std::string_view rest = url.substr(colon + 3);
  auto end = rest.find_first_of("/?#");
  std::string_view auth = rest.substr(0, end);
  if (auto at = auth.rfind('@'); at != std::string_view::npos) auth = auth.substr(at + 1);
  if (auth.empty()) return std::nullopt;
  p.authority = ascii_lower(auth);
  std::string_view host = p.authority;
  if (!host.empty() && host.front() == '[') {
    auto close = host.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    p.host = std::string(host.substr(1, close - 1));
  } else {
    p.host = std::string(host.substr(0, host.find(':')));
  }
  if (p.host.empty()) return std::nullopt;
  return p;
}

Result<Key> rsa_private_key(std::string_view private_key_pem) {
  auto key = Key::from_pem(private_key_pem);
  if (!key) return fail("key.bad_pem", "clé privée PEM illisible : " + key.error().message);
  if (key->type() != KeyType::rsa2048 || !key->has_private())
    return fail("key.not_rsa", "OB 2.0 signé (RS256) demande une clé privée RSA");
  return key;
}

Result<Key> rsa_public_key(std::string_view public_key_pem) {
  auto key = Key::from_pem(public_key_pem);
  if (!key && public_key_pem.find("BEGIN RSA PUBLIC KEY") != std::string_view::npos) {
    // PKCS#1 "RSA PUBLIC KEY" is still seen in OB 2.0 CryptographicKey documents.
    EVP_PKEY* decoded = nullptr;
    OSSL_DECODER_CTX* dctx = OSSL_DECODER_CTX_new_for_pkey(
        &decoded, "PEM", nullptr, "RSA", OSSL_KEYMGMT_SELECT_PUBLIC_KEY, nullptr, nullptr);
    if (dctx != nullptr) {
      const auto* data = reinterpret_cast<const unsigned char*>(public_key_pem.data());
      std::size_t len = public_key_pem.size();
      bool ok = OSSL_DECODER_from_data(dctx, &data, &len) == 1;
      OSSL_DECODER_CTX_free(dctx);
      if (ok) key = Key::adopt(decoded);
    }
  }
  if (!key) return fail("key.bad_pem", "clé publique PEM illisible : " + key.error().message);
  if (key->type() != KeyType::rsa2048)
    return fail("key.not_rsa", "la clé n'est pas une clé RSA (RS256)");
  return key;
}

Result<std::string> sign_rs256(std::string_view payload, std::string_view private_key_pem) {
  auto key = rsa_private_key(private_key_pem);
  if (!key) return key.error();
  auto jws = jws_sign(JwsHeader{}, payload, *key);
  if (!jws) return fail("jws.sign", "signature RS256 impossible : " + jws.error().message);
  return jws;
}

Result<std::string> public_pem_of(std::string_view private_key_pem) {
  auto key = Key::from_pem(private_key_pem);
  if (!key) return fail("key.bad_pem", "clé privée PEM illisible : " + key.error().message);
  return key->public_pem();
}

Result<std::string> generate_rsa_pem() {
  auto key = Key::generate(KeyType::rsa2048);
  if (!key) return fail("key.generate", "génération de clé RSA impossible");
  return key->private_pem();
}

}  // namespace ecusson::ob2::detail
