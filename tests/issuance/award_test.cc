// issuance award + revocation: a signed, recorded credential that the one verification
// pipeline accepts in both forms (Data Integrity and VC-JWT), exactly once per key, with
// two status entries that publication turns into a revoked or suspended verdict, and OB 2.0
// hosted documents that follow revocations.
#include "ecusson/issuance/award.h"

#include <boost/json.hpp>

#include "ecusson/issuance/revocation.h"
#include "ecusson/store/credentials.h"
#include "ecusson/verify/verify.h"
#include "issuance_fixture.h"

namespace ecusson::test {
namespace {

namespace json = boost::json;
using issuance::AwardRequest;

class AwardTest : public IssuerFixture {
 protected:
  AwardRequest request(const std::string& competence, int level) {
    AwardRequest r;
    r.participant_ref = "P-1";
    r.recipient_email = "camille.martin@example.fr";
    r.achievement = achievement(competence, level);
    r.idempotency_key = store::award_key("P-1", r.achievement.id, "EV-1");
    r.narrative = "Observé en situation de travail :\n- planifie ses tâches";
    return r;
  }
  credentials::VerificationResult verify(const std::string& bytes,
                                         const std::string& recipient = {}) {
    auto f = fetcher();
    verify::VerifyOptions o;
    o.fetcher = &f;
    o.recipient = recipient;
    return verify::verify_credential({bytes, verify::InputHint::automatic, "test"}, o);
  }
  void SetUp() override {
    IssuerFixture::SetUp();
    add_participant("P-1", "camille.martin@example.fr");
  }
};

bool has_error(const credentials::VerificationResult& r, std::string_view code) {
  auto errors = r.errors();
  return std::ranges::find(errors, code) != errors.end();
}

TEST_F(AwardTest, issued_credential_verifies_as_data_integrity_and_as_vc_jwt) {
  auto r = issuance::award(db(), issuer(), request("ORG.ACT", 2), "cm@mde.example.fr");
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_TRUE(r->created);
  const auto& c = r->credential;
  ASSERT_TRUE(c.documents.contains("ob3-di"));
  ASSERT_TRUE(c.documents.contains("ob3-jwt"));
  ASSERT_TRUE(c.documents.contains("ob2-hosted"));
  ASSERT_TRUE(c.documents.contains("ob2-signed"));
  // Status lists are published before a verifier can check them.
  ASSERT_TRUE(issuance::publish_status(db(), issuer()).has_value());
  auto di = verify(c.documents.at("ob3-di"), "camille.martin@example.fr");
  EXPECT_TRUE(di.verified) << json::serialize(credentials::to_json(di));
  auto jwt = verify(c.documents.at("ob3-jwt"), "camille.martin@example.fr");
  EXPECT_TRUE(jwt.verified) << json::serialize(credentials::to_json(jwt));
  auto wrong = verify(c.documents.at("ob3-di"), "quelquun.dautre@example.fr");
  EXPECT_FALSE(wrong.verified);
}

TEST_F(AwardTest, credential_carries_the_catalogue_achievement_result_status_and_array_proof) {
  auto r = issuance::award(db(), issuer(), request("ORG.ACT", 2), "cm");
  ASSERT_TRUE(r.has_value()) << r.error().message;
  auto doc = json::parse(r->credential.documents.at("ob3-di")).as_object();
  const auto& subject = doc.at("credentialSubject").as_object();
  auto stored = achievement("ORG.ACT", 2);
  EXPECT_EQ(subject.at("achievement"), json::parse(stored.document));
  const auto& result = subject.at("result").as_array().at(0).as_object();
  EXPECT_EQ(result.at("achievedLevel").as_string(),
            issuance::rubric_level_id(issuer().base.url, grid.id, grid.version, "ORG.ACT", 2));
  // achievedLevel is one of the rubric levels of the achievement's resultDescription.
  bool found = false;
  for (const auto& rd : subject.at("achievement").at("resultDescription").as_array()) {
    EXPECT_EQ(rd.at("id"), result.at("resultDescription"));
    for (const auto& l : rd.at("rubricCriterionLevel").as_array())
      found = found || l.at("id") == result.at("achievedLevel");
  }
  EXPECT_TRUE(found);
  ASSERT_TRUE(doc.at("proof").is_array());
  EXPECT_EQ(doc.at("proof").as_array().size(), 1u);
  // One credentialStatus object (OB 3.0 and 1EdTech's schema allow no more).
  const auto& status = doc.at("credentialStatus").as_object();
  EXPECT_EQ(status.at("type"), "BitstringStatusListEntry");
  EXPECT_EQ(status.at("statusPurpose"), "revocation");
  ASSERT_EQ(r->credential.status.size(), 1u);
  EXPECT_EQ(std::string(status.at("statusListIndex").as_string()),
            std::to_string(r->credential.status[0].index));
  // The recipient is hashed, never in clear.
  EXPECT_EQ(r->credential.documents.at("ob3-di").find("camille.martin"), std::string::npos);
  EXPECT_NE(json::serialize(doc.at("evidence")).find("planifie ses tâches"), std::string::npos);
}

TEST_F(AwardTest, same_key_never_gives_a_second_credential) {
  auto first = issuance::award(db(), issuer(), request("ORG.ACT", 2), "cm");
  auto again = issuance::award(db(), issuer(), request("ORG.ACT", 2), "cm");
  ASSERT_TRUE(first && again);
  EXPECT_TRUE(first->created);
  EXPECT_FALSE(again->created);
  EXPECT_EQ(first->credential.id, again->credential.id);
  // Racing signers: both prepared and signed, the second record returns the first.
  auto p1 = issuance::prepare_award(db(), issuer(), request("ORG.REG", 1));
  auto p2 = issuance::prepare_award(db(), issuer(), request("ORG.REG", 1));
  ASSERT_TRUE(p1 && p2);
  auto s1 = issuance::sign_award(issuer(), *p1);
  auto s2 = issuance::sign_award(issuer(), *p2);
  ASSERT_TRUE(s1 && s2);
  auto r1 = issuance::record_award(db(), issuer(), *s1, "cm");
  auto r2 = issuance::record_award(db(), issuer(), *s2, "cm");
  ASSERT_TRUE(r1 && r2);
  EXPECT_TRUE(r1->created);
  EXPECT_FALSE(r2->created);
  EXPECT_EQ(r2->credential.id, s1->credential.id);
  auto all = db().list_credentials();
  ASSERT_TRUE(all.has_value());
  EXPECT_EQ(all->size(), 2u);
  auto audit = db().list_audit();
  ASSERT_TRUE(audit.has_value());
  int issues = 0;
  for (const auto& e : *audit) issues += e.action == "credential.issue";
  EXPECT_EQ(issues, 2);
}

TEST_F(AwardTest, revoked_badges_are_seen_so_by_the_verifier_and_suspension_is_refused) {
  auto a = issuance::award(db(), issuer(), request("ORG.ACT", 2), "cm");
  auto b = issuance::award(db(), issuer(), request("ORG.REG", 1), "cm");
  ASSERT_TRUE(a && b);
  auto rev = issuance::change_status(db(), issuer(), a->credential.id,
                                     issuance::StatusChange::revoke, "erreur de saisie", "cm");
  ASSERT_TRUE(rev.has_value()) << rev.error().message;
  EXPECT_FALSE(rev->published.signed_lists.empty());
  // OB 3.0 carries one status entry (revocation): a suspension would be invisible.
  auto sus = issuance::change_status(db(), issuer(), b->credential.id,
                                     issuance::StatusChange::suspend, "vérification", "cm");
  ASSERT_FALSE(sus.has_value());
  EXPECT_EQ(sus.error().code, "issuance.suspension_unsupported");
  for (const char* format : {"ob3-di", "ob3-jwt"}) {
    auto ra = verify(a->credential.documents.at(format));
    EXPECT_FALSE(ra.verified);
    EXPECT_TRUE(has_error(ra, "status.revoked")) << json::serialize(credentials::to_json(ra));
    EXPECT_TRUE(verify(b->credential.documents.at(format)).verified);
  }
  // OB 2.0: the hosted assertion says revoked, and the revocation list names both forms.
  auto hosted = json::parse(a->credential.documents.at("ob2-hosted")).as_object();
  auto path = issuer().public_file(std::string(hosted.at("id").as_string()));
  auto gone = json::parse(read_file(path)).as_object();
  EXPECT_EQ(gone.at("revoked"), true);
  EXPECT_EQ(gone.at("revocationReason"), "erreur de saisie");
  auto hosted_verdict = verify(std::string(hosted.at("id").as_string()));
  EXPECT_FALSE(hosted_verdict.verified);
  auto signed_verdict = verify(a->credential.documents.at("ob2-signed"));
  EXPECT_FALSE(signed_verdict.verified) << json::serialize(credentials::to_json(signed_verdict));
  auto ob2_b = verify(b->credential.documents.at("ob2-signed"));
  EXPECT_TRUE(ob2_b.verified) << json::serialize(credentials::to_json(ob2_b));
}

TEST_F(AwardTest, status_changes_refused_with_reasons) {
  auto a = issuance::award(db(), issuer(), request("ORG.ACT", 2), "cm");
  ASSERT_TRUE(a.has_value());
  using issuance::StatusChange;
  auto no_reason = issuance::change_status(db(), issuer(), a->credential.id, StatusChange::revoke,
                                           " ", "cm");
  ASSERT_FALSE(no_reason.has_value());
  EXPECT_EQ(no_reason.error().code, "issuance.bad_option");
  auto unknown = issuance::change_status(db(), issuer(), "urn:uuid:nope", StatusChange::revoke,
                                         "x", "cm");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, "issuance.not_found");
  auto not_suspendable = issuance::change_status(db(), issuer(), a->credential.id,
                                                 StatusChange::unsuspend, "", "cm");
  ASSERT_FALSE(not_suspendable.has_value());
  EXPECT_EQ(not_suspendable.error().code, "issuance.suspension_unsupported");
  ASSERT_TRUE(issuance::change_status(db(), issuer(), a->credential.id, StatusChange::revoke,
                                      "x", "cm"));
  auto twice = issuance::change_status(db(), issuer(), a->credential.id, StatusChange::revoke,
                                       "x", "cm");
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, "issuance.status_conflict");
}

TEST_F(AwardTest, publication_signs_only_lists_that_changed) {
  auto first = issuance::publish_status(db(), issuer());
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->signed_lists.size(), 1u);  // never signed before
  auto second = issuance::publish_status(db(), issuer());
  ASSERT_TRUE(second.has_value());
  EXPECT_TRUE(second->signed_lists.empty());
  auto lists = db().list_status_lists(issuer().profile.id);
  ASSERT_TRUE(lists.has_value());
  ASSERT_EQ(lists->size(), 1u);
  for (const auto& l : *lists) {
    EXPECT_GE(l.size, 131072u);
    auto text = read_file(issuer().public_file(l.id));
    // A status list is a plain VC, not a badge: only the OB structure checks fail.
    auto v = verify(text);
    for (const auto& code : v.errors()) EXPECT_TRUE(code.starts_with("structure.")) << code;
    bool signature = false;
    for (const auto& c : v.checks)
      signature = signature || (c.code == "proof.signature" && c.status == credentials::CheckStatus::passed);
    EXPECT_TRUE(signature) << json::serialize(credentials::to_json(v));
  }
}

TEST_F(AwardTest, key_file_readable_by_others_is_never_used) {
  auto key = tmp.path() / "var" / "keys" / "ob3-ed25519.pem";
  std::filesystem::permissions(key, std::filesystem::perms(0644));
  auto d = issuance::open_data_dir({.dir = tmp.path() / "var"});
  ASSERT_FALSE(d.has_value());
  EXPECT_EQ(d.error().code, "issuance.key_mode");
  std::filesystem::remove(key);
  auto gone = issuance::open_data_dir({.dir = tmp.path() / "var"});
  ASSERT_FALSE(gone.has_value());
  EXPECT_EQ(gone.error().code, "issuance.key_missing");
  auto none = issuance::open_data_dir({.dir = tmp.path() / "nothing"});
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().code, "issuance.not_initialised");
}

}  // namespace
}  // namespace ecusson::test
