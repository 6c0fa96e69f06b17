#include "ecusson/common/base64url.h"

#include <array>
#include <cstdint>

#include "ecusson/common/codec_table.h"

namespace ecusson {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr char kStandard[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr auto kTable = decode_table(kAlphabet);
constexpr auto kStandardTable = decode_table(kStandard);

}  // namespace

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  base64url_append(out, bytes);
  return out;
}

void base64url_append(std::string& out, std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  const std::size_t start = out.size();
  out.resize(start + (n * 4 + 2) / 3);
  char* o = out.data() + start;
  std::size_t i = 0;
  for (; i + 3 <= n; i += 3) {
    std::uint32_t v = (std::uint32_t{p[i]} << 16) | (std::uint32_t{p[i + 1]} << 8) | p[i + 2];
    o[0] = kAlphabet[(v >> 18) & 63];
    o[1] = kAlphabet[(v >> 12) & 63];
    o[2] = kAlphabet[(v >> 6) & 63];
    o[3] = kAlphabet[v & 63];
    o += 4;
  }
  if (n - i == 1) {
    std::uint32_t v = std::uint32_t{p[i]} << 16;
    o[0] = kAlphabet[(v >> 18) & 63];
    o[1] = kAlphabet[(v >> 12) & 63];
  } else if (n - i == 2) {
    std::uint32_t v = (std::uint32_t{p[i]} << 16) | (std::uint32_t{p[i + 1]} << 8);
    o[0] = kAlphabet[(v >> 18) & 63];
    o[1] = kAlphabet[(v >> 12) & 63];
    o[2] = kAlphabet[(v >> 6) & 63];
  }
}

bool is_base64url(std::string_view text) {
  for (char c : text)
    if (kTable[static_cast<unsigned char>(c)] < 0) return false;
  return !text.empty();
}

Result<std::string> base64_decode_lenient(std::string_view text, Base64Alphabet alphabet) {
  const auto& table = alphabet == Base64Alphabet::url ? kTable : kStandardTable;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  std::size_t significant = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::int8_t v = table[static_cast<unsigned char>(c)];
    if (v < 0) {
      if (c == '=' || c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
      return fail("base64.invalid", "caractère interdit en base64", std::to_string(i));
    }
    ++significant;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  if (significant % 4 == 1)
    return fail("base64.invalid", "base64 de longueur impossible", std::to_string(significant));
  return out;
}

Result<std::string> base64url_decode(std::string_view text) {
  if (text.size() % 4 == 1)
    return fail("base64url.invalid", "base64url de longueur impossible",
                std::to_string(text.size()));
  std::string out(text.size() * 3 / 4, '\0');
  char* o = out.data();
  std::uint32_t acc = 0;
  int bits = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::int8_t v = kTable[static_cast<unsigned char>(text[i])];
    if (v < 0)
      return fail("base64url.invalid",
                  text[i] == '=' ? "remplissage « = » interdit en base64url"
                                 : "caractère interdit en base64url",
                  std::to_string(i));
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      *o++ = static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  // Leftover bits (2 or 4) must be zero: otherwise two texts would decode to the same bytes.
  if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
    return fail("base64url.invalid", "base64url non canonique (bits de fin non nuls)",
                std::to_string(text.size() - 1));
  out.resize(static_cast<std::size_t>(o - out.data()));
  return out;
}

}  // namespace ecusson
