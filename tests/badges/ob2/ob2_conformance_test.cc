// OB 2.0 conformance: every fixture of tests/data/conformance/ob2/ (1EdTech validator
// fixtures, validator-core fixtures, spec examples) gives the outcome its name and the
// specification announce. The hosted documents are served by a real HTTP server on
// 127.0.0.1 (TestHttpServer); the fixtures' URLs (https://example.org/…, http://example.org/…)
// are mapped to it by a rewriting Fetcher in front of the real HttpFetcher, as the 1EdTech
// Java tests map them to their `assets/` folder. Each hosted assertion is served at its own
// `id` (the verifier always re-fetches it from there).
#include <cstdio>
#include <regex>

#include <boost/json.hpp>

#include "ecusson/baking/baked_payload.h"
#include "ecusson/net/http_fetcher.h"
#include "ecusson/ob2/verify.h"
#include "test_http_server.h"
#include "test_support.h"

namespace ecusson::ob2 {

using baking::BakedKind;
using baking::unbake_image;
using credentials::Check;
using credentials::CheckStatus;
using credentials::VerificationResult;
using net::FetchOptions;
using net::FetchResponse;
using net::Fetcher;
using net::HttpFetcher;
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using namespace std::chrono;

// Sends example.org / example.com URLs to the local server, and maps final URLs back so
// that ids and scopes are checked against the original URLs.
class RewritingFetcher : public Fetcher {
 public:
  explicit RewritingFetcher(test::TestHttpServer& server) : server_(server) {}
  Result<FetchResponse> fetch(std::string_view url, const FetchOptions& options) override {
    for (const char* prefix : {"https://example.org/", "http://example.org/",
                               "https://www.example.org/", "http://example.com/"}) {
      if (!url.starts_with(prefix)) continue;
      std::string local = server_.url("/" + std::string(url.substr(std::strlen(prefix))));
      FetchOptions o = options;
      o.allow_private_network = true;
      auto r = inner_.fetch(local, o);
      if (r && r->final_url.starts_with(server_.url("/")))
        r->final_url = prefix + r->final_url.substr(server_.url("/").size());
      ++fetches;
      return r;
    }
    return fail("fetch.unmapped", "URL hors du jeu d'essai : " + std::string(url));
  }
  int fetches = 0;

 private:
  test::TestHttpServer& server_;
  HttpFetcher inner_;
};

fs::path ob2_dir() { return test::conformance_dir() / "ob2"; }
fs::path ob20_dir() { return ob2_dir() / "validator-fixtures/ob20"; }

std::string content_type_of(const fs::path& p) {
  if (p.extension() == ".png") return "image/png";
  if (p.extension() == ".svg") return "image/svg+xml";
  if (p.extension() == ".html") return "text/html";
  return "application/ld+json";
}

// The fixture server: ob20/assets/* at "/<name>", like the Java tests' mapping.
void serve_assets(test::TestHttpServer& server) {
  for (const auto& e : fs::directory_iterator(ob20_dir() / "assets")) {
    std::string name = e.path().filename().string();
    if (name == "openbadges_context.json") continue;  // a mock HTTP body, not a document
    server.add("/" + name, {200, content_type_of(e.path()), test::read_file(e.path())});
  }
}

std::string path_of(const std::string& url) {
  for (const char* prefix : {"https://example.org", "http://example.org",
                             "https://www.example.org", "http://example.com"})
    if (url.starts_with(prefix)) return url.substr(std::strlen(prefix));
  return {};
}

std::string strip_line_comments(const std::string& text) {
  // redirected-validation-subject.json carries "// …" notes after JSON values.
  return std::regex_replace(text, std::regex(R"(\s//[^\n]*)"), "");
}

enum class Mode { verify, validate };

struct Case {
  std::string group;
  fs::path file;
  Mode mode;
  bool expect_valid;
  std::string expect_code;     // a failed check code that must be present (when invalid)
  bool name_says_valid;        // what the fixture's name / upstream test announces
  std::string note;            // why we disagree with the name, when we do
  std::optional<sys_seconds> at = {};
  std::vector<std::pair<std::string, std::string>> serve = {};  // extra path → file text
  bool expect_warning = false;
};

struct Outcome {
  bool ok;
  std::string detail;
};

Outcome run_case(test::TestHttpServer& server, const Case& c) {
  std::string text = test::read_file(c.file);
  if (c.file.filename() == "redirected-validation-subject.json") text = strip_line_comments(text);
  for (const auto& [path, body] : c.serve) server.add(path, {200, "application/ld+json", body});
  // A hosted assertion is served at its id.
  if (c.mode == Mode::verify && c.file.extension() == ".json") {
    boost::system::error_code ec;
    json::value v = json::parse(text, ec);
    if (!ec && v.is_object()) {
      if (const auto* id = v.as_object().if_contains("id"); id && id->is_string()) {
        std::string p = path_of(std::string(id->as_string()));
        if (!p.empty()) server.add(p, {200, "application/ld+json", text});
      }
    }
  }
  if (c.mode == Mode::verify && c.file.extension() == ".png") {
    auto baked = unbake_image(text);
    if (baked && baked->kind == BakedKind::ob2_json) {
      json::value v = json::parse(baked->text);
      std::string p = path_of(std::string(v.at("id").as_string()));
      server.add(p, {200, "application/ld+json", baked->text});
    }
  }
  RewritingFetcher fetcher(server);
  Ob2VerifyOptions options;
  options.now = c.at;
  options.fetch_timeout = milliseconds(5000);
  VerificationResult r = c.mode == Mode::verify ? verify_ob2(text, fetcher, options)
                                                : validate_ob2_document(text, fetcher, options);
  std::string report = json::serialize(to_json(r, true));
  if (r.verified != c.expect_valid) return {false, report};
  if (!c.expect_code.empty()) {
    auto errs = r.errors();
    if (std::find(errs.begin(), errs.end(), c.expect_code) == errs.end())
      return {false, "missing " + c.expect_code + ": " + report};
  }
  if (c.expect_warning) {
    bool warned = std::any_of(r.checks.begin(), r.checks.end(),
                              [](const Check& k) { return k.status == CheckStatus::warning; });
    if (!warned) return {false, "no warning: " + report};
  }
  return {true, report};
}

std::vector<Case> cases() {
  std::vector<Case> v;
  auto ob20 = [&](std::string f, Mode m, bool valid, std::string code = {}) {
    v.push_back({"validator-fixtures/ob20", ob20_dir() / f, m, valid, std::move(code), valid, {}});
  };
  const Mode V = Mode::verify, D = Mode::validate;
  // Assertions (hosted JSON, baked PNG, signed JWS).
  ob20("assertion-with-data-image.json", V, true);
  ob20("assertion-with-endorsements.json", V, true);
  ob20("assertion-with-extension-node-basic.json", V, true);
  ob20("assertion-with-extension-node-invalid.json", V, false, "structure.extension");
  ob20("assertion-with-multiple-extensions.json", V, true);
  ob20("basic-assertion-expired-before-issued.json", V, false, "validity.dates");
  ob20("basic-assertion-expired.json", V, false, "validity.expired");
  ob20("basic-assertion-in-future.json", V, false, "validity.not_yet_valid");
  ob20("basic-assertion-invalid-context.json", V, false, "structure.context");
  ob20("basic-assertion-invalid-type.json", V, false, "structure.type");
  ob20("basic-assertion-no-public-key.json", V, true);
  ob20("basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json", V, false,
       "hosted.scope");
  ob20("basic-assertion-with-allowed-origins-invalid-starts-with.json", V, false, "hosted.scope");
  ob20("basic-assertion-with-allowed-origins-valid-multiple-starts-with.json", V, true);
  ob20("basic-assertion-with-allowed-origins-valid-starts-with.json", V, true);
  ob20("basic-assertion-with-allowed-origins.json", V, true);
  ob20("basic-assertion-with-language.json", V, true);
  ob20("basic-assertion.json", V, true);
  {
    // "both http://example.org/altbadgeurl and https://example.org/beths-robotics-badge.json
    // return this json" (the fixture's own comment).
    std::string t = strip_line_comments(test::read_file(ob20_dir() / "redirected-validation-subject.json"));
    v.push_back({"validator-fixtures/ob20", ob20_dir() / "redirected-validation-subject.json", V,
                 true, {}, true, {}, {}, {{"/beths-robotics-badge.json", t}}});
  }
  ob20("warning-issuer-non-http.json", V, true);
  v.back().expect_warning = true;
  ob20("warning-with-redirection.json", V, true);
  v.back().expect_warning = true;
  ob20("simple-badge.png", V, true);
  ob20("simple.jwt", V, true);
  ob20("simple-not-revoked.jwt", V, true);
  ob20("simple-revoked.jwt", V, false, "status.revoked");
  // Single documents (data validation).
  ob20("issuer-compact-iri-validation.json", D, true);
  ob20("assets/badgeclass1.json", D, true);
  ob20("rdf-validation/valid-issuer-extension.json", D, true);
  ob20("rdf-validation/valid-alignment-object.json", D, true);
  ob20("rdf-validation/valid-cool-class.json", D, true);
  ob20("rdf-validation/invalid-class.json", D, false, "structure.type");
  ob20("rdf-validation/invalid-empty-type.json", D, false, "structure.type");
  ob20("rdf-validation/invalid-one-invalid-class.json", D, false, "structure.type");
  ob20("rdf-validation/badge-class-invalid-issuer-type.json", D, false, "structure.issuer");
  const std::string no_image =
      "named valid, but a BadgeClass without `image` (required by OB 2.0 §BadgeClass)";
  for (const char* f : {"badge-class-with-language.json", "rdf-validation/valid-badge-class.json",
                        "rdf-validation/valid-badge-class-empty-criteria-type.json"})
    v.push_back({"validator-fixtures/ob20", ob20_dir() / f, D, false, "structure.node", true,
                 no_image});

  // validator-core fixtures.
  const fs::path core = ob2_dir() / "validator-core-fixtures";
  for (const char* f : {"0_5_assertion.json", "0_5_1_assertion.json", "1_0_basic_assertion.json",
                        "1_0_assertion_with_errors.json",
                        "1_0_basic_assertion_with_extra_properties.json",
                        "1_0_basic_badgeclass.json", "1_0_basic_issuer.json",
                        "1_1_basic_assertion.json", "1_1_basic_badgeclass.json",
                        "1_1_basic_issuer.json"})
    v.push_back({"validator-core-fixtures", core / f, V, false, "structure.version", false,
                 {}});
  v.push_back({"validator-core-fixtures", core / "2_0_basic_assertion.json", V, true, {}, true, {}});
  v.push_back({"validator-core-fixtures", core / "2_0_basic_badgeclass.json", D, true, {}, true, {}});
  v.push_back({"validator-core-fixtures", core / "2_0_basic_issuer.json", D, true, {}, true, {}});
  v.push_back({"validator-core-fixtures", core / "baked_heart.png", V, true, {}, true, {}});
  v.push_back({"validator-core-fixtures", core / "public_domain_heart.png", V, false,
               "structure.baked", false, {}});

  // Spec examples, with the example issuer (02), key (05) and revocation list (06) served
  // at the URLs the examples give them.
  const fs::path spec = ob2_dir() / "spec-examples";
  std::vector<std::pair<std::string, std::string>> spec_docs = {
      {"/organization.json", test::read_file(spec / "02-issuer-profile-example.json")},
      {"/publicKey.json", test::read_file(spec / "05-cryptographickey-example.json")},
      {"/revocationList.json", test::read_file(spec / "06-revocationlist-example.json")}};
  v.push_back({"spec-examples", spec / "01-assertion-example.json", V, true, {}, true, {},
               sys_days{2017y / 1 / 15}, spec_docs});
  v.push_back({"spec-examples", spec / "01-assertion-example.json", V, false, "validity.expired",
               false, {}, {}, spec_docs});  // expires 2017-06-30: expired today
  v.push_back({"spec-examples", spec / "02-issuer-profile-example.json", D, true, {}, true, {}});
  v.push_back({"spec-examples", spec / "05-cryptographickey-example.json", D, true, {}, true, {}});
  v.push_back({"spec-examples", spec / "06-revocationlist-example.json", D, true, {}, true, {}});
  v.push_back({"spec-examples", spec / "signed-badge-example.jws", V, false, "key.issuer_binding",
               true,
               "illustrative only: its creator …/publicKey is not the key the example issuer "
               "lists (…/publicKey.json), and the example key PEM is truncated",
               sys_days{2017y / 1 / 15}, spec_docs});
  v.push_back({"spec-examples", spec / "07-revoked-hosted-assertion-example.json", V, false,
               "status.revoked", false, {}});
  for (const char* f : {"16-endorsement-examples.json", "17-endorsement-examples.json",
                        "18-endorsement-examples.json", "20-endorsement.json"})
    v.push_back({"spec-examples", spec / f, D, true, {}, true, {}});
  {
    // The introduction's assertion embeds its BadgeClass and issuer; both are published at
    // their ids too (an embedded issuer is never trusted without its published copy).
    json::object a = json::parse(test::read_file(spec / "19-introduction.json")).as_object();
    json::object badge = a.at("badge").as_object();
    json::object issuer = badge.at("issuer").as_object();
    issuer["@context"] = "https://w3id.org/openbadges/v2";
    badge["@context"] = "https://w3id.org/openbadges/v2";
    v.push_back({"spec-examples", spec / "19-introduction.json", V, true, {}, true, {}, {},
                 {{"/badges/5", json::serialize(badge)}, {"/issuer", json::serialize(issuer)}}});
  }
  return v;
}

TEST(ob2_conformance, every_fixture_gives_the_announced_outcome) {
  test::TestHttpServer server;
  serve_assets(server);
  std::map<std::string, std::pair<int, int>> counts;  // group → (passed, total)
  std::vector<std::string> disagreements;
  for (const Case& c : cases()) {
    // Fresh routes for the spec examples that replace assets (organization.json).
    test::TestHttpServer* s = &server;
    std::unique_ptr<test::TestHttpServer> own;
    if (!c.serve.empty()) {
      own = std::make_unique<test::TestHttpServer>();
      serve_assets(*own);
      s = own.get();
    }
    Outcome o = run_case(*s, c);
    auto& [passed, total] = counts[c.group];
    ++total;
    if (o.ok) ++passed;
    std::string rel = fs::relative(c.file, ob2_dir()).string();
    EXPECT_TRUE(o.ok) << rel << ": " << o.detail;
    if (!c.note.empty() && c.name_says_valid != c.expect_valid)
      disagreements.push_back(rel + ": " + c.note);
    else if (!c.note.empty())
      disagreements.push_back(rel + " (" + c.note + ")");
    // The server is shared: remove what this case served at the assertion id.
    server.add("/beths-robotics-badge.json", {404, "text/plain", ""});
  }
  int all_passed = 0, all_total = 0;
  for (const auto& [group, pt] : counts) {
    std::printf("ob2 conformance %-26s %d/%d as expected\n", group.c_str(), pt.first, pt.second);
    all_passed += pt.first;
    all_total += pt.second;
  }
  std::printf("ob2 conformance %-26s %d/%d as expected\n", "total", all_passed, all_total);
  for (const auto& d : disagreements) std::printf("  judged differently from its name: %s\n", d.c_str());
  EXPECT_EQ(all_passed, all_total);
}

TEST(ob2_conformance, fixture_recipient_is_nobody_at_example_org) {
  test::TestHttpServer server;
  serve_assets(server);
  RewritingFetcher fetcher(server);
  Ob2VerifyOptions options;
  options.recipient = "nobody@example.org";
  auto r = verify_ob2(test::read_file(ob20_dir() / "simple.jwt"), fetcher, options);
  EXPECT_TRUE(r.verified) << json::serialize(to_json(r, true));
  options.recipient = "somebody@example.org";
  r = verify_ob2(test::read_file(ob20_dir() / "simple.jwt"), fetcher, options);
  EXPECT_FALSE(r.verified);
}

TEST(ob2_conformance, revoked_hosted_spec_example_served_as_410) {
  test::TestHttpServer server;
  serve_assets(server);
  std::string body =
      test::read_file(ob2_dir() / "spec-examples/07-revoked-hosted-assertion-example.json");
  server.add_gone("/beths-robotics-badge.json", body);
  RewritingFetcher fetcher(server);
  auto r = verify_ob2("https://example.org/beths-robotics-badge.json", fetcher, {});
  EXPECT_FALSE(r.verified);
  auto errs = r.errors();
  EXPECT_NE(std::find(errs.begin(), errs.end(), "status.revoked"), errs.end());
  bool reason = false;
  for (const auto& c : r.checks) reason = reason || c.message.find("trenchcoat") != std::string::npos;
  EXPECT_TRUE(reason);
}

}  // namespace
}  // namespace ecusson::ob2
