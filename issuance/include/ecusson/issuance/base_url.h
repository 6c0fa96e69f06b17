// BaseUrl: where an issuer's public documents are served, checked once at set-up.
//
// A public issuer must use https (design §3); plain http is accepted only towards
// 127.0.0.1 or localhost, for local testing. The URL is normalised (scheme and host in
// lower case, no trailing "/", default port dropped) and must have no user information,
// query or fragment. Plain value type; free functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "ecusson/lang.h"
#include "ecusson/result.h"

namespace ecusson::issuance {

/// The base URL used when none is given: the local server's default address.
inline constexpr std::string_view kDefaultBaseUrl = "http://127.0.0.1:8080";

struct BaseUrl {
  std::string url;     // normalised: "https://badges.example.fr:8443/emetteur"
  std::string scheme;  // "https" or "http"
  std::string host;    // lower case, no port
  std::string port;    // "" when the scheme's default
  std::string path;    // "" or "/a/b" (no trailing "/")
  bool local = false;  // http://127.0.0.1 or http://localhost (testing only)
};

/// Checks and normalises a base URL. Fails with issuance.bad_base_url (malformed: no
/// scheme or host, user information, query, fragment, bad port, empty or dot path
/// segment) or issuance.insecure_base_url (http towards anything but 127.0.0.1 or
/// localhost; any other scheme); messages in `lang`, where = the URL as given.
/// Example: parse_base_url("https://Badges.Example.fr/") ->
///   {.url = "https://badges.example.fr", .scheme = "https", .host = "badges.example.fr"}
[[nodiscard]] Result<BaseUrl> parse_base_url(std::string_view text, Lang lang = Lang::fr);

}  // namespace ecusson::issuance
