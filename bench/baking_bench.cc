// Baking benchmarks: bake/unbake a realistic OB 3.0 credential into/from a real badge PNG
// (the 512 px art of templates/badges, ~100 KB), beside a reference: copying the same
// bytes and computing their CRC-32 (the floor for a baker that checks every chunk).
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <boost/json.hpp>
#include <cstring>
#include <string>

#include "ecusson/art/badge_art.h"
#include "ecusson/credentials/ob3_credential.h"
#include "ecusson/baking/png_baking.h"
#include "ecusson/baking/svg_baking.h"

namespace {

using namespace ecusson::baking;
using namespace ecusson::credentials;
using namespace ecusson::art;

struct Fixture {
  std::string svg;
  std::string png;
  std::string credential;
  std::string baked_png;
  std::string baked_svg;

  Fixture() {
    BadgeArtInput art;
    art.competence = "Communiquer à l'oral avec ses collègues";
    art.level = 2;
    art.level_label = "Je sais faire seul·e";
    art.domain = "Savoir-être professionnels";
    auto tmpl = load_badge_template(ECUSSON_TEMPLATES_DIR);
    svg = render_badge_svg(art, tmpl ? *tmpl : std::string());
    png = render_badge_png(svg, 512).value();

    Ob3CredentialInput in;
    in.issuer = {"https://ecusson.example/issuer",
                 "Atelier Éclair",
                 "https://ecusson.example",
                 "contact@ecusson.example",
                 "",
                 "https://ecusson.example/logo.png"};
    in.achievement.id = "https://ecusson.example/achievements/C01-2";
    in.achievement.name = "Communiquer à l'oral — niveau 2";
    in.achievement.description = "Échanger avec l'équipe et la clientèle.";
    in.achievement.criteria_narrative = "Observé en situation de travail par le tuteur.";
    in.achievement.image = "https://ecusson.example/achievements/C01-2.png";
    in.achievement.alignments = {{"Communiquer à l'oral", "https://ecusson.example/grids/C01",
                                  "C01", "Grille Ecusson 1.0", "ext:Competence", ""}};
    Ob3ResultDescription rd{"https://ecusson.example/grids/C01#levels", "Niveau atteint", {}, ""};
    for (int n = 1; n <= 4; ++n)
      rd.levels.push_back({"https://ecusson.example/grids/C01#level-" + std::to_string(n),
                           "Niveau " + std::to_string(n),
                           std::to_string(n),
                           "",
                           {}});
    in.achievement.result_description = rd;
    in.recipient.email = "alice@example.org";
    in.result = Ob3Result{"https://ecusson.example/grids/C01#level-2", "", ""};
    in.valid_from = "2026-01-05T10:00:00Z";
    auto cred = build_ob3_credential(in).value();
    // A Data Integrity proof block of realistic size.
    boost::json::object proof;
    proof["type"] = "DataIntegrityProof";
    proof["cryptosuite"] = "eddsa-rdfc-2022";
    proof["created"] = "2026-01-05T10:00:00Z";
    proof["verificationMethod"] =
        "https://ecusson.example/issuer#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
    proof["proofPurpose"] = "assertionMethod";
    proof["proofValue"] = "z" + std::string(87, '5');
    cred["proof"] = boost::json::array{proof};
    credential = boost::json::serialize(cred);
    baked_png = bake_png(png, credential, BadgeVersion::ob3).value();
    baked_svg = bake_svg(svg, credential, BadgeVersion::ob3).value();
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

void BM_BakePng(benchmark::State& state) {
  const auto& f = fixture();
  for (auto _ : state) {
    auto r = bake_png(f.png, f.credential, BadgeVersion::ob3);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.png.size()));
  state.counters["png_bytes"] = static_cast<double>(f.png.size());
  state.counters["credential_bytes"] = static_cast<double>(f.credential.size());
}
BENCHMARK(BM_BakePng);

void BM_UnbakePng(benchmark::State& state) {
  const auto& f = fixture();
  for (auto _ : state) {
    auto r = unbake_png(f.baked_png);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.baked_png.size()));
}
BENCHMARK(BM_UnbakePng);

// Reference: copy the PNG and CRC-32 all of it (what any checking baker must at least do).
void BM_ReferenceCopyAndCrcPng(benchmark::State& state) {
  const auto& f = fixture();
  for (auto _ : state) {
    std::string out(f.baked_png.size(), '\0');
    std::memcpy(out.data(), f.baked_png.data(), out.size());
    uLong crc =
        crc32(0L, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size()));
    benchmark::DoNotOptimize(crc);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.baked_png.size()));
}
BENCHMARK(BM_ReferenceCopyAndCrcPng);

void BM_BakeSvg(benchmark::State& state) {
  const auto& f = fixture();
  for (auto _ : state) {
    auto r = bake_svg(f.svg, f.credential, BadgeVersion::ob3);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_BakeSvg);

void BM_UnbakeSvg(benchmark::State& state) {
  const auto& f = fixture();
  for (auto _ : state) {
    auto r = unbake_svg(f.baked_svg);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_UnbakeSvg);

void BM_RenderBadgePng512(benchmark::State& state) {
  const auto& f = fixture();
  for (auto _ : state) {
    auto r = render_badge_png(f.svg, 512);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_RenderBadgePng512)->Unit(benchmark::kMillisecond);

}  // namespace
