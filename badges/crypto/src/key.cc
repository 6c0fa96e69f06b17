#include "ecusson/crypto/key.h"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <new>

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "openssl_util.h"

namespace ecusson::crypto {

using detail::BioPtr;
using detail::BnPtr;
using detail::MdCtxPtr;
using detail::PkeyCtxPtr;
using detail::PkeyPtr;
using detail::uc;

namespace {

constexpr int kMinRsaBits = 2048;
constexpr int kMaxRsaBits = 8192;
constexpr std::size_t kMaxPemFile = 1u << 20;

// Refuses to decrypt: an encrypted PEM would otherwise make OpenSSL prompt on the tty.
int no_password(char*, int, int, void*) { return -1; }

bool detect_private(EVP_PKEY* pkey, KeyType type) {
  bool has = false;
  switch (type) {
    case KeyType::ed25519: {
      size_t len = 0;
      has = EVP_PKEY_get_raw_private_key(pkey, nullptr, &len) == 1 && len == 32;
      break;
    }
    case KeyType::p256:
      has = !detail::bn_param(pkey, OSSL_PKEY_PARAM_PRIV_KEY).empty();
      break;
    case KeyType::rsa2048:
      has = !detail::bn_param(pkey, OSSL_PKEY_PARAM_RSA_D).empty();
      break;
  }
  ERR_clear_error();
  return has;
}

Result<KeyType> classify(EVP_PKEY* pkey) {
  switch (EVP_PKEY_get_base_id(pkey)) {
    case EVP_PKEY_ED25519:
      return KeyType::ed25519;
    case EVP_PKEY_EC: {
      char name[64] = {0};
      size_t len = 0;
      if (EVP_PKEY_get_group_name(pkey, name, sizeof name, &len) != 1 ||
          std::string_view(name, len) != "prime256v1") {
        ERR_clear_error();
        return fail("key.unsupported_type",
                    "courbe elliptique non prise en charge (seule P-256 l'est)");
      }
      return KeyType::p256;
    }
    case EVP_PKEY_RSA: {
      int bits = EVP_PKEY_get_bits(pkey);
      if (bits < kMinRsaBits || bits > kMaxRsaBits)
        return fail("key.unsupported_type", "clé RSA de " + std::to_string(bits) +
                                                " bits refusée (2048 à 8192 bits acceptés)");
      return KeyType::rsa2048;
    }
    default:
      return fail("key.unsupported_type",
                  "type de clé non pris en charge (Ed25519, P-256 ou RSA attendu)");
  }
}

// Ed25519 signing and verification dominate issuance and verification. Initialising an
// EVP_MD_CTX fetches the algorithm from the provider every time, which costs about a fifth
// of a signature; OpenSSL 3 lets one initialised Ed25519 context sign (or verify) many
// messages, as `openssl speed` does. So each thread keeps one initialised context per
// direction for the last key it used. The cache holds its own reference to the EVP_PKEY,
// so the address cannot be reused by another key while cached.
struct CachedCtx {
  EVP_PKEY* pkey = nullptr;
  EVP_MD_CTX* ctx = nullptr;
  CachedCtx() = default;
  CachedCtx(const CachedCtx&) = delete;
  CachedCtx& operator=(const CachedCtx&) = delete;
  ~CachedCtx() { reset(); }
  void reset() noexcept {
    EVP_MD_CTX_free(ctx);
    EVP_PKEY_free(pkey);
    ctx = nullptr;
    pkey = nullptr;
  }
};

EVP_MD_CTX* ed25519_ctx(EVP_PKEY* pkey, bool sign, bool fresh) {
  thread_local CachedCtx cache[2];
  CachedCtx& c = cache[sign ? 0 : 1];
  if (!fresh && c.pkey == pkey && c.ctx != nullptr) return c.ctx;
  c.reset();
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (ctx == nullptr) throw std::bad_alloc();
  int ok = sign ? EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, pkey)
                : EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, pkey);
  if (ok != 1) {
    EVP_MD_CTX_free(ctx);
    return nullptr;
  }
  EVP_PKEY_up_ref(pkey);
  c.pkey = pkey;
  c.ctx = ctx;
  return ctx;
}

Result<Key> from_params(const char* alg, OSSL_PARAM* params) {
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, alg, nullptr));
  EVP_PKEY* raw = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params) != 1 || raw == nullptr) {
    std::string why = detail::drain_openssl_errors();
    return fail("key.invalid", "clé publique invalide", why);
  }
  PkeyPtr pkey(raw);
  // EC: fromdata already refuses a point off the curve (EC_POINT_oct2point), and P-256 has
  // cofactor 1, so the full public check (a scalar multiplication) would only cost time.
  // RSA: the public check is cheap (n odd, e sane).
  PkeyCtxPtr check(std::string_view(alg) == "RSA"
                       ? EVP_PKEY_CTX_new_from_pkey(nullptr, pkey.get(), nullptr)
                       : nullptr);
  if (std::string_view(alg) == "RSA" && (!check || EVP_PKEY_public_check(check.get()) != 1)) {
    std::string why = detail::drain_openssl_errors();
    return fail("key.invalid", "clé publique invalide", why);
  }
  return Key::adopt(pkey.release());
}

}  // namespace

const char* to_string(KeyType t) {
  switch (t) {
    case KeyType::ed25519: return "ed25519";
    case KeyType::p256: return "p256";
    case KeyType::rsa2048: return "rsa2048";
  }
  return "ed25519";
}

Result<KeyType> key_type_from_string(std::string_view s) {
  if (s == "ed25519" || s == "Ed25519" || s == "eddsa" || s == "EdDSA") return KeyType::ed25519;
  if (s == "p256" || s == "p-256" || s == "P-256" || s == "es256" || s == "ES256")
    return KeyType::p256;
  if (s == "rsa2048" || s == "rsa" || s == "RSA" || s == "rs256" || s == "RS256")
    return KeyType::rsa2048;
  return fail("key.unsupported_type",
              "type de clé inconnu « " + std::string(s) + " » (ed25519, p256 ou rsa2048)");
}

const char* jose_alg(KeyType t) {
  switch (t) {
    case KeyType::ed25519: return "EdDSA";
    case KeyType::p256: return "ES256";
    case KeyType::rsa2048: return "RS256";
  }
  return "EdDSA";
}

Key::~Key() { EVP_PKEY_free(pkey_); }

Key::Key(Key&& other) noexcept
    : pkey_(other.pkey_), type_(other.type_), has_private_(other.has_private_) {
  other.pkey_ = nullptr;
  other.has_private_ = false;
}

Key& Key::operator=(Key&& other) noexcept {
  if (this != &other) {
    EVP_PKEY_free(pkey_);
    pkey_ = other.pkey_;
    type_ = other.type_;
    has_private_ = other.has_private_;
    other.pkey_ = nullptr;
    other.has_private_ = false;
  }
  return *this;
}

Result<Key> Key::adopt(EVP_PKEY* pkey) {
  PkeyPtr owned(pkey);
  if (!owned) return fail("key.invalid", "clé absente");
  auto type = classify(owned.get());
  if (!type) return type.error();
  Key k;
  k.type_ = *type;
  k.has_private_ = detect_private(owned.get(), *type);
  k.pkey_ = owned.release();
  return k;
}

Result<Key> Key::generate(KeyType type) {
  EVP_PKEY* raw = nullptr;
  switch (type) {
    case KeyType::ed25519:
      raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
      break;
    case KeyType::p256:
      raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
      break;
    case KeyType::rsa2048:
      raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048));
      break;
  }
  if (raw == nullptr) {
    std::string why = detail::drain_openssl_errors();
    return fail("key.generate", "la génération de la clé a échoué", why);
  }
  return adopt(raw);
}

Result<Key> Key::from_pem(std::string_view pem) {
  if (pem.size() > kMaxPemFile) return fail("key.pem_invalid", "fichier PEM trop grand");
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) throw std::bad_alloc();
  EVP_PKEY* raw = PEM_read_bio_PrivateKey(bio.get(), nullptr, &no_password, nullptr);
  if (raw == nullptr) {
    ERR_clear_error();
    bio.reset(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!bio) throw std::bad_alloc();
    raw = PEM_read_bio_PUBKEY(bio.get(), nullptr, &no_password, nullptr);
  }
  if (raw == nullptr) {
    std::string why = detail::drain_openssl_errors();
    return fail("key.pem_invalid",
                "ce n'est pas une clé PEM lisible (clé privée PKCS#8 non chiffrée ou clé "
                "publique attendue)",
                why);
  }
  return adopt(raw);
}

Result<Key> Key::load_pem_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return fail("key.file_unreadable", "impossible de lire le fichier de clé", path.string());
  std::string text;
  char buf[8192];
  while (in) {
    in.read(buf, sizeof buf);
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxPemFile)
      return fail("key.pem_invalid", "fichier de clé trop grand (plus de 1 Mio)", path.string());
  }
  auto key = from_pem(text);
  if (!key) {
    Error e = key.error();
    e.where = path.string();
    return e;
  }
  return key;
}

Result<Key> Key::ed25519_from_public(std::span<const std::uint8_t, 32> pub) {
  EVP_PKEY* raw = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, pub.data(), pub.size());
  if (raw == nullptr) {
    std::string why = detail::drain_openssl_errors();
    return fail("key.invalid", "clé publique Ed25519 invalide", why);
  }
  return adopt(raw);
}

Result<Key> Key::ed25519_from_seed(std::span<const std::uint8_t, 32> seed) {
  EVP_PKEY* raw =
      EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed.data(), seed.size());
  if (raw == nullptr) {
    std::string why = detail::drain_openssl_errors();
    return fail("key.invalid", "graine Ed25519 invalide", why);
  }
  return adopt(raw);
}

Result<Key> Key::p256_from_point(std::string_view sec1) {
  bool ok_form = (sec1.size() == 33 && (sec1[0] == 0x02 || sec1[0] == 0x03)) ||
                 (sec1.size() == 65 && sec1[0] == 0x04);
  if (!ok_form) return fail("key.invalid", "point P-256 mal encodé (33 ou 65 octets SEC1)");
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME,
                                       const_cast<char*>("prime256v1"), 0),
      OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY,
                                        const_cast<char*>(sec1.data()), sec1.size()),
      OSSL_PARAM_construct_end()};
  return from_params("EC", params);
}

Result<Key> Key::p256_from_coordinates(std::string_view x, std::string_view y) {
  if (x.size() != 32 || y.size() != 32)
    return fail("key.invalid", "coordonnées P-256 de longueur incorrecte (32 octets attendus)");
  std::string point;
  point.reserve(65);
  point.push_back(0x04);
  point.append(x);
  point.append(y);
  return p256_from_point(point);
}

Result<Key> Key::rsa_from_components(std::string_view n, std::string_view e) {
  if (n.empty() || e.empty() || n.size() > kMaxRsaBits / 8 + 1 || e.size() > 8)
    return fail("key.invalid", "clé RSA mal formée");
  if (static_cast<unsigned char>(n[0]) == 0)
    return fail("key.invalid", "module RSA avec zéros de tête");
  BnPtr bn_n(BN_bin2bn(uc(n), static_cast<int>(n.size()), nullptr));
  BnPtr bn_e(BN_bin2bn(uc(e), static_cast<int>(e.size()), nullptr));
  if (!bn_n || !bn_e) throw std::bad_alloc();
  int bits = BN_num_bits(bn_n.get());
  if (bits < kMinRsaBits || bits > kMaxRsaBits)
    return fail("key.unsupported_type", "clé RSA de " + std::to_string(bits) +
                                            " bits refusée (2048 à 8192 bits acceptés)");
  std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> bld(OSSL_PARAM_BLD_new(),
                                                                      &OSSL_PARAM_BLD_free);
  if (!bld || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get()) != 1)
    throw std::bad_alloc();
  std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(
      OSSL_PARAM_BLD_to_param(bld.get()), &OSSL_PARAM_free);
  if (!params) throw std::bad_alloc();
  return from_params("RSA", params.get());
}

std::string Key::private_pem() const {
  if (!pkey_ || !has_private_) return {};
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio) throw std::bad_alloc();
  if (PEM_write_bio_PrivateKey(bio.get(), pkey_, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    ERR_clear_error();
    return {};
  }
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  std::string out(data, static_cast<std::size_t>(len));
  return out;
}

Result<void> Key::save_private_pem(const std::filesystem::path& path) const {
  if (!has_private_)
    return fail("key.no_private", "cette clé n'a pas de partie privée", path.string());
  std::string pem = private_pem();
  if (pem.empty()) return fail("key.file_write", "encodage PEM impossible", path.string());
  // Created 0600 atomically: the secret is never readable by others, even for an instant.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    int err = errno;
    OPENSSL_cleanse(pem.data(), pem.size());
    if (err == EEXIST)
      return fail("key.file_exists", "le fichier existe déjà ; une clé n'est jamais écrasée",
                  path.string());
    return fail("key.file_write",
                std::string("impossible de créer le fichier : ") + std::strerror(err),
                path.string());
  }
  std::size_t done = 0;
  bool ok = true;
  while (done < pem.size()) {
    ssize_t n = ::write(fd, pem.data() + done, pem.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (ok && ::fsync(fd) != 0) ok = false;
  if (::close(fd) != 0) ok = false;
  OPENSSL_cleanse(pem.data(), pem.size());
  if (!ok) {
    ::unlink(path.c_str());
    return fail("key.file_write", "écriture du fichier de clé échouée", path.string());
  }
  return {};
}

std::string Key::public_pem() const {
  if (!pkey_) return {};
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio) throw std::bad_alloc();
  if (PEM_write_bio_PUBKEY(bio.get(), pkey_) != 1) {
    ERR_clear_error();
    return {};
  }
  char* data = nullptr;
  long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(len));
}

int Key::bits() const { return pkey_ ? EVP_PKEY_get_bits(pkey_) : 0; }

std::string Key::raw_public() const {
  if (!pkey_) return {};
  switch (type_) {
    case KeyType::ed25519: {
      std::string out(32, '\0');
      size_t len = out.size();
      if (EVP_PKEY_get_raw_public_key(pkey_, reinterpret_cast<unsigned char*>(out.data()),
                                      &len) != 1 ||
          len != 32) {
        ERR_clear_error();
        return {};
      }
      return out;
    }
    case KeyType::p256: {
      // Computed from the coordinates rather than by changing the key's point format,
      // which would mutate a shared object.
      std::string x = detail::bn_param(pkey_, OSSL_PKEY_PARAM_EC_PUB_X, 32);
      std::string y = detail::bn_param(pkey_, OSSL_PKEY_PARAM_EC_PUB_Y, 32);
      if (x.size() != 32 || y.size() != 32) return {};
      std::string out;
      out.push_back((static_cast<unsigned char>(y.back()) & 1) ? 0x03 : 0x02);
      out += x;
      return out;
    }
    case KeyType::rsa2048: {
      unsigned char* der = nullptr;
      int len = i2d_PUBKEY(pkey_, &der);
      if (len <= 0) {
        ERR_clear_error();
        return {};
      }
      std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(len));
      OPENSSL_free(der);
      return out;
    }
  }
  return {};
}

std::string Key::p256_uncompressed() const {
  if (!pkey_ || type_ != KeyType::p256) return {};
  std::string x = detail::bn_param(pkey_, OSSL_PKEY_PARAM_EC_PUB_X, 32);
  std::string y = detail::bn_param(pkey_, OSSL_PKEY_PARAM_EC_PUB_Y, 32);
  if (x.size() != 32 || y.size() != 32) return {};
  return std::string(1, '\x04') + x + y;
}

Result<std::string> Key::sign(std::string_view data) const {
  if (!pkey_ || !has_private_) return fail("key.no_private", "clé privée requise pour signer");
  if (type_ == KeyType::ed25519) {
    std::string sig(64, '\0');
    for (bool fresh : {false, true}) {  // retry once on a fresh context
      EVP_MD_CTX* c = ed25519_ctx(pkey_, true, fresh);
      size_t len = sig.size();
      if (c != nullptr &&
          EVP_DigestSign(c, reinterpret_cast<unsigned char*>(sig.data()), &len, uc(data),
                         data.size()) == 1 &&
          len == 64)
        return sig;
    }
    std::string why = detail::drain_openssl_errors();
    return fail("key.sign", "signature impossible", why);
  }
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx) throw std::bad_alloc();
  const EVP_MD* md = type_ == KeyType::ed25519 ? nullptr : EVP_sha256();
  if (EVP_DigestSignInit(ctx.get(), nullptr, md, nullptr, pkey_) != 1) {
    std::string why = detail::drain_openssl_errors();
    return fail("key.sign", "signature impossible", why);
  }
  size_t len = 0;
  if (EVP_DigestSign(ctx.get(), nullptr, &len, uc(data), data.size()) != 1) {
    std::string why = detail::drain_openssl_errors();
    return fail("key.sign", "signature impossible", why);
  }
  std::string sig(len, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, uc(data),
                     data.size()) != 1) {
    std::string why = detail::drain_openssl_errors();
    return fail("key.sign", "signature impossible", why);
  }
  sig.resize(len);
  if (type_ != KeyType::p256) return sig;
  // ES256 (RFC 7518 §3.4): DER ECDSA-Sig-Value → fixed 32-byte r ‖ 32-byte s.
  const unsigned char* p = uc(sig);
  ECDSA_SIG* es = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size()));
  if (es == nullptr) {
    std::string why = detail::drain_openssl_errors();
    return fail("key.sign", "signature ECDSA illisible", why);
  }
  std::string raw(64, '\0');
  const BIGNUM* r = ECDSA_SIG_get0_r(es);
  const BIGNUM* s = ECDSA_SIG_get0_s(es);
  bool ok = BN_bn2binpad(r, reinterpret_cast<unsigned char*>(raw.data()), 32) == 32 &&
            BN_bn2binpad(s, reinterpret_cast<unsigned char*>(raw.data()) + 32, 32) == 32;
  ECDSA_SIG_free(es);
  if (!ok) return fail("key.sign", "signature ECDSA hors format");
  return raw;
}

bool Key::verify(std::string_view data, std::string_view sig) const {
  if (!pkey_) return false;
  std::string der;
  std::string_view to_check = sig;
  switch (type_) {
    case KeyType::ed25519: {
      if (sig.size() != 64) return false;
      EVP_MD_CTX* c = ed25519_ctx(pkey_, false, false);
      bool ok = c != nullptr &&
                EVP_DigestVerify(c, uc(sig), sig.size(), uc(data), data.size()) == 1;
      ERR_clear_error();
      return ok;
    }
    case KeyType::p256: {
      if (sig.size() != 64) return false;
      BnPtr r(BN_bin2bn(uc(sig), 32, nullptr));
      BnPtr s(BN_bin2bn(uc(sig) + 32, 32, nullptr));
      ECDSA_SIG* es = ECDSA_SIG_new();
      if (!r || !s || es == nullptr) {
        ECDSA_SIG_free(es);
        throw std::bad_alloc();
      }
      ECDSA_SIG_set0(es, r.release(), s.release());
      unsigned char* out = nullptr;
      int len = i2d_ECDSA_SIG(es, &out);
      ECDSA_SIG_free(es);
      if (len <= 0) {
        ERR_clear_error();
        return false;
      }
      der.assign(reinterpret_cast<char*>(out), static_cast<std::size_t>(len));
      OPENSSL_free(out);
      to_check = der;
      break;
    }
    case KeyType::rsa2048:
      if (sig.size() != static_cast<std::size_t>(EVP_PKEY_get_size(pkey_))) return false;
      break;
  }
  MdCtxPtr ctx(EVP_MD_CTX_new());
  if (!ctx) throw std::bad_alloc();
  const EVP_MD* md = type_ == KeyType::ed25519 ? nullptr : EVP_sha256();
  bool ok = EVP_DigestVerifyInit(ctx.get(), nullptr, md, nullptr, pkey_) == 1 &&
            EVP_DigestVerify(ctx.get(), uc(to_check), to_check.size(), uc(data), data.size()) == 1;
  ERR_clear_error();
  return ok;
}

Key Key::public_only() const {
  if (!pkey_) return Key();
  // A public-only key is immutable: share the handle (reference count) instead of copying.
  if (!has_private_) {
    EVP_PKEY_up_ref(pkey_);
    Key k;
    k.pkey_ = pkey_;
    k.type_ = type_;
    return k;
  }
  // Rebuild from the public components; cheaper than a DER round trip through the
  // OpenSSL 3 decoders.
  Result<Key> r = fail("key.invalid", "");
  switch (type_) {
    case KeyType::ed25519: {
      std::string raw = raw_public();
      std::array<std::uint8_t, 32> bytes{};
      std::copy(raw.begin(), raw.end(), bytes.begin());
      r = ed25519_from_public(bytes);
      break;
    }
    case KeyType::p256:
      r = p256_from_point(p256_uncompressed());
      break;
    case KeyType::rsa2048:
      r = rsa_from_components(detail::bn_param(pkey_, OSSL_PKEY_PARAM_RSA_N),
                              detail::bn_param(pkey_, OSSL_PKEY_PARAM_RSA_E));
      break;
  }
  if (!r) throw std::bad_alloc();  // cannot happen: components of a valid key
  return std::move(*r);
}

bool Key::same_public(const Key& other) const {
  if (!pkey_ || !other.pkey_) return false;
  int r = EVP_PKEY_eq(pkey_, other.pkey_);
  ERR_clear_error();
  return r == 1;
}

}  // namespace ecusson::crypto
