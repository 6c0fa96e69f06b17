// issuance batch: rows issued once, rejects with their line and a French reason, outputs
// whole, re-runs that issue nothing, dry runs that write nothing, consent rules, and
// hostile CSV (unbalanced quotes, a 10 MB field, NUL bytes, Latin-1).
#include "ecusson/issuance/batch.h"

#include <sys/file.h>
#include <fcntl.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <fstream>
#include <set>

#include "ecusson/issuance/workflow.h"
#include "ecusson/verify/verify.h"
#include "issuance_fixture.h"

namespace ecusson::test {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

std::vector<std::string> lines_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

class BatchTest : public IssuerFixture {
 protected:
  fs::path write_csv(const std::string& text, const std::string& name = "lot.csv") {
    fs::path p = tmp.path() / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  Result<issuance::BatchReport> run(const fs::path& csv, bool consent = true, bool dry = false,
                                    std::string out = "out") {
    issuance::BatchOptions o;
    o.input = csv;
    o.out = tmp.path() / out;
    o.grid = &grid;
    o.by = "Claire Dupont";
    o.consent_collected = consent;
    o.dry_run = dry;
    o.threads = 2;
    o.chunk_rows = 3;  // several chunks even for small files
    return issuance::run_batch(db(), issuer(), o);
  }
  std::size_t credential_count() { return db().list_credentials()->size(); }
  fs::path out(const std::string& name = "out") { return tmp.path() / name; }
};

const char* kGood =
    "\xEF\xBB\xBF" "email;given_name;family_name;competence;level;narrative\r\n"
    "camille@example.fr;Camille;Martin;ORG.ACT;2;\"Planifie, range\"\r\n"
    "camille@example.fr;Camille;Martin;ORG.EQU;1;\r\n"
    "ines@example.fr;Inès;Benali;ORG.REG;3;\r\n"
    "paul@example.fr;Paul;Durand;ORG.ACT;1;\r\n";

TEST_F(BatchTest, issues_each_row_once_with_whole_outputs) {
  auto r = run(write_csv(kGood));
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->totals.rows_total, 4u);
  EXPECT_EQ(r->totals.issued, 4u);
  EXPECT_EQ(r->totals.rejected, 0u);
  EXPECT_EQ(r->delimiter, ';');
  EXPECT_EQ(credential_count(), 4u);
  auto jsonl = lines_of(out() / "credentials.jsonl");
  ASSERT_EQ(jsonl.size(), 4u);
  std::set<std::string> ids;
  for (const auto& line : jsonl) {
    auto doc = json::parse(line).as_object();
    ids.insert(std::string(doc.at("id").as_string()));
  }
  EXPECT_EQ(ids.size(), 4u);
  auto mailing = lines_of(out() / "mailing.csv");
  ASSERT_EQ(mailing.size(), 5u);  // header + 4
  // Each row names its picture "<participant>_<competence>_niveau<n>_<id>.png", next to the SVG.
  for (std::size_t i = 1; i < mailing.size(); ++i) {
    std::string line = mailing[i];
    if (line.ends_with("\r")) line.pop_back();
    fs::path png = line.substr(line.rfind(';') + 1);
    EXPECT_TRUE(fs::exists(png)) << png;
    EXPECT_TRUE(fs::exists(fs::path(png).replace_extension(".svg"))) << png;
    EXPECT_NE(png.filename().string().find("_niveau"), std::string::npos) << png;
  }
  EXPECT_TRUE(mailing[0].starts_with("\xEF\xBB\xBF" "email;"));
  EXPECT_NE(mailing[1].find("camille@example.fr;Camille;Martin;Organiser son activité"),
            std::string::npos);
  EXPECT_FALSE(fs::exists(out() / "credentials.jsonl.part"));
  // The same person twice: one participant, created from the e-mail, with consent recorded.
  auto people = db().list_participants();
  ASSERT_TRUE(people.has_value());
  EXPECT_EQ(people->size(), 3u);
  auto camille = db().find_participant_by_email("CAMILLE@example.fr");
  ASSERT_TRUE(camille.has_value() && camille->has_value());
  EXPECT_EQ((*camille)->ref, issuance::participant_ref_for_email("camille@example.fr"));
  auto consent = db().current_consent((*camille)->ref);
  ASSERT_TRUE(consent.has_value() && consent->has_value());
  EXPECT_NE((*consent)->how.find("Claire Dupont"), std::string::npos);
  // The audit log records each row as Claire Dupont's decision.
  auto audit = db().list_audit();
  int validations = 0;
  for (const auto& e : *audit)
    if (e.action == "validation.batch") {
      ++validations;
      EXPECT_EQ(e.actor, "Claire Dupont");
    }
  EXPECT_EQ(validations, 4);
  // A baked image verifies (status lists published by the batch).
  auto f = fetcher();
  verify::VerifyOptions vo;
  vo.fetcher = &f;
  vo.recipient = "ines@example.fr";
  std::string ines_row = mailing[3];
  ASSERT_TRUE(ines_row.starts_with("ines@example.fr;")) << ines_row;
  if (ines_row.ends_with("\r")) ines_row.pop_back();
  auto png = read_file(ines_row.substr(ines_row.rfind(';') + 1));
  auto verdict = verify::verify_credential({png, verify::InputHint::automatic, "x.png"}, vo);
  EXPECT_TRUE(verdict.verified) << json::serialize(credentials::to_json(verdict));
}

TEST_F(BatchTest, a_second_run_issues_nothing_and_rebuilds_the_same_outputs) {
  auto csv = write_csv(kGood);
  ASSERT_TRUE(run(csv).has_value());
  auto first = lines_of(out() / "credentials.jsonl");
  auto again = run(csv);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->totals.issued, 0u);
  EXPECT_EQ(again->totals.already_issued, 4u);
  EXPECT_EQ(credential_count(), 4u);
  EXPECT_EQ(lines_of(out() / "credentials.jsonl"), first);
  // Into another folder: the same credentials, written again from the store.
  auto elsewhere = run(csv, true, false, "out2");
  ASSERT_TRUE(elsewhere.has_value());
  EXPECT_EQ(lines_of(out("out2") / "credentials.jsonl"), first);
  EXPECT_EQ(credential_count(), 4u);
}

TEST_F(BatchTest, changed_rows_issue_only_new_person_badge_pairs) {
  ASSERT_TRUE(run(write_csv(kGood)).has_value());
  // Same pairs with another narrative and level order, plus one new pair.
  auto r = run(write_csv(
      "email,given_name,family_name,competence,level,narrative\n"
      "camille@example.fr,Camille,Martin,ORG.ACT,2,autre texte\n"
      "ines@example.fr,Inès,Benali,ORG.REG,3,\n"
      "ines@example.fr,Inès,Benali,ORG.REG,2,\n",
      "lot2.csv"));
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->delimiter, ',');
  EXPECT_EQ(r->totals.already_issued, 2u);
  EXPECT_EQ(r->totals.issued, 1u);
  EXPECT_EQ(credential_count(), 5u);
}

TEST_F(BatchTest, bad_rows_go_to_rejects_with_line_and_french_reason) {
  std::string csv =
      "email;given_name;family_name;competence;level;valid_until\n"
      "pas-un-email;A;B;ORG.ACT;1;\n"                       // 2
      "a@example.fr;A;B;ORG.NOPE;1;\n"                      // 3
      "a@example.fr;A;B;ORG.ACT;7;\n"                       // 4
      "a@example.fr;A;B;ORG.ACT;1\n"                        // 5 column count
      "a@example.fr;A;B;ORG.ACT;1;2001-01-01\n"             // 6 past
      "a@example.fr;A;B;ORG.ACT;1;demain\n"                 // 7 not a date
      "a@example.fr;A;B;ORG.ACT;2;2099-12-31\n"             // 8 ok
      "a@example.fr;A;B;ORG.ACT;2;\n"                       // 9 duplicate of 8
      "caf\xE9@example.fr;A;B;ORG.ACT;1;\n";                // 10 Latin-1
  csv += "b@example.fr;A;B;ORG.ACT;1;x";                    // 11 NUL
  csv += '\0';
  csv += "y\n";
  auto r = run(write_csv(csv));
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->totals.issued, 1u);
  EXPECT_EQ(r->totals.rejected, 9u);
  auto rejects = lines_of(out() / "rejects.csv");
  ASSERT_EQ(rejects.size(), 10u);
  EXPECT_TRUE(rejects[0].starts_with("\xEF\xBB\xBF" "ligne;contenu;motif"));
  const std::pair<const char*, const char*> expected[] = {
      {"2;", "adresse e-mail invalide"}, {"3;", "compétence inconnue"},
      {"4;", "niveau « 7 » inexistant"}, {"5;", "nombre de colonnes"},
      {"6;", "déjà passée"},             {"7;", "n'est pas une date"},
      {"9;", "ligne en double"},         {"10;", "UTF-8"},
      {"11;", "octet nul"}};
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    EXPECT_TRUE(rejects[i + 1].starts_with(expected[i].first)) << rejects[i + 1];
    EXPECT_NE(rejects[i + 1].find(expected[i].second), std::string::npos) << rejects[i + 1];
  }
  // The rows copied into rejects.csv are made valid UTF-8 without NUL (U+FFFD instead).
  EXPECT_NE(rejects[8].find("caf\xEF\xBF\xBD@"), std::string::npos) << rejects[8];
  EXPECT_EQ(rejects[9].find('\0'), std::string::npos);
  EXPECT_NE(rejects[9].find("x\xEF\xBF\xBDy"), std::string::npos) << rejects[9];
  // The issued one expires at the end of the day given.
  auto doc = json::parse(lines_of(out() / "credentials.jsonl").at(0)).as_object();
  EXPECT_EQ(doc.at("validUntil"), "2099-12-31T23:59:59Z");
}

TEST_F(BatchTest, unusable_files_issue_nothing) {
  struct Case {
    std::string text;
    const char* fragment;
  };
  std::vector<Case> cases = {
      {"email;given_name;family_name;competence;level\n"
       "a@example.fr;A;B;ORG.ACT;1\n"
       "b@example.fr;\"B;B;ORG.ACT;1\n",
       "guillemet"},
      {"email;given_name;competence;level\na@example.fr;A;ORG.ACT;1\n", "family_name"},
      {"", "vide"},
      {"email;given_name;family_name;competence;level\na@example.fr;A;\"" +
           std::string(10u << 20, 'x') + "\";ORG.ACT;1\n",
       "champ"},
  };
  for (const auto& c : cases) {
    auto r = run(write_csv(c.text));
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, "issuance.batch_input");
    EXPECT_NE(r.error().message.find(c.fragment), std::string::npos) << r.error().message;
    EXPECT_EQ(credential_count(), 0u);
  }
  auto missing = run(tmp.path() / "absent.csv");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, "issuance.batch_input");
}

TEST_F(BatchTest, dry_run_checks_everything_and_writes_nothing) {
  auto r = run(write_csv(std::string(kGood) + "x;A;B;ORG.ACT;1;\r\n"), true, true);
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_TRUE(r->dry_run);
  EXPECT_EQ(r->totals.issued, 4u);  // would be issued
  EXPECT_EQ(r->totals.rejected, 1u);
  EXPECT_EQ(credential_count(), 0u);
  EXPECT_EQ(db().list_participants()->size(), 0u);
  EXPECT_FALSE(fs::exists(out() / "credentials.jsonl"));
  EXPECT_EQ(lines_of(out() / "rejects.csv").size(), 2u);
}

TEST_F(BatchTest, consent_is_required_and_a_withdrawal_wins) {
  auto r = run(write_csv(kGood), /*consent=*/false);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->totals.issued, 0u);
  EXPECT_EQ(r->totals.rejected, 4u);
  EXPECT_NE(lines_of(out() / "rejects.csv").at(1).find("consentement non enregistré"),
            std::string::npos);
  // Paul withdrew: even with --consent-collected, nothing for him.
  add_participant("P-paul", "paul@example.fr");
  ASSERT_TRUE(issuance::record_consent(db(), issuer(), "P-paul", store::ConsentState::withdrawn,
                                       "courriel", "cm"));
  auto again = run(write_csv(kGood), /*consent=*/true);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->totals.issued, 3u);
  EXPECT_EQ(again->totals.rejected, 1u);
  EXPECT_NE(lines_of(out() / "rejects.csv").at(1).find("consentement retiré"), std::string::npos);
}

TEST_F(BatchTest, a_folder_held_by_another_batch_is_refused) {
  fs::create_directories(out());
  int fd = ::open((out() / ".ecusson-batch.lock").c_str(), O_CREAT | O_RDWR, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
  auto r = run(write_csv(kGood));
  ::close(fd);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, "issuance.batch_busy");
  EXPECT_EQ(credential_count(), 0u);
  EXPECT_TRUE(run(write_csv(kGood)).has_value());  // released: it runs
}

}  // namespace
}  // namespace ecusson::test
