// Helpers for the baking tests: build PNG chunks by hand, walk them, decode base64url.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "test_support.h"

namespace ecusson::test {

inline void put_be32(std::string& out, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<char>((v >> s) & 0xFF));
}

/// A complete chunk (length, type, data, CRC). `crc_delta` corrupts the CRC on purpose.
inline std::string png_chunk(std::string_view type, std::string_view data,
                             std::uint32_t crc_delta = 0) {
  std::string out;
  put_be32(out, static_cast<std::uint32_t>(data.size()));
  out.append(type);
  out.append(data);
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, reinterpret_cast<const Bytef*>(type.data()), 4);
  crc = crc32(crc, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
  put_be32(out, static_cast<std::uint32_t>(crc) + crc_delta);
  return out;
}

/// iTXt data: keyword NUL flag method lang NUL translated NUL text.
inline std::string itxt_data(std::string_view keyword, std::string_view text, char flag = 0,
                             std::string_view lang = {}, std::string_view translated = {}) {
  std::string d(keyword);
  d.push_back('\0');
  d.push_back(flag);
  d.push_back('\0');
  d.append(lang);
  d.push_back('\0');
  d.append(translated);
  d.push_back('\0');
  d.append(text);
  return d;
}

/// The unbaked heart PNG of validator-core (a small real PNG without badge data).
inline std::string plain_png() {
  return read_file(conformance_dir() / "ob2/validator-core-fixtures/public_domain_heart.png");
}

struct RawChunk {
  std::string type;
  std::string data;
};

/// Chunks of a PNG assumed well formed (test oracle, independent of the code under test).
inline std::vector<RawChunk> png_chunks(std::string_view png) {
  std::vector<RawChunk> out;
  std::size_t pos = 8;
  while (pos + 12 <= png.size()) {
    auto b = reinterpret_cast<const unsigned char*>(png.data() + pos);
    std::uint32_t len = (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) |
                        (std::uint32_t{b[2]} << 8) | b[3];
    out.push_back({std::string(png.substr(pos + 4, 4)), std::string(png.substr(pos + 8, len))});
    pos += 12 + len;
  }
  return out;
}

/// PNG = signature + chunks of `base` with `extra` inserted before IEND.
inline std::string png_with(std::string_view base, const std::vector<std::string>& extra) {
  std::string out(base.substr(0, 8));
  for (const auto& c : png_chunks(base)) {
    if (c.type == "IEND")
      for (const auto& e : extra) out += e;
    out += png_chunk(c.type, c.data);
  }
  return out;
}

inline std::optional<std::string> b64url_decode(std::string_view in) {
  std::string out;
  unsigned buf = 0;
  int bits = 0;
  for (char c : in) {
    int v;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      v = c - '0' + 52;
    else if (c == '-')
      v = 62;
    else if (c == '_')
      v = 63;
    else
      return std::nullopt;
    buf = (buf << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buf >> bits) & 0xFF));
    }
  }
  return out;
}

inline std::string b64url_encode(std::string_view in) {
  static const char* tbl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned buf = 0;
  int bits = 0;
  for (unsigned char c : in) {
    buf = (buf << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(tbl[(buf >> bits) & 63]);
    }
  }
  if (bits > 0) out.push_back(tbl[(buf << (6 - bits)) & 63]);
  return out;
}

/// A syntactically valid compact JWS (signature is not real) whose payload is `json`.
inline std::string fake_jws(std::string_view json) {
  return b64url_encode(R"({"alg":"RS256"})") + "." + b64url_encode(json) + "." +
         b64url_encode("not-a-real-signature");
}

inline constexpr std::string_view kOb3Json = R"({
  "@context": ["https://www.w3.org/ns/credentials/v2",
               "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
  "id": "urn:uuid:5b0a4c5e-4f0b-4a38-9a41-3a0f2c1d9e77",
  "type": ["VerifiableCredential", "OpenBadgeCredential"],
  "issuer": {"id": "https://ecusson.example/issuer", "type": ["Profile"], "name": "Atelier Éclair"},
  "validFrom": "2026-01-05T10:00:00Z",
  "credentialSubject": {"type": ["AchievementSubject"], "id": "did:example:123",
    "achievement": {"id": "https://ecusson.example/a/1", "type": ["Achievement"],
      "name": "Communiquer à l'oral", "description": "Échanger ]]> avec l'équipe",
      "criteria": {"narrative": "Niveau 2"}}}
})";

inline constexpr std::string_view kOb2Json = R"({
  "@context": "https://w3id.org/openbadges/v2",
  "type": "Assertion",
  "id": "https://ecusson.example/ob2/assertions/42",
  "recipient": {"type": "email", "hashed": false, "identity": "alice@example.org"},
  "badge": "https://ecusson.example/ob2/badges/7",
  "verification": {"type": "hosted"},
  "issuedOn": "2026-01-05T10:00:00+00:00"
})";

}  // namespace ecusson::test
