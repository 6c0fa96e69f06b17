// End-to-end tests of `ecusson grid show` and `ecusson grid form` (issue 13): the indicator
// list, and the tutor's blank form as CSV for French Excel (golden), HTML (golden) and PDF.
//
// When the form changes on purpose:
//   ECUSSON_UPDATE_GOLDEN=1 build/tests/cli_tests --gtest_filter='grid_form_cli.*'
//   git diff tests/data/golden/
#include <filesystem>
#include <string>

#include <boost/json.hpp>

#include "golden.h"
#include "pdf_tools.h"
#include "run_ecusson.h"
#include "test_support.h"

namespace ecusson::test {
namespace {

namespace fs = std::filesystem;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }
fs::path rectec_grid() { return templates_dir() / "grids" / "rectec-style.grid.xml"; }
fs::path short_grid() { return templates_dir() / "grids" / "savoir-etre-2-niveaux.grid.xml"; }

TEST(grid_show_cli, lists_every_indicator_with_its_wording) {
  RunResult r = run_ecusson("grid show " + q(rectec_grid()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("ORG.ACT.1.a  Suit le planning ou la liste de tâches remis par le tuteur."),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("ORG.ACT.1.c  Arrive à l'heure prévue et respecte les horaires de pause. [essentiel]"),
            std::string::npos);
  EXPECT_NE(r.out.find("Niveau 2 — Avec une part d'autonomie"), std::string::npos);
  EXPECT_NE(r.out.find("NO = Non observé"), std::string::npos);
  // Every indicator id of the grid appears once.
  std::size_t count = 0;
  for (std::size_t p = r.out.find("\n    "); p != std::string::npos; p = r.out.find("\n    ", p + 1)) ++count;
  EXPECT_EQ(count, 110u);
}

TEST(grid_show_cli, json_lists_competences_levels_and_indicators) {
  RunResult r = run_ecusson("grid show " + q(rectec_grid()) + " --json --competences ORG.ACT --rome K2204");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  boost::json::value v = boost::json::parse(r.out);
  const auto& comps = v.at("competences").as_array();
  ASSERT_EQ(comps.size(), 1u);
  EXPECT_EQ(comps[0].at("id").as_string(), "ORG.ACT");
  EXPECT_EQ(comps[0].at("levels").as_array().size(), 4u);
  EXPECT_EQ(comps[0].at("levels").at(0).at("indicators").at(2).at("critical").as_bool(), true);
  EXPECT_EQ(comps[0].at("ratings").as_array().size(), 5u);
}

TEST(grid_form_cli, csv_opens_in_french_excel_and_matches_golden) {
  TempDir tmp;
  fs::path out = tmp.path() / "fiche.csv";
  RunResult r = run_ecusson("grid form " + q(rectec_grid()) + " --competences ORG.ACT,COM -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = read_file(out);
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF") << "UTF-8 byte-order mark for Excel";
  EXPECT_NE(csv.find(";Code compétence;"), std::string::npos);
  EXPECT_NE(csv.find("\r\n"), std::string::npos);
  EXPECT_EQ(csv.find("\n", csv.find("\r\n") + 2), csv.find("\r\n", csv.find("\r\n") + 2) + 1)
      << "every line ends with CRLF";
  EXPECT_EQ(csv.find("ORG.REG"), std::string::npos) << "only the competences asked for";
  expect_golden("fiche-tuteur.ORG.ACT-COM.csv", csv);
}

TEST(grid_form_cli, html_matches_golden) {
  TempDir tmp;
  fs::path out = tmp.path() / "fiche.html";
  RunResult r = run_ecusson("grid form " + q(short_grid()) + " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_golden("fiche-tuteur.savoir-etre.html", read_file(out));
}

TEST(grid_form_cli, pdf_holds_the_wording_the_scale_and_the_evaluator_columns) {
  TempDir tmp;
  fs::path out = tmp.path() / "fiche.pdf";
  RunResult r = run_ecusson("grid form " + q(rectec_grid()) + " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  PdfFacts facts = pdf_facts(out);
  ASSERT_TRUE(facts.opened) << facts.info;
  EXPECT_GE(facts.pages, 3);
  EXPECT_LE(facts.pages, 12);
  const std::string text = pdf_text(out);
  for (const char* expected : {"Fiche d’observation en entreprise", "Comment noter", "Non observé",
                               "Tuteur·rice", "Référent·e", "Participant·e", "ORG.ACT.1.a",
                               "Suit le planning ou la liste de tâches",
                               "Développer ses savoirs"}) {
    std::string loose = expected;
    if (auto p = loose.find("’"); p != std::string::npos) loose = loose.substr(p + 3);
    EXPECT_NE(text.find(loose), std::string::npos) << expected;
  }
}

TEST(grid_form_cli, unknown_competence_lists_the_ids_available) {
  TempDir tmp;
  RunResult r = run_ecusson("grid form " + q(rectec_grid()) + " --competences ORG.XYZ -o " +
                            q(tmp.path() / "f.csv"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("ORG.XYZ"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("ORG.ACT"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("grid.unknown_competence"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "f.csv"));
}

TEST(grid_form_cli, unusable_grid_exits_2) {
  TempDir tmp;
  RunResult r = run_ecusson("grid form " + q(tmp.path() / "absent.grid.xml") + " -o " +
                            q(tmp.path() / "f.pdf"));
  EXPECT_EQ(r.exit_code, 2) << r.err;
}

}  // namespace
}  // namespace ecusson::test
