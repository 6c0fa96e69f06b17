#include "ecusson/net/http_fetcher.h"

#include <sys/resource.h>

#include "test_http_server.h"
#include "test_support.h"

namespace ecusson::net {
namespace {

using test::TestHttpServer;

FetchOptions local() {
  FetchOptions o;
  o.allow_private_network = true;
  o.total_timeout = std::chrono::seconds(10);
  return o;
}

long max_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

TEST(http_fetcher, classifies_addresses) {
  EXPECT_EQ(classify_address("8.8.8.8"), AddressClass::global);
  EXPECT_EQ(classify_address("10.0.0.1"), AddressClass::private_);
  EXPECT_EQ(classify_address("172.31.255.255"), AddressClass::private_);
  EXPECT_EQ(classify_address("172.32.0.1"), AddressClass::global);
  EXPECT_EQ(classify_address("192.168.1.1"), AddressClass::private_);
  EXPECT_EQ(classify_address("127.0.0.1"), AddressClass::loopback);
  EXPECT_EQ(classify_address("169.254.169.254"), AddressClass::link_local);
  EXPECT_EQ(classify_address("100.64.0.1"), AddressClass::cgnat);
  EXPECT_EQ(classify_address("224.0.0.1"), AddressClass::multicast);
  EXPECT_EQ(classify_address("0.0.0.0"), AddressClass::unspecified);
  EXPECT_EQ(classify_address("255.255.255.255"), AddressClass::reserved);
  EXPECT_EQ(classify_address("::1"), AddressClass::loopback);
  EXPECT_EQ(classify_address("::"), AddressClass::unspecified);
  EXPECT_EQ(classify_address("fe80::1"), AddressClass::link_local);
  EXPECT_EQ(classify_address("fd00::1"), AddressClass::unique_local);
  EXPECT_EQ(classify_address("ff02::1"), AddressClass::multicast);
  EXPECT_EQ(classify_address("::ffff:127.0.0.1"), AddressClass::loopback);
  EXPECT_EQ(classify_address("::ffff:169.254.169.254"), AddressClass::link_local);
  EXPECT_EQ(classify_address("64:ff9b::10.0.0.1"), AddressClass::private_);
  EXPECT_EQ(classify_address("2002:0a00:0001::1"), AddressClass::reserved);  // 6to4 of 10.0.0.1
  EXPECT_EQ(classify_address("2a00:1450:4007:80e::200e"), AddressClass::global);
  EXPECT_EQ(classify_address("example.org"), std::nullopt);
}

TEST(http_fetcher, fetches_local_document_with_flag_and_sends_accept) {
  TestHttpServer server;
  server.add("/doc.json", {200, "application/ld+json", R"({"ok":true})"});
  HttpFetcher f;
  auto r = f.fetch(server.url("/doc.json"), local());
  ASSERT_OK(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, R"({"ok":true})");
  EXPECT_EQ(r->content_type, "application/ld+json");
  EXPECT_EQ(server.last_request("/doc.json").header("accept"),
            "application/ld+json, application/json");
}

TEST(http_fetcher, refuses_loopback_without_flag) {
  TestHttpServer server;
  server.add("/doc.json", {200, "application/json", "{}"});
  HttpFetcher f;
  EXPECT_ERROR(f.fetch(server.url("/doc.json"), FetchOptions{}), "fetch.private_address");
  EXPECT_EQ(server.hits("/doc.json"), 0);
}

TEST(http_fetcher, refuses_private_10_network) {
  HttpFetcher f;
  EXPECT_ERROR(f.fetch("https://10.0.0.1/issuer.json", FetchOptions{}), "fetch.private_address");
}

TEST(http_fetcher, refuses_cloud_metadata_link_local) {
  HttpFetcher f;
  EXPECT_ERROR(f.fetch("http://169.254.169.254/latest/meta-data/", FetchOptions{}),
               "fetch.private_address");
  EXPECT_ERROR(f.fetch("https://[fe80::1]/x", FetchOptions{}), "fetch.private_address");
  EXPECT_ERROR(f.fetch("https://[::ffff:169.254.169.254]/x", FetchOptions{}),
               "fetch.private_address");
}

TEST(http_fetcher, refuses_plain_http_to_public_host_even_with_flag) {
  HttpFetcher f;
  // A global address: refused by policy before any connection attempt.
  EXPECT_ERROR(f.fetch("http://93.184.216.34/issuer.json", local()), "fetch.insecure_scheme");
}

TEST(http_fetcher, refuses_other_schemes_and_bad_urls) {
  HttpFetcher f;
  EXPECT_ERROR(f.fetch("ftp://example.org/x", FetchOptions{}), "fetch.scheme");
  EXPECT_ERROR(f.fetch("file:///etc/passwd", FetchOptions{}), "fetch.scheme");
  EXPECT_ERROR(f.fetch("not a url", FetchOptions{}), "fetch.bad_url");
  EXPECT_ERROR(f.fetch("https://user:pw@example.org/", FetchOptions{}), "fetch.bad_url");
}

TEST(http_fetcher, follows_redirects_within_limit) {
  TestHttpServer server;
  server.add_redirect("/a", "/b", 301);
  server.add_redirect("/b", server.url("/c"), 307);
  server.add("/c", {200, "application/json", R"({"c":1})"});
  HttpFetcher f;
  auto r = f.fetch(server.url("/a"), local());
  ASSERT_OK(r);
  EXPECT_EQ(r->body, R"({"c":1})");
  EXPECT_EQ(r->final_url, server.url("/c"));
}

TEST(http_fetcher, refuses_redirect_loop) {
  TestHttpServer server;
  server.add_redirect("/loop", "/loop");
  HttpFetcher f;
  auto opts = local();
  opts.max_redirects = 4;
  EXPECT_ERROR(f.fetch(server.url("/loop"), opts), "fetch.too_many_redirects");
  EXPECT_EQ(server.hits("/loop"), 5);  // the first request and 4 followed redirects
}

TEST(http_fetcher, rechecks_policy_on_each_redirect_hop) {
  TestHttpServer server;
  server.add_redirect("/to-public-http", "http://93.184.216.34/x");
  server.add_redirect("/to-file", "file:///etc/passwd");
  HttpFetcher f;
  EXPECT_ERROR(f.fetch(server.url("/to-public-http"), local()), "fetch.insecure_scheme");
  EXPECT_ERROR(f.fetch(server.url("/to-file"), local()), "fetch.scheme");
}

TEST(http_fetcher, refuses_declared_2gb_body_at_size_limit) {
  TestHttpServer server;
  server.add_endless_body("/huge", 2ull << 30);
  HttpFetcher f;
  auto opts = local();
  opts.max_body_bytes = 1u << 20;
  long before = max_rss_kb();
  EXPECT_ERROR(f.fetch(server.url("/huge"), opts), "fetch.too_large");
  EXPECT_LT(max_rss_kb() - before, 256 * 1024);  // far from the 2 GB announced
}

TEST(http_fetcher, stops_reading_endless_chunked_body_at_size_limit) {
  TestHttpServer server;
  server.add_endless_body("/endless", 0);
  HttpFetcher f;
  auto opts = local();
  opts.max_body_bytes = 1u << 20;
  long before = max_rss_kb();
  EXPECT_ERROR(f.fetch(server.url("/endless"), opts), "fetch.too_large");
  EXPECT_LT(max_rss_kb() - before, 256 * 1024);
}

TEST(http_fetcher, times_out_on_server_that_never_answers) {
  TestHttpServer server;
  server.add_hang("/hang");
  HttpFetcher f;
  auto opts = local();
  opts.total_timeout = std::chrono::milliseconds(400);
  EXPECT_ERROR(f.fetch(server.url("/hang"), opts), "fetch.timeout");
  EXPECT_EQ(server.hits("/hang"), 1);
}

TEST(http_fetcher, reports_410_status) {
  TestHttpServer server;
  server.add_gone("/revoked", R"({"revoked":true})");
  HttpFetcher f;
  auto r = f.fetch(server.url("/revoked"), local());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "fetch.http_status");
  EXPECT_EQ(fetch_error_status(r.error()), 410);
  auto opts = local();
  opts.return_error_status = true;
  auto kept = f.fetch(server.url("/revoked"), opts);
  ASSERT_OK(kept);
  EXPECT_EQ(kept->status, 410);
  EXPECT_EQ(kept->body, R"({"revoked":true})");
}

TEST(http_fetcher, reports_404_for_unknown_path) {
  TestHttpServer server;
  HttpFetcher f;
  auto r = f.fetch(server.url("/nothing"), local());
  ASSERT_FALSE(r);
  EXPECT_EQ(fetch_error_status(r.error()), 404);
}

TEST(http_fetcher, tls_to_plain_http_server_fails_handshake) {
  TestHttpServer server;
  server.add("/x", {200, "application/json", "{}"});
  HttpFetcher f;
  auto url = "https://127.0.0.1:" + std::to_string(server.port()) + "/x";
  EXPECT_ERROR(f.fetch(url, local()), "fetch.tls");
}

TEST(http_fetcher, connection_refused_is_connect_error) {
  std::uint16_t port;
  {
    TestHttpServer server;
    port = server.port();
  }  // closed: nothing listens there any more
  HttpFetcher f;
  EXPECT_ERROR(f.fetch("http://127.0.0.1:" + std::to_string(port) + "/", local()), "fetch.connect");
}

}  // namespace
}  // namespace ecusson::net

namespace ecusson::net {
namespace {

// HTTPS against a local TLS server whose self-signed certificate is trusted only through
// HttpFetcherOptions::extra_ca_file: proves certificates and host names are checked.
struct TlsFixture {
  test::TempDir dir;
  std::string ca_file;
  explicit TlsFixture(const test::TestHttpServer::TlsIdentity& id) {
    ca_file = (dir.path() / "ca.pem").string();
    std::ofstream(ca_file) << id.cert_pem;
  }
};

TEST(http_fetcher, https_with_trusted_certificate_for_ip_succeeds) {
  auto id = test::TestHttpServer::make_self_signed({"localhost"}, {"127.0.0.1"});
  test::TestHttpServer server(id);
  server.add("/k.json", {200, "application/json", R"({"keys":[]})"});
  TlsFixture tls(id);
  HttpFetcher f(HttpFetcherOptions{tls.ca_file});
  auto r = f.fetch(server.url("/k.json"), local());
  ASSERT_OK(r);
  EXPECT_EQ(r->body, R"({"keys":[]})");
}

TEST(http_fetcher, https_with_trusted_certificate_for_host_name_succeeds) {
  auto id = test::TestHttpServer::make_self_signed({"localhost"}, {});
  test::TestHttpServer server(id);
  server.add("/k.json", {200, "application/json", "{}"});
  TlsFixture tls(id);
  HttpFetcher f(HttpFetcherOptions{tls.ca_file});
  auto r = f.fetch("https://localhost:" + std::to_string(server.port()) + "/k.json", local());
  ASSERT_OK(r);
  EXPECT_EQ(server.last_request("/k.json").header("host"),
            "localhost:" + std::to_string(server.port()));
}

TEST(http_fetcher, https_refuses_untrusted_certificate) {
  auto id = test::TestHttpServer::make_self_signed({"localhost"}, {"127.0.0.1"});
  test::TestHttpServer server(id);
  server.add("/k.json", {200, "application/json", "{}"});
  HttpFetcher f;  // system store only: the self-signed certificate is unknown
  EXPECT_ERROR(f.fetch(server.url("/k.json"), local()), "fetch.tls");
  EXPECT_EQ(server.hits("/k.json"), 0);
}

TEST(http_fetcher, https_refuses_certificate_for_another_host) {
  auto id = test::TestHttpServer::make_self_signed({"issuer.example"}, {"10.1.2.3"});
  test::TestHttpServer server(id);
  server.add("/k.json", {200, "application/json", "{}"});
  TlsFixture tls(id);
  HttpFetcher f(HttpFetcherOptions{tls.ca_file});
  EXPECT_ERROR(f.fetch(server.url("/k.json"), local()), "fetch.tls");
  EXPECT_ERROR(f.fetch("https://localhost:" + std::to_string(server.port()) + "/k.json", local()),
               "fetch.tls");
  EXPECT_EQ(server.hits("/k.json"), 0);
}

}  // namespace
}  // namespace ecusson::net
