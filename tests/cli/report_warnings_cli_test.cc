// The team report for the people who read it (issue 13): warnings grouped per kind, file
// positions only in the folded technical details, each evaluation's own date in the header,
// plain-French labels, and the grid versions listed when the wanted one is missing.
#include <filesystem>
#include <string>

#include "golden.h"
#include "run_ecusson.h"
#include "test_support.h"

namespace ecusson::test {
namespace {

namespace fs = std::filesystem;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }
fs::path early_entry() { return data_dir() / "warnings" / "P-W0001.entry.eval.xml"; }
fs::path examples() { return source_dir() / "examples" / "evaluations"; }

std::string html_report(const std::string& args) {
  TempDir tmp;
  fs::path out = tmp.path() / "r.html";
  RunResult r = run_ecusson("assess " + args + " --format html -o " + q(out));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return read_file(out);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

TEST(report_warnings_cli, observations_before_the_placement_give_one_grouped_line) {
  const std::string html = html_report(q(early_entry()));
  const std::size_t start = html.find("<h3>Points d&#39;attention</h3>");
  ASSERT_NE(start, std::string::npos) << html;
  const std::size_t end = html.find("</ul>", start);
  const std::string section = html.substr(start, end + 6 - start);
  EXPECT_EQ(count(section, "<li>"), 1u) << section;
  EXPECT_EQ(section.find(".eval.xml:"), std::string::npos) << "no file position for the reader";
  expect_golden("warnings-grouped.P-W0001.html", section);
  // The eight positions are still there, folded in the technical details.
  const std::size_t details = html.find("<details class=\"technical\"><summary>Détails techniques : avertissements");
  ASSERT_NE(details, std::string::npos);
  EXPECT_EQ(count(html.substr(details), "P-W0001.entry.eval.xml:"), 8u);
}

TEST(report_warnings_cli, stderr_groups_warnings_of_a_kind) {
  TempDir tmp;
  RunResult r = run_ecusson("assess " + q(early_entry()) + " --format html -o " + q(tmp.path() / "r.html"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(count(r.err, "avertissement : "), 1u) << r.err;
  EXPECT_NE(r.err.find("… et 7 autre(s) avertissement(s) du même type"), std::string::npos) << r.err;
}

TEST(report_warnings_cli, header_shows_each_evaluation_own_date) {
  const std::string html = html_report(q(examples() / "P-7F3A9C.exit.eval.xml") + " --entry " +
                                       q(examples() / "P-7F3A9C.entry.eval.xml"));
  // The entry interview was held on 24/02/2025 (no placement): its own date, not the exit's.
  EXPECT_NE(html.find("Entrée : EV-2025-0101 (24/02/2025)"), std::string::npos);
  EXPECT_NE(html.find("Sortie : EV-2025-0102 (14/03/2025)"), std::string::npos);
  const std::string early = html_report(q(early_entry()));
  EXPECT_NE(early.find("Entrée : EV-W-ENTREE (05/09/2025)"), std::string::npos)
      << "the entry interview's date, not the placement's end (19/09/2025)";
}

TEST(report_warnings_cli, plain_labels_and_technical_details_folded) {
  const std::string html = html_report(q(examples() / "P-7F3A9C.exit.eval.xml"));
  EXPECT_NE(html.find("Fiabilité"), std::string::npos);
  EXPECT_EQ(html.find(">Confiance<"), std::string::npos);
  EXPECT_NE(html.find("Confirmer un projet professionnel"), std::string::npos);
  EXPECT_EQ(html.find(">confirmer-projet<"), std::string::npos);
  EXPECT_NE(html.find("Démontré : Suit le planning ou la liste de tâches remis par le tuteur."),
            std::string::npos);
  // Digests and level figures are inside <details>, never in the open text.
  const std::size_t digest = html.find("sha256:");
  ASSERT_NE(digest, std::string::npos);
  EXPECT_GT(digest, html.rfind("<details", digest));
  EXPECT_LT(html.rfind("<details", digest), digest);
  EXPECT_GT(html.find("</details>", digest), digest);
}

TEST(report_warnings_cli, unknown_grid_version_lists_the_versions_available) {
  TempDir tmp;
  std::string xml = read_file(examples() / "P-7F3A9C.exit.eval.xml");
  xml.replace(xml.find("gridVersion=\"1.0.0\""), 19, "gridVersion=\"1.2.0\"");
  write_text_file(tmp.path() / "v.eval.xml", xml);
  RunResult r = run_ecusson("assess " + q(tmp.path() / "v.eval.xml"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("v.eval.xml:4:"), std::string::npos) << "line of gridVersion: " << r.err;
  EXPECT_NE(r.err.find("versions de cette grille disponibles : 1.0.0"), std::string::npos) << r.err;
}

TEST(report_warnings_cli, cohort_skips_an_unusable_file_and_lists_it) {
  TempDir tmp;
  fs::path dir = tmp.path() / "cohorte";
  fs::create_directories(dir);
  for (const char* name : {"P-7F3A9C.entry.eval.xml", "P-7F3A9C.exit.eval.xml", "P-2B81D4.exit.eval.xml"}) {
    fs::copy_file(examples() / name, dir / name);
  }
  write_text_file(dir / "P-CASSE.exit.eval.xml", "<evaluation xmlns=\"urn:ecusson:eval:1\"><oups>");
  fs::path out = tmp.path() / "rapports" / "cohorte.html";
  RunResult r = run_ecusson("assess " + q(dir) + " --format html -o " + q(out));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  ASSERT_TRUE(fs::exists(out)) << r.err;
  const std::string html = read_file(out);
  EXPECT_NE(html.find("Fichiers écartés"), std::string::npos);
  EXPECT_NE(html.find("P-CASSE.exit.eval.xml:1:"), std::string::npos);
  EXPECT_NE(html.find("id=\"p-P-7F3A9C\""), std::string::npos) << "the usable files are reported";
  const std::string rejects = read_file(tmp.path() / "rapports" / "rejects.csv");
  EXPECT_EQ(rejects.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(rejects.find("P-CASSE.exit.eval.xml;1:"), std::string::npos) << rejects;
  EXPECT_EQ(count(rejects, "\r\n"), 2u) << "header and one rejected file";
}

TEST(report_warnings_cli, every_mistake_of_a_file_in_one_pass) {
  TempDir tmp;
  std::string xml = read_file(examples() / "P-7F3A9C.exit.eval.xml");
  auto swap = [&](const std::string& from, const std::string& to) {
    xml.replace(xml.find(from), from.size(), to);
  };
  swap("indicator=\"ORG.ACT.1.b\"", "indicator=\"ORG.ACT.1.z\"");
  swap("indicator=\"ORG.REG.1.a\" by=\"E1\" date=\"2025-03-05\" rating=\"3\"",
       "indicator=\"ORG.REG.1.a\" by=\"E1\" date=\"2025-03-05\" rating=\"9\"");
  swap("indicator=\"COM.USA.2.c\"", "indicator=\"COM.USA.2.x\"");
  write_text_file(tmp.path() / "trois.eval.xml", xml);
  RunResult r = run_ecusson("assess " + q(tmp.path() / "trois.eval.xml") + " --format html -o " +
                            q(tmp.path() / "r.html"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(count(r.err, "erreur : "), 3u) << r.err;
  EXPECT_NE(r.err.find("ORG.ACT.1.z"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("COM.USA.2.x"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("3 problèmes dans ce fichier"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "r.html"));
}

TEST(report_warnings_cli, cohort_with_only_unusable_files_writes_nothing) {
  TempDir tmp;
  write_text_file(tmp.path() / "a.eval.xml", "pas du XML");
  fs::path out = tmp.path() / "cohorte.html";
  RunResult r = run_ecusson("assess " + q(tmp.path()) + " --format html -o " + q(out));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_FALSE(fs::exists(out));
}

}  // namespace
}  // namespace ecusson::test
