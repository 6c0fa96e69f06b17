#include "ecusson/ob2/verify.h"

#include <algorithm>

#include <boost/json.hpp>

#include "ecusson/ob2/issue.h"
#include "ecusson/baking/png_baking.h"
#include "ecusson/baking/svg_baking.h"
#include "ob2_test_fetcher.h"
#include "ob2_test_key.h"
#include "test_support.h"

namespace ecusson::ob2 {

using baking::BadgeVersion;
using baking::bake_png;
using baking::bake_svg;
using credentials::Check;
using credentials::CheckStatus;
using credentials::VerificationResult;
namespace {

namespace json = boost::json;
using namespace std::chrono;
using test::MapFetcher;

const CheckStatus kFailed = CheckStatus::failed;

std::optional<Check> find_check(const VerificationResult& r, std::string_view code) {
  for (const auto& c : r.checks)
    if (c.code == code) return c;
  return std::nullopt;
}
bool failed(const VerificationResult& r, std::string_view code) {
  auto errs = r.errors();
  return std::find(errs.begin(), errs.end(), code) != errs.end();
}
std::string dump(const VerificationResult& r) {
  return json::serialize(to_json(r, true));
}

std::string b64url(std::string_view s) {
  static const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned v = 0;
  int bits = 0;
  for (unsigned char c : s) {
    v = (v << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(a[(v >> bits) & 63]);
    }
  }
  if (bits > 0) out.push_back(a[(v << (6 - bits)) & 63]);
  return out;
}

// A published issuer: every document of one award served by a MapFetcher.
struct Published {
  Ob2Issued docs;
  MapFetcher fetcher;
  Ob2VerifyOptions options;

  explicit Published(Ob2Award award = {.recipient_email = "Ana@Example.org"}) {
    Ob2IssuerSetup s{"https://badges.example.fr/ob2", "Mission locale de Test",
                     "https://example.fr", "contact@example.fr", "", ""};
    Ob2Achievement a;
    a.slug = "c1-n2";
    a.name = "Communiquer — niveau 2";
    a.description = "Échanger dans des situations courantes.";
    a.image = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mOUMyqsBwACeQFChxlltgAAAABJRU5ErkJggg==";
    a.criteria_narrative = "Niveau 2 de la grille.";
    if (!award.issued_on) award.issued_on = sys_days{2026y / 3 / 1};
    docs = issue_ob2(s, a, award, test::ob2_test_key()).value();
    publish();
    options.now = sys_days{2026y / 6 / 1};
  }
  void publish() {
    fetcher.add_json(docs.issuer.id, to_json(docs.issuer));
    fetcher.add_json(docs.key.id, to_json(docs.key));
    fetcher.add_json(docs.revocation_list.id, to_json(docs.revocation_list));
    fetcher.add_json(docs.badge_class.id, to_json(docs.badge_class));
    fetcher.add_json(docs.hosted_assertion.id, to_json(docs.hosted_assertion));
  }
  std::string hosted_json() const { return json::serialize(to_json(docs.hosted_assertion)); }
  VerificationResult verify(std::string_view input) { return verify_ob2(input, fetcher, options); }
};

TEST(ob2_verify, ecusson_hosted_assertion_verifies) {
  Published p;
  auto r = p.verify(p.hosted_json());
  EXPECT_TRUE(r.verified) << dump(r);
  EXPECT_EQ(r.format, "ob2-hosted");
  EXPECT_EQ(r.source, "json");
  EXPECT_EQ(r.credential.issuer_name, "Mission locale de Test");
  EXPECT_EQ(r.credential.achievement_name, "Communiquer — niveau 2");
  EXPECT_EQ(find_check(r, "hosted.scope")->status, CheckStatus::passed);
}

TEST(ob2_verify, ecusson_signed_assertion_verifies) {
  Published p;
  auto r = p.verify(p.docs.jws);
  EXPECT_TRUE(r.verified) << dump(r);
  EXPECT_EQ(r.format, "ob2-signed");
  EXPECT_EQ(r.source, "jws");
  EXPECT_EQ(find_check(r, "proof.signature")->status, CheckStatus::passed);
  EXPECT_EQ(find_check(r, "status.revoked")->status, CheckStatus::passed);
}

TEST(ob2_verify, hosted_url_input_fetches_the_assertion) {
  Published p;
  auto r = p.verify(p.docs.hosted_assertion.id);
  EXPECT_TRUE(r.verified) << dump(r);
  EXPECT_EQ(r.source, "url");
}

TEST(ob2_verify, uses_the_published_copy_not_the_given_one) {
  Published p;
  json::object forged = to_json(p.docs.hosted_assertion);
  forged["expires"] = "2099-01-01T00:00:00Z";
  forged["badge"] = "https://badges.example.fr/ob2/badges/other.json";
  auto r = p.verify(json::serialize(forged));
  EXPECT_TRUE(r.verified) << dump(r);  // the published copy is fine …
  EXPECT_EQ(find_check(r, "hosted.local_copy")->status, CheckStatus::warning);
  EXPECT_EQ(r.credential.valid_until, "");  // … and only it was used
}

TEST(ob2_verify, sends_json_ld_accept_header) {
  Published p;
  (void)p.verify(p.hosted_json());
  ASSERT_FALSE(p.fetcher.accepts.empty());
  EXPECT_EQ(p.fetcher.accepts.front(), "application/ld+json, application/json");
}

TEST(ob2_verify, recipient_match_and_mismatch) {
  Published p;
  p.options.recipient = "ANA@example.org";
  EXPECT_TRUE(p.verify(p.docs.jws).verified);
  p.options.recipient = "bob@example.org";
  auto r = p.verify(p.docs.jws);
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "recipient.mismatch")) << dump(r);
}

TEST(ob2_verify, rejects_tampered_signed_payload) {
  Published p;
  json::object a = to_json(p.docs.signed_assertion);
  a["expires"] = "2099-01-01T00:00:00Z";
  std::string jws = p.docs.jws;
  auto d1 = jws.find('.');
  auto d2 = jws.find('.', d1 + 1);
  std::string forged = jws.substr(0, d1) + "." + b64url(json::serialize(a)) + jws.substr(d2);
  auto r = p.verify(forged);
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "proof.signature")) << dump(r);
}

TEST(ob2_verify, rejects_signature_by_another_key) {
  Published p;
  auto jws = sign_ob2_assertion(to_json(p.docs.signed_assertion), test::ob2_other_test_key());
  ASSERT_OK(jws);
  auto r = p.verify(*jws);
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "proof.signature")) << dump(r);
}

TEST(ob2_verify, refuses_alg_none) {
  Published p;
  std::string jws = b64url(R"({"alg":"none"})") + "." +
                    b64url(json::serialize(to_json(p.docs.signed_assertion))) + ".";
  auto r = p.verify(jws);
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "proof.unsupported")) << dump(r);
}

TEST(ob2_verify, refuses_hmac_signed_with_the_public_key) {
  // Classic confusion attack: HS256 keyed with the public PEM.
  Published p;
  std::string jws = b64url(R"({"alg":"HS256"})") + "." +
                    b64url(json::serialize(to_json(p.docs.signed_assertion))) + ".AAAA";
  auto r = p.verify(jws);
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "proof.unsupported")) << dump(r);
}

TEST(ob2_verify, refuses_creator_not_listed_by_issuer) {
  Published p;
  json::object issuer = to_json(p.docs.issuer);
  issuer["publicKey"] = "https://badges.example.fr/ob2/keys/2.json";
  p.fetcher.add_json(p.docs.issuer.id, issuer);
  auto r = p.verify(p.docs.jws);
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "key.issuer_binding")) << dump(r);
}

TEST(ob2_verify, refuses_key_owned_by_someone_else) {
  Published p;
  json::object key = to_json(p.docs.key);
  key["owner"] = "https://attacker.example/issuer.json";
  p.fetcher.add_json(p.docs.key.id, key);
  auto r = p.verify(p.docs.jws);
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "key.issuer_binding")) << dump(r);
}

TEST(ob2_verify, signed_revoked_by_string_entry) {
  Published p;
  p.docs.revocation_list.revoked.push_back({p.docs.signed_assertion.id, ""});
  p.publish();
  auto r = p.verify(p.docs.jws);
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "status.revoked")) << dump(r);
}

TEST(ob2_verify, signed_revoked_by_object_entry_with_reason) {
  Published p;
  p.docs.revocation_list.revoked.push_back({p.docs.signed_assertion.id, "Attribué par erreur"});
  p.publish();
  auto r = p.verify(p.docs.jws);
  EXPECT_TRUE(failed(r, "status.revoked"));
  EXPECT_NE(find_check(r, "status.revoked")->message.find("Attribué par erreur"), std::string::npos);
}

TEST(ob2_verify, signed_revoked_by_legacy_uid) {
  Published p;
  json::object a = to_json(p.docs.signed_assertion);
  a["uid"] = "abc123";
  auto jws = sign_ob2_assertion(a, test::ob2_test_key());
  ASSERT_OK(jws);
  json::object list = to_json(p.docs.revocation_list);
  list["revokedAssertions"] = json::array{json::object{{"uid", "abc123"}}};
  p.fetcher.add_json(p.docs.revocation_list.id, list);
  auto r = p.verify(*jws);
  EXPECT_TRUE(failed(r, "status.revoked")) << dump(r);
}

TEST(ob2_verify, entry_with_revoked_false_does_not_revoke) {
  Published p;
  json::object list = to_json(p.docs.revocation_list);
  list["revokedAssertions"] =
      json::array{json::object{{"id", p.docs.signed_assertion.id}, {"revoked", false}}};
  p.fetcher.add_json(p.docs.revocation_list.id, list);
  EXPECT_TRUE(p.verify(p.docs.jws).verified);
}

TEST(ob2_verify, unreachable_revocation_list_is_not_reported_as_not_revoked) {
  Published p;
  p.fetcher.remove(p.docs.revocation_list.id);
  auto r = p.verify(p.docs.jws);
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "status.unreachable")) << dump(r);
  auto s = find_check(r, "status.revoked");
  EXPECT_FALSE(s && s->status == CheckStatus::passed);
}

TEST(ob2_verify, hosted_410_gone_is_revoked) {
  Published p;
  p.fetcher.add(p.docs.hosted_assertion.id,
                json::serialize(revoked_hosted_body(p.docs.hosted_assertion.id, "Fraude")), 410);
  auto r = p.verify(p.hosted_json());
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "status.revoked")) << dump(r);
  EXPECT_NE(find_check(r, "status.revoked")->message.find("Fraude"), std::string::npos);
}

TEST(ob2_verify, hosted_410_without_body_is_revoked) {
  Published p;
  p.fetcher.add(p.docs.hosted_assertion.id, "", 410, "text/plain");
  EXPECT_TRUE(failed(p.verify(p.hosted_json()), "status.revoked"));
}

TEST(ob2_verify, hosted_body_revoked_true_with_200_is_revoked) {
  Published p;
  p.fetcher.add_json(p.docs.hosted_assertion.id,
                     revoked_hosted_body(p.docs.hosted_assertion.id, ""));
  auto r = p.verify(p.hosted_json());
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "status.revoked")) << dump(r);
}

TEST(ob2_verify, hosted_not_found_is_fetch_failure) {
  Published p;
  p.fetcher.remove(p.docs.hosted_assertion.id);
  auto r = p.verify(p.hosted_json());
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "hosted.fetch")) << dump(r);
}

TEST(ob2_verify, hosted_out_of_scope_is_refused) {
  // An assertion hosted on another host, naming a real issuer's BadgeClass.
  Published p;
  json::object a = to_json(p.docs.hosted_assertion);
  a["id"] = "https://attacker.example/a/1.json";
  p.fetcher.add_json("https://attacker.example/a/1.json", a);
  auto r = p.verify(json::serialize(a));
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "hosted.scope")) << dump(r);
}

TEST(ob2_verify, hosted_starts_with_policy) {
  Published p;
  p.docs.issuer.starts_with = {"https://badges.example.fr/ob2/assertions/"};
  p.publish();
  EXPECT_TRUE(p.verify(p.hosted_json()).verified);
  p.docs.issuer.starts_with = {"https://badges.example.fr/other/"};
  p.publish();
  EXPECT_TRUE(failed(p.verify(p.hosted_json()), "hosted.scope"));
}

TEST(ob2_verify, hosted_allowed_origins_policy) {
  Published p;
  p.docs.issuer.allowed_origins = {"cdn.example.net"};
  p.publish();
  EXPECT_TRUE(failed(p.verify(p.hosted_json()), "hosted.scope"));
  p.docs.issuer.allowed_origins = {"cdn.example.net", "badges.example.fr"};
  p.publish();
  EXPECT_TRUE(p.verify(p.hosted_json()).verified);
}

TEST(ob2_verify, expired_at_given_time) {
  Published p(Ob2Award{.recipient_email = "a@b.fr",
                       .issued_on = sys_days{2026y / 1 / 1},
                       .expires = sys_days{2026y / 3 / 1}});
  p.options.now = sys_days{2026y / 2 / 1};
  EXPECT_TRUE(p.verify(p.docs.jws).verified);
  p.options.now = sys_days{2026y / 4 / 1};
  auto r = p.verify(p.docs.jws);
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "validity.expired")) << dump(r);
}

TEST(ob2_verify, issued_in_the_future_is_not_yet_valid) {
  Published p(Ob2Award{.recipient_email = "a@b.fr", .issued_on = sys_days{2027y / 1 / 1}});
  auto r = p.verify(p.hosted_json());
  EXPECT_TRUE(failed(r, "validity.not_yet_valid")) << dump(r);
}

TEST(ob2_verify, expires_before_issued_is_refused) {
  Published p;
  json::object a = to_json(p.docs.signed_assertion);
  a["expires"] = "2026-02-01T00:00:00Z";
  auto jws = sign_ob2_assertion(a, test::ob2_test_key());
  auto r = p.verify(*jws);
  EXPECT_TRUE(failed(r, "validity.dates")) << dump(r);
}

TEST(ob2_verify, signed_json_without_jws_is_refused) {
  Published p;
  auto r = p.verify(json::serialize(to_json(p.docs.signed_assertion)));
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "proof.missing")) << dump(r);
}

TEST(ob2_verify, baked_png_served_at_the_assertion_url_is_unbaked) {
  Published p;
  std::string png = test::read_file(test::conformance_dir() /
                                    "ob2/validator-core-fixtures/public_domain_heart.png");
  auto baked = bake_png(png, p.hosted_json(), BadgeVersion::ob2);
  ASSERT_OK(baked);
  p.fetcher.add(p.docs.hosted_assertion.id, *baked, 200, "image/png");
  auto r = p.verify(p.docs.hosted_assertion.id);
  EXPECT_TRUE(r.verified) << dump(r);
}

TEST(ob2_verify, baked_png_input) {
  Published p;
  std::string png = test::read_file(test::conformance_dir() /
                                    "ob2/validator-core-fixtures/public_domain_heart.png");
  auto baked = bake_png(png, p.docs.jws, BadgeVersion::ob2);
  ASSERT_OK(baked);
  auto r = p.verify(*baked);
  EXPECT_TRUE(r.verified) << dump(r);
  EXPECT_EQ(r.source, "png");
  EXPECT_EQ(r.format, "ob2-signed");
}

TEST(ob2_verify, refuses_ob1_and_ob05_with_unsupported_version) {
  MapFetcher f;
  for (const char* name : {"1_0_basic_assertion.json", "1_1_basic_assertion.json",
                           "0_5_assertion.json", "0_5_1_assertion.json"}) {
    std::string text =
        test::read_file(test::conformance_dir() / "ob2/validator-core-fixtures" / name);
    auto r = verify_ob2(text, f, {});
    EXPECT_FALSE(r.verified) << name;
    EXPECT_TRUE(failed(r, "structure.version")) << name << dump(r);
  }
  EXPECT_TRUE(f.requests.empty());
}

TEST(ob2_verify, circular_references_end_with_bounded_fetches) {
  // The BadgeClass names itself as its issuer; the issuer names the assertion.
  MapFetcher f;
  const std::string a_url = "https://loop.example/a.json";
  const std::string b_url = "https://loop.example/b.json";
  json::object a{{"@context", "https://w3id.org/openbadges/v2"},
                 {"type", "Assertion"},
                 {"id", a_url},
                 {"recipient", json::object{{"type", "email"}, {"hashed", false}, {"identity", "a@b.fr"}}},
                 {"badge", b_url},
                 {"issuedOn", "2020-01-01T00:00:00Z"},
                 {"verification", json::object{{"type", "HostedBadge"}}}};
  json::object b{{"@context", "https://w3id.org/openbadges/v2"},
                 {"type", "BadgeClass"},
                 {"id", b_url},
                 {"name", "n"},
                 {"description", "d"},
                 {"image", "https://loop.example/i.png"},
                 {"criteria", json::object{{"narrative", "x"}}},
                 {"issuer", b_url}};
  f.add_json(a_url, a);
  f.add_json(b_url, b);
  auto r = verify_ob2(json::serialize(a), f, {});
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "structure.issuer")) << dump(r);
  EXPECT_LE(f.requests.size(), 2u);
}

TEST(ob2_verify, fetch_budget_is_enforced) {
  Published p;
  p.options.max_fetches = 2;  // assertion and badge only: the issuer cannot be fetched
  auto r = p.verify(p.hosted_json());
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "structure.issuer")) << dump(r);
  EXPECT_EQ(p.fetcher.requests.size(), 2u);
}

TEST(ob2_verify, issuer_claiming_another_host_is_refused) {
  Published p;
  json::object issuer = to_json(p.docs.issuer);
  issuer["id"] = "https://well-known-school.example/issuer.json";
  p.fetcher.add_json(p.docs.issuer.id, issuer);
  auto r = p.verify(p.hosted_json());
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed(r, "structure.issuer")) << dump(r);
}

TEST(ob2_verify, detects_inputs) {
  Published p;
  EXPECT_EQ(detect_ob2_input(p.hosted_json()), Ob2InputKind::ob2_json);
  EXPECT_EQ(detect_ob2_input(p.docs.jws), Ob2InputKind::ob2_jws);
  EXPECT_EQ(detect_ob2_input("https://x.example/a.json"), Ob2InputKind::url);
  EXPECT_EQ(detect_ob2_input(R"({"@context":["https://www.w3.org/ns/credentials/v2"]})"),
            Ob2InputKind::not_ob2);
  EXPECT_EQ(detect_ob2_input(test::read_file(test::conformance_dir() /
                                             "ob2/validator-core-fixtures/0_5_assertion.json")),
            Ob2InputKind::ob05_legacy);
  EXPECT_EQ(detect_ob2_input(test::read_file(
                test::conformance_dir() / "ob2/validator-core-fixtures/1_0_basic_assertion.json")),
            Ob2InputKind::ob1_legacy);
  EXPECT_EQ(detect_ob2_input(test::read_file(test::conformance_dir() /
                                             "ob2/validator-fixtures/ob20/simple-badge.png")),
            Ob2InputKind::ob2_baked);
}

TEST(ob2_verify, not_a_badge_is_refused_not_an_error) {
  MapFetcher f;
  for (const char* text : {"", "hello", "{}", "[1,2]", "a.b.c"}) {
    auto r = verify_ob2(text, f, {});
    EXPECT_FALSE(r.verified) << text;
    EXPECT_FALSE(r.errors().empty()) << text;
  }
}


TEST(ob2_verify, ecusson_documents_pass_data_validation) {
  // The documents Ecusson publishes pass the checks applied to other issuers' documents.
  Published p;
  for (const json::object& doc :
       {to_json(p.docs.issuer), to_json(p.docs.key), to_json(p.docs.revocation_list),
        to_json(p.docs.badge_class), to_json(p.docs.hosted_assertion),
        to_json(p.docs.signed_assertion)}) {
    auto r = validate_ob2_document(json::serialize(doc), p.fetcher, p.options);
    EXPECT_TRUE(r.verified) << dump(r);
  }
  // And a broken one does not (the check can fail).
  json::object broken = to_json(p.docs.badge_class);
  broken.erase("image");
  EXPECT_FALSE(validate_ob2_document(json::serialize(broken), p.fetcher, p.options).verified);
}


TEST(ob2_verify, baked_svg_hosted_input) {
  Published p;
  std::string svg = R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>)";
  auto baked = bake_svg(svg, p.hosted_json(), BadgeVersion::ob2);
  ASSERT_OK(baked);
  EXPECT_NE(baked->find("http://openbadges.org"), std::string::npos);
  auto r = p.verify(*baked);
  EXPECT_TRUE(r.verified) << dump(r);
  EXPECT_EQ(r.source, "svg");
  EXPECT_EQ(r.format, "ob2-hosted");
}

// A legacy 1.0-style PNG: a tEXt chunk "openbadges" holding the assertion URL.
std::string png_with_text_chunk(const std::string& png, const std::string& text) {
  auto crc32 = [](std::string_view data) {
    std::uint32_t c = 0xffffffffu;
    for (unsigned char b : data) {
      c ^= b;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xffffffffu;
  };
  auto be32 = [](std::uint32_t v) {
    std::string o(4, '\0');
    for (int i = 0; i < 4; ++i) o[i] = static_cast<char>((v >> (24 - 8 * i)) & 0xff);
    return o;
  };
  std::string body = "tEXt" + std::string("openbadges") + std::string(1, '\0') + text;
  std::string chunk = be32(static_cast<std::uint32_t>(body.size() - 4)) + body + be32(crc32(body));
  std::size_t iend = png.size() - 12;  // IEND is the last chunk
  return png.substr(0, iend) + chunk + png.substr(iend);
}

TEST(ob2_verify, legacy_text_chunk_with_url) {
  Published p;
  std::string png = test::read_file(test::conformance_dir() /
                                    "ob2/validator-core-fixtures/public_domain_heart.png");
  auto r = p.verify(png_with_text_chunk(png, p.docs.hosted_assertion.id));
  EXPECT_TRUE(r.verified) << dump(r);
  EXPECT_EQ(r.source, "png");
  ASSERT_FALSE(p.fetcher.requests.empty());
  EXPECT_EQ(p.fetcher.requests.front(), p.docs.hosted_assertion.id);
}

}  // namespace
}  // namespace ecusson::ob2
