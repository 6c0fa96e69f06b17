// Every input format × every refusal it can produce, through the one pipeline
// (verify_credential): Data Integrity JSON, VC-JWT (OB 3.0 form and the VCDM 1.1 `vc`
// claim), baked PNG and SVG, OB 2.0 hosted and signed. Each row builds a valid badge of
// its format, checks it verifies, then applies one change and checks the expected code
// fails (issue 9: one pipeline, one validity rule, one clock skew for all formats).
#include "ecusson/verify/verify.h"

#include <gtest/gtest.h>

#include <functional>

#include "ecusson/proofs/data_integrity.h"
#include "ecusson/ob2/issue.h"
#include "ecusson/baking/png_baking.h"
#include "ecusson/baking/svg_baking.h"
#include "jose_token.h"
#include "ob2_test_fetcher.h"
#include "ob2_test_key.h"
#include "verify_test_util.h"

namespace ecusson::verify {

using baking::BadgeVersion;
using baking::bake_png;
using baking::bake_svg;
using credentials::Check;
using credentials::CheckStatus;
using credentials::VerificationResult;
using ob2::Ob2Achievement;
using ob2::Ob2Award;
using ob2::Ob2Issued;
using ob2::Ob2IssuerSetup;
using ob2::issue_ob2;
using proofs::ProofOptions;
using proofs::add_data_integrity_proof;
namespace {

using namespace testing;
using namespace std::chrono;
namespace json = boost::json;

enum class Format { di_json, vc_jwt, vc_jwt_legacy, png, svg, ob2_hosted, ob2_signed };
enum class Change { none, tamper, expired, not_yet_valid, other_recipient, unreachable };

const char* name(Format f) {
  switch (f) {
    case Format::di_json: return "di_json";
    case Format::vc_jwt: return "vc_jwt";
    case Format::vc_jwt_legacy: return "vc_jwt_legacy";
    case Format::png: return "png";
    case Format::svg: return "svg";
    case Format::ob2_hosted: return "ob2_hosted";
    case Format::ob2_signed: return "ob2_signed";
  }
  return "?";
}

// Validity of every badge of the matrix: 2024-01-01 .. 2030-01-01; judged at 2025-06-01.
constexpr std::int64_t kFrom = 1704067200;
constexpr std::int64_t kUntil = 1893456000;
const sys_seconds kNow = sys_days{2025y / 6 / 1};
const sys_seconds kAfter = sys_days{2031y / 1 / 1};
const sys_seconds kBefore = sys_days{2023y / 1 / 1};

// One badge of a format, and the means to verify it.
struct Sample {
  std::string bytes;
  test::MapFetcher fetcher;  // OB 2.0 documents; empty (offline) otherwise
  std::string hosted_id;     // OB 2.0 hosted assertion id
};

json::object ob3_badge(const TestIssuer& issuer, bool tampered) {
  json::object c = make_badge(issuer.id);
  c["validUntil"] = "2030-01-01T00:00:00Z";
  if (tampered) c["name"] = "Diplôme falsifié";
  return c;
}

// A signed text whose signed content is changed afterwards (tamper) or not.
std::string ob3_jwt(const TestIssuer& issuer, bool tamper) {
  std::string jwt = sign(ob3_badge(issuer, false), issuer);
  if (!tamper) return jwt;
  auto d1 = jwt.find('.'), d2 = jwt.rfind('.');
  json::object payload = json::parse(base64url_decode(jwt.substr(d1 + 1, d2 - d1 - 1)).value()).as_object();
  payload["name"] = "Diplôme falsifié";
  return jwt.substr(0, d1 + 1) + base64url_encode(json::serialize(payload)) + jwt.substr(d2);
}

std::string legacy_jwt(const TestIssuer& issuer, bool tamper) {
  json::object vc = make_badge(issuer.id);
  vc.erase("validFrom");
  json::object payload{{"iss", issuer.id}, {"jti", vc.at("id")}, {"sub", "did:example:holder-1"},
                       {"nbf", kFrom}, {"exp", kUntil}, {"vc", vc}};
  std::string jwt = test::jose_sign(json::object{{"alg", "EdDSA"}, {"kid", issuer.vm}, {"typ", "JWT"}},
                                    payload, issuer.key);
  if (!tamper) return jwt;
  payload["vc"].as_object()["name"] = "Diplôme falsifié";
  auto d1 = jwt.find('.'), d2 = jwt.rfind('.');
  return jwt.substr(0, d1 + 1) + base64url_encode(json::serialize(payload)) + jwt.substr(d2);
}

void make_sample(Format f, bool tamper, Sample& s) {
  static const TestIssuer issuer = TestIssuer::did_key();
  const auto dir = test::conformance_dir() / "ob3/validator-fixtures/ob30";
  switch (f) {
    case Format::di_json: {
      ProofOptions po;
      po.verification_method = issuer.vm;
      po.created = "2024-01-01T00:00:00Z";
      json::object secured = add_data_integrity_proof(ob3_badge(issuer, false), issuer.key, po).value();
      if (tamper) secured["name"] = "Diplôme falsifié";
      s.bytes = json::serialize(secured);
      return;
    }
    case Format::vc_jwt: s.bytes = ob3_jwt(issuer, tamper); return;
    case Format::vc_jwt_legacy: s.bytes = legacy_jwt(issuer, tamper); return;
    case Format::png:
      s.bytes = bake_png(test::read_file(dir / "simple-json.png"), ob3_jwt(issuer, tamper),
                         BadgeVersion::ob3).value();
      return;
    case Format::svg:
      s.bytes = bake_svg(test::read_file(dir / "simple-json.svg"), ob3_jwt(issuer, tamper),
                         BadgeVersion::ob3).value();
      return;
    case Format::ob2_hosted:
    case Format::ob2_signed: {
      Ob2IssuerSetup setup{"https://badges.example.fr/ob2", "Mission locale de Test",
                           "https://example.fr", "contact@example.fr", "", ""};
      Ob2Achievement a;
      a.slug = "c1-n2";
      a.name = "Communiquer — niveau 2";
      a.description = "Échanger dans des situations courantes.";
      a.image = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mOUMyqsBwACeQFChxlltgAAAABJRU5ErkJggg==";
      a.criteria_narrative = "Niveau 2 de la grille.";
      Ob2Award award{.recipient_email = "ana@example.org"};
      award.issued_on = sys_seconds{seconds{kFrom}};
      award.expires = sys_seconds{seconds{kUntil}};
      Ob2Issued docs = issue_ob2(setup, a, award, test::ob2_test_key()).value();
      json::object hosted = to_json(docs.hosted_assertion);
      s.fetcher.add_json(docs.issuer.id, to_json(docs.issuer));
      s.fetcher.add_json(docs.key.id, to_json(docs.key));
      s.fetcher.add_json(docs.revocation_list.id, to_json(docs.revocation_list));
      s.fetcher.add_json(docs.badge_class.id, to_json(docs.badge_class));
      s.fetcher.add_json(docs.hosted_assertion.id, hosted);
      s.hosted_id = docs.hosted_assertion.id;
      if (f == Format::ob2_hosted) {
        s.bytes = json::serialize(hosted);
        return;
      }
      s.bytes = docs.jws;
      if (tamper) {
        auto d1 = s.bytes.find('.'), d2 = s.bytes.rfind('.');
        json::object p = json::parse(base64url_decode(s.bytes.substr(d1 + 1, d2 - d1 - 1)).value()).as_object();
        p["issuedOn"] = "2024-06-01T00:00:00Z";
        s.bytes = s.bytes.substr(0, d1 + 1) + base64url_encode(json::serialize(p)) + s.bytes.substr(d2);
      }
      return;
    }
  }
}

VerificationResult run(Format f, Change c) {
  Sample s;
  make_sample(f, c == Change::tamper, s);
  if (c == Change::unreachable) s.fetcher.remove(s.hosted_id);
  VerifyOptions o;
  o.fetcher = &s.fetcher;
  o.now = c == Change::expired ? kAfter : c == Change::not_yet_valid ? kBefore : kNow;
  if (c == Change::other_recipient) o.recipient = "quelquun@ailleurs.example";
  if (f == Format::ob2_hosted || f == Format::ob2_signed)
    if (c != Change::other_recipient) o.recipient = "ana@example.org";
  return verify_credential(VerifyInput{s.bytes, InputHint::automatic, name(f)}, o);
}

struct Row {
  Format format;
  Change change;
  const char* code;  // expected failed check; nullptr: verified
};

class VerifyMatrix : public ::testing::TestWithParam<Row> {};

TEST_P(VerifyMatrix, verdict_and_code) {
  const Row& row = GetParam();
  VerificationResult r = run(row.format, row.change);
  if (row.code == nullptr) {
    EXPECT_TRUE(r.verified) << name(row.format) << "\n" << describe(r);
    return;
  }
  EXPECT_FALSE(r.verified) << name(row.format) << " " << row.code << "\n" << describe(r);
  const Check* c = find_check(r, row.code);
  ASSERT_NE(c, nullptr) << name(row.format) << " " << row.code << "\n" << describe(r);
  EXPECT_EQ(c->status, CheckStatus::failed) << name(row.format) << " " << row.code << "\n" << describe(r);
}

std::vector<Row> rows() {
  std::vector<Row> out;
  for (Format f : {Format::di_json, Format::vc_jwt, Format::vc_jwt_legacy, Format::png,
                   Format::svg, Format::ob2_hosted, Format::ob2_signed}) {
    out.push_back({f, Change::none, nullptr});
    out.push_back({f, Change::expired, "validity.expired"});
    out.push_back({f, Change::not_yet_valid, "validity.not_yet_valid"});
    out.push_back({f, Change::other_recipient, "recipient.mismatch"});
    if (f == Format::ob2_hosted) out.push_back({f, Change::unreachable, "hosted.fetch"});
    else out.push_back({f, Change::tamper, "proof.signature"});
  }
  return out;
}

std::string row_name(const ::testing::TestParamInfo<Row>& info) {
  static const char* changes[] = {"valid", "tampered", "expired", "not_yet_valid",
                                  "other_recipient", "unreachable"};
  return std::string(name(info.param.format)) + "_" + changes[static_cast<int>(info.param.change)];
}

INSTANTIATE_TEST_SUITE_P(verify_matrix, VerifyMatrix, ::testing::ValuesIn(rows()), row_name);

}  // namespace
}  // namespace ecusson::verify
