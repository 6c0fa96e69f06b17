// End-to-end tests of `ecusson attest` (issue 13): the participant's attestation as HTML
// (golden) and as PDF (opened with poppler's pdfinfo/pdftotext: page count, text golden).
// poppler-utils comes with scripts/install-deps; without it these tests fail, they do not skip.
//
// When the attestation changes on purpose:
//   ECUSSON_UPDATE_GOLDEN=1 build/tests/cli_tests --gtest_filter='attest_cli.*'
//   git diff tests/data/golden/
#include <cstdio>
#include <filesystem>
#include <string>

#include "golden.h"
#include "pdf_tools.h"
#include "run_ecusson.h"
#include "test_support.h"

namespace ecusson::test {
namespace {

namespace fs = std::filesystem;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }
fs::path examples() { return source_dir() / "examples" / "evaluations"; }
fs::path full_evaluation() { return data_dir() / "attestation" / "P-TEST12.exit.eval.xml"; }

const std::string kNamed =
    " --participant-name 'Camille Martin' --structure 'PLIE du Val (exemple)'"
    " --validated-by 'Nadia Benali, chargée de mission compétences'";

std::string example_args() {
  return q(examples() / "P-7F3A9C.exit.eval.xml") + " --entry " +
         q(examples() / "P-7F3A9C.entry.eval.xml") + kNamed;
}

TEST(attest_cli, html_matches_golden) {
  TempDir tmp;
  fs::path out = tmp.path() / "attestation.html";
  RunResult r = run_ecusson("attest " + example_args() + " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_golden("attestation.P-7F3A9C.html", read_file(out));
}

TEST(attest_cli, html_speaks_plain_french_without_codes) {
  TempDir tmp;
  fs::path out = tmp.path() / "a.html";
  RunResult r = run_ecusson("attest " + example_args() + " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out);
  for (const char* expected :
       {"Attestation de compétences", "Camille Martin", "Propreté Services (exemple)",
        "Organiser son activité", "niveau 2 sur 4 : avec une part d&#39;autonomie",
        "Suit le planning ou la liste de tâches remis par le tuteur.",
        "Deuxième semaine, un étage complet en autonomie.", "Confirmer un projet professionnel",
        "Progression depuis l&#39;entrée", "Validé par", "Signature"}) {
    EXPECT_NE(html.find(expected), std::string::npos) << expected;
  }
  // No indicator ids, digests, percentages or English codes in a participant's document.
  for (const char* jargon : {"ORG.ACT.1.a", "sha256", "Confiance", "Couverture", "confirmer-projet",
                             "insufficient", " %"}) {
    EXPECT_EQ(html.find(jargon), std::string::npos) << jargon;
  }
}

TEST(attest_cli, pdf_opens_fits_on_two_pages_and_text_matches_golden) {
  TempDir tmp;
  fs::path out = tmp.path() / "attestation.pdf";
  RunResult r = run_ecusson("attest " + example_args() + " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  PdfFacts facts = pdf_facts(out);
  ASSERT_TRUE(facts.opened) << facts.info;
  EXPECT_GE(facts.pages, 1);
  EXPECT_LE(facts.pages, 2);
  EXPECT_NE(facts.info.find("Title:           Attestation de compétences"), std::string::npos)
      << facts.info;
  // Fonts are embedded (pdffonts: "emb" column is "yes" for every font).
  EXPECT_EQ(facts.fonts.find(" no "), std::string::npos) << facts.fonts;
  EXPECT_NE(facts.fonts.find("DejaVuSans"), std::string::npos) << facts.fonts;
  const std::string text = pdf_text(out);
  for (const char* expected :
       {"Attestation de compétences", "Camille Martin", "Organiser son activité",
        "Suit le planning ou la liste de tâches remis par le tuteur.",
        "Deuxième semaine, un étage complet en autonomie.", "Validé par", "Signature"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  expect_golden("attestation.P-7F3A9C.pdf.txt", text);
}

TEST(attest_cli, twelve_competence_evaluation_fits_on_two_pages) {
  TempDir tmp;
  fs::path out = tmp.path() / "full.pdf";
  RunResult r = run_ecusson("attest " + q(full_evaluation()) + kNamed + " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  PdfFacts facts = pdf_facts(out);
  ASSERT_TRUE(facts.opened) << facts.info;
  EXPECT_LE(facts.pages, 2) << "the attestation of a 12-competence evaluation must fit on 2 A4 pages";
  const std::string text = pdf_text(out);
  for (const char* competence :
       {"Organiser son activité", "Prendre en compte les règlements", "Travailler en équipe",
        "Communiquer à l’écrit", "Gérer des informations", "Agir face aux imprévus",
        "Construire son parcours professionnel"}) {
    // pdftotext may turn the straight apostrophe into a typographic one; compare loosely.
    std::string loose = competence;
    if (auto p = loose.find("’"); p != std::string::npos) loose = loose.substr(p + 3);
    EXPECT_NE(text.find(loose), std::string::npos) << competence << "\n" << text;
  }
  EXPECT_NE(r.err.find("page(s)"), std::string::npos) << r.err;
}

TEST(attest_cli, format_follows_the_extension_or_the_option) {
  TempDir tmp;
  fs::path out = tmp.path() / "sans-extension";
  RunResult r = run_ecusson("attest " + example_args() + " --format pdf -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(out).substr(0, 5), "%PDF-");
  RunResult html = run_ecusson("attest " + example_args() + " -o " + q(tmp.path() / "a.htm"));
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_EQ(read_file(tmp.path() / "a.htm").substr(0, 15), "<!DOCTYPE html>");
}

TEST(attest_cli, without_a_name_leaves_a_line_and_the_reference) {
  TempDir tmp;
  fs::path out = tmp.path() / "a.html";
  RunResult r = run_ecusson("attest " + q(examples() / "P-7F3A9C.exit.eval.xml") + " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out);
  EXPECT_NE(html.find("(référence P-7F3A9C)"), std::string::npos);
  EXPECT_EQ(html.find("Progression depuis"), std::string::npos) << "no entry given";
}

TEST(attest_cli, absent_participant_has_nothing_to_attest) {
  TempDir tmp;
  RunResult r = run_ecusson("attest " + q(examples() / "P-61AA0F.exit.eval.xml") + " -o " +
                            q(tmp.path() / "a.pdf"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("immersion non effectuée"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "a.pdf"));
}

TEST(attest_cli, unusable_input_exits_2_naming_the_file) {
  TempDir tmp;
  RunResult r = run_ecusson("attest " + q(tmp.path() / "absent.eval.xml") + " -o " +
                            q(tmp.path() / "a.pdf"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("absent.eval.xml"), std::string::npos) << r.err;
  RunResult other = run_ecusson("attest " + q(examples() / "P-7F3A9C.exit.eval.xml") +
                                " --entry " + q(examples() / "P-2B81D4.entry.eval.xml") + " -o " +
                                q(tmp.path() / "a.pdf"));
  EXPECT_EQ(other.exit_code, 2) << other.err;
}

}  // namespace
}  // namespace ecusson::test
