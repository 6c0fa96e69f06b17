#include "ecusson/baking/baking_messages.h"

#include <array>

namespace ecusson::baking {

namespace {

struct Entry {
  std::string_view code, fr, en;
};

constexpr std::array kEntries = {
    Entry{"baking.io", "fichier illisible", "cannot read the file"},
    Entry{"baking.too_large", "fichier ou contenu trop grand", "file or content too large"},
    Entry{"baking.not_an_image", "ni une image PNG ni une image SVG",
          "neither a PNG nor an SVG image"},
    Entry{"baking.not_png", "ce n'est pas une image PNG", "not a PNG image"},
    Entry{"baking.truncated", "PNG tronqué", "truncated PNG"},
    Entry{"baking.bad_crc", "PNG corrompu : CRC de chunk incorrect", "corrupt PNG: bad chunk CRC"},
    Entry{"baking.bad_chunk", "PNG invalide : chunk mal formé", "invalid PNG: malformed chunk"},
    Entry{"baking.compressed", "chunk de badge compressé refusé (compression interdite)",
          "compressed badge chunk refused (compression is forbidden)"},
    Entry{"baking.ambiguous", "image ambiguë : plus d'un badge cuit",
          "ambiguous image: more than one baked badge"},
    Entry{"baking.bad_payload", "contenu du badge illisible (ni JSON, ni JWS, ni URL)",
          "unreadable badge content (not JSON, JWS or URL)"},
    Entry{"baking.not_baked", "cette image ne contient pas de badge", "this image holds no badge"},
    Entry{"baking.not_svg", "ce n'est pas une image SVG", "not an SVG image"},
    Entry{"baking.bad_xml", "SVG illisible (XML mal formé)", "unreadable SVG (malformed XML)"},
    Entry{"baking.unsafe_xml", "SVG refusé : DTD interne ou entités XML",
          "SVG refused: internal DTD or XML entities"},
    Entry{"baking.no_assertion_url", "l'assertion OB 2.0 n'a pas d'URL (id http(s))",
          "the OB 2.0 assertion has no URL (http(s) id)"},
};

constexpr std::array<std::string_view, kEntries.size()> codes() {
  std::array<std::string_view, kEntries.size()> out{};
  for (std::size_t i = 0; i < kEntries.size(); ++i) out[i] = kEntries[i].code;
  return out;
}
constexpr auto kCodes = codes();

}  // namespace

std::string_view baking_message(std::string_view code, Lang lang) {
  for (const auto& e : kEntries)
    if (e.code == code) return lang == Lang::en ? e.en : e.fr;
  return {};
}

const std::string_view* baking_codes(std::size_t& count) {
  count = kCodes.size();
  return kCodes.data();
}

}  // namespace ecusson::baking
