// find_evaluation_problems: every mistake of an evaluation against its grid in one pass,
// in file order, up to a cap (issue 13).
#include <string>

#include "ecusson/assessment/evaluation.h"
#include "fixtures.h"

namespace ecusson::assessment {
namespace {

using testing::eval_xml;
using testing::test_grid;

TEST(evaluation_problems, three_mistakes_give_three_errors_in_file_order) {
  Grid g = test_grid();
  Evaluation e = parse_evaluation(eval_xml({{"C.1.a", "T", "2"},
                                            {"C.9.z", "T", "2"},
                                            {"C.1.b", "T", "7"},
                                            {"C.1.c", "T", "2"},
                                            {"X.1", "R", "2"}}),
                                  "e.eval.xml")
                     .value();
  std::vector<Error> p = find_evaluation_problems(e, g);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].code, "evaluation.unknown_indicator");
  EXPECT_EQ(p[1].code, "evaluation.rating_not_in_scale");
  EXPECT_EQ(p[2].code, "evaluation.unknown_indicator");
  EXPECT_NE(p[0].where.find("e.eval.xml:"), std::string::npos) << p[0].where;
  // validate_evaluation still refuses with the first one.
  EXPECT_ERROR(validate_evaluation(e, g), "evaluation.unknown_indicator");
  // The cap holds.
  EXPECT_EQ(find_evaluation_problems(e, g, {}, 2).size(), 2u);
}

TEST(evaluation_problems, wrong_version_is_reported_alone_and_valid_file_has_none) {
  Grid g = test_grid();
  Evaluation wrong = parse_evaluation(eval_xml({{"C.9.z", "T", "2"}}, "exit", {}, "2.0.0"),
                                      "e.eval.xml")
                         .value();
  std::vector<Error> p = find_evaluation_problems(wrong, g);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].code, "evaluation.grid_version_mismatch");
  Evaluation ok = parse_evaluation(eval_xml({{"C.1.a", "T", "2"}}), "e.eval.xml").value();
  EXPECT_TRUE(find_evaluation_problems(ok, g).empty());
}

}  // namespace
}  // namespace ecusson::assessment
