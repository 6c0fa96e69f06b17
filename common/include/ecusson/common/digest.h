// Digests, hex and secure randomness: the one place Ecusson calls OpenSSL's EVP digests
// and RAND_bytes for hashing identities, canonical forms, thumbprints and salts.
//
// SHA-256 (FIPS 180-4), SHA-384 (RDFC-1.0 may use it) and MD5 (RFC 1321, only to check
// identity hashes of older OB 2.0 issuers: never to sign or to issue). Digests are
// returned raw (bytes in a std::string); hex_encode() gives their lower-case hex form.
// The EVP_MD objects are fetched once per process. Free functions are thread-safe; a
// Hasher is a move-only object, to be used by one thread at a time.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "ecusson/result.h"

typedef struct evp_md_ctx_st EVP_MD_CTX;

namespace ecusson {

enum class DigestAlgorithm { sha256, sha384, md5 };

/// Raw digest of `bytes` (32, 48 or 16 bytes).
/// Example: hex_encode(digest(DigestAlgorithm::md5, "a")) == "0cc175b9c0f1b6a831c399e269772661".
std::string digest(DigestAlgorithm algorithm, std::string_view bytes);

/// Raw SHA-256 of `bytes` (32 bytes).
/// Example: sha256("abc").size() == 32.
std::string sha256(std::string_view bytes);

/// Lower-case hex SHA-256 of `bytes` (64 characters).
/// Example: sha256_hex("abc") ==
///          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad".
std::string sha256_hex(std::string_view bytes);

/// Raw MD5 of `bytes` (16 bytes); legacy OB 2.0 identity hashes only.
/// Example: hex_encode(md5("")) == "d41d8cd98f00b204e9800998ecf8427e".
std::string md5(std::string_view bytes);

/// Lower-case hex of bytes, two characters a byte.
/// Example: hex_encode("\x01\xab") == "01ab".
std::string hex_encode(std::string_view bytes);

/// An incremental digest whose OpenSSL context is reused from one message to the next
/// (RDFC-1.0 hashes thousands of short strings). Move-only.
/// Example: Hasher h(DigestAlgorithm::sha256); h.update("a"); h.update("bc");
///          h.finish_hex() == sha256_hex("abc");  // and h is ready for a new message
class Hasher {
 public:
  explicit Hasher(DigestAlgorithm algorithm);
  ~Hasher();
  Hasher(Hasher&&) noexcept;
  Hasher& operator=(Hasher&&) noexcept;
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  /// False when OpenSSL could not give a context or the algorithm (then digests are "").
  bool ok() const;
  /// Adds bytes to the current message.
  void update(std::string_view bytes);
  /// The raw digest of the message so far; the Hasher then starts a new, empty message.
  std::string finish();
  /// hex_encode(finish()).
  std::string finish_hex();
  /// finish_hex() of `bytes` alone (any bytes added before are discarded).
  std::string hex_of(std::string_view bytes);

 private:
  void start();
  DigestAlgorithm algorithm_;
  bool started_ = false;
  struct CtxFree {
    void operator()(EVP_MD_CTX* c) const noexcept;
  };
  std::unique_ptr<EVP_MD_CTX, CtxFree> ctx_;
};

/// `n` bytes from OpenSSL's CSPRNG. Fails with "random.failed" when the generator cannot
/// give them (not seeded): callers must not carry on with weaker randomness.
/// Example: random_bytes(16)->size() == 16.
[[nodiscard]] Result<std::string> random_bytes(std::size_t n);

/// A random RFC 4122 version-4 UUID, lower case ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx",
/// y one of 8, 9, a, b). Fails with "random.failed" as random_bytes().
/// Example: random_uuid_v4()->size() == 36.
[[nodiscard]] Result<std::string> random_uuid_v4();

}  // namespace ecusson
