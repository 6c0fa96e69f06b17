// Fetcher: outbound HTTP(S) GET for verification (hosted OB 2.0 documents, keys, JWKS,
// did:web documents, status lists), under the outbound policy of design §3.
//
// HttpFetcher is the real client (Boost.Beast + Asio + OpenSSL, kept out of this header):
// HTTPS with certificate verification against the system CA store and host-name checking,
// a connect timeout and a total deadline, a redirect limit (every hop re-checked), a body
// size limit enforced while reading (the body is never buffered beyond the limit), and an
// SSRF policy: the host is resolved first, private / loopback / link-local / unique-local /
// CGNAT / multicast / unspecified addresses are refused unless `allow_private_network`,
// and the connection goes to the vetted addresses only (no second resolution, so no DNS
// rebinding). Plain `http://` is accepted only towards such private addresses and only
// with the flag: a public host must use HTTPS.
// Each fetch() runs on the calling thread with its own io_context; an HttpFetcher holds
// only its settings, so one instance may be used from several threads at once.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "ecusson/result.h"

namespace ecusson::net {

/// Settings of one fetch (style C9: defaults in place).
struct FetchOptions {
  /// Sent as the Accept header (content negotiation for JSON-LD documents).
  std::string accept = "application/ld+json, application/json";
  /// Time allowed to resolve the host and establish TCP (and TLS) for one hop.
  std::chrono::milliseconds connect_timeout{5000};
  /// Deadline for the whole fetch, redirects included.
  std::chrono::milliseconds total_timeout{15000};
  /// Redirects followed at most; one more is `fetch.too_many_redirects`.
  int max_redirects = 5;
  /// Largest body accepted, in bytes; a larger one is `fetch.too_large` (stops reading).
  std::size_t max_body_bytes = 4u << 20;
  /// Allows private, loopback and link-local targets, and plain http towards them only.
  bool allow_private_network = false;
  /// When true, a final non-2xx response is returned as a FetchResponse (status set)
  /// instead of the `fetch.http_status` error (OB 2.0 hosted checks need 410's body).
  bool return_error_status = false;
};

/// A final (non-redirect) response.
struct FetchResponse {
  int status = 0;
  std::string content_type;  // the Content-Type header as sent (may be empty)
  std::string body;
  std::string final_url;     // after redirects
};

/// Interface, so that tests and the server can inject fetchers (style C10).
class Fetcher {
 public:
  virtual ~Fetcher() = default;
  /// GETs `url`. Success: the final response (2xx, or any status with
  /// return_error_status). Errors: fetch.bad_url, fetch.scheme (not http/https),
  /// fetch.insecure_scheme (http towards a public host, or without the flag),
  /// fetch.private_address, fetch.dns, fetch.connect, fetch.tls, fetch.timeout,
  /// fetch.too_large, fetch.too_many_redirects, fetch.bad_redirect, fetch.protocol,
  /// fetch.http_status (message starts with "HTTP <status>", see fetch_error_status).
  [[nodiscard]] virtual Result<FetchResponse> fetch(std::string_view url,
                                                    const FetchOptions& options) = 0;
};

/// Settings of the client itself (not of one fetch).
struct HttpFetcherOptions {
  /// Extra trusted CA certificates (PEM file), in addition to the system store. Tests use
  /// it for a local TLS server; production leaves it empty.
  std::string extra_ca_file;
  std::string user_agent = "ecusson/0.1 (+verification)";
};

/// The real HTTP(S) client. Example:
///   HttpFetcher f;  auto r = f.fetch("https://example.org/issuer.json", {});
class HttpFetcher final : public Fetcher {
 public:
  explicit HttpFetcher(HttpFetcherOptions options = {});
  [[nodiscard]] Result<FetchResponse> fetch(std::string_view url,
                                            const FetchOptions& options) override;

 private:
  HttpFetcherOptions options_;
};

/// Classes of IP addresses for the outbound policy.
enum class AddressClass {
  global,       // public unicast: always allowed
  loopback,     // 127.0.0.0/8, ::1
  private_,     // 10/8, 172.16/12, 192.168/16
  link_local,   // 169.254/16, fe80::/10
  unique_local, // fc00::/7
  cgnat,        // 100.64/10
  multicast,    // 224/4, ff00::/8
  unspecified,  // 0.0.0.0/8, ::
  reserved,     // other special ranges (240/4, broadcast, documentation, 6to4 of those…)
};

/// Classifies a textual IPv4 or IPv6 address ("10.0.0.1", "::ffff:127.0.0.1").
/// IPv4-mapped and IPv4-compatible IPv6 addresses are classified as their IPv4 address.
/// Returns nullopt when `ip` is not an address literal.
std::optional<AddressClass> classify_address(std::string_view ip);

/// "global", "loopback", "private", ... for messages.
const char* to_string(AddressClass c);

/// The HTTP status carried by a `fetch.http_status` error, or 0 for any other error.
int fetch_error_status(const Error& e);

}  // namespace ecusson::net
