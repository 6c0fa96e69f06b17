// Crypto benchmarks: raw OpenSSL Ed25519 (the reference for every signing figure) and
// OB 3.0 VC-JWT signing/verification with EdDSA, ES256 and RS256 on a realistic credential.
//
// Reference = OpenSSL EVP one-shot Ed25519 on 64 bytes with the context initialised once,
// as `openssl speed` does. See bench/README.md ("Crypto") for the command and figures.
#include <chrono>
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <openssl/evp.h>

#include <boost/json.hpp>

#include "ecusson/crypto/did.h"
#include "ecusson/crypto/key.h"
#include "ecusson/crypto/key_resolver.h"
#include "ecusson/proofs/vc_jwt.h"

namespace {

namespace json = boost::json;
namespace crypto = ecusson::crypto;
namespace proofs = ecusson::proofs;
namespace credentials = ecusson::credentials;

// The bench credential of tests/data/bench (shared with the JSON-LD/RDFC benches) when
// present, else the OB 3.0 test-vector credential.
json::object bench_credential() {
  namespace fs = std::filesystem;
  fs::path src = ECUSSON_SOURCE_DIR;
  for (fs::path p : {src / "tests/data/bench/ob3-credential.json",
                     src / "tests/data/conformance/ob3/test-vectors/ob-eddsa-rdfc-2022/unsigned.json"}) {
    std::ifstream in(p);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    return json::parse(ss.str()).as_object();
  }
  std::abort();
}

struct Fixture {
  crypto::Key key;
  json::object credential;
  proofs::VcJwtSignOptions options;
  crypto::LocalKeyResolver resolver;
  std::string jwt;

  explicit Fixture(crypto::KeyType type) {
    key = std::move(crypto::Key::generate(type).value());
    credential = bench_credential();
    std::string issuer;
    if (type == crypto::KeyType::rsa2048) {
      issuer = "https://badges.example.fr";
      options.kid = "https://badges.example.fr/keys/1";
      resolver.add(options.kid, issuer, key);
    } else {
      issuer = crypto::did_key(key).value();
      options.kid = crypto::did_key_verification_method(key).value();
    }
    json::value& iss = credential["issuer"];
    if (iss.is_object()) iss.as_object()["id"] = issuer;
    else iss = issuer;
    jwt = proofs::sign_vc_jwt(credential, key, options).value();
  }
};

crypto::KeyType type_of(int i) {
  return i == 0 ? crypto::KeyType::ed25519 : i == 1 ? crypto::KeyType::p256 : crypto::KeyType::rsa2048;
}

void BM_Ed25519Sign(benchmark::State& state) {
  EVP_PKEY* pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, pkey);
  unsigned char msg[64] = {1, 2, 3};
  unsigned char sig[64];
  for (auto _ : state) {
    size_t len = sizeof sig;
    if (EVP_DigestSign(ctx, sig, &len, msg, sizeof msg) != 1) state.SkipWithError("sign");
    benchmark::DoNotOptimize(sig);
  }
  EVP_MD_CTX_free(ctx);
  EVP_PKEY_free(pkey);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Ed25519Sign);

void BM_Ed25519Verify(benchmark::State& state) {
  EVP_PKEY* pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  unsigned char msg[64] = {1, 2, 3};
  unsigned char sig[64];
  size_t len = sizeof sig;
  EVP_MD_CTX* sctx = EVP_MD_CTX_new();
  EVP_DigestSignInit(sctx, nullptr, nullptr, nullptr, pkey);
  EVP_DigestSign(sctx, sig, &len, msg, sizeof msg);
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, pkey);
  for (auto _ : state) {
    if (EVP_DigestVerify(ctx, sig, len, msg, sizeof msg) != 1) state.SkipWithError("verify");
  }
  EVP_MD_CTX_free(ctx);
  EVP_MD_CTX_free(sctx);
  EVP_PKEY_free(pkey);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Ed25519Verify);

void BM_VcJwtSign(benchmark::State& state, int type) {
  Fixture f(type_of(type));
  state.SetLabel(std::to_string(f.jwt.size()) + " B JWT");
  for (auto _ : state) {
    auto jwt = proofs::sign_vc_jwt(f.credential, f.key, f.options);
    if (!jwt) state.SkipWithError("sign");
    benchmark::DoNotOptimize(jwt);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_VcJwtSign, EdDSA, 0);
BENCHMARK_CAPTURE(BM_VcJwtSign, ES256, 1);
BENCHMARK_CAPTURE(BM_VcJwtSign, RS256, 2);

void BM_VcJwtVerify(benchmark::State& state, int type) {
  Fixture f(type_of(type));
  proofs::JwtVerifyOptions opt;
  opt.now = std::chrono::sys_days{std::chrono::year{2027} / 1 / 1};  // after both validFrom
  for (auto _ : state) {
    credentials::VerificationResult r;
    proofs::verify_vc_jwt(f.jwt, f.resolver, opt, r);
    r.finish();
    if (!r.verified) state.SkipWithError("not verified");
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_VcJwtVerify, EdDSA, 0);
BENCHMARK_CAPTURE(BM_VcJwtVerify, ES256, 1);
BENCHMARK_CAPTURE(BM_VcJwtVerify, RS256, 2);

}  // namespace
