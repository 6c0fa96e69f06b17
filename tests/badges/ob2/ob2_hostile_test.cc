// Hostile input for the OB 2.0 verifier, one test per case: every one is refused with a
// clear reason, in bounded time (deadlines, not wall-clock asserts) and memory (size caps).
#include <algorithm>

#include <boost/json.hpp>

#include "ecusson/net/http_fetcher.h"
#include "ecusson/ob2/verify.h"
#include "test_http_server.h"
#include "test_support.h"

namespace ecusson::ob2 {

using credentials::CheckStatus;
using credentials::VerificationResult;
using net::FetchOptions;
using net::FetchResponse;
using net::Fetcher;
using net::HttpFetcher;
namespace {

namespace json = boost::json;
using namespace std::chrono;

bool failed_with(const VerificationResult& r, std::string_view code, std::string_view evidence) {
  for (const auto& c : r.checks)
    if (c.status == CheckStatus::failed && c.code == code &&
        c.evidence.find(evidence) != std::string::npos)
      return true;
  return false;
}
std::string dump(const VerificationResult& r) { return json::serialize(to_json(r, true)); }

Ob2VerifyOptions local_options() {
  Ob2VerifyOptions o;
  o.allow_private_network = true;  // the test server is on 127.0.0.1
  o.fetch_timeout = milliseconds(1500);
  return o;
}

TEST(ob2_hostile, hosted_id_that_redirects_forever) {
  test::TestHttpServer server;
  server.add_redirect("/loop", "/loop");
  HttpFetcher fetcher;
  auto r = verify_ob2(server.url("/loop"), fetcher, local_options());
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed_with(r, "hosted.fetch", "fetch.too_many_redirects")) << dump(r);
  EXPECT_LE(server.hits("/loop"), 6);  // first request + max_redirects (5)
}

TEST(ob2_hostile, server_sending_2_gb) {
  test::TestHttpServer server;
  server.add_endless_body("/huge.json");
  HttpFetcher fetcher;
  auto r = verify_ob2(server.url("/huge.json"), fetcher, local_options());
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed_with(r, "hosted.fetch", "fetch.too_large")) << dump(r);
  // The client stopped reading far before 2 GB (the cap is 8 MiB for an assertion URL,
  // which may answer with a baked image).
  EXPECT_LT(server.endless_bytes_sent(), 64ull << 20);
}

TEST(ob2_hostile, server_that_never_answers) {
  test::TestHttpServer server;
  server.add_hang("/slow.json");
  HttpFetcher fetcher;
  auto r = verify_ob2(server.url("/slow.json"), fetcher, local_options());
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed_with(r, "hosted.fetch", "fetch.timeout")) << dump(r);
}

TEST(ob2_hostile, assertion_id_on_a_private_address) {
  HttpFetcher fetcher;
  json::object a{{"@context", "https://w3id.org/openbadges/v2"},
                 {"type", "Assertion"},
                 {"id", "https://10.0.0.1/assertions/1.json"},
                 {"verification", json::object{{"type", "HostedBadge"}}}};
  auto r = verify_ob2(json::serialize(a), fetcher, {});
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed_with(r, "hosted.fetch", "fetch.private_address")) << dump(r);
}

TEST(ob2_hostile, assertion_id_on_cloud_metadata_address) {
  HttpFetcher fetcher;
  auto r = verify_ob2("http://169.254.169.254/latest/meta-data/", fetcher, {});
  EXPECT_FALSE(r.verified);
  // Plain http to a link-local address without the flag: refused before any connection.
  bool refused = failed_with(r, "hosted.fetch", "fetch.private_address") ||
                 failed_with(r, "hosted.fetch", "fetch.insecure_scheme");
  EXPECT_TRUE(refused) << dump(r);
}

TEST(ob2_hostile, key_url_on_a_private_address) {
  // A signed badge whose issuer lists a key on the internal network: the key is never
  // fetched. (The issuer itself is served from the local test server.)
  test::TestHttpServer server;
  const std::string issuer = server.url("/issuer.json");
  const std::string badge = server.url("/badge.json");
  server.add("/issuer.json", {200, "application/ld+json",
                              json::serialize(json::object{
                                  {"@context", "https://w3id.org/openbadges/v2"},
                                  {"type", "Issuer"}, {"id", issuer}, {"name", "x"},
                                  {"url", "https://x.example"}, {"email", "a@x.example"},
                                  {"publicKey", "https://10.0.0.1/key.json"}})});
  server.add("/badge.json", {200, "application/ld+json",
                             json::serialize(json::object{
                                 {"@context", "https://w3id.org/openbadges/v2"},
                                 {"type", "BadgeClass"}, {"id", badge}, {"name", "b"},
                                 {"description", "d"}, {"image", "https://x.example/i.png"},
                                 {"criteria", json::object{{"narrative", "n"}}},
                                 {"issuer", issuer}})});
  json::object a{{"@context", "https://w3id.org/openbadges/v2"},
                 {"type", "Assertion"},
                 {"id", "urn:uuid:0b0e7e0c-1111-4222-8333-944455556666"},
                 {"recipient", json::object{{"type", "email"}, {"hashed", false}, {"identity", "a@b.fr"}}},
                 {"badge", badge},
                 {"issuedOn", "2020-01-01T00:00:00Z"},
                 {"verification", json::object{{"type", "SignedBadge"},
                                               {"creator", "https://10.0.0.1/key.json"}}}};
  // Any RS256-shaped JWS: the key fetch is refused before the signature matters.
  std::string payload = json::serialize(a);
  std::string b64;
  {
    static const char* al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    unsigned v = 0;
    int bits = 0;
    for (unsigned char c : payload) {
      v = (v << 8) | c;
      bits += 8;
      while (bits >= 6) {
        bits -= 6;
        b64.push_back(al[(v >> bits) & 63]);
      }
    }
    if (bits > 0) b64.push_back(al[(v << (6 - bits)) & 63]);
  }
  std::string jws = "eyJhbGciOiJSUzI1NiJ9." + b64 + ".AAAA";
  Ob2VerifyOptions o;
  o.allow_private_network = false;
  // Reach the local server through a fetcher that allows loopback only for it.
  struct LoopbackOnly : Fetcher {
    HttpFetcher inner;
    std::string allowed;
    Result<FetchResponse> fetch(std::string_view url, const FetchOptions& options) override {
      FetchOptions opt = options;
      opt.allow_private_network = url.starts_with(allowed);
      return inner.fetch(url, opt);
    }
  } fetcher;
  fetcher.allowed = server.url("/");
  auto r = verify_ob2(jws, fetcher, o);
  EXPECT_FALSE(r.verified);
  EXPECT_TRUE(failed_with(r, "key.resolution", "fetch.private_address")) << dump(r);
}

TEST(ob2_hostile, jws_of_50_mb) {
  // Never decoded: refused on size before any base64 work or fetch.
  std::string jws = "eyJhbGciOiJSUzI1NiJ9." + std::string(50u << 20, 'A') + ".AAAA";
  struct NoFetch : Fetcher {
    int calls = 0;
    Result<FetchResponse> fetch(std::string_view, const FetchOptions&) override {
      ++calls;
      return fail("fetch.unexpected", "no fetch expected");
    }
  } fetcher;
  auto r = verify_ob2(jws, fetcher, {});
  EXPECT_FALSE(r.verified);
  auto errs = r.errors();
  EXPECT_NE(std::find(errs.begin(), errs.end(), "structure.size"), errs.end()) << dump(r);
  EXPECT_EQ(fetcher.calls, 0);
}

TEST(ob2_hostile, circular_issuer_and_badge_references) {
  // The BadgeClass's issuer is the BadgeClass; the issuer URL would lead back to it.
  test::TestHttpServer server;
  const std::string a_url = server.url("/a.json");
  const std::string b_url = server.url("/b.json");
  json::object a{{"@context", "https://w3id.org/openbadges/v2"},
                 {"type", "Assertion"},
                 {"id", a_url},
                 {"recipient", json::object{{"type", "email"}, {"hashed", false}, {"identity", "a@b.fr"}}},
                 {"badge", b_url},
                 {"issuedOn", "2020-01-01T00:00:00Z"},
                 {"verification", json::object{{"type", "HostedBadge"}}}};
  json::object b{{"@context", "https://w3id.org/openbadges/v2"},
                 {"type", json::array{"BadgeClass", "Issuer"}},
                 {"id", b_url},
                 {"name", "n"},
                 {"description", "d"},
                 {"image", "https://x.example/i.png"},
                 {"criteria", json::object{{"narrative", "x"}}},
                 {"url", a_url},
                 {"email", "a@b.fr"},
                 {"issuer", b_url},
                 {"publicKey", a_url}};
  server.add("/a.json", {200, "application/ld+json", json::serialize(a)});
  server.add("/b.json", {200, "application/ld+json", json::serialize(b)});
  HttpFetcher fetcher;
  auto r = verify_ob2(a_url, fetcher, local_options());
  // Each document was fetched once: the cycle cannot loop.
  EXPECT_EQ(server.hits("/a.json"), 1);
  EXPECT_EQ(server.hits("/b.json"), 1);
  // A node that is both its own BadgeClass and issuer proves nothing about an issuer.
  auto errs = r.errors();
  EXPECT_NE(std::find(errs.begin(), errs.end(), "structure.issuer"), errs.end()) << dump(r);
  EXPECT_FALSE(r.verified) << dump(r);
}

}  // namespace
}  // namespace ecusson::ob2
