// Small text helpers on ASCII, shared by every part: trimming, ASCII case folding and
// case-insensitive comparison, joining and splitting, and UTF-8 encoding and checking.
//
// Only ASCII letters are folded (A–Z ↔ a–z): the protocols these serve (URL schemes and
// hosts, JOSE algorithm names, e-mail identities of Open Badges, language tags) define
// case-insensitivity on ASCII, and the C locale functions would depend on the process
// locale. Views returned point into the argument: it must outlive them. Stateless;
// thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ecusson {

/// `text` without leading and trailing ASCII whitespace (space, tab, CR, LF).
/// Example: trim(" \tab c\r\n") == "ab c".
std::string_view trim(std::string_view text);

/// The ASCII lower-case of one character (other bytes unchanged).
/// Example: ascii_lower('Q') == 'q'; ascii_lower('\xc9') == '\xc9'.
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

/// `text` with ASCII letters lower-cased; other bytes (UTF-8 included) are kept.
/// Example: ascii_lower("HTTPS://Ex.ORG/É") == "https://ex.org/É".
std::string ascii_lower(std::string_view text);

/// True when `a` and `b` are equal ignoring ASCII case.
/// Example: iequals("SHA256", "sha256") is true; iequals("a", "ab") is false.
bool iequals(std::string_view a, std::string_view b);

/// True when `text` starts with `prefix`, ignoring ASCII case.
/// Example: istarts_with("HTTPS://x", "https://") is true.
bool istarts_with(std::string_view text, std::string_view prefix);

/// True when `text` ends with `suffix`, ignoring ASCII case.
/// Example: iends_with("badge.PNG", ".png") is true.
bool iends_with(std::string_view text, std::string_view suffix);

/// The items separated by `separator`.
/// Example: join({"a", "b", "c"}, ", ") == "a, b, c"; join({}, ", ") == "".
std::string join(const std::vector<std::string>& items, std::string_view separator);

/// The pieces of `text` between occurrences of `separator` (empty pieces kept, so that
/// join(split(s, c), c) == s). Example: split("a::b", ':') == {"a", "", "b"};
/// split("", ':') == {""}.
std::vector<std::string_view> split(std::string_view text, char separator);

/// Appends the UTF-8 encoding of `code_point` (callers pass a valid Unicode scalar value;
/// surrogates and values above U+10FFFF are not checked here).
/// Example: `append_utf8(s, U'é')` appends "\xC3\xA9".
void append_utf8(std::string& out, char32_t code_point);

/// The offset of the first byte of `text` that does not belong to a well-formed UTF-8
/// sequence (a stray continuation byte, a truncated sequence, an overlong form, a
/// surrogate, a value above U+10FFFF), or std::string_view::npos when all of it is valid.
/// Example: find_invalid_utf8("caf\xC3\xA9") == npos; find_invalid_utf8("caf\xE9") == 3.
std::size_t find_invalid_utf8(std::string_view text);

}  // namespace ecusson
