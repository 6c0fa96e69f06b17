// Key: an asymmetric signing key (Ed25519, ECDSA P-256 or RSA), private or public-only.
//
// A Key owns one OpenSSL EVP_PKEY (move-only RAII, style C8): copying is deleted, moving
// transfers the handle, the destructor frees it and never throws. A default-constructed or
// moved-from Key is empty (`empty()`); every other operation on an empty Key fails or
// returns an empty value. A Key never changes after construction, so its const member
// functions may be called from several threads at once (OpenSSL 3 EVP_PKEY objects are
// safe for concurrent signing and verification).
//
// Signatures use the JOSE/Data Integrity raw forms: Ed25519 (EdDSA) 64 bytes; ES256 the
// raw r‖s pair, 64 bytes (not DER); RS256 RSASSA-PKCS1-v1_5 with SHA-256. Only OpenSSL 3
// EVP is used; there is no hand-written cryptography.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include <openssl/types.h>

#include "ecusson/result.h"

namespace ecusson::crypto {

/// The key families Ecusson signs with. `rsa2048` means "RSA, at least 2048 bits": keys
/// read from PEM or JWK may be larger (up to 8192 bits); generated keys are 2048 bits.
enum class KeyType { ed25519, p256, rsa2048 };

/// "ed25519" | "p256" | "rsa2048".
const char* to_string(KeyType t);
/// Parses "ed25519", "p256" (also "p-256", "es256") or "rsa2048" (also "rsa").
/// Fails with "key.unsupported_type".
[[nodiscard]] Result<KeyType> key_type_from_string(std::string_view s);
/// The JOSE `alg` of signatures made with a key of this type: "EdDSA", "ES256", "RS256".
const char* jose_alg(KeyType t);

class Key {
 public:
  /// An empty key (no handle). Only useful as a placeholder to assign to.
  Key() noexcept = default;
  ~Key();
  Key(Key&& other) noexcept;
  Key& operator=(Key&& other) noexcept;
  Key(const Key&) = delete;
  Key& operator=(const Key&) = delete;

  /// A fresh random key. Fails with "key.generate" only if OpenSSL fails.
  /// Example: `auto k = Key::generate(KeyType::ed25519);`
  [[nodiscard]] static Result<Key> generate(KeyType type);

  /// Reads a PEM private key (PKCS#8 "PRIVATE KEY", or traditional "EC/RSA PRIVATE KEY")
  /// or public key ("PUBLIC KEY", SubjectPublicKeyInfo). Encrypted PEM is refused (no
  /// prompt). Fails with "key.pem_invalid" (not a key) or "key.unsupported_type"
  /// (another algorithm or curve, RSA below 2048 or above 8192 bits).
  [[nodiscard]] static Result<Key> from_pem(std::string_view pem);

  /// Reads the file then calls from_pem(). Fails with "key.file_unreadable", or as
  /// from_pem() with `where` = the path. Files above 1 MiB are refused.
  [[nodiscard]] static Result<Key> load_pem_file(const std::filesystem::path& path);

  /// An Ed25519 public key from its 32 raw bytes (RFC 8032). Fails with "key.invalid".
  [[nodiscard]] static Result<Key> ed25519_from_public(std::span<const std::uint8_t, 32> pub);
  /// An Ed25519 private key from its 32-byte seed. Fails with "key.invalid".
  [[nodiscard]] static Result<Key> ed25519_from_seed(std::span<const std::uint8_t, 32> seed);
  /// A P-256 public key from a SEC1 point: 33 bytes compressed (02/03‖x) or 65 bytes
  /// uncompressed (04‖x‖y). The point must lie on the curve. Fails with "key.invalid".
  [[nodiscard]] static Result<Key> p256_from_point(std::string_view sec1);
  /// A P-256 public key from its affine coordinates (32 bytes each, big-endian).
  [[nodiscard]] static Result<Key> p256_from_coordinates(std::string_view x, std::string_view y);
  /// An RSA public key from modulus and exponent (big-endian unsigned bytes).
  /// Fails with "key.invalid" or "key.unsupported_type" (modulus < 2048 or > 8192 bits).
  [[nodiscard]] static Result<Key> rsa_from_components(std::string_view n, std::string_view e);

  /// Writes the private key as unencrypted PKCS#8 PEM. The file is created with mode 0600
  /// from the start (open(2) with O_CREAT|O_EXCL, never chmod afterwards) and an existing
  /// file is never overwritten. Fails with "key.no_private", "key.file_exists",
  /// "key.file_write".
  [[nodiscard]] Result<void> save_private_pem(const std::filesystem::path& path) const;
  /// The private key as unencrypted PKCS#8 PEM (empty if public-only). Handle with care.
  std::string private_pem() const;
  /// The public key as SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----").
  std::string public_pem() const;

  bool empty() const noexcept { return pkey_ == nullptr; }
  bool has_private() const noexcept { return has_private_; }
  KeyType type() const noexcept { return type_; }
  /// Size of the key in bits (255 for Ed25519, 256 for P-256, modulus bits for RSA).
  int bits() const;
  /// The JOSE `alg` this key signs with ("EdDSA", "ES256", "RS256").
  const char* alg() const noexcept { return jose_alg(type_); }

  /// Raw public key: Ed25519 the 32 bytes; P-256 the 33-byte compressed SEC1 point (what
  /// Multikey/did:key carry); RSA the DER SubjectPublicKeyInfo.
  std::string raw_public() const;
  /// P-256 only: the 65-byte uncompressed SEC1 point (04‖x‖y); empty for other types.
  std::string p256_uncompressed() const;

  /// Signs `data`. Ed25519: pure EdDSA (64 bytes). P-256: ES256 raw r‖s (64 bytes).
  /// RSA: RS256 (PKCS#1 v1.5, SHA-256). Fails with "key.no_private" or "key.sign".
  [[nodiscard]] Result<std::string> sign(std::string_view data) const;
  /// True when `sig` (same forms as sign()) is a valid signature of `data` by this key.
  /// Any malformed signature (wrong length, not canonical) yields false.
  bool verify(std::string_view data, std::string_view sig) const;

  /// A public-only copy of this key (also works on a public key). Empty if this is empty.
  Key public_only() const;
  /// True when both keys hold the same public key (private parts are not compared).
  bool same_public(const Key& other) const;

  /// The underlying handle, borrowed (still owned by this Key), for code in badges/
  /// that needs an OpenSSL call not wrapped here. Never free it.
  EVP_PKEY* native() const noexcept { return pkey_; }
  /// Takes ownership of `pkey` (which must be an Ed25519, P-256 or RSA key).
  /// Fails with "key.unsupported_type" (pkey is then freed).
  [[nodiscard]] static Result<Key> adopt(EVP_PKEY* pkey);

 private:
  EVP_PKEY* pkey_ = nullptr;
  KeyType type_ = KeyType::ed25519;
  bool has_private_ = false;
};

}  // namespace ecusson::crypto
