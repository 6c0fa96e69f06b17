// CLI11's texts in the user's language (issue 13): `--help` and usage errors in French by
// default, in English with `--lang en`; one spelling for the output option (`-o, --output`).
// Snapshots: tests/data/golden/help.attest.{fr,en}.txt (ECUSSON_UPDATE_GOLDEN=1 to rewrite).
#include <string>

#include "golden.h"
#include "run_ecusson.h"
#include "test_support.h"

namespace ecusson::test {
namespace {

TEST(help_cli, help_is_french_by_default) {
  RunResult r = run_ecusson("--help");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Utilisation"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Affiche cette aide et quitte"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Sous-commandes :"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Print this help message"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Subcommands:"), std::string::npos) << r.out;
}

TEST(help_cli, help_is_english_with_lang_en) {
  RunResult r = run_ecusson("--lang en --help");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Usage:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Print this help message and exit"), std::string::npos) << r.out;
}

TEST(help_cli, subcommand_help_snapshots) {
  RunResult fr = run_ecusson("attest --help");
  EXPECT_EQ(fr.exit_code, 0) << fr.err;
  EXPECT_NE(fr.out.find("-o,--output TEXTE OBLIGATOIRE"), std::string::npos) << fr.out;
  expect_golden("help.attest.fr.txt", fr.out);
  RunResult en = run_ecusson("--lang en attest --help");
  EXPECT_EQ(en.exit_code, 0) << en.err;
  expect_golden("help.attest.en.txt", en.out);
}

TEST(help_cli, usage_errors_are_french_by_default) {
  RunResult none = run_ecusson("");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("erreur : Une sous-commande est nécessaire"), std::string::npos) << none.err;
  EXPECT_NE(none.err.find("Lancez avec --help pour plus d'informations."), std::string::npos) << none.err;

  RunResult format = run_ecusson("assess x.eval.xml --format pdf");
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_NE(format.err.find("« pdf » n'est pas une valeur possible"), std::string::npos) << format.err;

  RunResult missing = run_ecusson("attest x.eval.xml");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("--output est obligatoire"), std::string::npos) << missing.err;

  RunResult extra = run_ecusson("grid check a b");
  EXPECT_EQ(extra.exit_code, 2);
  EXPECT_NE(extra.err.find("inattendu"), std::string::npos) << extra.err;
}

TEST(help_cli, usage_errors_stay_english_with_lang_en) {
  RunResult none = run_ecusson("--lang en");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("A subcommand is required"), std::string::npos) << none.err;
}

TEST(help_cli, output_option_is_spelled_the_same_everywhere) {
  for (const char* command : {"assess", "attest", "grid form", "ob2 issue", "bake", "unbake",
                              "sign", "keys generate", "badge-art"}) {
    RunResult r = run_ecusson(std::string(command) + " --help");
    if (r.out.find("-o,") == std::string::npos) continue;  // command without an output file
    EXPECT_NE(r.out.find("-o,--output"), std::string::npos) << command << "\n" << r.out;
  }
}

}  // namespace
}  // namespace ecusson::test
