#include "ecusson/common/digest.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <climits>

namespace ecusson {

namespace {

// Fetched once: an explicit fetch avoids the implicit lookup EVP_sha256() costs each call.
const EVP_MD* md_of(DigestAlgorithm algorithm) {
  static EVP_MD* const kSha256 = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
  static EVP_MD* const kSha384 = EVP_MD_fetch(nullptr, "SHA2-384", nullptr);
  static EVP_MD* const kMd5 = EVP_MD_fetch(nullptr, "MD5", nullptr);
  switch (algorithm) {
    case DigestAlgorithm::sha384:
      return kSha384;
    case DigestAlgorithm::md5:
      return kMd5;
    case DigestAlgorithm::sha256:
      break;
  }
  return kSha256;
}

}  // namespace

std::string digest(DigestAlgorithm algorithm, std::string_view bytes) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  const EVP_MD* md = md_of(algorithm);
  if (md == nullptr || EVP_Digest(bytes.data(), bytes.size(), out, &len, md, nullptr) != 1)
    return {};
  return std::string(reinterpret_cast<const char*>(out), len);
}

std::string sha256(std::string_view bytes) { return digest(DigestAlgorithm::sha256, bytes); }

std::string sha256_hex(std::string_view bytes) { return hex_encode(sha256(bytes)); }

std::string md5(std::string_view bytes) { return digest(DigestAlgorithm::md5, bytes); }

std::string hex_encode(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(bytes.size() * 2, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    out[2 * i] = kDigits[c >> 4];
    out[2 * i + 1] = kDigits[c & 15];
  }
  return out;
}

void Hasher::CtxFree::operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }

Hasher::Hasher(DigestAlgorithm algorithm) : algorithm_(algorithm), ctx_(EVP_MD_CTX_new()) {}
Hasher::~Hasher() = default;
Hasher::Hasher(Hasher&&) noexcept = default;
Hasher& Hasher::operator=(Hasher&&) noexcept = default;

bool Hasher::ok() const { return ctx_ != nullptr && md_of(algorithm_) != nullptr; }

// The context is initialised lazily, once a message, by the first update() or finish().
void Hasher::start() {
  started_ = ctx_ && EVP_DigestInit_ex2(ctx_.get(), md_of(algorithm_), nullptr) == 1;
}

void Hasher::update(std::string_view bytes) {
  if (!started_ || !ctx_) start();
  if (started_) EVP_DigestUpdate(ctx_.get(), bytes.data(), bytes.size());
}

std::string Hasher::finish() {
  if (!started_ || !ctx_) start();
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!started_ || EVP_DigestFinal_ex(ctx_.get(), out, &len) != 1) len = 0;
  started_ = false;
  return std::string(reinterpret_cast<const char*>(out), len);
}

std::string Hasher::finish_hex() { return hex_encode(finish()); }

std::string Hasher::hex_of(std::string_view bytes) {
  start();
  update(bytes);
  return finish_hex();
}

Result<std::string> random_bytes(std::size_t n) {
  std::string out(n, '\0');
  if (n > static_cast<std::size_t>(INT_MAX) ||
      RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1)
    return fail("random.failed", "le générateur aléatoire d'OpenSSL a échoué");
  return out;
}

Result<std::string> random_uuid_v4() {
  auto b = random_bytes(16);
  if (!b) return b.error();
  (*b)[6] = static_cast<char>((static_cast<unsigned char>((*b)[6]) & 0x0f) | 0x40);  // version 4
  (*b)[8] = static_cast<char>((static_cast<unsigned char>((*b)[8]) & 0x3f) | 0x80);  // variant
  std::string h = hex_encode(*b);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20);
}

}  // namespace ecusson
