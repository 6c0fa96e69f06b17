// Data Integrity (eddsa-rdfc-2022) sign and verify, and RDFC-1.0 alone, on the realistic
// OB 3.0 credential tests/data/bench/ob3-credential.json. Compare with BM_Ed25519Sign /
// BM_Ed25519Verify (raw OpenSSL, same binary): see bench/README.md.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include <boost/json.hpp>

#include "ecusson/proofs/data_integrity.h"
#include "ecusson/crypto/did.h"
#include "ecusson/rdf/jsonld.h"
#include "ecusson/rdf/rdfc.h"

namespace {

namespace json = boost::json;
using namespace ecusson::proofs;
using namespace ecusson::crypto;
using namespace ecusson::rdf;
namespace rdf = ecusson::rdf;

struct Fixture {
  Key key;
  json::object unsigned_credential;
  json::object signed_credential;
  rdf::Dataset dataset;  // toRdf of the unsigned credential
  std::string error;

  Fixture() {
    std::ifstream in(std::string(ECUSSON_SOURCE_DIR) + "/tests/data/bench/ob3-credential.json");
    std::stringstream ss;
    ss << in.rdbuf();
    boost::system::error_code ec;
    auto v = json::parse(ss.str(), ec);
    if (ec || !v.is_object()) {
      error = "tests/data/bench/ob3-credential.json unreadable";
      return;
    }
    unsigned_credential = v.as_object();
    key = std::move(*Key::generate(KeyType::ed25519));
    // The issuer must be the key's did:key for the issuer binding to hold.
    unsigned_credential["issuer"].as_object()["id"] = *did_key(key);
    ProofOptions o;
    o.created = "2026-03-15T09:00:00Z";
    auto s = add_data_integrity_proof(unsigned_credential, key, o);
    if (!s) {
      error = s.error().to_string();
      return;
    }
    signed_credential = std::move(*s);
    JsonLdOptions jo;
    jo.loader = &bundled_document_loader();
    auto ds = to_rdf(json::value(unsigned_credential), jo);
    if (ds) dataset = std::move(*ds);
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

void BM_DataIntegritySign(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  ProofOptions o;
  o.created = "2026-03-15T09:00:00Z";
  for (auto _ : state) {
    auto s = add_data_integrity_proof(f.unsigned_credential, f.key, o);
    if (!s) return state.SkipWithError(s.error().to_string().c_str());
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DataIntegritySign);

void BM_DataIntegrityVerify(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  for (auto _ : state) {
    auto r = verify_data_integrity(f.signed_credential);
    if (!r.verified) return state.SkipWithError("verification failed");
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DataIntegrityVerify);

void BM_Rdfc10(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  state.counters["quads"] = static_cast<double>(f.dataset.size());
  for (auto _ : state) {
    auto c = canonicalize(f.dataset);
    benchmark::DoNotOptimize(c);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Rdfc10);

}  // namespace

namespace {

// The reference: raw OpenSSL Ed25519 over the same 64 bytes a Data Integrity proof signs
// (SHA-256(proof config) ‖ SHA-256(document)). The ratios in bench/README.md divide these.
void BM_Ed25519RawSign(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  const std::string data(64, '\x5a');
  for (auto _ : state) {
    auto sig = f.key.sign(data);
    benchmark::DoNotOptimize(sig);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Ed25519RawSign);

void BM_Ed25519RawVerify(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  const std::string data(64, '\x5a');
  const std::string sig = *f.key.sign(data);
  for (auto _ : state) {
    bool ok = f.key.verify(data, sig);
    if (!ok) return state.SkipWithError("raw verification failed");
    benchmark::DoNotOptimize(ok);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Ed25519RawVerify);

}  // namespace
