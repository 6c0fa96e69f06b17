#include "ecusson/common/input_format.h"

namespace ecusson {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool is_base64url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

std::string_view trim_input(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool looks_like_compact_jws(std::string_view text) {
  std::string_view s = trim_input(text);
  auto d1 = s.find('.');
  if (d1 == std::string_view::npos || d1 == 0) return false;
  auto d2 = s.find('.', d1 + 1);
  if (d2 == std::string_view::npos || d2 == d1 + 1) return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (i != d1 && i != d2 && !is_base64url(s[i])) return false;
  return true;
}

bool looks_like_http_url(std::string_view s) {
  std::size_t scheme = s.starts_with("https://") ? 8 : s.starts_with("http://") ? 7 : 0;
  if (scheme == 0 || s.size() == scheme) return false;
  for (char c : s)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>')
      return false;
  return true;
}

}  // namespace ecusson
