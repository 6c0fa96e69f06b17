// Reproducibility (rectec.md §4.5 case 22): same inputs, same result and digest.
#include "ecusson/assessment/digest.h"

#include "fixtures.h"

namespace ecusson::assessment {
namespace {

using namespace testing;

TEST(digest, sha256_of_known_bytes) {
  // SHA-256("abc"), FIPS 180-2 appendix B.1.
  EXPECT_EQ(sha256_hex("abc"), "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(digest, same_inputs_same_digest_and_result) {
  auto obs = level_all(1, "T", "2") + level_all(2, "R", "3") + std::vector<Obs>{{"C.3.a", "T", "1"}};
  auto a = score_obs(obs);
  auto b = score_obs(obs);
  EXPECT_EQ(a.input_digest, b.input_digest);
  EXPECT_TRUE(a.input_digest.starts_with("sha256:"));
  EXPECT_EQ(a.input_digest.size(), 7u + 64u);
  EXPECT_EQ(comp(a).level, comp(b).level);
  EXPECT_EQ(comp(a).confidence, comp(b).confidence);
  EXPECT_EQ(a.engine_version, kEngineVersion);
  EXPECT_EQ(a.policy_id, "ecusson-default");
}

TEST(digest, layout_does_not_change_the_digest) {
  Grid g = test_grid();
  std::string xml = eval_xml(level_all(1, "T", "2"));
  std::string reformatted = xml;
  // Re-indent and swap attribute order on the root: same values.
  const std::string from = R"(id="EV-T" grid="t")";
  reformatted.replace(reformatted.find(from), from.size(), "grid=\"t\"\n    id=\"EV-T\"");
  auto a = parse_evaluation(xml, "a.xml");
  auto b = parse_evaluation(reformatted, "b.xml");
  ASSERT_OK(a);
  ASSERT_OK(b);
  EXPECT_EQ(input_digest(g, ScoringPolicy::defaults(), *a), input_digest(g, ScoringPolicy::defaults(), *b));
}

TEST(digest, any_input_change_changes_the_digest) {
  Grid g = test_grid();
  auto e = parse_evaluation(eval_xml(level_all(1, "T", "2")), "a.xml").value();
  ScoringPolicy p;
  std::string base = input_digest(g, p, e);
  auto e2 = e;
  e2.observations[0].rating = "3";
  EXPECT_NE(input_digest(g, p, e2), base);
  auto p2 = p;
  p2.min_met_share = Rational(3, 4);
  EXPECT_NE(input_digest(g, p2, e), base);
  auto g2 = g;
  g2.domains[0].competences[0].levels[0].indicators[0].weight = 2;
  EXPECT_NE(input_digest(g2, p, e), base);
}

TEST(digest, canonical_form_is_length_prefixed) {
  // A value containing "\nid=" cannot forge another field.
  Evaluation e;
  e.id = "x\nid=1:y";
  std::string c = canonical_form(e);
  EXPECT_NE(c.find("id=8:x\nid=1:y\n"), std::string::npos) << c;
}

}  // namespace
}  // namespace ecusson::assessment
