// End-to-end: a cohort from evaluations to badges with the real `ecusson` binary —
// `init`, `participants import`, `award` (refused before validation and before consent),
// `validate --by`, `consent --given`, `award` (baked PNG and SVG that `ecusson verify`
// accepts, the status lists served over loopback), a re-run that issues nothing new,
// `revoke` seen by `verify`; and the error cases with their exit codes (design §3).
#include <sys/stat.h>

#include <boost/json.hpp>

#include "ecusson/store/sqlite_store.h"
#include "run_ecusson.h"
#include "test_http_server.h"
#include "test_support.h"

namespace ecusson::test {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

fs::path example_evaluation(std::string_view name) {
  return source_dir() / "examples/evaluations" / std::string(name);
}

// A data directory made by `ecusson init` in a temporary folder, with OB 2.0 on.
class Cohort {
 public:
  /// `base_url` empty: the default (http://127.0.0.1:8080, nothing listens there).
  explicit Cohort(const std::string& base_url = {}) {
    dir = tmp.path() / "var";
    std::string args = "init --dir " + q(dir) +
                       " --issuer-name 'Mission Locale d''Essai' --issuer-url https://ml.example.fr"
                       " --email contact@ml.example.fr";
    if (!base_url.empty()) args += " --base-url " + base_url;
    auto r = run_ecusson(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    evals = tmp.path() / "evaluations";
    fs::create_directories(evals);
  }
  /// Copies an example evaluation into the cohort's folder; returns its path.
  fs::path add_evaluation(std::string_view name) {
    fs::copy_file(example_evaluation(name), evals / std::string(name),
                  fs::copy_options::overwrite_existing);
    return evals / std::string(name);
  }
  RunResult run(const std::string& args) { return run_ecusson(args + " --dir " + q(dir)); }
  RunResult import_examples() {
    return run("participants import " + q(source_dir() / "examples/participants.csv"));
  }
  /// Imports the example participants, validates P-7F3A9C's exit evaluation and records
  /// that person's consent; returns the evaluation's path.
  fs::path ready_to_award() {
    EXPECT_EQ(import_examples().exit_code, 0);
    fs::path eval = add_evaluation("P-7F3A9C.exit.eval.xml");
    EXPECT_EQ(run("validate " + q(eval) + " --by 'Sophie Martin'").exit_code, 0);
    EXPECT_EQ(run("consent P-7F3A9C --given").exit_code, 0);
    return eval;
  }

  TempDir tmp;
  fs::path dir;
  fs::path evals;
};

json::object parse_object(const RunResult& r) {
  boost::system::error_code ec;
  json::value v = json::parse(r.out, ec);
  EXPECT_FALSE(ec) << r.out << r.err;
  return v.is_object() ? v.as_object() : json::object{};
}

std::vector<std::string> verify_errors(const RunResult& r) {
  std::vector<std::string> out;
  auto o = parse_object(r);
  if (auto* e = o.if_contains("errors"))
    for (const auto& code : e->as_array()) out.emplace_back(code.as_string());
  return out;
}

TEST(cli_award, cohort_walkthrough_from_import_to_revocation) {
  // The status lists are fetched from the issuer's base URL: serve DIR/public there.
  TestHttpServer server;
  const std::string base = server.url("");
  Cohort cohort(base);
  for (std::string path : {"/status/revocation-1.json", "/status/suspension-1.json"}) {
    fs::path file = cohort.dir / "public" / path.substr(1);
    server.add_handler(path, [file](const TestHttpServer::Request&) {
      if (!fs::exists(file)) return TestHttpServer::Response{404, "text/plain", "absent"};
      return TestHttpServer::Response{200, "application/json", read_file(file)};
    });
  }
  cohort.add_evaluation("P-7F3A9C.exit.eval.xml");
  cohort.add_evaluation("P-61AA0F.exit.eval.xml");  // absent: no result, nothing to award

  auto imported = cohort.import_examples();
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_TRUE(contains(imported.out, "5 créé(s)")) << imported.out;

  // Before validation: every attained level is refused, with the French reason.
  auto early = cohort.run("award " + q(cohort.evals));
  EXPECT_EQ(early.exit_code, 1) << early.err;
  EXPECT_TRUE(contains(early.out, "ORG.ACT niveau 2 : refusé — niveau proposé non validé"))
      << early.out;
  EXPECT_TRUE(contains(early.out, "aucun résultat (participant absent)")) << early.out;
  EXPECT_FALSE(fs::exists(cohort.dir / "badges"));

  // A named person validates, lowering one level.
  auto validated = cohort.run("validate " + q(cohort.evals / "P-7F3A9C.exit.eval.xml") +
                              " --by 'Sophie Martin' --level ORG.ACT=1 --comment 'vu en entretien'"
                              " --json");
  ASSERT_EQ(validated.exit_code, 0) << validated.err;
  const json::object validation = parse_object(validated);
  for (const auto& c : validation.at("competences").as_array()) {
    if (c.at("competence") == "ORG.ACT") {
      EXPECT_EQ(c.at("proposed"), 2);
      EXPECT_EQ(c.at("validated"), 1);
      EXPECT_EQ(c.at("decision"), "lower");
    }
  }

  // Before consent: refused, and says how to record it.
  auto no_consent = cohort.run("award " + q(cohort.evals));
  EXPECT_EQ(no_consent.exit_code, 1);
  EXPECT_TRUE(contains(no_consent.out, "consentement du participant non recueilli"))
      << no_consent.out;

  auto consent = cohort.run("consent P-7F3A9C --given --how 'formulaire papier signé'");
  ASSERT_EQ(consent.exit_code, 0) << consent.err;

  // Issued: five badges (ORG.ACT at the validated level 1), each a baked PNG and SVG.
  auto awarded = cohort.run("award " + q(cohort.evals) + " --by 'Sophie Martin' --json");
  ASSERT_EQ(awarded.exit_code, 0) << awarded.err << awarded.out;
  json::object report = parse_object(awarded);
  EXPECT_EQ(report.at("issued"), 5);
  EXPECT_EQ(report.at("refused"), 0);
  std::string revoked_id;
  fs::path revoked_png, revoked_svg;
  for (const auto& ev : report.at("evaluations").as_array()) {
    if (!ev.as_object().contains("decisions")) continue;
    for (const auto& d : ev.at("decisions").as_array()) {
      if (d.at("decision") != "issued") continue;
      const auto& files = d.at("files").as_array();
      ASSERT_EQ(files.size(), 2u);
      EXPECT_TRUE(fs::exists(std::string(files[0].as_string())));
      EXPECT_TRUE(fs::exists(std::string(files[1].as_string())));
      if (d.at("competence") == "ORG.ACT") {
        EXPECT_EQ(d.at("level"), 1);
        revoked_id = std::string(d.at("credential").as_string());
        revoked_png = std::string(files[0].as_string());
        revoked_svg = std::string(files[1].as_string());
      }
    }
  }
  ASSERT_FALSE(revoked_id.empty()) << awarded.out;
  EXPECT_EQ(revoked_png.extension(), ".png");
  EXPECT_EQ(revoked_svg.extension(), ".svg");

  // `ecusson verify` accepts both baked images; the status lists were fetched.
  for (const fs::path& image : {revoked_png, revoked_svg}) {
    auto v = run_ecusson("verify --json --allow-private-network --recipient "
                         "camille.lefevre@example.org " + q(image));
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
    EXPECT_EQ(parse_object(v).at("verified"), true) << v.out;
  }
  EXPECT_GT(server.hits("/status/revocation-1.json"), 0);

  // Re-running issues nothing new.
  auto again = cohort.run("award " + q(cohort.evals) + " --json");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(parse_object(again).at("issued"), 0);
  EXPECT_EQ(parse_object(again).at("alreadyIssued"), 5);
  auto list = cohort.run("credentials list --participant P-7F3A9C --json");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(json::parse(list.out).as_array().size(), 5u);

  // The stored documents, in every format issued.
  auto di = cohort.run("credentials show " + revoked_id);
  ASSERT_EQ(di.exit_code, 0) << di.err;
  EXPECT_EQ(json::parse(di.out).at("id"), json::value(revoked_id));
  auto jwt = cohort.run("credentials show " + revoked_id + " --format ob3-jwt");
  ASSERT_EQ(jwt.exit_code, 0) << jwt.err;
  EXPECT_TRUE(jwt.out.starts_with("ey")) << jwt.out;
  EXPECT_EQ(cohort.run("credentials show " + revoked_id + " --format ob2-signed").exit_code, 0);

  // Revoked: `ecusson verify` sees it through the re-signed list.
  auto revoke = cohort.run("revoke " + revoked_id + " --reason 'erreur de saisie'");
  ASSERT_EQ(revoke.exit_code, 0) << revoke.err;
  auto v = run_ecusson("verify --json --allow-private-network " + q(revoked_png));
  EXPECT_EQ(v.exit_code, 1) << v.out;
  auto errors = verify_errors(v);
  EXPECT_NE(std::ranges::find(errors, "status.revoked"), errors.end()) << v.out;
  auto shown = cohort.run("credentials show " + revoked_id + " --json");
  EXPECT_EQ(parse_object(shown).at("status"), "revoked");

  // The audit log keeps who did what.
  auto store = store::open_sqlite_store({.path = cohort.dir / "ecusson.db", .read_only = true});
  ASSERT_OK(store);
  auto audit = (*store)->list_audit();
  ASSERT_OK(audit);
  std::map<std::string, int> actions;
  for (const auto& e : *audit) ++actions[e.action];
  EXPECT_EQ(actions["participant.create"], 5);
  EXPECT_EQ(actions["validation.lower"], 1);
  EXPECT_EQ(actions["consent.given"], 1);
  EXPECT_EQ(actions["credential.issue"], 5);
  EXPECT_EQ(actions["credential.revoke"], 1);
}

TEST(cli_award, participants_import_lists_refused_rows_with_line_numbers) {
  Cohort cohort;
  fs::path csv = cohort.tmp.path() / "personnes.csv";
  {
    std::ofstream out(csv, std::ios::binary);
    out << "\xEF\xBB\xBF"  // Excel's "CSV UTF-8"
        << "ref;given_name;family_name;email;did\r\n"
        << "P-1;Léa;Durand;lea.durand@example.org;\r\n"
        << "P-2;Hugo;Petit;pas-une-adresse;\r\n"
        << ";Nina;Roux;nina.roux@example.org;\r\n"
        << "P-1;Léa;Durand;autre@example.org;\r\n"
        << "P-3;Sam;Faure;sam.faure@example.org;did:key:z6MkExemple\r\n"
        << "P-4;Zoé;Morel\r\n";
  }
  auto r = cohort.run("participants import " + q(csv));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(contains(r.out, "2 créé(s)")) << r.out;
  EXPECT_TRUE(contains(r.err, "personnes.csv:3:email: ligne refusée : adresse e-mail invalide"))
      << r.err;
  EXPECT_TRUE(contains(r.err, "personnes.csv:4:ref: ligne refusée : référence (ref) vide")) << r.err;
  EXPECT_TRUE(contains(r.err, "personnes.csv:5:ref")) << r.err;
  EXPECT_TRUE(contains(r.err, "personnes.csv:7: ligne refusée : 3 champ(s) au lieu de 5")) << r.err;

  // Updated by ref, with ',' this time; an identical row changes nothing.
  {
    std::ofstream out(csv, std::ios::binary | std::ios::trunc);
    out << "ref,given_name,family_name,email,did\n"
        << "P-1,Léa,Durand-Vidal,lea.durand@example.org,\n"
        << "P-3,Sam,Faure,sam.faure@example.org,did:key:z6MkExemple\n";
  }
  auto update = cohort.run("participants import " + q(csv) + " --json");
  ASSERT_EQ(update.exit_code, 0) << update.err;
  auto o = parse_object(update);
  EXPECT_EQ(o.at("updated"), (json::array{"P-1"}));
  EXPECT_EQ(o.at("unchanged"), (json::array{"P-3"}));
  auto list = cohort.run("participants list --json");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(json::parse(list.out).as_array().at(0).at("familyName"), "Durand-Vidal");

  // An unusable file: nothing imported, exit 2.
  {
    std::ofstream out(csv, std::ios::binary | std::ios::trunc);
    out << "ref;prenom;nom\nP-9;A;B\n";
  }
  auto bad = cohort.run("participants import " + q(csv));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(contains(bad.err, "colonne(s) manquante(s)")) << bad.err;
  EXPECT_EQ(cohort.run("participants import " + q(cohort.tmp.path() / "absent.csv")).exit_code, 2);
}

TEST(cli_award, unknown_participant_is_unusable_input) {
  Cohort cohort;  // nobody imported
  auto eval = cohort.add_evaluation("P-7F3A9C.exit.eval.xml");
  auto r = cohort.run("validate " + q(eval) + " --by 'Sophie Martin'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "P-7F3A9C")) << r.err;
  EXPECT_TRUE(contains(r.err, "importez-le d'abord")) << r.err;
  auto award = cohort.run("award " + q(eval));
  EXPECT_EQ(award.exit_code, 2);
  EXPECT_TRUE(contains(award.err, "issuance.unknown_participant")) << award.err;
  auto consent = cohort.run("consent P-INCONNU --given");
  EXPECT_EQ(consent.exit_code, 2);
  EXPECT_TRUE(contains(consent.err, "participant inconnu(e) : P-INCONNU")) << consent.err;
}

TEST(cli_award, level_above_the_proposal_is_refused_and_nothing_validated) {
  Cohort cohort;
  ASSERT_EQ(cohort.import_examples().exit_code, 0);
  auto eval = cohort.add_evaluation("P-7F3A9C.exit.eval.xml");
  auto r = cohort.run("validate " + q(eval) + " --by 'Sophie Martin' --level ORG.ACT=3");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "entre 1 et le niveau proposé (2)")) << r.err;
  EXPECT_EQ(cohort.run("validate " + q(eval) + " --by X --level ORG.ACT").exit_code, 2);
  // Nothing was validated: the award still refuses.
  ASSERT_EQ(cohort.run("consent P-7F3A9C --given").exit_code, 0);
  auto award = cohort.run("award " + q(eval));
  EXPECT_EQ(award.exit_code, 1);
  EXPECT_TRUE(contains(award.out, "niveau proposé non validé")) << award.out;
  // --by is required for a validation.
  EXPECT_EQ(run_ecusson("validate " + q(eval)).exit_code, 2);
  // The evaluation was recorded by the first call: its id is enough now.
  auto by_id = cohort.run("validate EV-2025-0102 --by 'Sophie Martin' --json");
  EXPECT_EQ(by_id.exit_code, 0) << by_id.err;
  EXPECT_EQ(parse_object(by_id).at("recorded"), false);
  EXPECT_EQ(cohort.run("validate EV-INCONNUE --by X").exit_code, 2);
}

TEST(cli_award, withdrawn_consent_refuses_the_award) {
  Cohort cohort;
  auto eval = cohort.ready_to_award();
  auto withdrawn = cohort.run("consent P-7F3A9C --withdrawn --how courriel");
  ASSERT_EQ(withdrawn.exit_code, 0) << withdrawn.err;
  auto r = cohort.run("award " + q(eval));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.out, "refusé — consentement retiré le ")) << r.out;
  EXPECT_TRUE(contains(r.out, "0 émis")) << r.out;
  EXPECT_EQ(cohort.run("consent P-7F3A9C").exit_code, 2);  // neither --given nor --withdrawn
}

TEST(cli_award, status_changes_unknown_id_is_2_and_a_refused_change_is_1) {
  Cohort cohort;
  auto eval = cohort.ready_to_award();
  auto awarded = cohort.run("award " + q(eval) + " --json");
  ASSERT_EQ(awarded.exit_code, 0) << awarded.err;
  auto list = json::parse(cohort.run("credentials list --json").out).as_array();
  ASSERT_FALSE(list.empty());
  std::string id(list.at(0).at("id").as_string());

  auto unknown = cohort.run("revoke urn:uuid:00000000-0000-0000-0000-000000000000 --reason x");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_TRUE(contains(unknown.err, "issuance.not_found")) << unknown.err;
  EXPECT_EQ(cohort.run("credentials show urn:uuid:inconnu").exit_code, 2);
  EXPECT_EQ(cohort.run("revoke " + id).exit_code, 2);  // --reason is required

  // OB 3.0 badges carry one status entry (revocation): suspending is refused, with why.
  auto not_suspended = cohort.run("unsuspend " + id);
  EXPECT_EQ(not_suspended.exit_code, 1);
  auto suspend = cohort.run("suspend " + id + " --reason vérification");
  EXPECT_EQ(suspend.exit_code, 1);
  EXPECT_TRUE(contains(suspend.err, "issuance.suspension_unsupported")) << suspend.err;
  ASSERT_EQ(cohort.run("revoke " + id + " --reason 'erreur de saisie'").exit_code, 0);
  auto twice = cohort.run("revoke " + id + " --reason 'encore'");
  EXPECT_EQ(twice.exit_code, 1);
  EXPECT_TRUE(contains(twice.err, "issuance.status_conflict")) << twice.err;
  auto publish = cohort.run("status publish --json");
  ASSERT_EQ(publish.exit_code, 0) << publish.err;
  EXPECT_TRUE(parse_object(publish).at("signed").as_array().empty());  // nothing changed since
}

TEST(cli_award, key_file_0644_is_a_clear_error) {
  Cohort cohort;
  ASSERT_EQ(cohort.import_examples().exit_code, 0);
  auto eval = cohort.add_evaluation("P-7F3A9C.exit.eval.xml");
  ASSERT_EQ(::chmod((cohort.dir / "keys/ob3-ed25519.pem").c_str(), 0644), 0);
  for (std::string args : {"award " + q(eval), std::string("participants list"),
                           std::string("status publish")}) {
    auto r = cohort.run(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_TRUE(contains(r.err, "issuance.key_mode")) << r.err;
    EXPECT_TRUE(contains(r.err, "chmod 600")) << r.err;
  }
  auto en = run_ecusson("--lang en award " + q(eval) + " --dir " + q(cohort.dir));
  EXPECT_EQ(en.exit_code, 2);
  EXPECT_TRUE(contains(en.err, "other users can read it")) << en.err;
}

TEST(cli_award, english_on_request) {
  Cohort cohort;
  ASSERT_EQ(cohort.import_examples().exit_code, 0);
  auto eval = cohort.add_evaluation("P-7F3A9C.exit.eval.xml");
  auto r = run_ecusson("--lang en award " + q(eval) + " --dir " + q(cohort.dir));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.out, "ORG.ACT level 2 : refused — proposed level not validated"))
      << r.out;
}

}  // namespace
}  // namespace ecusson::test
