// TestHttpServer implementation: blocking Beast I/O, one thread per connection; stop()
// shuts every socket down (SHUT_RDWR unblocks the threads) and joins them.
#include "test_http_server.h"

#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/asio/ssl.hpp>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

namespace ecusson::test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {
enum class Kind { fixed, handler, endless, hang };
struct Route {
  Kind kind = Kind::fixed;
  TestHttpServer::Response response;
  TestHttpServer::Handler handler;
  std::uint64_t declared_length = 0;
};
bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(),
                    [](char x, char y) { return std::tolower((unsigned char)x) == std::tolower((unsigned char)y); });
}
}  // namespace

std::string TestHttpServer::Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return {};
}

struct TestHttpServer::Impl {
  net::io_context ioc;
  tcp::acceptor acceptor{ioc};
  std::uint16_t port = 0;
  std::thread accept_thread;

  mutable std::mutex mu;
  std::condition_variable stop_cv;
  bool stopping = false;
  std::map<std::string, Route, std::less<>> routes;
  std::map<std::string, int, std::less<>> hits;
  std::map<std::string, Request, std::less<>> last;
  std::vector<std::thread> conn_threads;
  std::vector<int> conn_fds;
  std::atomic<std::uint64_t> endless_sent{0};
  std::unique_ptr<net::ssl::context> tls;

  void start() {
    tcp::endpoint ep(net::ip::make_address("127.0.0.1"), 0);
    acceptor.open(ep.protocol());
    acceptor.set_option(net::socket_base::reuse_address(true));
    acceptor.bind(ep);
    acceptor.listen();
    port = acceptor.local_endpoint().port();
    accept_thread = std::thread([this] { accept_loop(); });
  }

  void accept_loop() {
    for (;;) {
      tcp::socket sock(ioc);
      beast::error_code ec;
      acceptor.accept(sock, ec);
      std::lock_guard lock(mu);
      if (stopping) return;
      if (ec) continue;
      conn_fds.push_back(sock.native_handle());
      conn_threads.emplace_back([this, s = std::move(sock)]() mutable { serve(std::move(s)); });
    }
  }

  void serve(tcp::socket sock) {
    if (tls) {
      net::ssl::stream<tcp::socket&> stream(sock, *tls);
      beast::error_code ec;
      stream.handshake(net::ssl::stream_base::server, ec);
      if (!ec) serve_stream(stream);
    } else {
      serve_stream(sock);
    }
    beast::error_code ec;
    sock.shutdown(tcp::socket::shutdown_both, ec);
    // Forget the descriptor before the socket closes it, so stop() never shuts down a
    // descriptor number that the process has reused since.
    std::lock_guard lock(mu);
    conn_fds.erase(std::remove(conn_fds.begin(), conn_fds.end(), sock.native_handle()),
                   conn_fds.end());
  }

  template <class Stream>
  void serve_stream(Stream& sock) {
    beast::error_code ec;
    beast::flat_buffer buffer;
    for (;;) {
      http::request<http::string_body> req;
      http::read(sock, buffer, req, ec);
      if (ec) break;
      Request r;
      r.method = std::string(req.method_string());
      r.target = std::string(req.target());
      r.path = r.target.substr(0, r.target.find('?'));
      for (const auto& f : req) r.headers.emplace_back(std::string(f.name_string()), std::string(f.value()));
      Route route;
      bool found = false;
      {
        std::lock_guard lock(mu);
        ++hits[r.path];
        last[r.path] = r;
        if (auto it = routes.find(r.path); it != routes.end()) {
          route = it->second;
          found = true;
        }
      }
      if (!found) {
        route.kind = Kind::fixed;
        route.response = Response{404, "text/plain", "not found"};
      }
      if (route.kind == Kind::hang) {
        std::unique_lock lock(mu);
        stop_cv.wait(lock, [this] { return stopping; });
        break;
      }
      if (route.kind == Kind::endless) {
        serve_endless(sock, route.declared_length);
        break;
      }
      Response resp = route.kind == Kind::handler ? route.handler(r) : route.response;
      http::response<http::string_body> res{static_cast<http::status>(resp.status), 11};
      res.set(http::field::server, "ecusson-test");
      if (!resp.content_type.empty()) res.set(http::field::content_type, resp.content_type);
      for (const auto& [k, v] : resp.headers) res.set(k, v);
      res.body() = std::move(resp.body);
      res.keep_alive(req.keep_alive());
      res.prepare_payload();
      http::write(sock, res, ec);
      if (ec || !res.keep_alive()) break;
    }
  }

  template <class Stream>
  void serve_endless(Stream& sock, std::uint64_t declared) {
    std::string head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    if (declared > 0) head += "Content-Length: " + std::to_string(declared) + "\r\n\r\n";
    else head += "Transfer-Encoding: chunked\r\n\r\n";
    beast::error_code ec;
    net::write(sock, net::buffer(head), ec);
    std::string piece(64 * 1024, '0');
    std::string chunk_head;
    {
      char hex[32];
      std::snprintf(hex, sizeof hex, "%zx\r\n", piece.size());
      chunk_head = hex;
    }
    std::uint64_t sent = 0;
    while (!ec) {
      {
        std::lock_guard lock(mu);
        if (stopping) return;
      }
      if (declared > 0) {
        if (sent >= declared) return;
        std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(piece.size(), declared - sent));
        net::write(sock, net::buffer(piece.data(), n), ec);
        sent += n;
        endless_sent += n;
      } else {
        std::array<net::const_buffer, 3> bufs{net::buffer(chunk_head), net::buffer(piece),
                                              net::buffer("\r\n", 2)};
        net::write(sock, bufs, ec);
        sent += piece.size();
        endless_sent += piece.size();
      }
    }
  }

  void stop() {
    {
      std::lock_guard lock(mu);
      stopping = true;
      for (int fd : conn_fds) ::shutdown(fd, SHUT_RDWR);
    }
    stop_cv.notify_all();
    // Unblock accept(): shutting the listening socket down makes accept() return.
    ::shutdown(acceptor.native_handle(), SHUT_RDWR);
    if (accept_thread.joinable()) accept_thread.join();
    std::vector<std::thread> threads;
    {
      std::lock_guard lock(mu);
      threads.swap(conn_threads);
    }
    for (auto& t : threads) t.join();
    beast::error_code ec;
    acceptor.close(ec);
  }
};

TestHttpServer::TestHttpServer() : impl_(std::make_unique<Impl>()) { impl_->start(); }

TestHttpServer::TestHttpServer(TlsIdentity identity) : impl_(std::make_unique<Impl>()) {
  impl_->tls = std::make_unique<net::ssl::context>(net::ssl::context::tls_server);
  impl_->tls->use_certificate_chain(net::buffer(identity.cert_pem));
  impl_->tls->use_private_key(net::buffer(identity.key_pem), net::ssl::context::pem);
  impl_->start();
}

TestHttpServer::TlsIdentity TestHttpServer::make_self_signed(
    const std::vector<std::string>& dns_names, const std::vector<std::string>& ips) {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 3600);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("ecusson test"), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  std::string san;
  for (const auto& d : dns_names) san += (san.empty() ? "" : ",") + std::string("DNS:") + d;
  for (const auto& i : ips) san += (san.empty() ? "" : ",") + std::string("IP:") + i;
  X509V3_CTX v3;
  X509V3_set_ctx_nodb(&v3);
  X509V3_set_ctx(&v3, cert, cert, nullptr, nullptr, 0);
  auto add_ext = [&](int nid, const std::string& value) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &v3, nid, value.c_str());
    if (ext) {
      X509_add_ext(cert, ext, -1);
      X509_EXTENSION_free(ext);
    }
  };
  if (!san.empty()) add_ext(NID_subject_alt_name, san);
  add_ext(NID_basic_constraints, "critical,CA:TRUE");
  X509_sign(cert, key, EVP_sha256());
  auto to_pem = [](auto write) {
    BIO* bio = BIO_new(BIO_s_mem());
    write(bio);
    char* data = nullptr;
    long n = BIO_get_mem_data(bio, &data);
    std::string out(data, static_cast<std::size_t>(n));
    BIO_free(bio);
    return out;
  };
  TlsIdentity id;
  id.cert_pem = to_pem([&](BIO* b) { PEM_write_bio_X509(b, cert); });
  id.key_pem = to_pem([&](BIO* b) { PEM_write_bio_PrivateKey(b, key, nullptr, nullptr, 0, nullptr, nullptr); });
  X509_free(cert);
  EVP_PKEY_free(key);
  return id;
}
TestHttpServer::~TestHttpServer() { impl_->stop(); }

std::uint16_t TestHttpServer::port() const { return impl_->port; }
std::string TestHttpServer::url(std::string_view path) const {
  return std::string(impl_->tls ? "https" : "http") + "://127.0.0.1:" +
         std::to_string(impl_->port) + std::string(path);
}

void TestHttpServer::add(std::string path, Response response) {
  std::lock_guard lock(impl_->mu);
  Route r;
  r.kind = Kind::fixed;
  r.response = std::move(response);
  impl_->routes[std::move(path)] = std::move(r);
}
void TestHttpServer::add_handler(std::string path, Handler handler) {
  std::lock_guard lock(impl_->mu);
  Route r;
  r.kind = Kind::handler;
  r.handler = std::move(handler);
  impl_->routes[std::move(path)] = std::move(r);
}
void TestHttpServer::add_redirect(std::string path, std::string location, int status) {
  add(std::move(path), Response{status, "text/plain", "", {{"Location", std::move(location)}}});
}
void TestHttpServer::add_endless_body(std::string path, std::uint64_t declared_length) {
  std::lock_guard lock(impl_->mu);
  Route r;
  r.kind = Kind::endless;
  r.declared_length = declared_length;
  impl_->routes[std::move(path)] = std::move(r);
}
void TestHttpServer::add_hang(std::string path) {
  std::lock_guard lock(impl_->mu);
  Route r;
  r.kind = Kind::hang;
  impl_->routes[std::move(path)] = std::move(r);
}
void TestHttpServer::add_gone(std::string path, std::string body) {
  add(std::move(path), Response{410, "application/json", std::move(body)});
}
int TestHttpServer::hits(std::string_view path) const {
  std::lock_guard lock(impl_->mu);
  auto it = impl_->hits.find(path);
  return it == impl_->hits.end() ? 0 : it->second;
}
TestHttpServer::Request TestHttpServer::last_request(std::string_view path) const {
  std::lock_guard lock(impl_->mu);
  auto it = impl_->last.find(path);
  return it == impl_->last.end() ? Request{} : it->second;
}
std::uint64_t TestHttpServer::endless_bytes_sent() const { return impl_->endless_sent.load(); }

}  // namespace ecusson::test
