// Private helpers around OpenSSL 3 for badges/ sources: RAII deleters, big-number
// parameters, error draining. Not a public header.
#pragma once

#include <memory>
#include <string>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>

namespace ecusson::crypto::detail {

struct BioFree {
  void operator()(BIO* b) const noexcept { BIO_free(b); }
};
struct BnFree {
  void operator()(BIGNUM* b) const noexcept { BN_free(b); }
};
struct PkeyFree {
  void operator()(EVP_PKEY* p) const noexcept { EVP_PKEY_free(p); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* p) const noexcept { EVP_PKEY_CTX_free(p); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* p) const noexcept { EVP_MD_CTX_free(p); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

/// Empties OpenSSL's thread error queue and returns its last message (for evidence).
inline std::string drain_openssl_errors() {
  std::string last;
  unsigned long e;
  while ((e = ERR_get_error()) != 0) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    last = buf;
  }
  return last;
}

/// A BIGNUM key parameter (OSSL_PKEY_PARAM_*) as big-endian bytes, left-padded to `pad`
/// bytes when pad > 0. Empty when absent.
inline std::string bn_param(const EVP_PKEY* pkey, const char* name, int pad = 0) {
  BIGNUM* raw = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &raw) != 1 || raw == nullptr) {
    ERR_clear_error();
    return {};
  }
  BnPtr bn(raw);
  int len = pad > 0 ? pad : BN_num_bytes(bn.get());
  if (BN_num_bytes(bn.get()) > len) return {};
  std::string out(static_cast<std::size_t>(len), '\0');
  if (BN_bn2binpad(bn.get(), reinterpret_cast<unsigned char*>(out.data()), len) != len) return {};
  return out;
}

inline const unsigned char* uc(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace ecusson::crypto::detail
