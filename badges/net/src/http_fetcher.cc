// HttpFetcher: the only translation unit that includes Boost.Beast/Asio for outbound
// requests. Every operation is asynchronous on a private io_context so that the stream
// deadlines (beast::tcp_stream::expires_at) bound connect, TLS handshake, write and read;
// the resolver is bounded by a timer. See http_fetcher.h for the policy.
#include "ecusson/net/http_fetcher.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include "ecusson/common/text.h"

namespace ecusson::net {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

// ---------------------------------------------------------------------------------------
// Address classification

namespace {

bool in_v4(std::uint32_t a, std::uint32_t net_addr, int prefix) {
  std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
  return (a & mask) == (net_addr & mask);
}

constexpr std::uint32_t v4(int a, int b, int c, int d) {
  return (std::uint32_t(a) << 24) | (std::uint32_t(b) << 16) | (std::uint32_t(c) << 8) |
         std::uint32_t(d);
}

AddressClass classify_v4(std::uint32_t a) {
  if (in_v4(a, v4(0, 0, 0, 0), 8)) return AddressClass::unspecified;
  if (in_v4(a, v4(10, 0, 0, 0), 8)) return AddressClass::private_;
  if (in_v4(a, v4(100, 64, 0, 0), 10)) return AddressClass::cgnat;
  if (in_v4(a, v4(127, 0, 0, 0), 8)) return AddressClass::loopback;
  if (in_v4(a, v4(169, 254, 0, 0), 16)) return AddressClass::link_local;
  if (in_v4(a, v4(172, 16, 0, 0), 12)) return AddressClass::private_;
  if (in_v4(a, v4(192, 0, 0, 0), 24)) return AddressClass::reserved;
  if (in_v4(a, v4(192, 0, 2, 0), 24)) return AddressClass::reserved;
  if (in_v4(a, v4(192, 88, 99, 0), 24)) return AddressClass::reserved;
  if (in_v4(a, v4(192, 168, 0, 0), 16)) return AddressClass::private_;
  if (in_v4(a, v4(198, 18, 0, 0), 15)) return AddressClass::reserved;
  if (in_v4(a, v4(198, 51, 100, 0), 24)) return AddressClass::reserved;
  if (in_v4(a, v4(203, 0, 113, 0), 24)) return AddressClass::reserved;
  if (in_v4(a, v4(224, 0, 0, 0), 4)) return AddressClass::multicast;
  if (in_v4(a, v4(240, 0, 0, 0), 4)) return AddressClass::reserved;  // incl. broadcast
  return AddressClass::global;
}

AddressClass classify_v6(const net::ip::address_v6::bytes_type& b) {
  auto embedded_v4 = [&](int at) {
    return v4(b[at], b[at + 1], b[at + 2], b[at + 3]);
  };
  bool first80_zero = std::all_of(b.begin(), b.begin() + 10, [](auto x) { return x == 0; });
  if (first80_zero && b[10] == 0xff && b[11] == 0xff) return classify_v4(embedded_v4(12));
  if (first80_zero && b[10] == 0 && b[11] == 0) {
    bool all_zero = std::all_of(b.begin(), b.end(), [](auto x) { return x == 0; });
    if (all_zero) return AddressClass::unspecified;
    bool loop = std::all_of(b.begin(), b.begin() + 15, [](auto x) { return x == 0; }) && b[15] == 1;
    if (loop) return AddressClass::loopback;
    return classify_v4(embedded_v4(12));  // IPv4-compatible (deprecated)
  }
  // 64:ff9b::/96 NAT64: the embedded address decides.
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b &&
      std::all_of(b.begin() + 4, b.begin() + 12, [](auto x) { return x == 0; }))
    return classify_v4(embedded_v4(12));
  if ((b[0] & 0xfe) == 0xfc) return AddressClass::unique_local;
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return AddressClass::link_local;
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return AddressClass::private_;  // site-local
  if (b[0] == 0xff) return AddressClass::multicast;
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return AddressClass::reserved;
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) return AddressClass::reserved;
  if (b[0] == 0x20 && b[1] == 0x02) {  // 6to4: refuse unless the embedded v4 is global
    return classify_v4(embedded_v4(2)) == AddressClass::global ? AddressClass::global
                                                                : AddressClass::reserved;
  }
  if ((b[0] & 0xe0) == 0x20) return AddressClass::global;  // 2000::/3
  return AddressClass::reserved;
}

AddressClass classify(const net::ip::address& a) {
  if (a.is_v4()) return classify_v4(a.to_v4().to_uint());
  return classify_v6(a.to_v6().to_bytes());
}

}  // namespace

std::optional<AddressClass> classify_address(std::string_view ip) {
  boost::system::error_code ec;
  auto a = net::ip::make_address(std::string(ip), ec);
  if (ec) return std::nullopt;
  return classify(a);
}

const char* to_string(AddressClass c) {
  switch (c) {
    case AddressClass::global: return "global";
    case AddressClass::loopback: return "loopback";
    case AddressClass::private_: return "private";
    case AddressClass::link_local: return "link-local";
    case AddressClass::unique_local: return "unique-local";
    case AddressClass::cgnat: return "cgnat";
    case AddressClass::multicast: return "multicast";
    case AddressClass::unspecified: return "unspecified";
    case AddressClass::reserved: return "reserved";
  }
  return "reserved";
}

int fetch_error_status(const Error& e) {
  if (e.code != "fetch.http_status") return 0;
  std::string_view m = e.message;
  if (!m.starts_with("HTTP ")) return 0;
  int status = 0;
  auto res = std::from_chars(m.data() + 5, m.data() + m.size(), status);
  return res.ec == std::errc() ? status : 0;
}

// ---------------------------------------------------------------------------------------
// The client

namespace {

struct Target {
  bool https = false;
  std::string host;         // name or address, without brackets (SNI, certificate check)
  std::string host_header;  // as sent in Host:
  std::uint16_t port = 0;
  std::string request_target;
  bool ip_literal = false;
};

Result<Target> parse_target(std::string_view url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return fail("fetch.bad_url", "URL invalide : " + std::string(url), std::string(url));
  const auto& u = *parsed;
  Target t;
  std::string scheme = ascii_lower(u.scheme());
  if (scheme == "https") t.https = true;
  else if (scheme != "http")
    return fail("fetch.scheme", "schéma non pris en charge (http/https seulement) : " + scheme,
                std::string(url));
  if (!u.has_authority() || u.encoded_host().empty())
    return fail("fetch.bad_url", "URL sans hôte : " + std::string(url), std::string(url));
  if (u.has_userinfo())
    return fail("fetch.bad_url", "URL avec identifiants refusée", std::string(url));
  switch (u.host_type()) {
    case boost::urls::host_type::ipv4:
      t.host = u.host_ipv4_address().to_string();
      t.ip_literal = true;
      break;
    case boost::urls::host_type::ipv6:
      t.host = u.host_ipv6_address().to_string();
      t.ip_literal = true;
      break;
    case boost::urls::host_type::name:
      t.host = ascii_lower(u.host());  // percent-decoded
      break;
    default:
      return fail("fetch.bad_url", "hôte non pris en charge", std::string(url));
  }
  if (!t.ip_literal && t.host.find_first_of("%/\\ \t\r\n") != std::string::npos)
    return fail("fetch.bad_url", "nom d'hôte invalide", std::string(url));
  std::uint16_t default_port = t.https ? 443 : 80;
  t.port = u.has_port() ? u.port_number() : default_port;
  if (u.has_port() && u.port_number() == 0)
    return fail("fetch.bad_url", "port invalide", std::string(url));
  t.host_header = std::string(u.encoded_host_and_port());
  if (u.has_port() && t.port == default_port) t.host_header = std::string(u.encoded_host());
  t.request_target = u.encoded_path().empty() ? "/" : std::string(u.encoded_path());
  if (u.has_query()) t.request_target += "?" + std::string(u.encoded_query());
  return t;
}

struct Hop {
  int status = 0;
  std::string location;
  std::string content_type;
  std::string body;
};

bool is_redirect(int s) { return s == 301 || s == 302 || s == 303 || s == 307 || s == 308; }

// Runs the io_context until the operation started by `init` completes.
template <class Init>
beast::error_code run_op(net::io_context& ioc, Init&& init) {
  beast::error_code result = net::error::operation_aborted;
  init([&result](beast::error_code ec, auto&&...) { result = ec; });
  ioc.restart();
  ioc.run();
  return result;
}

Error map_io_error(const beast::error_code& ec, std::string_view phase, const std::string& url) {
  if (ec == beast::error::timeout || ec == net::error::timed_out)
    return fail("fetch.timeout", "délai dépassé (" + std::string(phase) + ")", url);
  if (ec == http::error::body_limit)
    return fail("fetch.too_large", "réponse trop volumineuse", url);
  if (ec == http::error::header_limit || ec == http::error::buffer_overflow)
    return fail("fetch.too_large", "en-têtes de réponse trop volumineux", url);
  if (ec.category() == net::error::get_ssl_category() || ec == ssl::error::stream_truncated)
    return fail("fetch.tls", "échec TLS (" + std::string(phase) + ") : " + ec.message(), url);
  if (phase == "connect")
    return fail("fetch.connect", "connexion impossible : " + ec.message(), url);
  return fail("fetch.protocol", "échange HTTP interrompu (" + std::string(phase) +
                                    ") : " + ec.message(), url);
}

template <class Stream>
Result<Hop> exchange(Stream& stream, const Target& t, const FetchOptions& opt,
                     const HttpFetcherOptions& client, net::io_context& ioc,
                     Clock::time_point deadline, const std::string& url) {
  http::request<http::empty_body> req{http::verb::get, t.request_target, 11};
  req.set(http::field::host, t.host_header);
  req.set(http::field::user_agent, client.user_agent);
  req.set(http::field::accept, opt.accept);
  req.set(http::field::accept_encoding, "identity");
  req.set(http::field::connection, "close");
  beast::get_lowest_layer(stream).expires_at(deadline);
  auto ec = run_op(ioc, [&](auto h) { http::async_write(stream, req, std::move(h)); });
  if (ec) return map_io_error(ec, "write", url);

  beast::flat_buffer buffer(64 * 1024);
  http::response_parser<http::string_body> parser;
  parser.header_limit(32 * 1024);
  parser.body_limit(opt.max_body_bytes);
  ec = run_op(ioc, [&](auto h) { http::async_read_header(stream, buffer, parser, std::move(h)); });
  if (ec) return map_io_error(ec, "read", url);
  Hop hop;
  hop.status = static_cast<int>(parser.get().result_int());
  if (is_redirect(hop.status)) {
    hop.location = std::string(parser.get()[http::field::location]);
    return hop;  // the body of a redirect is never read
  }
  hop.content_type = std::string(parser.get()[http::field::content_type]);
  ec = run_op(ioc, [&](auto h) { http::async_read(stream, buffer, parser, std::move(h)); });
  // A TLS peer that closes without close_notify after a complete message is harmless.
  if (ec && !(ec == ssl::error::stream_truncated && parser.is_done()))
    return map_io_error(ec, "read", url);
  hop.body = std::move(parser.get().body());
  return hop;
}

Result<Hop> fetch_one(const std::string& url, const FetchOptions& opt,
                      const HttpFetcherOptions& client, Clock::time_point deadline) {
  auto target = parse_target(url);
  if (!target) return target.error();
  const Target& t = *target;
  if (Clock::now() >= deadline) return fail("fetch.timeout", "délai dépassé", url);

  net::io_context ioc;
  auto connect_deadline = std::min(deadline, Clock::now() + opt.connect_timeout);

  // 1. Resolve (or take the literal), bounded by the connect deadline.
  std::vector<tcp::endpoint> endpoints;
  if (t.ip_literal) {
    endpoints.emplace_back(net::ip::make_address(t.host), t.port);
  } else {
    tcp::resolver resolver(ioc);
    net::steady_timer timer(ioc);
    bool timed_out = false;
    beast::error_code rec = net::error::operation_aborted;
    tcp::resolver::results_type results;
    timer.expires_at(connect_deadline);
    timer.async_wait([&](beast::error_code e) {
      if (!e) {
        timed_out = true;
        resolver.cancel();
      }
    });
    resolver.async_resolve(t.host, std::to_string(t.port),
                           [&](beast::error_code e, tcp::resolver::results_type r) {
                             rec = e;
                             results = std::move(r);
                             timer.cancel();
                           });
    ioc.run();
    if (timed_out) return fail("fetch.timeout", "délai dépassé (résolution DNS)", url);
    if (rec) return fail("fetch.dns", "nom d'hôte introuvable : " + t.host, url);
    for (const auto& e : results) endpoints.push_back(e.endpoint());
    if (endpoints.empty()) return fail("fetch.dns", "nom d'hôte introuvable : " + t.host, url);
  }

  // 2. Policy on every resolved address: one non-public address taints the host.
  bool all_private = true;
  for (const auto& ep : endpoints) {
    AddressClass c = classify(ep.address());
    if (c == AddressClass::global) {
      all_private = false;
    } else if (!opt.allow_private_network) {
      return fail("fetch.private_address",
                  "adresse " + std::string(to_string(c)) + " refusée (" +
                      ep.address().to_string() + ") ; --allow-private-network pour l'autoriser",
                  url);
    }
  }
  if (!t.https && !(opt.allow_private_network && all_private))
    return fail("fetch.insecure_scheme",
                "http:// refusé : un hôte public doit utiliser HTTPS (http seulement vers un "
                "réseau privé avec --allow-private-network)",
                url);

  // 3. Connect to the vetted addresses only (no new resolution).
  auto check_peer = [&](const tcp::socket& s) -> bool {
    beast::error_code e;
    auto peer = s.remote_endpoint(e);
    if (e) return false;
    return std::find(endpoints.begin(), endpoints.end(), peer) != endpoints.end();
  };

  if (!t.https) {
    beast::tcp_stream stream(ioc);
    stream.expires_at(connect_deadline);
    auto ec = run_op(ioc, [&](auto h) {
      stream.async_connect(endpoints, [h = std::move(h)](beast::error_code e, const tcp::endpoint&) mutable {
        h(e);
      });
    });
    if (ec) return map_io_error(ec, "connect", url);
    if (!check_peer(stream.socket()))
      return fail("fetch.private_address", "adresse connectée non vérifiée", url);
    return exchange(stream, t, opt, client, ioc, deadline, url);
  }

  ssl::context ctx(ssl::context::tls_client);
  ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                  ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
  beast::error_code ec;
  ctx.set_default_verify_paths(ec);
  if (!client.extra_ca_file.empty()) {
    ctx.load_verify_file(client.extra_ca_file, ec);
    if (ec) return fail("fetch.tls", "certificats CA illisibles : " + client.extra_ca_file, url);
  }
  ctx.set_verify_mode(ssl::verify_peer);
  beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
  SSL* native = stream.native_handle();
  if (t.ip_literal) {
    if (X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(native), t.host.c_str()) != 1)
      return fail("fetch.tls", "vérification d'adresse TLS impossible", url);
  } else {
    if (SSL_set_tlsext_host_name(native, t.host.c_str()) != 1 ||
        SSL_set1_host(native, t.host.c_str()) != 1)
      return fail("fetch.tls", "SNI / vérification du nom d'hôte impossible", url);
  }
  auto& lowest = beast::get_lowest_layer(stream);
  lowest.expires_at(connect_deadline);
  ec = run_op(ioc, [&](auto h) {
    lowest.async_connect(endpoints, [h = std::move(h)](beast::error_code e, const tcp::endpoint&) mutable {
      h(e);
    });
  });
  if (ec) return map_io_error(ec, "connect", url);
  if (!check_peer(lowest.socket()))
    return fail("fetch.private_address", "adresse connectée non vérifiée", url);
  ec = run_op(ioc, [&](auto h) { stream.async_handshake(ssl::stream_base::client, std::move(h)); });
  if (ec) {
    if (ec == beast::error::timeout) return map_io_error(ec, "TLS", url);
    long verify = SSL_get_verify_result(native);
    std::string why = verify != X509_V_OK ? X509_verify_cert_error_string(verify) : ec.message();
    return fail("fetch.tls", "échec de la négociation TLS : " + why, url);
  }
  return exchange(stream, t, opt, client, ioc, deadline, url);
}

}  // namespace

HttpFetcher::HttpFetcher(HttpFetcherOptions options) : options_(std::move(options)) {}

Result<FetchResponse> HttpFetcher::fetch(std::string_view url, const FetchOptions& options) {
  auto deadline = Clock::now() + options.total_timeout;
  std::string current(url);
  for (int redirects = 0;; ++redirects) {
    Result<Hop> hop;
    try {
      hop = fetch_one(current, options, options_, deadline);
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception& e) {  // Asio/OpenSSL setup failures: never cross the boundary
      return fail("fetch.protocol", std::string("erreur interne du client HTTP : ") + e.what(),
                  current);
    }
    if (!hop) return hop.error();
    if (is_redirect(hop->status)) {
      if (hop->location.empty())
        return fail("fetch.bad_redirect", "redirection sans en-tête Location", current);
      if (redirects >= options.max_redirects)
        return fail("fetch.too_many_redirects",
                    "trop de redirections (plus de " + std::to_string(options.max_redirects) + ")",
                    current);
      auto base = boost::urls::parse_uri(current);
      auto ref = boost::urls::parse_uri_reference(hop->location);
      if (!base || !ref)
        return fail("fetch.bad_redirect", "redirection invalide : " + hop->location, current);
      boost::urls::url next;
      auto r = boost::urls::resolve(*base, *ref, next);
      if (!r) return fail("fetch.bad_redirect", "redirection invalide : " + hop->location, current);
      next.remove_fragment();
      current = std::string(next.buffer());
      continue;
    }
    if ((hop->status < 200 || hop->status > 299) && !options.return_error_status)
      return fail("fetch.http_status", "HTTP " + std::to_string(hop->status), current);
    FetchResponse out;
    out.status = hop->status;
    out.content_type = std::move(hop->content_type);
    out.body = std::move(hop->body);
    out.final_url = std::move(current);
    return out;
  }
}

}  // namespace ecusson::net
