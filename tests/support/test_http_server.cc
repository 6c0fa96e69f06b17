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
    sock.shutdown(tcp::socket::shutdown_both, ec);
    // Forget the descriptor before the socket closes it, so stop() never shuts down a
    // descriptor number that the process has reused since.
    std::lock_guard lock(mu);
    conn_fds.erase(std::remove(conn_fds.begin(), conn_fds.end(), sock.native_handle()),
                   conn_fds.end());
  }

  void serve_endless(tcp::socket& sock, std::uint64_t declared) {
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
TestHttpServer::~TestHttpServer() { impl_->stop(); }

std::uint16_t TestHttpServer::port() const { return impl_->port; }
std::string TestHttpServer::url(std::string_view path) const {
  return "http://127.0.0.1:" + std::to_string(impl_->port) + std::string(path);
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
