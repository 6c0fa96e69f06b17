// Property tests (style C18): random corruptions of a signed badge, as text and baked in
// a PNG, never crash the verifier and are never reported verified.
#include <random>

#include "ecusson/baking/png_baking.h"
#include "ecusson/verify/verify.h"
#include "verify_test_util.h"

namespace ecusson::verify {

using baking::BadgeVersion;
using baking::bake_png;
using credentials::VerificationResult;
using net::Fetcher;
namespace {

using namespace testing;

VerificationResult run(std::string_view bytes, Fetcher& net) {
  VerifyOptions o;
  o.now = fixed_now();
  o.fetcher = &net;
  return verify_credential(VerifyInput{bytes, InputHint::automatic, ""}, o);
}

TEST(verify_property, corrupted_vc_jwt_is_never_verified) {
  auto issuer = TestIssuer::did_key();
  std::string jwt = sign(make_badge(issuer.id), issuer);
  OfflineFetcher net;
  ASSERT_TRUE(run(jwt, net).verified);
  std::mt19937 rng(20261123);
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
  int refused = 0;
  for (int i = 0; i < 300; ++i) {
    std::string m = jwt;
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      std::size_t pos = rng() % m.size();
      char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: m[pos] = c; break;
        case 1: m.insert(m.begin() + static_cast<long>(pos), c); break;
        default: m.erase(pos, 1); break;
      }
    }
    if (m == jwt) continue;
    auto r = run(m, net);
    // The last base64url character of a segment may carry unused bits: a change there that
    // decodes to the same bytes is still the same token. Anything else must be refused.
    if (r.verified) {
      ASSERT_EQ(m.size(), jwt.size()) << m;
      continue;
    }
    ++refused;
    EXPECT_FALSE(r.checks.empty());
  }
  EXPECT_GT(refused, 250);
}

TEST(verify_property, corrupted_baked_png_is_never_verified) {
  auto issuer = TestIssuer::did_key();
  std::string jwt = sign(make_badge(issuer.id), issuer);
  auto png = bake_png(test::read_file(test::conformance_dir() /
                                      "ob3/validator-fixtures/ob30/simple-json.png"),
                      jwt, BadgeVersion::ob3);
  ASSERT_OK(png);
  OfflineFetcher net;
  ASSERT_TRUE(run(*png, net).verified);
  std::size_t at = png->find(jwt);
  ASSERT_NE(at, std::string::npos);
  std::mt19937 rng(7);
  for (int i = 0; i < 100; ++i) {
    std::string m = *png;
    // Flip a byte of the embedded token, or anywhere in the file.
    std::size_t pos = i % 2 ? at + rng() % jwt.size() : rng() % m.size();
    m[pos] = static_cast<char>(m[pos] ^ (1 + rng() % 255));
    auto r = run(m, net);
    EXPECT_FALSE(r.verified && i % 2) << "flipped token byte at " << pos - at;
    EXPECT_FALSE(r.checks.empty());
  }
}

}  // namespace
}  // namespace ecusson::verify
