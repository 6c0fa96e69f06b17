// W3C vc-di-eddsa test vectors (tests/data/conformance/vc-di-eddsa/TestVectors) and the
// 1EdTech OB 3.0 / CLR 2.0 vectors (tests/data/conformance/ob3/test-vectors), byte for byte:
// canonical forms, hashes, signature, proofValue; then verification of the signed files.
#include "ecusson/proofs/data_integrity.h"

#include <boost/json.hpp>

#include "ecusson/proofs/cryptosuite.h"
#include "ecusson/crypto/multibase.h"
#include "test_support.h"

namespace ecusson::proofs {

using credentials::Check;
using credentials::CheckStatus;
using crypto::Key;
using crypto::LocalKeyResolver;
using crypto::multibase_base58btc;
using crypto::multikey_decode;
using crypto::multikey_decode_secret;
using rdf::HashAlgorithm;
using rdf::hex_digest;
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

fs::path vectors() { return test::conformance_dir() / "vc-di-eddsa" / "TestVectors"; }
fs::path ob3_vectors() { return test::conformance_dir() / "ob3" / "test-vectors"; }

json::object load(const fs::path& p) { return json::parse(test::read_file(p)).as_object(); }

// Vector text files: hex and base58 values, and JCS text, without a trailing newline.
std::string text(const fs::path& p) {
  std::string s = test::read_file(p);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string hex(std::string_view bytes) {
  static constexpr char k[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += k[c >> 4];
    out += k[c & 15];
  }
  return out;
}

std::string sha256_hex(std::string_view s) { return *hex_digest(HashAlgorithm::sha256, s); }

Key secret_key(const fs::path& key_pair_file, const char* member) {
  auto k = multikey_decode_secret(std::string(load(key_pair_file).at(member).as_string()));
  EXPECT_TRUE(k.has_value()) << (k ? "" : k.error().to_string());
  return k ? std::move(*k) : Key();
}

const Check* find_check(const ProofReport& r, std::string_view code) {
  for (const auto& c : r.checks) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

CheckStatus status_of(const ProofReport& r, std::string_view code) {
  const Check* c = find_check(r, code);
  EXPECT_NE(c, nullptr) << "no check " << code;
  return c ? c->status : CheckStatus::skipped;
}

// --- eddsa-rdfc-2022 (B.1) ---------------------------------------------------------------

TEST(data_integrity_vectors, eddsa_rdfc_2022_canonical_forms_hashes_and_signature) {
  const fs::path dir = vectors() / "eddsa-rdfc-2022";
  const json::object unsigned_doc = load(vectors() / "unsigned.json");
  json::object config = load(dir / "proofConfigDataInt.json");
  const Cryptosuite* suite = find_cryptosuite("DataIntegrityProof", "eddsa-rdfc-2022");
  ASSERT_NE(suite, nullptr);
  const auto data = suite->create_verify_data(unsigned_doc, config, {});
  ASSERT_OK(data);
  EXPECT_EQ(data->canonical_document, test::read_file(dir / "canonDocDataInt.txt"));
  EXPECT_EQ(data->canonical_proof_config, test::read_file(dir / "proofCanonDataInt.txt"));
  EXPECT_EQ(sha256_hex(data->canonical_document), text(dir / "docHashDataInt.txt"));
  EXPECT_EQ(sha256_hex(data->canonical_proof_config), text(dir / "proofHashDataInt.txt"));
  EXPECT_EQ(hex(data->hash_data), text(dir / "combinedHashDataInt.txt"));

  const Key key = secret_key(vectors() / "keyPair.json", "privateKeyMultibase");
  const auto sig = key.sign(data->hash_data);
  ASSERT_OK(sig);
  EXPECT_EQ(hex(*sig), text(dir / "sigHexDataInt.txt"));
  EXPECT_EQ(multibase_base58btc(*sig), text(dir / "sigBTC58DataInt.txt"));
}

TEST(data_integrity_vectors, eddsa_rdfc_2022_create_reproduces_signed_document) {
  const fs::path dir = vectors() / "eddsa-rdfc-2022";
  const Key key = secret_key(vectors() / "keyPair.json", "privateKeyMultibase");
  ProofOptions o;
  o.created = "2023-02-24T23:36:38Z";
  const auto signed_doc = add_data_integrity_proof(load(vectors() / "unsigned.json"), key, o);
  ASSERT_OK(signed_doc);
  // Ed25519 is deterministic: the same document, key and options give the same bytes.
  EXPECT_EQ(json::value(*signed_doc), json::value(load(dir / "signedDataInt.json")));
}

TEST(data_integrity_vectors, eddsa_rdfc_2022_signed_document_verifies) {
  const auto report = verify_data_integrity(load(vectors() / "eddsa-rdfc-2022" / "signedDataInt.json"));
  ASSERT_EQ(report.proofs.size(), 1u);
  const ProofReport& p = report.proofs[0];
  EXPECT_EQ(status_of(p, "key.resolution"), CheckStatus::passed);
  EXPECT_EQ(status_of(p, "proof.signature"), CheckStatus::passed);
  EXPECT_EQ(status_of(p, "proof.purpose"), CheckStatus::passed);
  // The vector's issuer (https://vc.example/issuers/5678) does not control that did:key.
  EXPECT_EQ(status_of(p, "key.issuer_binding"), CheckStatus::failed);
  EXPECT_FALSE(report.verified);
}

// B.2: the enhanced example (employment authorization document).
TEST(data_integrity_vectors, eddsa_rdfc_2022_employment_vector) {
  const fs::path dir = vectors() / "eddsa-rdfc-2022" / "employ";
  json::object config = load(dir / "proofConfigDataInt.json");
  const auto data = find_cryptosuite("DataIntegrityProof", "eddsa-rdfc-2022")
                        ->create_verify_data(load(vectors() / "employmentAuth.json"), config, {});
  ASSERT_OK(data);
  EXPECT_EQ(data->canonical_document, test::read_file(dir / "canonDocDataInt.txt"));
  EXPECT_EQ(data->canonical_proof_config, test::read_file(dir / "proofCanonDataInt.txt"));
  EXPECT_EQ(sha256_hex(data->canonical_document), text(dir / "docHashDataInt.txt"));
  EXPECT_EQ(sha256_hex(data->canonical_proof_config), text(dir / "proofHashDataInt.txt"));
  EXPECT_EQ(hex(data->hash_data), text(dir / "combinedHashDataInt.txt"));
  const Key key = secret_key(vectors() / "keyPair.json", "privateKeyMultibase");
  const auto sig = key.sign(data->hash_data);
  ASSERT_OK(sig);
  EXPECT_EQ(hex(*sig), text(dir / "sigHexDataInt.txt"));
  EXPECT_EQ(multibase_base58btc(*sig), text(dir / "sigBTC58DataInt.txt"));

  const auto report = verify_data_integrity(load(dir / "signedDataInt.json"));
  ASSERT_EQ(report.proofs.size(), 1u);
  EXPECT_EQ(status_of(report.proofs[0], "proof.signature"), CheckStatus::passed);
}

// --- eddsa-jcs-2022 (B.3) ----------------------------------------------------------------

TEST(data_integrity_vectors, eddsa_jcs_2022_canonical_forms_hashes_and_signature) {
  const fs::path dir = vectors() / "eddsa-jcs-2022";
  json::object config = load(dir / "proofConfigJCS.json");
  const auto data = find_cryptosuite("DataIntegrityProof", "eddsa-jcs-2022")
                        ->create_verify_data(load(vectors() / "unsigned.json"), config, {});
  ASSERT_OK(data);
  // The .txt files may end with a newline that is not part of the canonical form.
  EXPECT_EQ(data->canonical_document, text(dir / "canonDocJCS.txt"));
  EXPECT_EQ(data->canonical_proof_config, text(dir / "proofCanonJCS.txt"));
  EXPECT_EQ(sha256_hex(data->canonical_document), text(dir / "docHashJCS.txt"));
  EXPECT_EQ(sha256_hex(data->canonical_proof_config), text(dir / "proofHashJCS.txt"));
  EXPECT_EQ(hex(data->hash_data), text(dir / "combinedHashJCS.txt"));
  const Key key = secret_key(vectors() / "keyPair.json", "privateKeyMultibase");
  const auto sig = key.sign(data->hash_data);
  ASSERT_OK(sig);
  EXPECT_EQ(hex(*sig), text(dir / "sigHexJCS.txt"));
  EXPECT_EQ(multibase_base58btc(*sig), text(dir / "sigBTC58JCS.txt"));
}

TEST(data_integrity_vectors, eddsa_jcs_2022_create_reproduces_signed_document) {
  const Key key = secret_key(vectors() / "keyPair.json", "privateKeyMultibase");
  ProofOptions o;
  o.cryptosuite = "eddsa-jcs-2022";
  o.created = "2023-02-24T23:36:38Z";
  const auto signed_doc = add_data_integrity_proof(load(vectors() / "unsigned.json"), key, o);
  ASSERT_OK(signed_doc);
  EXPECT_EQ(json::value(*signed_doc), json::value(load(vectors() / "eddsa-jcs-2022" / "signedJCS.json")));
}

TEST(data_integrity_vectors, eddsa_jcs_2022_signed_document_verifies) {
  const auto report = verify_data_integrity(load(vectors() / "eddsa-jcs-2022" / "signedJCS.json"));
  ASSERT_EQ(report.proofs.size(), 1u);
  EXPECT_EQ(status_of(report.proofs[0], "proof.signature"), CheckStatus::passed);
  EXPECT_EQ(status_of(report.proofs[0], "proof.purpose"), CheckStatus::passed);
}

// --- Ed25519Signature2020 (B.4), verify only -------------------------------------------

TEST(data_integrity_vectors, ed25519_signature_2020_canonical_forms_and_signature) {
  const fs::path dir = vectors() / "Ed25519Signature2020";
  const json::object signed_doc = load(dir / "signedEdSig.json");
  json::object unsecured = signed_doc;
  unsecured.erase("proof");
  json::object config = load(dir / "proofConfigEdSig.json");
  const auto data = find_cryptosuite("Ed25519Signature2020", "")->create_verify_data(unsecured, config, {});
  ASSERT_OK(data);
  EXPECT_EQ(data->canonical_document, test::read_file(dir / "canonDocEdSig.txt"));
  EXPECT_EQ(data->canonical_proof_config, test::read_file(dir / "proofCanonEdSig.txt"));
  EXPECT_EQ(sha256_hex(data->canonical_document), text(dir / "docHashEdSig.txt"));
  EXPECT_EQ(sha256_hex(data->canonical_proof_config), text(dir / "proofHashEdSig.txt"));
  EXPECT_EQ(hex(data->hash_data), text(dir / "combinedHashEdSig.txt"));
  const Key key = secret_key(vectors() / "keyPair.json", "privateKeyMultibase");
  const auto sig = key.sign(data->hash_data);
  ASSERT_OK(sig);
  EXPECT_EQ(hex(*sig), text(dir / "sigHexEdSig.txt"));
  EXPECT_EQ(multibase_base58btc(*sig), text(dir / "sigBTC58EdSig.txt"));

  const auto report = verify_data_integrity(signed_doc);
  ASSERT_EQ(report.proofs.size(), 1u);
  EXPECT_EQ(status_of(report.proofs[0], "proof.signature"), CheckStatus::passed);
}

TEST(data_integrity_vectors, ed25519_signature_2020_is_verify_only) {
  const Key key = secret_key(vectors() / "keyPair.json", "privateKeyMultibase");
  ProofOptions o;
  o.cryptosuite = "eddsa-2022";
  EXPECT_ERROR(create_data_integrity_proof(load(vectors() / "unsigned.json"), key, o), "proof.unsupported");
}

// --- Proof sets and chains (B.5) ---------------------------------------------------------

TEST(data_integrity_vectors, proof_set_both_proofs_verify) {
  for (const char* f : {"signedProofSet1.json", "signedProofSet2.json"}) {
    const auto report = verify_data_integrity(load(vectors() / "proof-set-chain" / f));
    ASSERT_FALSE(report.proofs.empty()) << f;
    for (const auto& p : report.proofs) {
      EXPECT_EQ(status_of(p, "proof.signature"), CheckStatus::passed) << f << " proof " << p.index;
    }
  }
}

TEST(data_integrity_vectors, proof_set_recreated_byte_for_byte) {
  const fs::path dir = vectors() / "proof-set-chain";
  const json::object keys = load(dir / "multiKeyPairs.json");
  json::object doc = load(dir / "unsigned.json");
  int n = 0;
  for (const char* kp : {"keyPair1", "keyPair2"}) {
    const json::object cfg = load(dir / (std::string("proofSetConfig") + std::to_string(++n) + ".json"));
    auto key = multikey_decode_secret(std::string(keys.at(kp).at("privateKeyMultibase").as_string()));
    ASSERT_OK(key);
    ProofOptions o;
    o.created = std::string(cfg.at("created").as_string());
    o.verification_method = std::string(cfg.at("verificationMethod").as_string());
    if (const auto* id = cfg.if_contains("id")) o.id = std::string(id->as_string());
    auto next = add_data_integrity_proof(doc, *key, o);
    ASSERT_OK(next);
    doc = std::move(*next);
  }
  EXPECT_EQ(json::value(doc), json::value(load(dir / "signedProofSet2.json")));
}

TEST(data_integrity_vectors, proof_chain_every_proof_verifies) {
  for (const char* f : {"signedProofChain1.json", "signedProofChain2.json"}) {
    const auto report = verify_data_integrity(load(vectors() / "proof-set-chain" / f));
    ASSERT_FALSE(report.proofs.empty()) << f;
    for (const auto& p : report.proofs) {
      EXPECT_EQ(status_of(p, "proof.signature"), CheckStatus::passed) << f << " proof " << p.index;
    }
  }
}

TEST(data_integrity_vectors, proof_chain_with_altered_first_proof_fails_its_dependants) {
  json::object doc = load(vectors() / "proof-set-chain" / "signedProofChain2.json");
  auto& proofs = doc.at("proof").as_array();
  proofs[0].as_object()["created"] = "2023-02-25T00:00:00Z";
  const auto report = verify_data_integrity(doc);
  ASSERT_EQ(report.proofs.size(), 4u);
  EXPECT_EQ(status_of(report.proofs[0], "proof.signature"), CheckStatus::failed);
  // proof 2 signs over proofs 0 and 1 (previousProof): the altered copy changes its data.
  EXPECT_EQ(report.proofs[2].checks.back().status, CheckStatus::failed);
  EXPECT_FALSE(report.proofs[2].valid);
  EXPECT_FALSE(report.proofs[3].valid);
}

// --- 1EdTech OB 3.0 and CLR 2.0 vectors --------------------------------------------------

class ob3_vector : public ::testing::TestWithParam<const char*> {};

TEST_P(ob3_vector, reproduces_canonical_forms_hashes_and_proof_value) {
  const fs::path dir = ob3_vectors() / GetParam();
  const json::object hashes = load(dir / "hashes.json");
  json::object config = load(dir / "proofConfig.json");
  const auto data = find_cryptosuite("DataIntegrityProof", "eddsa-rdfc-2022")
                        ->create_verify_data(load(dir / "unsigned.json"), config, {});
  ASSERT_OK(data);
  EXPECT_EQ(data->canonical_document, test::read_file(dir / "canonDocument.nq"));
  EXPECT_EQ(data->canonical_proof_config, test::read_file(dir / "canonProofConfig.nq"));
  EXPECT_EQ(sha256_hex(data->canonical_document), hashes.at("documentHashHex").as_string());
  EXPECT_EQ(sha256_hex(data->canonical_proof_config), hashes.at("proofConfigHashHex").as_string());
  EXPECT_EQ(hex(data->hash_data), hashes.at("dataToSignHex").as_string());

  const Key key = secret_key(dir / "keyPair.json", "secretKeyMultibase");
  const auto sig = key.sign(data->hash_data);
  ASSERT_OK(sig);
  EXPECT_EQ(hex(*sig), hashes.at("signatureHex").as_string());
  EXPECT_EQ(multibase_base58btc(*sig), hashes.at("proofValue").as_string());
}

TEST_P(ob3_vector, create_reproduces_signed_credential) {
  const fs::path dir = ob3_vectors() / GetParam();
  const json::object kp = load(dir / "keyPair.json");
  const json::object proof = load(dir / "proof.json");
  ProofOptions o;
  o.created = std::string(proof.at("created").as_string());
  o.verification_method = std::string(kp.at("id").as_string());
  const auto signed_doc =
      add_data_integrity_proof(load(dir / "unsigned.json"), secret_key(dir / "keyPair.json", "secretKeyMultibase"), o);
  ASSERT_OK(signed_doc);
  // The CLR file wraps its single proof in an array; the proof itself must be identical.
  json::object expected = load(dir / "signed.json");
  if (auto& p = expected.at("proof"); p.is_array() && p.as_array().size() == 1) {
    json::value only = p.as_array()[0];
    p = std::move(only);
  }
  EXPECT_EQ(json::value(*signed_doc), json::value(expected));
}

TEST_P(ob3_vector, signed_credential_verifies_with_the_issuers_published_key) {
  const fs::path dir = ob3_vectors() / GetParam();
  const json::object kp = load(dir / "keyPair.json");
  // The issuer publishes this key at its https id (not reachable here): register it.
  LocalKeyResolver resolver;
  auto pub = multikey_decode(std::string(kp.at("publicKeyMultibase").as_string()));
  ASSERT_OK(pub);
  resolver.add(std::string(kp.at("id").as_string()), std::string(kp.at("controller").as_string()), *pub);
  DataIntegrityVerifyOptions vo;
  vo.resolver = &resolver;
  const auto report = verify_data_integrity(load(dir / "signed.json"), vo);
  ASSERT_EQ(report.proofs.size(), 1u);
  for (const auto& c : report.proofs[0].checks) {
    EXPECT_EQ(c.status, CheckStatus::passed) << c.code << ": " << c.message_en << " " << c.evidence;
  }
  EXPECT_TRUE(report.verified);
}

INSTANTIATE_TEST_SUITE_P(onedtech, ob3_vector,
                         ::testing::Values("ob-eddsa-rdfc-2022", "clr-eddsa-rdfc-2022"),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n) {
                             if (c == '-') c = '_';
                           }
                           return n;
                         });

}  // namespace
}  // namespace ecusson::proofs
