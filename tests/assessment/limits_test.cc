// Bounded work on large and mutated inputs (style C18): clear errors at the limits, valid
// large files still scored, random corruptions of the shipped grid never crash.
#include <random>

#include "ecusson/assessment/score.h"
#include "fixtures.h"

namespace ecusson::assessment {
namespace {

using namespace testing;

TEST(limits, level_scale_of_more_than_100_levels_is_refused) {
  std::string scale = "<levelScale id=\"big\">";
  for (int n = 1; n <= 101; ++n) scale += "<level n=\"" + std::to_string(n) + "\" label=\"x\"/>";
  scale += "</levelScale>";
  std::string g = std::string(R"(<competenceGrid xmlns="urn:ecusson:grid:1" id="g" version="1.0.0">)") + scale +
                  "</competenceGrid>";
  auto r = parse_grid(g, "g.xml");
  EXPECT_ERROR(r, "xml.too_many");
  EXPECT_NE(r.error().message.find("100"), std::string::npos);
}

TEST(limits, more_than_1000_evaluators_are_refused) {
  std::string x = R"(<evaluation xmlns="urn:ecusson:eval:1" id="E" grid="t" gridVersion="1.0.0" phase="entry"><participant ref="P"/><evaluators>)";
  for (int i = 0; i < 1001; ++i) x += "<evaluator id=\"e" + std::to_string(i) + "\" role=\"tutor\"/>";
  x += "</evaluators></evaluation>";
  EXPECT_ERROR(parse_evaluation(x, "e.xml"), "xml.too_many");
}

// 1,000 evaluators × 3 indicators × 2 dates = 6,000 observations: a large valid file is scored, and
// the result is the one worked out by hand: every indicator of level 1 rated 2 by all →
// level 1 attained with 1,000 counted evaluators.
TEST(limits, large_valid_evaluation_is_scored) {
  std::string x = R"(<evaluation xmlns="urn:ecusson:eval:1" id="E" grid="t" gridVersion="1.0.0" phase="entry"><participant ref="P"/><evaluators>)";
  for (int i = 0; i < 1000; ++i) x += "<evaluator id=\"e" + std::to_string(i) + "\" role=\"tutor\"/>";
  x += "</evaluators><observations>";
  int n = 0;
  for (int i = 0; i < 1000; ++i)
    for (const char* ind : {"C.1.a", "C.1.b", "C.1.c"})
      for (const char* date : {"2025-01-01", "2025-01-02"}) {
        x += "<obs indicator=\"" + std::string(ind) + "\" by=\"e" + std::to_string(i) + "\" date=\"" + date +
             "\" rating=\"2\"/>";
        ++n;
      }
  x += "</observations></evaluation>";
  ASSERT_EQ(n, 6000);
  auto e = parse_evaluation(x, "big.xml");
  ASSERT_OK(e);
  auto r = score(*e, test_grid(), ScoringPolicy::defaults());
  ASSERT_OK(r);
  EXPECT_EQ(r->competences[0].level, 1);
  EXPECT_EQ(r->competences[0].basis.evaluators.size(), 1000u);
  EXPECT_EQ(r->competences[0].indicators[0].contributions.size(), 1000u);
}

// Random byte corruptions of the shipped grid: every outcome is either a valid grid or an
// Error with a code and a location; never a crash, an exception or a hang.
TEST(limits, mutated_shipped_grid_never_crashes) {
  std::string base = ecusson::test::read_file(ecusson::test::templates_dir() / "grids/rectec-style.grid.xml");
  ASSERT_FALSE(base.empty());
  std::mt19937 rng(20261123);
  const std::string bytes = "<>/=\"' &;\xC3\xA9\x01x0-.";
  int errors = 0;
  for (int round = 0; round < 300; ++round) {
    std::string s = base;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < edits; ++k) {
      std::size_t at = rng() % s.size();
      switch (rng() % 3) {
        case 0: s[at] = bytes[rng() % bytes.size()]; break;
        case 1: s.erase(at, 1 + rng() % 8); break;
        default: s.insert(at, 1, bytes[rng() % bytes.size()]); break;
      }
    }
    auto g = parse_grid(s, "m.xml");
    if (!g) {
      ++errors;
      EXPECT_FALSE(g.error().code.empty());
      EXPECT_TRUE(g.error().where.starts_with("m.xml")) << g.error().to_string();
    }
  }
  EXPECT_GT(errors, 100);  // most corruptions must be caught
}

// Random corruptions of an example evaluation: parse errors carry a location; whatever still
// parses is validated and scored against the grid without crashing.
TEST(limits, mutated_example_evaluation_never_crashes) {
  std::string base = ecusson::test::read_file(ecusson::test::source_dir() /
                                              "examples/evaluations/P-2B81D4.exit.eval.xml");
  auto grid = load_grid((ecusson::test::templates_dir() / "grids/rectec-style.grid.xml").string());
  ASSERT_OK(grid);
  ASSERT_FALSE(base.empty());
  std::mt19937 rng(42);
  const std::string bytes = "<>/=\"' &;0123NOE.-";
  int parsed = 0;
  for (int round = 0; round < 300; ++round) {
    std::string s = base;
    std::size_t at = rng() % s.size();
    if (rng() % 2) s[at] = bytes[rng() % bytes.size()];
    else s.erase(at, 1 + rng() % 4);
    auto e = parse_evaluation(s, "m.eval.xml");
    if (!e) {
      EXPECT_TRUE(e.error().where.starts_with("m.eval.xml")) << e.error().to_string();
      continue;
    }
    ++parsed;
    auto r = score(*e, *grid, grid->effective_policy());
    if (!r) {
      EXPECT_FALSE(r.error().code.empty());
    }
  }
  EXPECT_GT(parsed, 0);
}

TEST(limits, evaluation_built_in_code_with_unknown_evaluator_is_an_error_not_a_throw) {
  Evaluation e;
  e.id = "x";
  e.grid = "t";
  e.grid_version = "1.0.0";
  Observation o;
  o.indicator = "C.1.a";
  o.by = "ghost";
  o.rating = "2";
  e.observations.push_back(o);
  EXPECT_ERROR(score(e, test_grid(), ScoringPolicy::defaults()), "evaluation.unknown_evaluator");
}

}  // namespace
}  // namespace ecusson::assessment
