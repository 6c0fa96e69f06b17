// Property tests (style C18): random corruptions of baked PNG and SVG images never crash,
// never hang, and either unbake to the original payload or return a baking.* Error.
// Deterministic seeds, so a failure is reproducible.
#include <random>

#include "baking_test_util.h"
#include "ecusson/baking/png_baking.h"
#include "ecusson/baking/svg_baking.h"

namespace ecusson::test {
namespace {

using baking::BadgeVersion;

void expect_value_or_baking_error(const Result<baking::BakedPayload>& r, const std::string& seed) {
  if (!r) {
    EXPECT_TRUE(r.error().code.starts_with("baking.")) << seed << ": " << r.error().to_string();
    EXPECT_FALSE(r.error().message.empty()) << seed;
  }
}

std::string mutate(std::string s, std::mt19937& rng) {
  std::uniform_int_distribution<int> op(0, 4);
  int n = 1 + static_cast<int>(rng() % 4);
  for (int k = 0; k < n && !s.empty(); ++k) {
    std::size_t pos = rng() % s.size();
    switch (op(rng)) {
      case 0:
        s[pos] = static_cast<char>(s[pos] ^ (1 << (rng() % 8)));
        break;  // bit flip
      case 1:
        s.resize(pos);
        break;  // truncate
      case 2:
        s.insert(pos, std::string(1 + rng() % 16, static_cast<char>(rng())));
        break;
      case 3:
        s.erase(pos, 1 + rng() % 32);
        break;
      case 4:  // overwrite 4 bytes (a chunk length, say) with a random big-endian value
        for (int b = 0; b < 4 && pos + b < s.size(); ++b) s[pos + b] = static_cast<char>(rng());
        break;
    }
  }
  return s;
}

TEST(baking_property, corrupted_pngs_give_a_value_or_a_baking_error) {
  auto baked = baking::bake_png(plain_png(), kOb3Json, BadgeVersion::ob3);
  ASSERT_OK(baked);
  std::mt19937 rng(20261123);
  int errors = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string m = mutate(*baked, rng);
    auto r = baking::unbake_png(m);
    expect_value_or_baking_error(r, "png #" + std::to_string(i));
    if (!r) ++errors;
    // Re-baking a corrupted image is refused or yields an image that unbakes.
    auto rb = baking::bake_png(m, kOb3Json, BadgeVersion::ob3);
    if (rb) {
      auto again = baking::unbake_png(*rb);
      ASSERT_OK(again);
      EXPECT_EQ(again->text, std::string(kOb3Json));
    }
  }
  EXPECT_GT(errors, 1500);  // CRCs catch nearly every corruption
}

TEST(baking_property, corrupted_svgs_give_a_value_or_a_baking_error) {
  std::string svg =
      R"(<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>)";
  auto baked = baking::bake_svg(svg, kOb3Json, BadgeVersion::ob3);
  ASSERT_OK(baked);
  std::mt19937 rng(42);
  for (int i = 0; i < 3000; ++i) {
    std::string m = mutate(*baked, rng);
    expect_value_or_baking_error(baking::unbake_svg(m), "svg #" + std::to_string(i));
    auto rb = baking::bake_svg(m, fake_jws(kOb3Json), BadgeVersion::ob3);
    if (rb) {
      auto again = baking::unbake_svg(*rb);
      ASSERT_OK(again);
      EXPECT_EQ(again->kind, baking::BakedKind::ob3_jws);
    }
  }
}

TEST(baking_property, random_bytes_after_png_signature_never_crash) {
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {
    std::string s("\x89PNG\r\n\x1a\n", 8);
    std::size_t n = rng() % 200;
    for (std::size_t k = 0; k < n; ++k) s.push_back(static_cast<char>(rng()));
    auto r = baking::unbake_png(s);
    ASSERT_FALSE(r.has_value());
    EXPECT_TRUE(r.error().code.starts_with("baking.")) << r.error().to_string();
  }
}

}  // namespace
}  // namespace ecusson::test
