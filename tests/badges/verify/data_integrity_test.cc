// Data Integrity create/verify round trips and one negative test per way verification
// can fail (style C16).
#include "ecusson/proofs/data_integrity.h"
#include "ecusson/rdf/jsonld.h"

#include <atomic>
#include <set>

#include <boost/json.hpp>

#include "ecusson/crypto/did.h"
#include "ecusson/proofs/cryptosuite.h"
#include "ecusson/crypto/multibase.h"
#include "test_support.h"

namespace ecusson::verify {

using credentials::CheckStatus;
using credentials::VerificationResult;
using crypto::Key;
using crypto::KeyType;
using crypto::did_key;
using crypto::did_key_verification_method;
using crypto::multibase_base58btc;
using crypto::multibase_decode;
using proofs::DataIntegrityVerifyOptions;
using proofs::ProofOptions;
using proofs::add_data_integrity_proof;
using proofs::append_data_integrity_checks;
using proofs::create_data_integrity_proof;
using proofs::is_xsd_date_time;
using proofs::verify_data_integrity;
using rdf::JsonLdOptions;
using rdf::to_rdf;
namespace {

namespace json = boost::json;

struct Signed {
  Key key;
  std::string did;
  json::object credential;  // unsigned, issuer = did
};

Signed make_credential() {
  Signed s;
  s.key = std::move(*Key::generate(KeyType::ed25519));
  s.did = *did_key(s.key);
  s.credential = json::parse(R"({
    "@context": ["https://www.w3.org/ns/credentials/v2",
                 "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    "id": "urn:uuid:2f4b2b8e-3c4f-4a7e-9b0a-0a0b0c0d0e0f",
    "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "name": "Travailler en équipe — niveau 2",
    "validFrom": "2026-03-01T00:00:00Z",
    "credentialSubject": {
      "type": ["AchievementSubject"],
      "identifier": [{"type": "IdentityObject", "identityHash": "sha256$0c1f",
                      "identityType": "emailAddress", "hashed": true, "salt": "s"}],
      "achievement": {
        "id": "https://ecusson.example/achievements/equipe-2",
        "type": ["Achievement"],
        "name": "Travailler en équipe — niveau 2",
        "description": "Coopère avec ses collègues.",
        "criteria": {"narrative": "Observé en situation de travail."}
      }
    }
  })").as_object();
  s.credential["issuer"] = json::object{{"id", s.did}, {"type", json::array{"Profile"}}, {"name", "Ecusson"}};
  return s;
}

json::object sign(const Signed& s, const std::string& suite = "eddsa-rdfc-2022") {
  ProofOptions o;
  o.cryptosuite = suite;
  auto out = add_data_integrity_proof(s.credential, s.key, o);
  EXPECT_TRUE(out.has_value()) << (out ? "" : out.error().to_string());
  return out ? *out : json::object{};
}

std::set<std::string> failed(const json::object& doc, const DataIntegrityVerifyOptions& o = {}) {
  VerificationResult r;
  append_data_integrity_checks(doc, o, r);
  std::set<std::string> out;
  for (const auto& c : r.checks) {
    if (c.status == CheckStatus::failed) out.insert(c.code);
  }
  return out;
}

using Codes = std::set<std::string>;

TEST(data_integrity_proof, rdfc_round_trip_verifies) {
  const Signed s = make_credential();
  const json::object doc = sign(s);
  EXPECT_EQ(failed(doc), Codes{});
  const auto report = verify_data_integrity(doc);
  EXPECT_TRUE(report.verified);
  const auto& proof = doc.at("proof").as_object();
  EXPECT_EQ(proof.at("verificationMethod").as_string(), *did_key_verification_method(s.key));
  EXPECT_EQ(proof.at("proofValue").as_string()[0], 'z');
  EXPECT_EQ(multibase_decode(std::string(proof.at("proofValue").as_string()))->size(), 64u);
}

TEST(data_integrity_proof, jcs_round_trip_verifies) {
  const Signed s = make_credential();
  const json::object doc = sign(s, "eddsa-jcs-2022");
  EXPECT_EQ(failed(doc), Codes{});
  EXPECT_TRUE(doc.at("proof").as_object().contains("@context"));
}

TEST(data_integrity_proof, rejects_tampered_achievement_name) {
  const Signed s = make_credential();
  json::object doc = sign(s);
  doc["credentialSubject"].as_object()["achievement"].as_object()["name"] = "Diriger une équipe — niveau 4";
  EXPECT_EQ(failed(doc), Codes{"proof.signature"});
}

TEST(data_integrity_proof, rejects_tampered_subject_with_jcs) {
  const Signed s = make_credential();
  json::object doc = sign(s, "eddsa-jcs-2022");
  doc["credentialSubject"].as_object()["identifier"].as_array()[0].as_object()["identityHash"] = "sha256$ffff";
  EXPECT_EQ(failed(doc), Codes{"proof.signature"});
}

TEST(data_integrity_proof, rejects_tampered_valid_from) {
  const Signed s = make_credential();
  json::object doc = sign(s);
  doc["validFrom"] = "2025-03-01T00:00:00Z";
  EXPECT_EQ(failed(doc), Codes{"proof.signature"});
}

TEST(data_integrity_proof, rejects_tampered_proof_created) {
  const Signed s = make_credential();
  json::object doc = sign(s);
  doc["proof"].as_object()["created"] = "2020-01-01T00:00:00Z";
  EXPECT_EQ(failed(doc), Codes{"proof.signature"});
}

TEST(data_integrity_proof, rejects_altered_proof_value) {
  const Signed s = make_credential();
  json::object doc = sign(s);
  auto sig = *multibase_decode(std::string(doc["proof"].as_object()["proofValue"].as_string()));
  sig[10] = static_cast<char>(sig[10] ^ 1);
  doc["proof"].as_object()["proofValue"] = multibase_base58btc(sig);
  EXPECT_EQ(failed(doc), Codes{"proof.signature"});
}

TEST(data_integrity_proof, rejects_proof_value_not_base58btc) {
  const Signed s = make_credential();
  json::object doc = sign(s);
  doc["proof"].as_object()["proofValue"] = "uAAAA";
  EXPECT_EQ(failed(doc), Codes{"proof.signature"});
}

TEST(data_integrity_proof, rejects_truncated_signature) {
  const Signed s = make_credential();
  json::object doc = sign(s);
  doc["proof"].as_object()["proofValue"] = multibase_base58btc(std::string(32, 'x'));
  EXPECT_EQ(failed(doc), Codes{"proof.signature"});
}

TEST(data_integrity_proof, rejects_proof_by_another_key_claiming_the_issuers_method) {
  const Signed s = make_credential();
  Signed other = make_credential();
  ProofOptions o;
  o.verification_method = *did_key_verification_method(s.key);  // lies about the key
  auto doc = add_data_integrity_proof(s.credential, other.key, o);
  ASSERT_OK(doc);
  EXPECT_EQ(failed(*doc), Codes{"proof.signature"});
}

TEST(data_integrity_proof, rejects_valid_proof_by_a_key_the_issuer_does_not_control) {
  const Signed s = make_credential();
  Signed other = make_credential();
  auto doc = add_data_integrity_proof(s.credential, other.key, {});  // other's own did:key
  ASSERT_OK(doc);
  EXPECT_EQ(failed(*doc), Codes{"key.issuer_binding"});
}

TEST(data_integrity_proof, rejects_unknown_cryptosuite) {
  const Signed s = make_credential();
  json::object doc = sign(s);
  doc["proof"].as_object()["cryptosuite"] = "ecdsa-sd-2023";
  EXPECT_EQ(failed(doc), Codes{"proof.unsupported"});
}

TEST(data_integrity_proof, rejects_unknown_proof_type) {
  const Signed s = make_credential();
  json::object doc = sign(s);
  doc["proof"].as_object()["type"] = "RsaSignature2018";
  EXPECT_EQ(failed(doc), Codes{"proof.unsupported"});
}

TEST(data_integrity_proof, rejects_missing_context) {
  const Signed s = make_credential();
  json::object doc = sign(s);
  doc.erase("@context");
  EXPECT_EQ(failed(doc), Codes{"proof.signature"});
}

TEST(data_integrity_proof, rejects_context_that_is_not_bundled) {
  const Signed s = make_credential();
  json::object doc = sign(s);
  doc["@context"].as_array().push_back("https://evil.example/context.jsonld");
  EXPECT_EQ(failed(doc), Codes{"structure.context"});
}

TEST(data_integrity_proof, rejects_wrong_purpose) {
  const Signed s = make_credential();
  ProofOptions o;
  o.proof_purpose = "authentication";
  auto doc = add_data_integrity_proof(s.credential, s.key, o);
  ASSERT_OK(doc);
  EXPECT_EQ(failed(*doc), Codes{"proof.purpose"});
}

TEST(data_integrity_proof, rejects_unresolvable_method) {
  const Signed s = make_credential();
  ProofOptions o;
  o.verification_method = "https://ecusson.example/issuer#key-1";
  auto doc = add_data_integrity_proof(s.credential, s.key, o);
  ASSERT_OK(doc);
  EXPECT_EQ(failed(*doc), Codes{"key.resolution"});
}

TEST(data_integrity_proof, rejects_missing_proof) {
  const Signed s = make_credential();
  EXPECT_EQ(failed(s.credential), Codes{"proof.missing"});
}

TEST(data_integrity_proof, rejects_proof_that_is_not_an_object) {
  const Signed s = make_credential();
  json::object doc = s.credential;
  doc["proof"] = "z3abc";
  EXPECT_EQ(failed(doc), Codes{"proof.unsupported"});
}

TEST(data_integrity_proof, rejects_incomplete_proof) {
  const Signed s = make_credential();
  json::object doc = sign(s);
  doc["proof"].as_object().erase("proofPurpose");
  EXPECT_EQ(failed(doc), Codes{"proof.signature"});
}

TEST(data_integrity_proof, rejects_created_that_is_not_a_date_time) {
  const Signed s = make_credential();
  json::object doc = sign(s);
  doc["proof"].as_object()["created"] = "yesterday";
  EXPECT_EQ(failed(doc), Codes{"proof.signature"});
}

TEST(data_integrity_proof, rejects_jcs_proof_context_not_prefix_of_document) {
  const Signed s = make_credential();
  json::object doc = sign(s, "eddsa-jcs-2022");
  doc["proof"].as_object()["@context"] = json::array{"https://www.w3.org/ns/credentials/v2",
                                                     "https://w3id.org/security/data-integrity/v2"};
  EXPECT_EQ(failed(doc), Codes{"proof.signature"});
}

TEST(data_integrity_proof, rejects_broken_previous_proof_reference) {
  const Signed s = make_credential();
  json::object doc = sign(s);
  doc["proof"].as_object()["previousProof"] = "urn:uuid:missing";
  EXPECT_EQ(failed(doc), Codes{"proof.signature"});
}

TEST(data_integrity_proof, one_valid_proof_in_a_set_suffices) {
  const Signed s = make_credential();
  json::object doc = sign(s);
  Signed other = make_credential();
  auto both = add_data_integrity_proof(doc, other.key, {});  // not the issuer's key
  ASSERT_OK(both);
  EXPECT_EQ(both->at("proof").as_array().size(), 2u);
  EXPECT_EQ(failed(*both), Codes{});
  VerificationResult r;
  append_data_integrity_checks(*both, {}, r);
  bool warned = false;
  for (const auto& c : r.checks) warned |= c.code == "key.issuer_binding" && c.status == CheckStatus::warning;
  EXPECT_TRUE(warned);
}

// ---- proof sets and chains on hostile input ---------------------------------------------

// A proof set of `n` valid proofs by the issuer's key.
json::object proof_set(const Signed& s, std::size_t n, const ProofOptions& o = {}) {
  json::object doc = s.credential;
  for (std::size_t i = 0; i < n; ++i) {
    auto next = add_data_integrity_proof(doc, s.key, o);
    EXPECT_TRUE(next.has_value());
    if (next) doc = std::move(*next);
  }
  return doc;
}

TEST(data_integrity_proof, proof_set_over_max_proofs_is_refused_as_a_whole) {
  const Signed s = make_credential();
  const std::size_t max = DataIntegrityVerifyOptions{}.max_proofs;
  json::object at_limit = proof_set(s, max);
  EXPECT_EQ(failed(at_limit), Codes{});
  json::object over = proof_set(s, max + 1);
  EXPECT_EQ(failed(over), Codes{"proof.too_many"});
  const auto report = verify_data_integrity(over);
  EXPECT_FALSE(report.verified);
  EXPECT_TRUE(report.proofs.empty());  // none was canonicalised
  ASSERT_TRUE(report.refusal.has_value());
  EXPECT_EQ(report.refusal->code, "proof.too_many");
  DataIntegrityVerifyOptions raised;
  raised.max_proofs = max + 1;
  EXPECT_EQ(failed(over, raised), Codes{});
}

// Serves the bundled contexts and one more, pulled in by `@import` (which JSON-LD never
// caches), counting how often it is loaded: once per canonicalisation of a document or a
// proof configuration carrying the credential's @context.
class ImportCountingLoader final : public rdf::DocumentLoader {
 public:
  ImportCountingLoader() { EXPECT_OK(extra_.add(std::string(kUrl), R"({"@context": {"extra": "https://ex.example/extra"}})")); }
  Result<rdf::RemoteDocument> load(std::string_view url) const override {
    if (url != kUrl) return rdf::bundled_document_loader().load(url);
    ++loads;
    return extra_.load(url);
  }
  static constexpr std::string_view kUrl = "https://ex.example/import";
  mutable std::atomic<int> loads{0};

 private:
  rdf::InMemoryDocumentLoader extra_;
};

TEST(data_integrity_proof, proof_set_canonicalises_the_document_once) {
  Signed s = make_credential();
  s.credential["@context"].as_array().push_back(
      json::object{{"@import", ImportCountingLoader::kUrl}});
  ImportCountingLoader counting;
  ProofOptions po;
  po.loader = &counting;
  const std::size_t n = 5;
  json::object doc = proof_set(s, n, po);
  DataIntegrityVerifyOptions o;
  o.loader = &counting;
  counting.loads = 0;
  EXPECT_EQ(failed(doc, o), Codes{});
  // n proof configurations + 1 document; before the fix, the document once per proof (2n).
  EXPECT_EQ(counting.loads.load(), static_cast<int>(n + 1));
}

// A proof chain of `n` proofs "urn:proof:i", each naming every earlier one in
// previousProof and signing the credential with them; proof 0 is by `first`'s key.
json::object chain(const Signed& s, const Signed& first, std::size_t n) {
  json::array proofs;
  for (std::size_t i = 0; i < n; ++i) {
    const Signed& signer = i == 0 ? first : s;
    json::object proof{{"type", "DataIntegrityProof"},
                       {"cryptosuite", "eddsa-rdfc-2022"},
                       {"created", "2026-03-01T00:00:00Z"},
                       {"verificationMethod", *did_key_verification_method(signer.key)},
                       {"proofPurpose", "assertionMethod"},
                       {"id", "urn:proof:" + std::to_string(i)}};
    json::object unsecured = s.credential;
    if (i > 0) {
      json::array prev;
      for (std::size_t k = 0; k < i; ++k) prev.push_back(json::string("urn:proof:" + std::to_string(k)));
      proof["previousProof"] = std::move(prev);
      unsecured["proof"] = proofs;
    }
    auto data = proofs::find_cryptosuite("DataIntegrityProof", "eddsa-rdfc-2022")
                    ->create_verify_data(json::value(unsecured), proof, {});
    EXPECT_TRUE(data.has_value());
    auto sig = signer.key.sign(data ? data->hash_data : std::string());
    EXPECT_TRUE(sig.has_value());
    proof["proofValue"] = multibase_base58btc(sig ? *sig : std::string());
    proofs.push_back(std::move(proof));
  }
  json::object doc = s.credential;
  doc["proof"] = std::move(proofs);
  return doc;
}

TEST(data_integrity_proof, previous_proof_chain_up_to_max_proofs_verifies) {
  const Signed s = make_credential();
  const std::size_t max = DataIntegrityVerifyOptions{}.max_proofs;
  const auto report = verify_data_integrity(chain(s, s, max));  // every proof names all before
  ASSERT_EQ(report.proofs.size(), max);
  for (const auto& p : report.proofs) EXPECT_TRUE(p.valid) << p.index;
  EXPECT_EQ(failed(chain(s, s, max + 1)), Codes{"proof.too_many"});
}

TEST(data_integrity_proof, invalid_first_proof_invalidates_every_proof_naming_it_once) {
  const Signed s = make_credential();
  const Signed stranger = make_credential();  // signs proof 0: not the issuer's key
  const std::size_t max = DataIntegrityVerifyOptions{}.max_proofs;
  const auto report = verify_data_integrity(chain(s, stranger, max));
  ASSERT_EQ(report.proofs.size(), max);
  EXPECT_FALSE(report.verified);
  for (const auto& p : report.proofs) {
    EXPECT_FALSE(p.valid) << p.index;
    int chain_checks = 0;
    for (const auto& c : p.checks) chain_checks += c.message_en == "a previous proof of the chain is invalid";
    EXPECT_EQ(chain_checks, p.index == 0 ? 0 : 1) << p.index;
  }
}

TEST(data_integrity_proof, previous_proof_naming_more_than_max_proofs_is_refused) {
  const Signed s = make_credential();
  const std::size_t max = DataIntegrityVerifyOptions{}.max_proofs;
  json::object doc = sign(s);
  json::array prev;
  for (std::size_t k = 0; k < max; ++k) prev.push_back(json::string("urn:proof:x"));
  doc["proof"].as_object()["previousProof"] = prev;
  EXPECT_EQ(failed(doc), Codes{"proof.signature"});  // names a proof that is not there
  prev.push_back(json::string("urn:proof:x"));
  doc["proof"].as_object()["previousProof"] = std::move(prev);
  EXPECT_EQ(failed(doc), Codes{"proof.too_many"});
}

TEST(data_integrity_proof, document_over_max_quads_is_refused_before_canonicalisation) {
  // A valid proof over a credential carrying an array of numbers under a defined term; the
  // least max_quads that verifies it is its quad count (one more at most: values are
  // counted as expansion builds them, the credential node included).
  Signed s = make_credential();
  s.credential["@context"].as_array().push_back(json::object{{"nums", "https://ex.example/n"}});
  json::array nums;
  for (int i = 0; i < 500; ++i) nums.push_back(i);
  s.credential["credentialSubject"].as_object()["nums"] = std::move(nums);
  const json::object doc = sign(s);
  JsonLdOptions jo;
  jo.loader = &rdf::bundled_document_loader();
  auto quads = to_rdf(json::value(s.credential), jo);
  ASSERT_OK(quads);
  std::size_t lo = 0, hi = quads->size() + 10;
  while (lo + 1 < hi) {
    DataIntegrityVerifyOptions o;
    o.max_quads = (lo + hi) / 2;
    (verify_data_integrity(doc, o).verified ? hi : lo) = o.max_quads;
  }
  EXPECT_GE(hi, quads->size());
  EXPECT_LE(hi, quads->size() + 1);
  DataIntegrityVerifyOptions under;
  under.max_quads = hi;
  EXPECT_EQ(failed(doc, under), Codes{});
  DataIntegrityVerifyOptions over;
  over.max_quads = hi - 1;
  EXPECT_EQ(failed(doc, over), Codes{"proof.signature"});
  const auto report = verify_data_integrity(doc, over);
  ASSERT_EQ(report.proofs.size(), 1u);
  bool refused = false;
  for (const auto& c : report.proofs[0].checks) refused |= c.evidence.ends_with("jsonld.max_quads");
  EXPECT_TRUE(refused);
  EXPECT_EQ(DataIntegrityVerifyOptions{}.max_quads, 100000u);
}

TEST(data_integrity_proof, create_refuses_public_only_key) {
  const Signed s = make_credential();
  EXPECT_ERROR(create_data_integrity_proof(s.credential, s.key.public_only(), {}), "proof.key");
}

TEST(data_integrity_proof, create_refuses_p256_key) {
  const Signed s = make_credential();
  auto p256 = Key::generate(KeyType::p256);
  ASSERT_OK(p256);
  EXPECT_ERROR(create_data_integrity_proof(s.credential, *p256, {}), "proof.key");
}

TEST(data_integrity_proof, create_refuses_verify_only_suite) {
  const Signed s = make_credential();
  ProofOptions o;
  o.cryptosuite = "eddsa-2022";
  EXPECT_ERROR(create_data_integrity_proof(s.credential, s.key, o), "proof.unsupported");
}

TEST(data_integrity_proof, create_refuses_unbundled_context) {
  Signed s = make_credential();
  s.credential["@context"].as_array().push_back("https://evil.example/ctx");
  EXPECT_ERROR(create_data_integrity_proof(s.credential, s.key, {}), "structure.context");
}

// Safe mode (as jsonld.js safe: true): what toRdf would leave out is never signed. Without
// it, a relative credentialSubject.id dropped the subject's triples from the signed data,
// and a member the contexts do not define was silently ignored by expansion.
TEST(data_integrity_proof, create_refuses_a_relative_subject_id) {
  Signed s = make_credential();
  s.credential["credentialSubject"].as_object()["id"] = "learner-42";
  EXPECT_ERROR(create_data_integrity_proof(s.credential, s.key, {}), "jsonld.unsafe");
}

TEST(data_integrity_proof, rejects_an_undefined_member_added_after_signing) {
  const Signed s = make_credential();
  json::object doc = sign(s);
  ASSERT_EQ(failed(doc), Codes{});
  doc["credentialSubject"].as_object()["hubs"] = "ajouté après la signature";
  EXPECT_EQ(failed(doc), Codes{"proof.signature"});
}

TEST(jsonld_safe_mode, off_by_default_on_for_data_integrity) {
  const json::value doc = json::parse(R"({"@context": {"name": "https://schema.org/name"},
                                          "@id": "relative", "name": "x", "undefined": 1})");
  JsonLdOptions o;
  EXPECT_TRUE(to_rdf(doc, o).has_value());  // the W3C toRdf behaviour: silently dropped
  o.safe = true;
  EXPECT_ERROR(to_rdf(doc, o), "jsonld.unsafe");
}

TEST(data_integrity_proof, create_refuses_bad_created) {
  const Signed s = make_credential();
  ProofOptions o;
  o.created = "2026-02-30T10:00:00Z";
  EXPECT_ERROR(create_data_integrity_proof(s.credential, s.key, o), "proof.config");
}

TEST(data_integrity_proof, poison_credential_stops_at_work_limit) {
  // Twelve anonymous nodes all linked to each other through a bundled vocabulary term.
  Signed s = make_credential();
  json::array nodes;
  for (int i = 0; i < 12; ++i) {
    json::object n;
    n["@id"] = "_:n" + std::to_string(i);
    json::array links;
    for (int j = 0; j < 12; ++j) {
      if (j != i) links.push_back(json::object{{"@id", "_:n" + std::to_string(j)}});
    }
    n["https://schema.org/knows"] = std::move(links);
    nodes.push_back(std::move(n));
  }
  s.credential["credentialSubject"].as_object()["https://schema.org/knows"] = std::move(nodes);
  EXPECT_ERROR(create_data_integrity_proof(s.credential, s.key, {}), "rdfc.work_limit");
}

TEST(xsd_date_time, accepts_and_rejects) {
  EXPECT_TRUE(is_xsd_date_time("2023-02-24T23:36:38Z"));
  EXPECT_TRUE(is_xsd_date_time("2023-02-24T23:36:38.123+02:00"));
  EXPECT_TRUE(is_xsd_date_time("2023-02-24T23:36:38"));
  EXPECT_TRUE(is_xsd_date_time("2023-02-24T24:00:00Z"));
  EXPECT_FALSE(is_xsd_date_time("2023-02-24"));
  EXPECT_FALSE(is_xsd_date_time("2023-13-01T00:00:00Z"));
  EXPECT_FALSE(is_xsd_date_time("2023-04-31T00:00:00Z"));
  EXPECT_FALSE(is_xsd_date_time("2023-02-24T24:00:01Z"));
  EXPECT_FALSE(is_xsd_date_time("2023-02-24T10:00:00+15:00"));
  EXPECT_FALSE(is_xsd_date_time("2023-02-24 10:00:00Z"));
  EXPECT_FALSE(is_xsd_date_time("2023-02-24T10:00:00Zjunk"));
}

}  // namespace
}  // namespace ecusson::verify

// Through the whole verification pipeline (verify.h), which uses this verifier by default.
#include "ecusson/verify/verify.h"

namespace ecusson::verify {
namespace {

TEST(data_integrity_pipeline, did_key_credential_is_verified_end_to_end) {
  const Signed s = make_credential();
  const std::string text = boost::json::serialize(sign(s));
  VerifyOptions o;
  const VerificationResult r = verify_credential(VerifyInput{text, InputHint::automatic, "vc.json"}, o);
  EXPECT_TRUE(r.verified);
  EXPECT_EQ(r.format, "ob3-data-integrity");
  bool signature_passed = false;
  for (const auto& c : r.checks) signature_passed |= c.code == "proof.signature" && c.status == CheckStatus::passed;
  EXPECT_TRUE(signature_passed);
}

TEST(data_integrity_pipeline, tampered_credential_is_refused_end_to_end) {
  const Signed s = make_credential();
  boost::json::object doc = sign(s);
  doc["name"] = "Autre";
  const std::string text = boost::json::serialize(doc);
  const VerificationResult r = verify_credential(VerifyInput{text, InputHint::automatic, "vc.json"}, {});
  EXPECT_FALSE(r.verified);
  const auto errors = r.errors();
  EXPECT_NE(std::find(errors.begin(), errors.end(), "proof.signature"), errors.end());
}

}  // namespace
}  // namespace ecusson::verify
