#include "ecusson/crypto/multibase.h"

#include <array>
#include <cstdint>
#include <vector>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "ecusson/common/base64url.h"
#include "ecusson/common/codec_table.h"

namespace ecusson::crypto {

namespace {

constexpr char kB58[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

constexpr auto kB58Table = decode_table(kB58);

constexpr std::string_view kEd25519Pub("\xed\x01", 2);
constexpr std::string_view kP256Pub("\x80\x24", 2);
constexpr std::string_view kEd25519Priv("\x80\x26", 2);

// The bytes of a 'z' (base58btc) Multikey value; `field` names it in the error.
Result<std::string> multikey_bytes(std::string_view value, std::string_view field) {
  if (value.empty() || value[0] != 'z')
    return fail("multibase.invalid", std::string(field) + " doit commencer par « z » (base58btc)");
  return base58btc_decode(value.substr(1));
}

}  // namespace

std::string base58btc_encode(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t zeros = 0;
  while (zeros < bytes.size() && p[zeros] == 0) ++zeros;
  // Base conversion 256 → 58^5 (limbs fit in 32 bits), limbs little-endian; five base-58
  // digits per limb make it about five times faster than digit-by-digit.
  constexpr std::uint32_t kLimb = 58u * 58u * 58u * 58u * 58u;
  std::vector<std::uint32_t> limbs;
  limbs.reserve((bytes.size() - zeros) * 138 / 500 + 2);
  for (std::size_t i = zeros; i < bytes.size(); ++i) {
    std::uint64_t carry = p[i];
    for (auto& l : limbs) {
      carry += static_cast<std::uint64_t>(l) << 8;
      l = static_cast<std::uint32_t>(carry % kLimb);
      carry /= kLimb;
    }
    while (carry > 0) {
      limbs.push_back(static_cast<std::uint32_t>(carry % kLimb));
      carry /= kLimb;
    }
  }
  std::string digits;  // little-endian base-58 digits
  digits.reserve(limbs.size() * 5);
  for (std::size_t i = 0; i < limbs.size(); ++i) {
    std::uint32_t l = limbs[i];
    for (int d = 0; d < 5; ++d) {
      if (i + 1 == limbs.size() && l == 0) break;  // no leading zero digits in the top limb
      digits.push_back(kB58[l % 58]);
      l /= 58;
    }
  }
  std::string out(zeros, '1');
  out.append(digits.rbegin(), digits.rend());
  return out;
}

Result<std::string> base58btc_decode(std::string_view text) {
  if (text.size() > kMaxBase58Chars)
    return fail("multibase.invalid", "valeur base58 trop longue", std::to_string(text.size()));
  std::size_t ones = 0;
  while (ones < text.size() && text[ones] == '1') ++ones;
  std::vector<unsigned char> bytes;  // little-endian base 256
  bytes.reserve(text.size() * 733 / 1000 + 1);
  for (std::size_t i = ones; i < text.size(); ++i) {
    std::int8_t v = kB58Table[static_cast<unsigned char>(text[i])];
    if (v < 0) return fail("multibase.invalid", "caractère interdit en base58", std::to_string(i));
    unsigned carry = static_cast<unsigned>(v);
    for (auto& b : bytes) {
      carry += static_cast<unsigned>(b) * 58;
      b = static_cast<unsigned char>(carry & 0xFF);
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push_back(static_cast<unsigned char>(carry & 0xFF));
      carry >>= 8;
    }
  }
  std::string out(ones, '\0');
  for (auto it = bytes.rbegin(); it != bytes.rend(); ++it) out.push_back(static_cast<char>(*it));
  return out;
}

std::string multibase_base58btc(std::string_view bytes) {
  std::string out = base58btc_encode(bytes);
  out.insert(out.begin(), 'z');
  return out;
}

Result<std::string> multibase_decode(std::string_view text) {
  if (text.empty()) return fail("multibase.invalid", "valeur multibase vide");
  if (text[0] == 'z') {
    auto r = base58btc_decode(text.substr(1));
    if (!r) return r.error();
    return r;
  }
  if (text[0] == 'u') {
    auto r = base64url_decode(text.substr(1));
    if (!r) return fail("multibase.invalid", r.error().message, r.error().where);
    return r;
  }
  return fail("multibase.unsupported",
              std::string("préfixe multibase « ") + text[0] + " » non pris en charge");
}

Result<std::string> multikey_encode(const Key& key) {
  if (key.empty()) return fail("multikey.unsupported", "clé absente");
  switch (key.type()) {
    case KeyType::ed25519:
      return multibase_base58btc(std::string(kEd25519Pub) + key.raw_public());
    case KeyType::p256:
      return multibase_base58btc(std::string(kP256Pub) + key.raw_public());
    case KeyType::rsa2048:
      break;
  }
  return fail("multikey.unsupported", "une clé RSA n'a pas de forme Multikey");
}

Result<Key> multikey_decode(std::string_view value) {
  auto bytes = multikey_bytes(value, "publicKeyMultibase");
  if (!bytes) return bytes.error();
  std::string_view b = *bytes;
  if (b.starts_with(kEd25519Pub)) {
    b.remove_prefix(2);
    if (b.size() != 32)
      return fail("multikey.invalid", "clé Ed25519 de longueur incorrecte (32 octets attendus)");
    std::array<std::uint8_t, 32> raw;
    std::copy(b.begin(), b.end(), raw.begin());
    auto k = Key::ed25519_from_public(raw);
    if (!k) return fail("multikey.invalid", k.error().message);
    return k;
  }
  if (b.starts_with(kP256Pub)) {
    b.remove_prefix(2);
    if (b.size() != 33)
      return fail("multikey.invalid", "clé P-256 de longueur incorrecte (33 octets attendus)");
    auto k = Key::p256_from_point(b);
    if (!k) return fail("multikey.invalid", k.error().message, k.error().where);
    return k;
  }
  return fail("multikey.unsupported",
              "type de clé Multikey non pris en charge (Ed25519 0xed01 ou P-256 0x8024)");
}

Result<std::string> multikey_encode_secret(const Key& key) {
  if (key.empty() || key.type() != KeyType::ed25519 || !key.has_private())
    return fail("multikey.unsupported", "seules les clés privées Ed25519 ont cette forme");
  std::string seed(32, '\0');
  size_t len = seed.size();
  if (EVP_PKEY_get_raw_private_key(key.native(), reinterpret_cast<unsigned char*>(seed.data()),
                                   &len) != 1 ||
      len != 32)
    return fail("multikey.unsupported", "graine Ed25519 illisible");
  std::string out = multibase_base58btc(std::string(kEd25519Priv) + seed);
  OPENSSL_cleanse(seed.data(), seed.size());
  return out;
}

Result<Key> multikey_decode_secret(std::string_view value) {
  auto bytes = multikey_bytes(value, "secretKeyMultibase");
  if (!bytes) return bytes.error();
  std::string_view b = *bytes;
  if (!b.starts_with(kEd25519Priv))
    return fail("multikey.unsupported",
                "type de clé secrète Multikey non pris en charge (Ed25519 0x8026)");
  b.remove_prefix(2);
  if (b.size() != 32 && b.size() != 64) {
    OPENSSL_cleanse(bytes->data(), bytes->size());
    return fail("multikey.invalid", "clé secrète Ed25519 de longueur incorrecte");
  }
  std::array<std::uint8_t, 32> seed;
  std::copy(b.begin(), b.begin() + 32, seed.begin());
  auto k = Key::ed25519_from_seed(seed);
  OPENSSL_cleanse(seed.data(), seed.size());
  bool pub_ok = !k || b.size() == 32 || k->raw_public() == b.substr(32);
  OPENSSL_cleanse(bytes->data(), bytes->size());
  if (!k) return fail("multikey.invalid", k.error().message);
  if (!pub_ok)
    return fail("multikey.invalid", "la moitié publique ne correspond pas à la graine");
  return k;
}

}  // namespace ecusson::crypto
