// The W3C RDFC-1.0 test suite (tests/data/conformance/rdf-canon), driven by its manifest:
// eval tests compare the canonical N-Quads byte for byte, map tests the issued identifiers,
// the negative test (poison clique) must fail with rdfc.work_limit.
#include "ecusson/rdf/rdfc.h"

#include <boost/json.hpp>

#include "ecusson/rdf/nquads.h"
#include "test_support.h"

namespace ecusson::rdf {
namespace {

struct Case {
  std::string id, type, action, result;
  HashAlgorithm hash = HashAlgorithm::sha256;
};

// gtest prints parameters of failing tests: show the test id, not raw bytes.
void PrintTo(const Case& c, std::ostream* os) { *os << c.id; }

std::filesystem::path suite_dir() { return test::conformance_dir() / "rdf-canon"; }

std::vector<Case> load_cases() {
  std::vector<Case> cases;
  const auto text = test::read_file(suite_dir() / "manifest.jsonld");
  boost::system::error_code ec;
  const auto doc = boost::json::parse(text, ec);
  if (ec) return cases;
  for (const auto& e : doc.at("entries").as_array()) {
    const auto& o = e.as_object();
    Case c;
    c.id = std::string(o.at("id").as_string()).substr(1);
    c.type = std::string(o.at("type").as_string());
    c.action = std::string(o.at("action").as_string());
    if (auto* r = o.if_contains("result"); r && r->is_string()) c.result = std::string(r->as_string());
    if (auto* h = o.if_contains("hashAlgorithm"); h && h->is_string() && h->as_string() == "SHA384") {
      c.hash = HashAlgorithm::sha384;
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

class rdfc_conformance : public ::testing::TestWithParam<Case> {};

TEST(rdfc_conformance_manifest, has_all_86_tests) {
  const auto cases = load_cases();
  EXPECT_EQ(cases.size(), 86u);
  int eval = 0, map = 0, negative = 0;
  for (const auto& c : cases) {
    eval += c.type == "rdfc:RDFC10EvalTest";
    map += c.type == "rdfc:RDFC10MapTest";
    negative += c.type == "rdfc:RDFC10NegativeEvalTest";
  }
  EXPECT_EQ(eval, 64);
  EXPECT_EQ(map, 21);
  EXPECT_EQ(negative, 1);
}

TEST_P(rdfc_conformance, passes) {
  const Case& c = GetParam();
  const auto input = parse_nquads(test::read_file(suite_dir() / c.action));
  ASSERT_OK(input);
  RdfcOptions opts;
  opts.hash = c.hash;
  const auto out = canonicalize(*input, opts);
  if (c.type == "rdfc:RDFC10NegativeEvalTest") {
    EXPECT_ERROR(out, "rdfc.work_limit");
    return;
  }
  ASSERT_OK(out);
  RecordProperty("work", std::to_string(out->work));
  if (c.type == "rdfc:RDFC10EvalTest") {
    EXPECT_EQ(out->nquads, test::read_file(suite_dir() / c.result));
  } else {
    ASSERT_EQ(c.type, "rdfc:RDFC10MapTest");
    const auto expected = boost::json::parse(test::read_file(suite_dir() / c.result)).as_object();
    boost::json::object got;
    for (const auto& [in, canon] : out->issued) got[in] = canon;
    EXPECT_EQ(boost::json::serialize(got), boost::json::serialize(expected))
        << "issued map differs";
    EXPECT_EQ(got, expected);
  }
}

INSTANTIATE_TEST_SUITE_P(w3c, rdfc_conformance, ::testing::ValuesIn(load_cases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return info.param.id; });

}  // namespace
}  // namespace ecusson::rdf
