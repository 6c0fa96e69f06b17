#include "ecusson/baking/png_baking.h"
#include "ecusson/baking/prepared_image.h"

#include <zlib.h>

#include <cstdint>
#include <optional>

#include "baking_detail.h"
#include "ecusson/common/input_format.h"

namespace ecusson::baking {

namespace {

// PNG caps a chunk length at 2^31-1 (PNG §5.3).
constexpr std::uint32_t kMaxChunkLength = 0x7FFFFFFFu;

std::uint32_t be32(const char* p) {
  auto b = reinterpret_cast<const unsigned char*>(p);
  return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) |
         std::uint32_t{b[3]};
}

void put_be32(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>((v >> 24) & 0xFF));
  out.push_back(static_cast<char>((v >> 16) & 0xFF));
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
  out.push_back(static_cast<char>(v & 0xFF));
}

std::uint32_t chunk_crc(std::string_view type, std::string_view data) {
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, reinterpret_cast<const Bytef*>(type.data()), 4);
  // data.size() ≤ 2^31-1 (checked by the reader), so it fits a uInt.
  crc = crc32(crc, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
  return static_cast<std::uint32_t>(crc);
}

struct Chunk {
  std::string_view type;
  std::string_view data;
  std::string_view raw;  // length + type + data + CRC, as in the file
};

// Walks the chunks of a PNG held in memory. Nothing is copied or allocated: a chunk's
// declared length is compared with the bytes actually present before it is used.
class ChunkReader {
 public:
  explicit ChunkReader(std::string_view png) : png_(png), pos_(detail::kPngSignature.size()) {}

  // Next chunk, or nullopt after IEND.
  Result<std::optional<Chunk>> next() {
    if (done_) return std::optional<Chunk>{};
    std::size_t remaining = png_.size() - pos_;
    if (remaining < 12)
      return fail("baking.truncated", "PNG tronqué : fin de fichier avant le chunk IEND",
                  "octet " + std::to_string(pos_));
    std::uint32_t len = be32(png_.data() + pos_);
    std::string_view type = png_.substr(pos_ + 4, 4);
    if (len > kMaxChunkLength)
      return fail("baking.bad_chunk",
                  "PNG invalide : longueur de chunk " + std::to_string(len) +
                      " supérieure au maximum (2^31-1)",
                  "octet " + std::to_string(pos_));
    if (len > remaining - 12)
      return fail("baking.truncated",
                  "PNG tronqué : le chunk annonce " + std::to_string(len) +
                      " octets, il en reste " + std::to_string(remaining - 12),
                  "octet " + std::to_string(pos_));
    for (char c : type) {
      bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (!letter)
        return fail("baking.bad_chunk", "PNG invalide : type de chunk illisible",
                    "octet " + std::to_string(pos_ + 4));
    }
    Chunk c;
    c.type = type;
    c.data = png_.substr(pos_ + 8, len);
    c.raw = png_.substr(pos_, std::size_t{len} + 12);
    std::uint32_t stored = be32(png_.data() + pos_ + 8 + len);
    if (stored != chunk_crc(type, c.data))
      return fail("baking.bad_crc",
                  "PNG corrompu : CRC incorrect pour le chunk " + std::string(type),
                  "octet " + std::to_string(pos_));
    if (first_ && type != "IHDR")
      return fail("baking.bad_chunk", "PNG invalide : le premier chunk n'est pas IHDR");
    first_ = false;
    pos_ += c.raw.size();
    if (type == "IEND") done_ = true;
    return std::optional<Chunk>{c};
  }

 private:
  std::string_view png_;
  std::size_t pos_;
  bool first_ = true;
  bool done_ = false;
};

Result<void> check_png(std::string_view png, const BakingLimits& limits) {
  if (png.size() > limits.max_image_bytes)
    return fail("baking.too_large", "image trop grande (limite " +
                                        std::to_string(limits.max_image_bytes >> 20) + " Mio)");
  if (!png.starts_with(detail::kPngSignature))
    return fail("baking.not_png", "ce fichier n'est pas une image PNG (signature absente)");
  return {};
}

enum class BadgeChunk { none, ob3_itxt, ob2_itxt, legacy_text };

BadgeChunk badge_chunk_kind(const Chunk& c) {
  auto has_keyword = [&](std::string_view kw) {
    return c.data.size() > kw.size() && c.data.starts_with(kw) && c.data[kw.size()] == '\0';
  };
  if (c.type == "iTXt") {
    if (has_keyword(kPngKeywordOb3)) return BadgeChunk::ob3_itxt;
    if (has_keyword(kPngKeywordOb2)) return BadgeChunk::ob2_itxt;
  } else if (c.type == "tEXt" && has_keyword(kPngKeywordOb2)) {
    return BadgeChunk::legacy_text;
  }
  return BadgeChunk::none;
}

// The text of an iTXt chunk whose keyword is `keyword` (already matched).
Result<std::string_view> itxt_text(std::string_view data, std::string_view keyword) {
  std::string_view rest = data.substr(keyword.size() + 1);
  if (rest.size() < 2)
    return fail("baking.bad_chunk", "chunk iTXt incomplet", std::string(keyword));
  if (rest[0] != '\0')
    return fail("baking.compressed",
                "chunk iTXt compressé refusé : la spécification interdit la compression des "
                "badges (et un flux compressé pourrait être une bombe zlib)",
                std::string(keyword));
  rest.remove_prefix(2);  // compression flag, compression method
  auto lang_end = rest.find('\0');
  if (lang_end == std::string_view::npos)
    return fail("baking.bad_chunk", "chunk iTXt invalide : étiquette de langue non terminée",
                std::string(keyword));
  rest.remove_prefix(lang_end + 1);
  auto tk_end = rest.find('\0');
  if (tk_end == std::string_view::npos)
    return fail("baking.bad_chunk", "chunk iTXt invalide : mot-clé traduit non terminé",
                std::string(keyword));
  return rest.substr(tk_end + 1);
}

Result<BakedPayload> make_payload(std::string_view text, BadgeVersion version,
                                  const BakingLimits& limits) {
  auto kind = detail::payload_kind(text, version, limits);
  if (!kind) return kind.error();
  return BakedPayload{*kind, std::string(trim(text)), {}};
}

}  // namespace

Result<std::string> bake_png(std::string_view png, std::string_view payload, BadgeVersion version,
                             const BakingLimits& limits) {
  if (auto ok = check_png(png, limits); !ok) return ok.error();
  std::string_view text = trim(payload);
  auto kind = detail::payload_kind(text, version, limits);
  if (!kind) return kind.error();
  if (*kind == BakedKind::ob2_url)
    return fail("baking.bad_payload",
                "un PNG se cuit avec le JSON ou le JWS du badge, pas avec une URL");

  std::string_view keyword = version == BadgeVersion::ob3 ? kPngKeywordOb3 : kPngKeywordOb2;
  std::string data;
  data.reserve(keyword.size() + 5 + text.size());
  data.append(keyword);
  data.append(std::string_view("\0\0\0\0\0", 5));  // NUL, flag 0, method 0, "" NUL, "" NUL
  data.append(text);

  std::string out;
  out.reserve(png.size() + data.size() + 12);
  out.append(detail::kPngSignature);
  ChunkReader reader(png);
  for (;;) {
    auto c = reader.next();
    if (!c) return c.error();
    if (!*c) break;
    const Chunk& chunk = **c;
    if (badge_chunk_kind(chunk) != BadgeChunk::none) continue;  // re-baking replaces
    if (chunk.type == "IEND") {
      put_be32(out, static_cast<std::uint32_t>(data.size()));
      out.append("iTXt");
      out.append(data);
      put_be32(out, chunk_crc("iTXt", data));
    }
    out.append(chunk.raw);
  }
  return out;
}

Result<BakedPayload> unbake_png(std::string_view png, const BakingLimits& limits) {
  if (auto ok = check_png(png, limits); !ok) return ok.error();
  std::optional<Chunk> ob3, ob2, legacy;
  ChunkReader reader(png);
  for (;;) {
    auto c = reader.next();
    if (!c) return c.error();
    if (!*c) break;
    std::optional<Chunk>* slot = nullptr;
    switch (badge_chunk_kind(**c)) {
      case BadgeChunk::ob3_itxt:
        slot = &ob3;
        break;
      case BadgeChunk::ob2_itxt:
        slot = &ob2;
        break;
      case BadgeChunk::legacy_text:
        slot = &legacy;
        break;
      case BadgeChunk::none:
        continue;
    }
    if (*slot)
      return fail("baking.ambiguous", "PNG ambigu : deux chunks " + std::string((**c).type) +
                                          " de badge (la "
                                          "spécification en interdit plus d'un)");
    *slot = **c;
  }
  if (ob3) {
    auto text = itxt_text(ob3->data, kPngKeywordOb3);
    if (!text) return text.error();
    return make_payload(*text, BadgeVersion::ob3, limits);
  }
  if (ob2) {
    auto text = itxt_text(ob2->data, kPngKeywordOb2);
    if (!text) return text.error();
    return make_payload(*text, BadgeVersion::ob2, limits);
  }
  if (legacy) {
    std::string_view url = trim(legacy->data.substr(kPngKeywordOb2.size() + 1));
    if (!looks_like_http_url(url))
      return fail("baking.bad_payload", "le chunk tEXt openbadges ne contient pas une URL");
    return BakedPayload{BakedKind::ob2_url, std::string(url), {}};
  }
  return fail("baking.not_baked", "cette image PNG ne contient pas de badge");
}

}  // namespace ecusson::baking

namespace ecusson::baking {

Result<PreparedPng> PreparedPng::prepare(std::string_view png, BadgeVersion version,
                                         const BakingLimits& limits) {
  // Baked once with an empty object: everything before our chunk is the head, and the
  // last chunk (12 bytes, IEND) the tail.
  const std::string_view probe = "{}";
  auto baked = bake_png(png, probe, version, limits);
  if (!baked) return baked.error();
  std::string_view keyword = version == BadgeVersion::ob3 ? kPngKeywordOb3 : kPngKeywordOb2;
  const std::size_t chunk = 12 + keyword.size() + 5 + probe.size();
  PreparedPng p;
  p.head_ = baked->substr(0, baked->size() - 12 - chunk);
  p.iend_ = baked->substr(baked->size() - 12);
  p.version_ = version;
  p.limits_ = limits;
  return p;
}

Result<std::string> PreparedPng::bake(std::string_view payload) const {
  std::string_view text = trim(payload);
  auto kind = detail::payload_kind(text, version_, limits_);
  if (!kind) return kind.error();
  if (*kind == BakedKind::ob2_url)
    return fail("baking.bad_payload",
                "un PNG se cuit avec le JSON ou le JWS du badge, pas avec une URL");
  std::string_view keyword = version_ == BadgeVersion::ob3 ? kPngKeywordOb3 : kPngKeywordOb2;
  std::string data;
  data.reserve(keyword.size() + 5 + text.size());
  data.append(keyword);
  data.append(std::string_view("\0\0\0\0\0", 5));
  data.append(text);
  std::string out;
  out.reserve(head_.size() + data.size() + 24);
  out.append(head_);
  put_be32(out, static_cast<std::uint32_t>(data.size()));
  out.append("iTXt");
  out.append(data);
  put_be32(out, chunk_crc("iTXt", data));
  out.append(iend_);
  return out;
}

}  // namespace ecusson::baking
