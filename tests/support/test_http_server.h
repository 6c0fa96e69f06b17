// TestHttpServer: a real HTTP/1.1 server on 127.0.0.1 (random port) for tests that fetch.
//
// Boost.Beast behind this small header (implementation in test_http_server.cc, linked as
// the static library `ecusson_test_http_server`). The server runs an acceptor on a
// background thread and serves each connection on its own thread, so a route may hang or
// stream forever without blocking others. Routes are exact paths (the query string is
// ignored) registered before or while serving; unknown paths get 404. The destructor stops
// everything (hanging and endless routes included) and joins the threads.
// Thread-safety: all public members may be called from any thread.
//
//   ecusson::test::TestHttpServer server;
//   server.add("/list.json", {200, "application/json", R"({"a":1})"});
//   server.add_redirect("/loop", "/loop");          // redirect forever
//   server.add_endless_body("/huge");               // 2 GB declared, streamed zeros
//   server.add_hang("/slow");                       // accepts, never answers
//   fetcher.fetch(server.url("/list.json"), opts);
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ecusson::test {

class TestHttpServer {
 public:
  struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers = {};  // extra headers
  };
  struct Request {
    std::string method;
    std::string target;  // with query
    std::string path;    // without query
    std::vector<std::pair<std::string, std::string>> headers;
    /// Value of a header (case-insensitive name), or "".
    std::string header(std::string_view name) const;
  };
  using Handler = std::function<Response(const Request&)>;

  /// A certificate and its private key (PEM) for a TLS server.
  struct TlsIdentity {
    std::string cert_pem;
    std::string key_pem;
  };
  /// A fresh self-signed certificate (P-256, valid one day) whose subjectAltName lists
  /// `dns_names` and `ips`. Tests trust it through HttpFetcherOptions::extra_ca_file.
  static TlsIdentity make_self_signed(const std::vector<std::string>& dns_names,
                                      const std::vector<std::string>& ips);

  /// Plain HTTP server.
  TestHttpServer();
  /// HTTPS server presenting `identity` (url() then starts with https://127.0.0.1).
  explicit TestHttpServer(TlsIdentity identity);
  ~TestHttpServer();
  TestHttpServer(const TestHttpServer&) = delete;
  TestHttpServer& operator=(const TestHttpServer&) = delete;

  std::uint16_t port() const;
  /// "http://127.0.0.1:<port><path>".
  std::string url(std::string_view path) const;

  /// Serves a fixed response at `path`.
  void add(std::string path, Response response);
  /// Serves what `handler` returns (called on the connection's thread).
  void add_handler(std::string path, Handler handler);
  /// Answers `status` with `Location: location` (relative or absolute).
  void add_redirect(std::string path, std::string location, int status = 302);
  /// Sends 200 with a body that never ends before the client gives up: zeros, written in
  /// 64 KB pieces. With `declared_length` > 0 the header says Content-Length: that value
  /// (default 2 GB); with 0 the body is chunked and endless. Never allocates the body.
  void add_endless_body(std::string path, std::uint64_t declared_length = 2ull << 30);
  /// Accepts the request and never answers (until the server stops).
  void add_hang(std::string path);
  /// Answers 410 Gone with `body` (OB 2.0 revoked hosted assertion).
  void add_gone(std::string path, std::string body = {});

  /// How many requests reached `path` so far.
  int hits(std::string_view path) const;
  /// Headers of the latest request to `path` (empty if none).
  Request last_request(std::string_view path) const;
  /// Total bytes written by endless routes (to show a client stopped early).
  std::uint64_t endless_bytes_sent() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ecusson::test
