// JSON-LD expansion and toRdf of a realistic OB 3.0 credential (2.5 KB, two alignments,
// a result description and a result), with the bundled contexts (processed-context cache
// warm after the first iteration, as in a long-running issuer or verifier).
#include <fstream>
#include <sstream>

#include <benchmark/benchmark.h>
#include <boost/json.hpp>

#include "ecusson/rdf/jsonld.h"
#include "ecusson/rdf/rdfc.h"

namespace {

namespace json = boost::json;
using namespace ecusson::rdf;

json::value credential() {
  std::ifstream in(std::string(ECUSSON_SOURCE_DIR) + "/tests/data/bench/ob3-credential.json");
  std::ostringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

const BundledDocumentLoader& loader() {
  static BundledDocumentLoader l(std::string(ECUSSON_TEMPLATES_DIR) + "/contexts");
  return l;
}

void BM_JsonLdExpand(benchmark::State& state) {
  json::value doc = credential();
  JsonLdOptions o;
  o.loader = &loader();
  for (auto _ : state) {
    auto r = expand(doc, o);
    if (!r) state.SkipWithError(r.error().to_string().c_str());
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_JsonLdExpand);

void BM_JsonLdToRdf(benchmark::State& state) {
  json::value doc = credential();
  JsonLdOptions o;
  o.loader = &loader();
  std::size_t quads = 0;
  for (auto _ : state) {
    auto r = to_rdf(doc, o);
    if (!r) {
      state.SkipWithError(r.error().to_string().c_str());
      break;
    }
    quads = r->size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["quads"] = static_cast<double>(quads);
}
BENCHMARK(BM_JsonLdToRdf);

// toRdf followed by RDFC-1.0: the canonical form a Data Integrity proof hashes.
void BM_JsonLdToRdfThenRdfc(benchmark::State& state) {
  json::value doc = credential();
  JsonLdOptions o;
  o.loader = &loader();
  for (auto _ : state) {
    auto r = to_rdf(doc, o);
    if (!r) {
      state.SkipWithError(r.error().to_string().c_str());
      break;
    }
    auto c = canonicalize(*r);
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(BM_JsonLdToRdfThenRdfc);

// Cold: a fresh loader each time (contexts parsed and processed from scratch).
void BM_JsonLdToRdfColdContexts(benchmark::State& state) {
  json::value doc = credential();
  for (auto _ : state) {
    BundledDocumentLoader fresh(std::string(ECUSSON_TEMPLATES_DIR) + "/contexts");
    JsonLdOptions o;
    o.loader = &fresh;
    auto r = to_rdf(doc, o);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_JsonLdToRdfColdContexts);

}  // namespace
