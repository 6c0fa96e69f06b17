// A limit set on VerifyOptions takes effect in every path through verify_credential —
// Data Integrity JSON, VC-JWT, OB 2.0 hosted and signed — (issue 9: one options struct
// passed through, no field-by-field copies that drop limits). Each limit is tried as a
// pair: set exactly to what the badge needs, the badge verifies; one below, it is refused.
// The fetch settings are checked on every request the fetcher receives.
#include "ecusson/verify/verify.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <type_traits>

#include "ecusson/common/base64url.h"
#include "ecusson/credentials/verification_policy.h"
#include "ecusson/ob2/issue.h"
#include "ecusson/ob2/verify.h"
#include "ecusson/proofs/data_integrity.h"
#include "ecusson/proofs/vc_jwt.h"
#include "ob2_test_fetcher.h"
#include "ob2_test_key.h"
#include "verify_test_util.h"

namespace ecusson::verify {

using credentials::CheckStatus;
using credentials::VerificationPolicy;
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

// Every verifier's options hold the one policy (and so cannot grow a second `now`).
static_assert(std::is_base_of_v<VerificationPolicy, VerifyOptions>);
static_assert(std::is_base_of_v<VerificationPolicy, proofs::JwtVerifyOptions>);
static_assert(std::is_base_of_v<VerificationPolicy, ob2::Ob2VerifyOptions>);

enum class Path { di_json, vc_jwt, ob2_hosted, ob2_signed };

const char* name(Path p) {
  switch (p) {
    case Path::di_json: return "di_json";
    case Path::vc_jwt: return "vc_jwt";
    case Path::ob2_hosted: return "ob2_hosted";
    case Path::ob2_signed: return "ob2_signed";
  }
  return "?";
}

bool is_ob2(Path p) { return p == Path::ob2_hosted || p == Path::ob2_signed; }

// Badges valid 2024-01-01 .. 2030-01-01, judged at 2025-06-01.
constexpr std::int64_t kFrom = 1704067200;
constexpr std::int64_t kUntil = 1893456000;
const sys_seconds kNow = sys_days{2025y / 6 / 1};
const std::string kListUrl = "https://status.example.fr/lists/1";

// A fetcher that records the settings of every request before answering from the map.
class RecordingFetcher final : public net::Fetcher {
 public:
  Result<net::FetchResponse> fetch(std::string_view url, const net::FetchOptions& options) override {
    seen.push_back(options);
    return map.fetch(url, options);
  }
  test::MapFetcher map;
  std::vector<net::FetchOptions> seen;
};

// One badge of a path, the documents the verifier may fetch, and every JSON text it parses.
struct Sample {
  std::string bytes;
  RecordingFetcher fetcher;
  std::string input_url;            // the hosted assertion (bounded as input, not document)
  std::vector<std::string> texts;   // JSON texts parsed: the badge, payloads, documents
};

std::string jwt_payload(const std::string& jwt) {
  auto d1 = jwt.find('.'), d2 = jwt.rfind('.');
  return base64url_decode(jwt.substr(d1 + 1, d2 - d1 - 1)).value();
}

void make_sample(Path p, Sample& s) {
  static const TestIssuer issuer = TestIssuer::did_key();
  if (!is_ob2(p)) {
    // A status list is the document an OB 3.0 badge makes the verifier fetch.
    std::string list = sign(make_status_list(issuer.id, kListUrl, "revocation", {3}), issuer);
    s.fetcher.map.add(kListUrl, list, 200, "application/vc+jwt");
    s.texts.push_back(jwt_payload(list));
    json::object c = make_badge(issuer.id);
    c["validUntil"] = "2030-01-01T00:00:00Z";
    c["credentialStatus"] = status_entry(kListUrl, 42);
    if (p == Path::vc_jwt) {
      s.bytes = sign(c, issuer);
      s.texts.push_back(jwt_payload(s.bytes));
    } else {
      ProofOptions po;
      po.verification_method = issuer.vm;
      po.created = "2024-01-01T00:00:00Z";
      s.bytes = json::serialize(add_data_integrity_proof(c, issuer.key, po).value());
      s.texts.push_back(s.bytes);
    }
    return;
  }
  Ob2IssuerSetup setup{"https://badges.example.fr/ob2", "Mission locale de Test",
                       "https://example.fr", "contact@example.fr", "", ""};
  Ob2Achievement a;
  a.slug = "c1-n2";
  a.name = "Communiquer — niveau 2";
  a.description = "Échanger dans des situations courantes.";
  a.image = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mOUMyqsBwACeQFChxlltgAAAABJRU5ErkJggg==";
  a.criteria_narrative = "Niveau 2 de la grille.";
  Ob2Award award;
  award.recipient_email = "ana@example.org";
  award.issued_on = sys_seconds{seconds{kFrom}};
  award.expires = sys_seconds{seconds{kUntil}};
  Ob2Issued docs = issue_ob2(setup, a, award, test::ob2_test_key()).value();
  for (const auto& [id, doc] : {std::pair{docs.issuer.id, to_json(docs.issuer)},
                                std::pair{docs.key.id, to_json(docs.key)},
                                std::pair{docs.revocation_list.id, to_json(docs.revocation_list)},
                                std::pair{docs.badge_class.id, to_json(docs.badge_class)},
                                std::pair{docs.hosted_assertion.id, to_json(docs.hosted_assertion)}}) {
    s.fetcher.map.add_json(id, doc);
    s.texts.push_back(json::serialize(doc));
  }
  if (p == Path::ob2_hosted) {
    s.bytes = json::serialize(to_json(docs.hosted_assertion));
    s.input_url = docs.hosted_assertion.id;
  } else {
    s.bytes = docs.jws;
    s.texts.push_back(jwt_payload(s.bytes));
  }
}

// Verifies the sample of `p` under `o` (its fetcher set to the sample's).
VerificationResult run(Path p, VerifyOptions o, Sample& s) {
  o.fetcher = &s.fetcher;
  if (is_ob2(p)) o.recipient = "ana@example.org";
  s.fetcher.seen.clear();
  s.fetcher.map.requests.clear();
  return verify_credential(VerifyInput{s.bytes, InputHint::automatic, name(p)}, o);
}

VerifyOptions at_now() {
  VerifyOptions o;
  o.now = kNow;
  return o;
}

// Nesting depth of a JSON value, counted as the strict parser counts it.
std::size_t depth(const json::value& v) {
  std::size_t inner = 0;
  if (v.is_object())
    for (const auto& kv : v.get_object()) inner = std::max(inner, depth(kv.value()));
  else if (v.is_array())
    for (const auto& e : v.get_array()) inner = std::max(inner, depth(e));
  else
    return 0;
  return inner + 1;
}

class VerifyOptionsPath : public ::testing::TestWithParam<Path> {};

TEST_P(VerifyOptionsPath, sample_verifies_with_defaults) {
  Sample s;
  make_sample(GetParam(), s);
  auto r = run(GetParam(), at_now(), s);
  EXPECT_TRUE(r.verified) << describe(r);
  EXPECT_FALSE(s.fetcher.seen.empty());  // every path fetches something: list or documents
}

TEST_P(VerifyOptionsPath, max_clock_skew_reaches_the_date_check) {
  Sample s;
  make_sample(GetParam(), s);
  VerifyOptions o;
  // 200 s after validUntil / exp / expires; the end is exclusive (validity_window.h), so
  // a skew of 201 s still accepts and 200 s refuses.
  o.now = sys_seconds{seconds{kUntil + 200}};
  o.max_clock_skew = seconds{201};
  auto inside = run(GetParam(), o, s);
  EXPECT_TRUE(inside.verified) << describe(inside);
  o.max_clock_skew = seconds{200};
  auto outside = run(GetParam(), o, s);
  EXPECT_FALSE(outside.verified);
  const auto* c = find_check(outside, "validity.expired");
  ASSERT_NE(c, nullptr) << describe(outside);
  EXPECT_EQ(c->status, CheckStatus::failed) << describe(outside);
}

TEST_P(VerifyOptionsPath, max_json_depth_reaches_every_parser) {
  Sample s;
  make_sample(GetParam(), s);
  std::size_t deepest = 0;
  for (const auto& t : s.texts) deepest = std::max(deepest, depth(json::parse(t)));
  VerifyOptions o = at_now();
  o.max_json_depth = deepest;
  auto enough = run(GetParam(), o, s);
  EXPECT_TRUE(enough.verified) << "depth " << deepest << "\n" << describe(enough);
  o.max_json_depth = deepest - 1;
  auto too_deep = run(GetParam(), o, s);
  EXPECT_FALSE(too_deep.verified) << "depth " << deepest << "\n" << describe(too_deep);
}

TEST_P(VerifyOptionsPath, max_document_bytes_reaches_the_fetcher) {
  Sample s;
  make_sample(GetParam(), s);
  auto first = run(GetParam(), at_now(), s);
  ASSERT_TRUE(first.verified) << describe(first);
  // The largest document actually fetched (the hosted assertion is the input itself).
  std::size_t largest = 0;
  const std::vector<std::string> fetched = s.fetcher.map.requests;
  for (const auto& url : fetched) {
    if (url == s.input_url) continue;
    auto got = s.fetcher.map.fetch(url, net::FetchOptions{});
    if (got) largest = std::max(largest, got->body.size());
  }
  ASSERT_GT(largest, 0u);
  VerifyOptions o = at_now();
  o.max_document_bytes = largest;
  auto fits = run(GetParam(), o, s);
  EXPECT_TRUE(fits.verified) << largest << "\n" << describe(fits);
  o.max_document_bytes = largest - 1;
  auto too_large = run(GetParam(), o, s);
  EXPECT_FALSE(too_large.verified) << largest << "\n" << describe(too_large);
}

TEST_P(VerifyOptionsPath, max_fetches_bounds_the_whole_verification) {
  Sample s;
  make_sample(GetParam(), s);
  auto first = run(GetParam(), at_now(), s);
  ASSERT_TRUE(first.verified) << describe(first);
  int needed = static_cast<int>(s.fetcher.seen.size());
  VerifyOptions o = at_now();
  o.max_fetches = needed;
  auto enough = run(GetParam(), o, s);
  EXPECT_TRUE(enough.verified) << needed << "\n" << describe(enough);
  o.max_fetches = needed - 1;
  auto short_budget = run(GetParam(), o, s);
  EXPECT_FALSE(short_budget.verified) << needed << "\n" << describe(short_budget);
}

TEST_P(VerifyOptionsPath, max_input_bytes_bounds_the_input) {
  Sample s;
  make_sample(GetParam(), s);
  VerifyOptions o = at_now();
  o.max_input_bytes = s.bytes.size();
  auto fits = run(GetParam(), o, s);
  EXPECT_TRUE(fits.verified) << describe(fits);
  o.max_input_bytes = s.bytes.size() - 1;
  auto too_large = run(GetParam(), o, s);
  EXPECT_FALSE(too_large.verified) << describe(too_large);
}

TEST_P(VerifyOptionsPath, fetch_settings_reach_every_request) {
  Sample s;
  make_sample(GetParam(), s);
  VerifyOptions o = at_now();
  o.allow_private_network = true;
  o.fetch_timeout = milliseconds{1234};
  o.max_redirects = 2;
  o.max_document_bytes = 3u << 20;
  auto r = run(GetParam(), o, s);
  EXPECT_TRUE(r.verified) << describe(r);
  ASSERT_FALSE(s.fetcher.seen.empty());
  for (std::size_t i = 0; i < s.fetcher.seen.size(); ++i) {
    const auto& fo = s.fetcher.seen[i];
    const std::string& url = s.fetcher.map.requests[i];
    EXPECT_TRUE(fo.allow_private_network) << url;
    EXPECT_EQ(fo.total_timeout, milliseconds{1234}) << url;
    EXPECT_LE(fo.connect_timeout, milliseconds{1234}) << url;
    EXPECT_EQ(fo.max_redirects, 2) << url;
    // Documents are bounded by max_document_bytes; the hosted badge, by max_input_bytes.
    EXPECT_EQ(fo.max_body_bytes, url == s.input_url ? o.max_input_bytes : o.max_document_bytes)
        << url;
  }
}

INSTANTIATE_TEST_SUITE_P(verify_options, VerifyOptionsPath,
                         ::testing::Values(Path::di_json, Path::vc_jwt, Path::ob2_hosted,
                                           Path::ob2_signed),
                         [](const ::testing::TestParamInfo<Path>& info) { return name(info.param); });

// max_json_bytes bounds a credential text (JSON or JWS); OB 2.0 JSON is bounded as input.
class VerifyJsonBytes : public ::testing::TestWithParam<Path> {};

TEST_P(VerifyJsonBytes, max_json_bytes_bounds_the_credential_text) {
  Sample s;
  make_sample(GetParam(), s);
  VerifyOptions o = at_now();
  o.max_json_bytes = s.bytes.size();
  auto fits = run(GetParam(), o, s);
  EXPECT_TRUE(fits.verified) << describe(fits);
  o.max_json_bytes = s.bytes.size() - 1;
  auto too_large = run(GetParam(), o, s);
  EXPECT_FALSE(too_large.verified) << describe(too_large);
}

INSTANTIATE_TEST_SUITE_P(verify_options, VerifyJsonBytes,
                         ::testing::Values(Path::di_json, Path::vc_jwt, Path::ob2_signed),
                         [](const ::testing::TestParamInfo<Path>& info) { return name(info.param); });

}  // namespace
}  // namespace ecusson::verify
