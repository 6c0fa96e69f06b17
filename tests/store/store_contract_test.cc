// The repository contract: what every Store backend must do, run once per factory
// (store_factory.h). Only the public Store interface is used here, never SQL.
#include "ecusson/store/store.h"

#include <algorithm>
#include <bit>
#include <set>
#include <stdexcept>
#include <thread>

#include "store_factory.h"
#include "test_support.h"

namespace ecusson::store {
namespace {

using test::StoreFactory;

constexpr const char* kT0 = "2025-03-17T09:00:00Z";
constexpr const char* kT1 = "2025-03-17T10:00:00Z";
constexpr const char* kT2 = "2025-03-17T11:00:00Z";
constexpr const char* kIssuer = "did:key:z6MkIssuer";
constexpr const char* kRevocation = "http://127.0.0.1:8080/status/revocation/1";
constexpr const char* kSuspension = "http://127.0.0.1:8080/status/suspension/1";

class store_contract : public ::testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override {
    auto s = GetParam().open(dir_.path());
    ASSERT_OK(s);
    store_ = std::move(*s);
  }
  Store& store() { return *store_; }

  void add_person(const std::string& ref, const std::string& email = {}) {
    ASSERT_OK(store().add_participant({ref, "Camille", "Martin", email, std::nullopt, kT0}));
  }
  void add_issuer() {
    ASSERT_OK(store().put_issuer({kIssuer, "PLIE Exemple", "https://plie.example",
                                  "contact@plie.example", "http://127.0.0.1:8080", "", kT0, kT0}));
  }
  Achievement achievement(const std::string& competence, int level) {
    return {"http://127.0.0.1:8080/achievements/rectec-style-fr/1.0.0/" + competence + "/" +
                std::to_string(level),
            "rectec-style-fr", "1.0.0", competence, level,
            competence + " — niveau " + std::to_string(level), R"({"type":["Achievement"]})", kT0};
  }
  /// Participant P1, achievement ORG.ACT/2, evaluation EV-1 with ORG.ACT proposed at 2.
  void seed_award() {
    add_person("P1", "camille@example.org");
    ASSERT_OK(store().put_achievement(achievement("ORG.ACT", 2)));
    ASSERT_OK(store().add_evaluation(
        {"EV-1", "P1", "rectec-style-fr", "1.0.0", "exit", "sha256:00", kT0},
        {{"EV-1", "ORG.ACT", 2, "attained"}, {"EV-1", "COM.ORAL", std::nullopt, "in-progress"}}));
  }
  void seed_lists() {
    add_issuer();
    ASSERT_OK(store().create_status_list(kRevocation, kIssuer, StatusPurpose::revocation,
                                         kMinStatusListSize, kT0));
    ASSERT_OK(store().create_status_list(kSuspension, kIssuer, StatusPurpose::suspension,
                                         kMinStatusListSize, kT0));
  }
  Credential credential(const std::string& id, const std::string& evaluation = "EV-1") {
    Credential c;
    c.id = id;
    c.participant_ref = "P1";
    c.achievement_id = achievement("ORG.ACT", 2).id;
    c.evaluation_id = evaluation;
    c.idempotency_key = award_key("P1", c.achievement_id, evaluation);
    c.documents = {{"ob3-di", R"({"id":")" + id + R"("})"}, {"ob3-jwt", "eyJ.e30.sig"}};
    c.issued_at = kT1;
    return c;
  }
  Credential credential_with_status(const std::string& id) {
    Credential c = credential(id);
    auto r = store().allocate_status_index(kRevocation);
    auto s = store().allocate_status_index(kSuspension);
    EXPECT_OK(r);
    EXPECT_OK(s);
    c.status = {{kRevocation, StatusPurpose::revocation, r ? *r : 0},
                {kSuspension, StatusPurpose::suspension, s ? *s : 0}};
    return c;
  }
  static bool bit(const StatusList& l, std::uint64_t i) {
    return (static_cast<unsigned char>(l.bits[i / 8]) >> (7 - i % 8)) & 1u;
  }

  ecusson::test::TempDir dir_;
  std::unique_ptr<Store> store_;
};

// --- Issuers, keys, catalogue ------------------------------------------------------------------

TEST_P(store_contract, issuer_put_twice_updates_and_keeps_created_at) {
  add_issuer();
  IssuerProfile changed{kIssuer, "PLIE Exemple (renommé)", "", "", "https://badges.example",
                        R"({"type":"Profile"})", kT2, kT2};
  ASSERT_OK(store().put_issuer(changed));
  auto got = store().get_issuer(kIssuer);
  ASSERT_OK(got);
  EXPECT_EQ(got->name, "PLIE Exemple (renommé)");
  EXPECT_EQ(got->base_url, "https://badges.example");
  EXPECT_EQ(got->created_at, kT0);
  EXPECT_EQ(got->updated_at, kT2);
  EXPECT_EQ(store().list_issuers()->size(), 1u);
  EXPECT_ERROR(store().get_issuer("did:key:nobody"), "store.not_found");
}

TEST_P(store_contract, key_references_never_hold_private_material) {
  add_issuer();
  KeyRef key{std::string(kIssuer) + "#z6MkIssuer", kIssuer, "Ed25519", "var/keys/ed25519.pem",
             R"({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"})",
             kT0, std::nullopt};
  ASSERT_OK(store().add_key(key));
  KeyRef pem = key;
  pem.id += "-pem";
  pem.public_key = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI...\n-----END PRIVATE KEY-----";
  EXPECT_ERROR(store().add_key(pem), "store.constraint");
  KeyRef jwk = key;
  jwk.id += "-jwk";
  jwk.public_key = R"({"kty":"OKP","crv":"Ed25519","x":"abc", "d" : "secret"})";
  EXPECT_ERROR(store().add_key(jwk), "store.constraint");
  KeyRef orphan = key;
  orphan.id = "did:key:other#k";
  orphan.issuer_id = "did:key:other";
  EXPECT_ERROR(store().add_key(orphan), "store.constraint");  // foreign key

  ASSERT_OK(store().retire_key(key.id, kT2));
  auto keys = store().list_keys(kIssuer);
  ASSERT_OK(keys);
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_EQ(keys->front().retired_at, std::optional<std::string>(kT2));
  EXPECT_ERROR(store().retire_key("nope", kT2), "store.not_found");
}

TEST_P(store_contract, an_achievement_is_unique_per_grid_version_competence_and_level) {
  Achievement a = achievement("ORG.ACT", 2);
  auto first = store().put_achievement(a);
  ASSERT_OK(first);
  EXPECT_EQ(*first, a);
  Achievement again = a;
  again.id = "http://elsewhere/achievement";
  again.name = "autre nom";
  auto second = store().put_achievement(again);
  ASSERT_OK(second);
  EXPECT_EQ(*second, a) << "the stored achievement is returned, never rewritten";
  Achievement other_version = a;
  other_version.grid_version = "1.1.0";
  EXPECT_ERROR(store().put_achievement(other_version), "store.constraint");  // same id
  other_version.id += "-v1.1";
  ASSERT_OK(store().put_achievement(other_version));
  EXPECT_EQ(store().list_achievements("rectec-style-fr", "1.0.0")->size(), 1u);
  auto found = store().find_achievement("rectec-style-fr", "1.1.0", "ORG.ACT", 2);
  ASSERT_OK(found);
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->id, other_version.id);
  EXPECT_FALSE(store().find_achievement("rectec-style-fr", "1.0.0", "ORG.ACT", 3)->has_value());
  EXPECT_ERROR(store().get_achievement("nope"), "store.not_found");
}

// --- Participants, foreign keys, transactions -------------------------------------------------

TEST_P(store_contract, participants_are_found_by_ref_and_by_email_ignoring_case) {
  add_person("P1", "Camille.Martin@Example.org");
  add_person("P2");  // no e-mail
  add_person("P3");  // no e-mail either: absent e-mails never collide
  auto by_email = store().find_participant_by_email("camille.martin@example.org");
  ASSERT_OK(by_email);
  ASSERT_TRUE(by_email->has_value());
  EXPECT_EQ((*by_email)->ref, "P1");
  EXPECT_FALSE(store().find_participant_by_email("")->has_value());
  EXPECT_ERROR(store().add_participant({"P4", "A", "B", "CAMILLE.martin@example.org",
                                        std::nullopt, kT0}),
               "store.constraint");
  EXPECT_ERROR(store().add_participant({"P1", "A", "B", "", std::nullopt, kT0}),
               "store.constraint");
  Participant p2 = *store().get_participant("P2");
  p2.did = "did:key:z6MkPerson";
  p2.email = "p2@example.org";
  ASSERT_OK(store().update_participant(p2));
  EXPECT_EQ(*store().get_participant("P2"), p2);
  EXPECT_ERROR(store().update_participant({"P9", "A", "B", "", std::nullopt, kT0}),
               "store.not_found");
  EXPECT_EQ(store().list_participants()->size(), 3u);
}

TEST_P(store_contract, foreign_keys_are_enforced) {
  EXPECT_ERROR(store().add_evaluation({"EV-9", "NOBODY", "g", "1", "exit", "sha256:00", kT0}, {}),
               "store.constraint");
  EXPECT_ERROR(store().record_consent({"NOBODY", ConsentState::given, kT0, "oral", "cm"}),
               "store.constraint");
  seed_award();
  Credential c = credential("urn:uuid:1");
  c.achievement_id = "http://unknown/achievement";
  EXPECT_ERROR(store().insert_credential(c), "store.constraint");
  c = credential("urn:uuid:1", "EV-UNKNOWN");
  EXPECT_ERROR(store().insert_credential(c), "store.constraint");
  EXPECT_ERROR(store().create_status_list(kRevocation, "did:key:unknown",
                                          StatusPurpose::revocation, kMinStatusListSize, kT0),
               "store.constraint");
}

TEST_P(store_contract, a_failed_multi_step_write_leaves_nothing_behind) {
  add_person("P1");
  // The second result has a status the schema refuses: the evaluation must not remain.
  EXPECT_ERROR(store().add_evaluation({"EV-1", "P1", "g", "1", "exit", "sha256:00", kT0},
                                      {{"EV-1", "ORG.ACT", 2, "attained"},
                                       {"EV-1", "COM.ORAL", 1, "almost"}}),
               "store.constraint");
  EXPECT_ERROR(store().get_evaluation("EV-1"), "store.not_found");
  EXPECT_TRUE(store().list_results("EV-1")->empty());
  EXPECT_ERROR(store().add_evaluation({"EV-1", "P1", "g", "1", "exit", "sha256:00", kT0},
                                      {{"EV-1", "ORG.ACT", 2, "attained"},
                                       {"EV-2", "COM.ORAL", 1, "attained"}}),
               "store.invalid");
  EXPECT_ERROR(store().get_evaluation("EV-1"), "store.not_found");

  // transact: an Error from the work rolls every call back.
  auto r = store().transact([&](Store& s) -> Result<void> {
    if (auto a = s.add_participant({"P2", "A", "B", "", std::nullopt, kT0}); !a) return a.error();
    if (auto c = s.record_consent({"P2", ConsentState::given, kT0, "oral", "cm"}); !c)
      return c.error();
    return fail("test.stop", "arrêt voulu");
  });
  EXPECT_ERROR(r, "test.stop");
  EXPECT_ERROR(store().get_participant("P2"), "store.not_found");
  EXPECT_FALSE(store().current_consent("P2")->has_value());

  // …and so does an exception, which is rethrown.
  EXPECT_THROW((void)store().transact([&](Store& s) -> Result<void> {
    (void)s.add_participant({"P3", "A", "B", "", std::nullopt, kT0});
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_ERROR(store().get_participant("P3"), "store.not_found");

  // The store is still usable, and a successful transact commits everything.
  ASSERT_OK(store().transact([&](Store& s) -> Result<void> {
    if (auto a = s.add_participant({"P4", "A", "B", "", std::nullopt, kT0}); !a) return a.error();
    // A failed inner call is undone alone; the outer work goes on.
    auto dup = s.add_participant({"P4", "dup", "dup", "", std::nullopt, kT0});
    EXPECT_TRUE(!dup && dup.error().code == "store.constraint");
    auto inner = s.transact([&](Store& t) -> Result<void> {
      (void)t.add_participant({"P5", "A", "B", "", std::nullopt, kT0});
      return fail("test.inner", "annulé");
    });
    EXPECT_FALSE(inner.has_value());
    return s.record_consent({"P4", ConsentState::given, kT0, "oral", "cm"});
  }));
  EXPECT_OK(store().get_participant("P4"));
  EXPECT_ERROR(store().get_participant("P5"), "store.not_found");
  EXPECT_TRUE(store().current_consent("P4")->has_value());
}

// --- Consents and validations ------------------------------------------------------------------

TEST_P(store_contract, the_latest_consent_is_the_current_state) {
  add_person("P1");
  EXPECT_FALSE(store().current_consent("P1")->has_value()) << "never asked: no consent";
  ASSERT_OK(store().record_consent({"P1", ConsentState::given, kT0, "formulaire signé", "cm"}));
  EXPECT_EQ((*store().current_consent("P1"))->state, ConsentState::given);
  ASSERT_OK(store().record_consent({"P1", ConsentState::withdrawn, kT2, "courriel", "cm"}));
  EXPECT_EQ((*store().current_consent("P1"))->state, ConsentState::withdrawn);
  // Entered late but dated earlier: the withdrawal at kT2 stays the latest.
  ASSERT_OK(store().record_consent({"P1", ConsentState::given, kT1, "oral", "cm"}));
  EXPECT_EQ((*store().current_consent("P1"))->state, ConsentState::withdrawn);
  // Same instant: the one recorded last wins.
  ASSERT_OK(store().record_consent({"P1", ConsentState::given, kT2, "oral, en entretien", "cm"}));
  auto now = store().current_consent("P1");
  ASSERT_OK(now);
  EXPECT_EQ((*now)->state, ConsentState::given);
  EXPECT_EQ((*now)->how, "oral, en entretien");
  auto history = store().consent_history("P1");
  ASSERT_OK(history);
  ASSERT_EQ(history->size(), 4u);
  EXPECT_EQ(history->front().at, kT0);
}

TEST_P(store_contract, validations_confirm_or_lower_and_the_latest_is_in_force) {
  seed_award();
  EXPECT_FALSE(store().current_validation("EV-1", "ORG.ACT")->has_value());
  EXPECT_ERROR(store().record_validation({"EV-1", "ORG.ACT", "cm", kT1, Decision::confirm, 3, ""}),
               "store.invalid");
  EXPECT_ERROR(store().record_validation({"EV-1", "ORG.ACT", "cm", kT1, Decision::lower, 2, ""}),
               "store.invalid");
  EXPECT_ERROR(store().record_validation({"EV-1", "COM.ORAL", "cm", kT1, Decision::confirm, 1, ""}),
               "store.invalid");  // nothing proposed
  EXPECT_ERROR(store().record_validation({"EV-1", "NOPE", "cm", kT1, Decision::confirm, 1, ""}),
               "store.not_found");
  ASSERT_OK(store().record_validation({"EV-1", "ORG.ACT", "cm", kT1, Decision::confirm, 2, ""}));
  ASSERT_OK(store().record_validation(
      {"EV-1", "ORG.ACT", "referente", kT2, Decision::lower, 1, "une seule observation"}));
  auto v = store().current_validation("EV-1", "ORG.ACT");
  ASSERT_OK(v);
  ASSERT_TRUE(v->has_value());
  EXPECT_EQ((*v)->decision, Decision::lower);
  EXPECT_EQ((*v)->level, 1);
  EXPECT_EQ((*v)->by, "referente");
  EXPECT_EQ(store().list_validations("EV-1")->size(), 2u);
  auto results = store().list_results("EV-1");
  ASSERT_OK(results);
  ASSERT_EQ(results->size(), 2u);
  EXPECT_EQ(results->at(0).competence_id, "COM.ORAL");
  EXPECT_EQ(results->at(0).proposed_level, std::nullopt);
  EXPECT_EQ(results->at(1).proposed_level, std::optional<int>(2));
  EXPECT_EQ(store().list_evaluations("P1")->size(), 1u);
}

// --- Credentials and status lists ---------------------------------------------------------------

TEST_P(store_contract, inserting_the_same_award_twice_returns_the_first_credential) {
  seed_award();
  auto first = store().insert_credential(credential("urn:uuid:first"));
  ASSERT_OK(first);
  EXPECT_TRUE(first->created);
  EXPECT_EQ(first->credential, credential("urn:uuid:first"));
  // A second run signs again (new id, new documents): the store keeps the first.
  Credential repeat = credential("urn:uuid:second");
  repeat.documents["ob3-di"] = R"({"other":true})";
  auto second = store().insert_credential(repeat);
  ASSERT_OK(second);
  EXPECT_FALSE(second->created);
  EXPECT_EQ(second->credential, first->credential);
  EXPECT_EQ(store().list_credentials()->size(), 1u);
  EXPECT_ERROR(store().get_credential("urn:uuid:second"), "store.not_found");
  auto by_key = store().find_credential_by_key(repeat.idempotency_key);
  ASSERT_OK(by_key);
  ASSERT_TRUE(by_key->has_value());
  EXPECT_EQ((*by_key)->id, "urn:uuid:first");

  // Another evaluation is another award; an id reused under another key is refused.
  ASSERT_OK(store().add_evaluation({"EV-2", "P1", "rectec-style-fr", "1.0.0", "exit",
                                    "sha256:01", kT1}, {}));
  EXPECT_ERROR(store().insert_credential(credential("urn:uuid:first", "EV-2")),
               "store.constraint");
  auto other = store().insert_credential(credential("urn:uuid:third", "EV-2"));
  ASSERT_OK(other);
  EXPECT_TRUE(other->created);
  CredentialFilter by_eval;
  by_eval.evaluation_id = "EV-2";
  EXPECT_EQ(store().list_credentials(by_eval)->size(), 1u);
  Credential empty = credential("urn:uuid:empty");
  empty.idempotency_key = "batch:row:7";
  empty.documents.clear();
  EXPECT_ERROR(store().insert_credential(empty), "store.invalid");
}

TEST_P(store_contract, award_keys_are_stable_and_unambiguous) {
  EXPECT_EQ(award_key("P1", "https://x/a/1", "EV-1"), "award:2:P1|13:https://x/a/1|4:EV-1");
  EXPECT_EQ(award_key("a", "b", "c"), award_key("a", "b", "c"));
  EXPECT_NE(award_key("a|1:b", "c", ""), award_key("a", "b|1:c", ""));
}

TEST_P(store_contract, status_index_blocks_follow_single_indices_without_overlap) {
  seed_award();
  seed_lists();
  EXPECT_EQ(*store().allocate_status_index(kRevocation), 0u);
  auto block = store().allocate_status_indices(kRevocation, 256);
  ASSERT_OK(block);
  EXPECT_EQ(*block, (StatusIndexRange{1, 256}));
  EXPECT_EQ(*store().allocate_status_index(kRevocation), 257u);
  EXPECT_ERROR(store().allocate_status_indices(kRevocation, 0), "store.invalid");
  EXPECT_ERROR(store().allocate_status_indices("http://nope", 4), "store.not_found");
  EXPECT_EQ(store().get_status_list(kRevocation)->next_index, 258u);
  // Indices of a block are allocated: a credential may use one.
  Credential c = credential("urn:uuid:b");
  c.status = {{kRevocation, StatusPurpose::revocation, 200}};
  ASSERT_OK(store().insert_credential(c));
}

TEST_P(store_contract, status_indices_are_allocated_once_and_checked_on_insert) {
  seed_award();
  seed_lists();
  EXPECT_EQ(*store().allocate_status_index(kRevocation), 0u);
  EXPECT_EQ(*store().allocate_status_index(kRevocation), 1u);
  EXPECT_ERROR(store().allocate_status_index("http://nope"), "store.not_found");
  Credential c = credential("urn:uuid:1");
  c.status = {{kRevocation, StatusPurpose::revocation, 5}};  // never handed out
  EXPECT_ERROR(store().insert_credential(c), "store.constraint");
  c.status = {{kRevocation, StatusPurpose::suspension, 1}};  // wrong purpose
  EXPECT_ERROR(store().insert_credential(c), "store.invalid");
  c.status = {{kRevocation, StatusPurpose::revocation, 1}};
  ASSERT_OK(store().insert_credential(c));
  Credential d = credential("urn:uuid:2");
  d.idempotency_key = "batch:row:2";
  d.status = {{kRevocation, StatusPurpose::revocation, 1}};  // taken by urn:uuid:1
  EXPECT_ERROR(store().insert_credential(d), "store.constraint");
  EXPECT_ERROR(store().get_credential("urn:uuid:2"), "store.not_found");
  EXPECT_ERROR(store().create_status_list("http://small", kIssuer, StatusPurpose::revocation,
                                          1024, kT0),
               "store.invalid");
  auto list = store().get_status_list(kRevocation);
  ASSERT_OK(list);
  EXPECT_EQ(list->size, kMinStatusListSize);
  EXPECT_EQ(list->bits.size(), kMinStatusListSize / 8);
  EXPECT_EQ(list->next_index, 2u);
  EXPECT_EQ(store().list_status_lists(kIssuer)->size(), 2u);
}

TEST_P(store_contract, status_index_allocation_is_unique_under_concurrency) {
  seed_lists();
  constexpr int kPerThread = 150;
  std::vector<std::uint64_t> got[2];
  std::string errors[2];
  auto work = [&](int t) {
    auto s = GetParam().open(dir_.path());  // its own connection
    if (!s) {
      errors[t] = s.error().to_string();
      return;
    }
    for (int i = 0; i < kPerThread; ++i) {
      auto index = (*s)->allocate_status_index(kRevocation);
      if (!index) {
        errors[t] = index.error().to_string();
        return;
      }
      got[t].push_back(*index);
    }
  };
  std::thread a(work, 0), b(work, 1);
  a.join();
  b.join();
  ASSERT_EQ(errors[0], "");
  ASSERT_EQ(errors[1], "");
  std::set<std::uint64_t> all(got[0].begin(), got[0].end());
  all.insert(got[1].begin(), got[1].end());
  EXPECT_EQ(all.size(), 2u * kPerThread) << "an index was handed out twice";
  EXPECT_EQ(*all.begin(), 0u);
  EXPECT_EQ(*all.rbegin(), 2u * kPerThread - 1);
  EXPECT_TRUE(std::is_sorted(got[0].begin(), got[0].end()));
  EXPECT_EQ(store().get_status_list(kRevocation)->next_index, 2u * kPerThread);
}

TEST_P(store_contract, revoke_suspend_unsuspend_round_trip) {
  seed_award();
  seed_lists();
  Credential c = credential_with_status("urn:uuid:1");
  ASSERT_OK(store().insert_credential(c));
  const std::uint64_t r_index = c.status[0].index, s_index = c.status[1].index;
  const std::uint64_t r_version = store().get_status_list(kRevocation)->version;
  const std::uint64_t s_version = store().get_status_list(kSuspension)->version;

  auto suspended = store().suspend_credential(c.id, "vérification en cours", kT1);
  ASSERT_OK(suspended);
  EXPECT_EQ(suspended->suspended_at, std::optional<std::string>(kT1));
  EXPECT_EQ(suspended->suspension_reason, "vérification en cours");
  auto sl = store().get_status_list(kSuspension);
  EXPECT_TRUE(bit(*sl, s_index));
  EXPECT_EQ(sl->version, s_version + 1) << "a changed list must be re-signed";
  EXPECT_ERROR(store().suspend_credential(c.id, "encore", kT1), "store.conflict");

  auto lifted = store().unsuspend_credential(c.id, kT2);
  ASSERT_OK(lifted);
  EXPECT_EQ(lifted->suspended_at, std::nullopt);
  sl = store().get_status_list(kSuspension);
  EXPECT_FALSE(bit(*sl, s_index));
  EXPECT_EQ(sl->version, s_version + 2);
  EXPECT_ERROR(store().unsuspend_credential(c.id, kT2), "store.conflict");

  auto revoked = store().revoke_credential(c.id, "erreur de saisie", kT2);
  ASSERT_OK(revoked);
  EXPECT_EQ(revoked->revoked_at, std::optional<std::string>(kT2));
  EXPECT_EQ(revoked->revocation_reason, "erreur de saisie");
  auto rl = store().get_status_list(kRevocation);
  EXPECT_TRUE(bit(*rl, r_index));
  EXPECT_EQ(rl->version, r_version + 1);
  EXPECT_ERROR(store().revoke_credential(c.id, "encore", kT2), "store.conflict");
  EXPECT_ERROR(store().suspend_credential(c.id, "x", kT2), "store.conflict");
  EXPECT_ERROR(store().unsuspend_credential(c.id, kT2), "store.conflict");
  EXPECT_ERROR(store().revoke_credential("urn:uuid:none", "x", kT2), "store.not_found");
  CredentialFilter active;
  active.include_revoked = false;
  EXPECT_TRUE(store().list_credentials(active)->empty());
  // Only that credential's bit is set.
  std::size_t set_bits = 0;
  for (char byte : rl->bits) set_bits += std::popcount(static_cast<unsigned char>(byte));
  EXPECT_EQ(set_bits, 1u);
}

TEST_P(store_contract, a_status_list_signature_must_match_the_current_version) {
  seed_award();
  seed_lists();
  Credential c = credential_with_status("urn:uuid:1");
  ASSERT_OK(store().insert_credential(c));
  auto list = store().get_status_list(kRevocation);
  ASSERT_OK(list);
  EXPECT_EQ(list->signed_version, 0u);
  ASSERT_OK(store().put_status_list_signature(kRevocation, list->version, "{signed v1}", kT1));
  ASSERT_OK(store().revoke_credential(c.id, "fraude", kT2));
  // Signed from the old version: refused, the list must be signed again.
  EXPECT_ERROR(store().put_status_list_signature(kRevocation, list->version, "{stale}", kT2),
               "store.conflict");
  auto now = store().get_status_list(kRevocation);
  EXPECT_EQ(now->signed_credential, std::optional<std::string>("{signed v1}"));
  EXPECT_LT(now->signed_version, now->version);
  ASSERT_OK(store().put_status_list_signature(kRevocation, now->version, "{signed v2}", kT2));
  EXPECT_EQ(store().get_status_list(kRevocation)->signed_version, now->version);
  EXPECT_ERROR(store().put_status_list_signature("http://nope", 1, "{}", kT2), "store.not_found");
}

// --- Tokens and audit -----------------------------------------------------------------------------

TEST_P(store_contract, api_tokens_are_stored_as_hashes_and_revoked) {
  const std::string hash = "sha256:" + std::string(64, 'a');
  ASSERT_OK(store().add_api_token({"tok_1", hash, "serveur", {"credentials:read",
                                                              "credentials:issue"}, kT0,
                                   std::nullopt}));
  EXPECT_ERROR(store().add_api_token({"tok_2", "short-secret", "", {}, kT0, std::nullopt}),
               "store.invalid");
  EXPECT_ERROR(store().add_api_token({"tok_3", "sha256:" + std::string(64, 'b'), "",
                                      {"a b"}, kT0, std::nullopt}),
               "store.invalid");
  EXPECT_ERROR(store().add_api_token({"tok_4", hash, "", {}, kT0, std::nullopt}),
               "store.constraint");
  auto t = store().find_api_token(hash);
  ASSERT_OK(t);
  ASSERT_TRUE(t->has_value());
  EXPECT_EQ((*t)->scopes, (std::vector<std::string>{"credentials:read", "credentials:issue"}));
  ASSERT_OK(store().revoke_api_token("tok_1", kT1));
  EXPECT_EQ((*store().find_api_token(hash))->revoked_at, std::optional<std::string>(kT1));
  EXPECT_ERROR(store().revoke_api_token("tok_1", kT2), "store.conflict");
  EXPECT_ERROR(store().revoke_api_token("tok_9", kT2), "store.not_found");
  EXPECT_FALSE(store().find_api_token("sha256:unknown-unknown-unknown-unknown")->has_value());
  EXPECT_EQ(store().list_api_tokens()->size(), 1u);
}

TEST_P(store_contract, the_audit_log_appends_and_lists_in_order) {
  auto a = store().append_audit({0, kT0, "cm", "validation.confirm", "evaluation:EV-1/ORG.ACT",
                                 R"({"proposed":2,"validated":2})"});
  ASSERT_OK(a);
  auto b = store().append_audit({0, kT1, "cm", "consent.given", "participant:P1", ""});
  ASSERT_OK(b);
  EXPECT_GT(*b, *a);
  EXPECT_ERROR(store().append_audit({0, kT1, "", "x", "", "{}"}), "store.invalid");
  EXPECT_ERROR(store().append_audit({0, kT1, "cm", "x", "", "[1]"}), "store.invalid");
  auto all = store().list_audit();
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->at(1).detail, "{}");
  AuditQuery q;
  q.subject = "participant:P1";
  auto some = store().list_audit(q);
  ASSERT_OK(some);
  ASSERT_EQ(some->size(), 1u);
  EXPECT_EQ(some->front().action, "consent.given");
  q = {};
  q.after_seq = *a;
  EXPECT_EQ(store().list_audit(q)->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(backends, store_contract, ::testing::ValuesIn(test::store_factories()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace ecusson::store
