#include "internal.h"
#include "ecusson/common/datetime.h"

#include "ecusson/crypto/jws.h"

#include <openssl/decoder.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <memory>

namespace ecusson::ob2::detail {

using crypto::JwsHeader;
using crypto::Key;
using crypto::KeyType;
using crypto::jws_sign;

std::string str_of(const json::object& obj, std::string_view key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->value().is_string()) return {};
  return std::string(it->value().as_string());
}

std::vector<std::string> strings_of(const json::value* v) {
  std::vector<std::string> out;
  if (v == nullptr) return out;
  if (v->is_string()) {
    out.emplace_back(v->as_string());
  } else if (v->is_array()) {
    for (const auto& e : v->as_array())
      if (e.is_string()) out.emplace_back(e.as_string());
  }
  return out;
}

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

std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

namespace {
std::string digest(const EVP_MD* md, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) != 1) return {};
  return std::string(reinterpret_cast<char*>(out), len);
}
}  // namespace

std::string sha256(std::string_view data) { return digest(EVP_sha256(), data); }
std::string md5(std::string_view data) { return digest(EVP_md5(), data); }

std::string random_bytes(std::size_t n) {
  std::string out(n, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1) {
    // The CSPRNG failing is not something to carry on from: a salt or uuid must be random.
    std::abort();
  }
  return out;
}

std::string uuid_v4() {
  std::string b = random_bytes(16);
  b[6] = static_cast<char>((b[6] & 0x0f) | 0x40);
  b[8] = static_cast<char>((b[8] & 0x3f) | 0x80);
  std::string h = to_hex(b);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20);
}

std::string base64url_encode(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
  for (; i + 3 <= bytes.size(); i += 3) {
    unsigned v = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(kAlphabet[(v >> 6) & 63]);
    out.push_back(kAlphabet[v & 63]);
  }
  if (bytes.size() - i == 1) {
    unsigned v = byte(i) << 16;
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
  } else if (bytes.size() - i == 2) {
    unsigned v = (byte(i) << 16) | (byte(i + 1) << 8);
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(kAlphabet[(v >> 6) & 63]);
  }
  return out;
}

namespace {
int b64_value(char c, bool url) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (url) {
    if (c == '-') return 62;
    if (c == '_') return 63;
  } else {
    if (c == '+') return 62;
    if (c == '/') return 63;
  }
  return -1;
}

std::optional<std::string> b64_decode_clean(std::string_view text, bool url) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  unsigned acc = 0;
  int bits = 0;
  for (char c : text) {
    int v = b64_value(c, url);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  // Non-canonical trailing bits are refused so that one text has one meaning.
  if (bits > 0 && (acc & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}
}  // namespace

std::optional<std::string> base64url_decode(std::string_view text) {
  return b64_decode_clean(text, true);
}

std::optional<std::string> base64_decode(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  for (char c : text) {
    if (c == '=' || std::isspace(static_cast<unsigned char>(c))) continue;
    clean.push_back(c);
  }
  return b64_decode_clean(clean, false);
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
  for (char c : url.substr(0, colon)) p.scheme.push_back(static_cast<char>(std::tolower(c)));
  if (p.scheme != "http" && p.scheme != "https") return std::nullopt;
  std::string_view rest = url.substr(colon + 3);
  auto end = rest.find_first_of("/?#");
  std::string_view auth = rest.substr(0, end);
  if (auto at = auth.rfind('@'); at != std::string_view::npos) auth = auth.substr(at + 1);
  if (auth.empty()) return std::nullopt;
  for (char c : auth) p.authority.push_back(static_cast<char>(std::tolower(c)));
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
