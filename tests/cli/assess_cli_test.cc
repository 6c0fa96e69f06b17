// End-to-end tests of `ecusson grid check` and `ecusson assess` on the shipped grids and
// example evaluations, compared with reviewed golden outputs in tests/data/golden/.
//
// When a report changes on purpose, regenerate the goldens, review the diff, commit:
//   ECUSSON_UPDATE_GOLDEN=1 build/tests/cli_tests --gtest_filter='assess_cli.*golden*'
//   git diff tests/data/golden/
// Bad input: one test per case from the issue; each must exit 2 (unusable input) with a
// message naming the file (and line:column where the file has lines), without crashing or
// hanging.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include <boost/json.hpp>

#include "golden.h"
#include "run_ecusson.h"
#include "test_support.h"

namespace ecusson::test {
namespace {

namespace fs = std::filesystem;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

fs::path examples() { return source_dir() / "examples" / "evaluations"; }
fs::path rectec_grid() { return templates_dir() / "grids" / "rectec-style.grid.xml"; }

void write(const fs::path& p, const std::string& text) { write_text_file(p, text); }

std::string assess_to_string(const std::string& args) {
  TempDir tmp;
  fs::path out = tmp.path() / "report";
  RunResult r = run_ecusson("assess " + args + " -o " + q(out));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return read_file(out);
}

// ---------------------------------------------------------------- grid check

TEST(grid_check_cli, shipped_grids_are_valid_with_a_summary) {
  RunResult r = run_ecusson("grid check " + q(rectec_grid()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Grille valide"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("4 domaines, 12 compétences, 48 niveaux"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ORG.ACT"), std::string::npos);
  RunResult small = run_ecusson("grid check " +
                                q(templates_dir() / "grids" / "savoir-etre-2-niveaux.grid.xml"));
  EXPECT_EQ(small.exit_code, 0) << small.err;
}

TEST(grid_check_cli, summary_golden) {
  RunResult r = run_ecusson("grid check " + q(rectec_grid()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_golden("grid-check.rectec-style.txt", r.out);
}

TEST(grid_check_cli, json_summary_counts) {
  RunResult r = run_ecusson("grid check --json " + q(rectec_grid()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  boost::json::value v = boost::json::parse(r.out);
  EXPECT_EQ(v.at("valid").as_bool(), true);
  EXPECT_EQ(v.at("competences").as_int64(), 12);
  EXPECT_EQ(v.at("domains").as_int64(), 4);
}

TEST(grid_check_cli, invalid_grid_exits_1_with_place) {
  TempDir tmp;
  std::string grid = read_file(rectec_grid());
  // Duplicate a competence id: the second ORG.REG becomes ORG.ACT.
  std::size_t at = grid.find("id=\"ORG.REG\"");
  ASSERT_NE(at, std::string::npos);
  grid.replace(at, 12, "id=\"ORG.ACT\"");
  write(tmp.path() / "dup.grid.xml", grid);
  RunResult r = run_ecusson("grid check " + q(tmp.path() / "dup.grid.xml"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(std::regex_search(r.err, std::regex("dup\\.grid\\.xml:[0-9]+:[0-9]+"))) << r.err;
  EXPECT_NE(r.err.find("grid.duplicate_id"), std::string::npos) << r.err;
}

TEST(grid_check_cli, unreadable_grid_exits_2) {
  TempDir tmp;
  write(tmp.path() / "bad.grid.xml", "<competenceGrid xmlns=\"urn:ecusson:grid:1\"><oops>");
  RunResult r = run_ecusson("grid check " + q(tmp.path() / "bad.grid.xml"));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_TRUE(std::regex_search(r.err, std::regex("bad\\.grid\\.xml:[0-9]+:[0-9]+"))) << r.err;
  RunResult missing = run_ecusson("grid check " + q(tmp.path() / "none.grid.xml"));
  EXPECT_EQ(missing.exit_code, 2);
}

TEST(grid_check_cli, english_messages_with_lang_en) {
  RunResult r = run_ecusson("--lang en grid check " + q(rectec_grid()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Valid grid"), std::string::npos) << r.out;
  TempDir tmp;
  RunResult missing = run_ecusson("--lang en grid check " + q(tmp.path() / "none.grid.xml"));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("error: "), std::string::npos) << missing.err;
}

// ---------------------------------------------------------------- assess: goldens

TEST(assess_cli, cohort_csv_golden) {
  expect_golden("cohorte.csv", assess_to_string(q(examples()) + " --format csv"));
}

TEST(assess_cli, cohort_csv_comma_golden) {
  expect_golden("cohorte.comma.csv",
                assess_to_string(q(examples()) + " --format csv --csv-sep ,"));
}

TEST(assess_cli, cohort_html_golden) {
  expect_golden("cohorte.html", assess_to_string(q(examples()) + " --format html"));
}

TEST(assess_cli, participant_json_golden) {
  expect_golden("P-7F3A9C.exit.json",
                assess_to_string(q(examples() / "P-7F3A9C.exit.eval.xml") + " --entry " +
                                 q(examples() / "P-7F3A9C.entry.eval.xml") + " --format json"));
}

TEST(assess_cli, participant_html_english_golden) {
  expect_golden("P-7F3A9C.en.html",
                assess_to_string("--lang en " + q(examples() / "P-7F3A9C.exit.eval.xml") +
                                 " --entry " + q(examples() / "P-7F3A9C.entry.eval.xml") +
                                 " --format html"));
}

// ---------------------------------------------------------------- assess: behaviour

TEST(assess_cli, cohort_json_pairs_entry_and_exit) {
  boost::json::value v = boost::json::parse(assess_to_string(q(examples()) + " --format json"));
  EXPECT_EQ(v.at("format").as_string(), "ecusson-cohort");
  std::size_t paired = 0, participants = 0;
  for (const auto& g : v.at("groups").as_array()) {
    for (const auto& p : g.at("participants").as_array()) {
      ++participants;
      if (!p.at("entry").is_null() && !p.at("later").is_null()) ++paired;
    }
  }
  EXPECT_EQ(participants, 5u);
  EXPECT_EQ(paired, 4u);  // P-61AA0F has an exit only
}

TEST(assess_cli, report_is_deterministic) {
  std::string a = assess_to_string(q(examples()) + " --format json");
  std::string b = assess_to_string(q(examples()) + " --format json");
  EXPECT_EQ(a, b);
}

TEST(assess_cli, json_goes_to_stdout_without_o) {
  RunResult r = run_ecusson("assess " + q(examples() / "P-7F3A9C.exit.eval.xml"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  boost::json::value v = boost::json::parse(r.out);
  EXPECT_EQ(v.at("format").as_string(), "ecusson-assessment-result");
  EXPECT_EQ(v.at("participant").as_string(), "P-7F3A9C");
}

TEST(assess_cli, explicit_grid_is_used) {
  RunResult r = run_ecusson("assess " + q(examples() / "P-7F3A9C.exit.eval.xml") + " --grid " +
                            q(rectec_grid()) + " --format csv");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("\xEF\xBB\xBF" "Grille;Participant;"));
}

TEST(assess_cli, wrong_explicit_grid_is_unusable) {
  RunResult r = run_ecusson("assess " + q(examples() / "P-7F3A9C.exit.eval.xml") + " --grid " +
                            q(templates_dir() / "grids" / "savoir-etre-2-niveaux.grid.xml"));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("P-7F3A9C.exit.eval.xml"), std::string::npos) << r.err;
}

TEST(assess_cli, bad_format_or_separator_is_usage_error) {
  EXPECT_EQ(run_ecusson("assess " + q(examples()) + " --format pdf").exit_code, 2);
  EXPECT_EQ(run_ecusson("assess " + q(examples()) + " --format csv --csv-sep '|'").exit_code, 2);
}

TEST(assess_cli, empty_folder_is_unusable) {
  TempDir tmp;
  RunResult r = run_ecusson("assess " + q(tmp.path()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("aucune évaluation"), std::string::npos) << r.err;
}

// Issue 13: one unusable file no longer blocks the cohort; it is skipped and listed
// (tests/cli/report_warnings_cli_test.cc checks the report and rejects.csv), exit 1.
TEST(assess_cli, one_bad_file_in_a_folder_is_skipped_and_listed) {
  TempDir tmp;
  for (const auto& e : fs::directory_iterator(examples())) {
    if (e.path().string().ends_with(".eval.xml")) fs::copy(e.path(), tmp.path() / e.path().filename());
  }
  write(tmp.path() / "Z.exit.eval.xml", "<evaluation");
  fs::path out = tmp.path() / "out.csv";
  RunResult r = run_ecusson("assess " + q(tmp.path()) + " --format csv -o " + q(out));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Z.exit.eval.xml"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(out));
  EXPECT_NE(read_file(tmp.path() / "rejects.csv").find("Z.exit.eval.xml"), std::string::npos);
}

TEST(assess_cli, english_messages_with_lang_en) {
  TempDir tmp;
  RunResult r = run_ecusson("--lang en assess " + q(tmp.path()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no evaluation"), std::string::npos) << r.err;
  std::string csv = assess_to_string("--lang en " + q(examples()) + " --format csv");
  EXPECT_TRUE(csv.starts_with("\xEF\xBB\xBF" "Grid;Participant;")) << csv.substr(0, 40);
}

// ---------------------------------------------------------------- assess: bad input

class BadEvaluation : public ::testing::Test {
 protected:
  // The P-7F3A9C exit evaluation with `from` replaced by `to` (first occurrence).
  fs::path mutated(const std::string& from, const std::string& to) {
    std::string text = read_file(examples() / "P-7F3A9C.exit.eval.xml");
    std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return save(text);
  }
  fs::path save(const std::string& text) {
    fs::path p = tmp_.path() / "bad.eval.xml";
    write(p, text);
    return p;
  }
  // Runs assess and checks: exit 2, no crash, message names the file (with line:column
  // when `with_position`), and mentions the expected error code.
  void expect_unusable(const fs::path& file, const std::string& code, bool with_position = true) {
    RunResult r = run_ecusson("assess " + q(file) + " --format json");
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_TRUE(r.out.empty()) << "a report was printed for unusable input";
    EXPECT_NE(r.err.find(code), std::string::npos) << r.err;
    std::string pattern = with_position ? "bad\\.eval\\.xml:[0-9]+:[0-9]+" : "bad\\.eval\\.xml";
    EXPECT_TRUE(std::regex_search(r.err, std::regex(pattern))) << r.err;
  }
  TempDir tmp_;
};

TEST_F(BadEvaluation, malformed_xml) {
  expect_unusable(mutated("<participant ref=\"P-7F3A9C\"/>", "<participant ref=\"P-7F3A9C\">"),
                  "xml.malformed");
}

TEST_F(BadEvaluation, wrong_namespace) {
  expect_unusable(mutated("urn:ecusson:eval:1", "urn:example:other"), "xml.wrong_namespace");
}

TEST_F(BadEvaluation, unknown_indicator) {
  expect_unusable(mutated("indicator=\"ORG.ACT.1.b\"", "indicator=\"ORG.ACT.9.z\""),
                  "evaluation.unknown_indicator");
}

TEST_F(BadEvaluation, unknown_evaluator) {
  expect_unusable(mutated("by=\"E1\"", "by=\"E9\""), "evaluation.unknown_evaluator");
}

TEST_F(BadEvaluation, rating_not_in_scale) {
  expect_unusable(mutated("rating=\"3\"", "rating=\"7\""), "evaluation.rating_not_in_scale");
}

TEST_F(BadEvaluation, duplicate_evaluator_id) {
  expect_unusable(mutated("<evaluator id=\"E2\"", "<evaluator id=\"E1\""),
                  "evaluation.duplicate_id");
}

TEST_F(BadEvaluation, end_before_start) {
  expect_unusable(mutated("end=\"2025-03-14\"", "end=\"2025-02-14\""),
                  "evaluation.end_before_start");
}

TEST_F(BadEvaluation, date_outside_placement_in_exit) {
  expect_unusable(mutated("date=\"2025-03-07\"", "date=\"2025-05-07\""),
                  "evaluation.date_outside_placement");
}

TEST_F(BadEvaluation, fifty_megabyte_file) {
  std::string text = read_file(examples() / "P-7F3A9C.exit.eval.xml");
  std::string pad = "<!--" + std::string(50u << 20, 'x') + "-->\n";
  text.insert(text.find("<evaluation"), pad);
  expect_unusable(save(text), "xml.too_large", /*with_position=*/false);
}

TEST_F(BadEvaluation, hundred_thousand_nested_elements) {
  std::string text = "<evaluation xmlns=\"urn:ecusson:eval:1\" id=\"X\" grid=\"rectec-style-fr\" "
                     "gridVersion=\"1.0.0\" phase=\"exit\">";
  for (int i = 0; i < 100000; ++i) text += "<a>";
  for (int i = 0; i < 100000; ++i) text += "</a>";
  text += "</evaluation>";
  expect_unusable(save(text), "xml.too_deep");
}

TEST_F(BadEvaluation, invalid_utf8) {
  expect_unusable(mutated("Nettoyage de bureaux", "Nettoyage de bur\xC3\x28" "eaux"),
                  "xml.invalid_utf8");
}

TEST_F(BadEvaluation, empty_file) {
  expect_unusable(save(""), "xml.empty", /*with_position=*/false);
}

TEST_F(BadEvaluation, english_message_with_lang_en) {
  fs::path file = save("");
  RunResult fr = run_ecusson("assess " + q(file));
  RunResult en = run_ecusson("--lang en assess " + q(file));
  EXPECT_EQ(en.exit_code, 2);
  EXPECT_NE(en.err.find("error: "), std::string::npos) << en.err;
  EXPECT_NE(fr.err.find("erreur : "), std::string::npos) << fr.err;
  EXPECT_NE(fr.err, en.err);
}

}  // namespace
}  // namespace ecusson::test
