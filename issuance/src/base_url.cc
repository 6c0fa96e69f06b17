#include "ecusson/issuance/base_url.h"

#include <cctype>

#include "ecusson/issuance/messages.h"

namespace ecusson::issuance {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool valid_host(std::string_view h) {
  if (h.empty() || h.size() > 253 || h.front() == '.' || h.back() == '.' || h.front() == '-')
    return false;
  for (char c : h)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.')) return false;
  return h.find("..") == std::string_view::npos;
}

bool valid_segment(std::string_view s) {
  if (s.empty() || s == "." || s == "..") return false;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~')) return false;
  }
  return true;
}

}  // namespace

Result<BaseUrl> parse_base_url(std::string_view text, Lang lang) {
  const std::string given(text);
  auto bad = [&] { return make_error("issuance.bad_base_url", given, lang, {given}); };
  auto pos = text.find("://");
  if (pos == std::string_view::npos || pos == 0) return bad();
  BaseUrl u;
  u.scheme = lower(text.substr(0, pos));
  std::string_view rest = text.substr(pos + 3);
  if (rest.find_first_of("?#@ \t\r\n\\") != std::string_view::npos) return bad();
  std::string_view authority = rest.substr(0, rest.find('/'));
  std::string_view path = rest.substr(authority.size());
  std::string_view host = authority.substr(0, authority.find(':'));
  if (authority.size() > host.size()) {
    std::string_view port = authority.substr(host.size() + 1);
    if (port.empty() || port.size() > 5) return bad();
    unsigned n = 0;
    for (char c : port) {
      if (c < '0' || c > '9') return bad();
      n = n * 10 + static_cast<unsigned>(c - '0');
    }
    if (n == 0 || n > 65535) return bad();
    u.port = std::to_string(n);
  }
  u.host = lower(host);
  if (!valid_host(u.host)) return bad();
  while (path.ends_with('/')) path.remove_suffix(1);
  while (!path.empty()) {
    path.remove_prefix(1);  // the "/"
    std::string_view seg = path.substr(0, path.find('/'));
    if (!valid_segment(seg)) return bad();
    u.path += "/";
    u.path += seg;
    path.remove_prefix(seg.size());
  }
  if (u.scheme == "https") {
    if (u.port == "443") u.port.clear();
  } else if (u.scheme == "http") {
    if (u.host != "127.0.0.1" && u.host != "localhost")
      return make_error("issuance.insecure_base_url", given, lang, {given});
    if (u.port == "80") u.port.clear();
    u.local = true;
  } else {
    return make_error("issuance.insecure_base_url", given, lang, {given});
  }
  u.url = u.scheme + "://" + u.host + (u.port.empty() ? "" : ":" + u.port) + u.path;
  return u;
}

}  // namespace ecusson::issuance
