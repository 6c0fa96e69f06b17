#include "ecusson/baking/baked_payload.h"

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "baking_detail.h"
#include "ecusson/common/input_format.h"
#include "ecusson/common/base64url.h"
#include "ecusson/baking/png_baking.h"
#include "ecusson/baking/svg_baking.h"

namespace ecusson::baking {

namespace json = boost::json;

const char* to_string(BakedKind k) {
  switch (k) {
    case BakedKind::ob3_json:
      return "ob3-json";
    case BakedKind::ob3_jws:
      return "ob3-jws";
    case BakedKind::ob2_json:
      return "ob2-json";
    case BakedKind::ob2_jws:
      return "ob2-jws";
    case BakedKind::ob2_url:
      return "ob2-url";
  }
  return "ob3-json";
}

namespace detail {

bool parse_json_object(std::string_view text, json::value& out) {
  json::parse_options opt;
  opt.max_depth = 64;
  boost::system::error_code ec;
  json::storage_ptr sp;
  out = json::parse(text, ec, sp, opt);
  return !ec && out.is_object();
}

Result<BakedKind> payload_kind(std::string_view text, BadgeVersion version,
                               const BakingLimits& limits) {
  if (trim(text).size() > limits.max_payload_bytes)
    return fail("baking.too_large", "contenu du badge trop grand");
  auto form = classify_payload(text);
  if (!form) return form.error();
  return kind_for(version, *form);
}

}  // namespace detail

Result<PayloadForm> classify_payload(std::string_view text) {
  std::string_view t = trim(text);
  if (!t.empty() && t.front() == '{') {
    json::value v;
    if (detail::parse_json_object(t, v)) return PayloadForm::json;
    return fail("baking.bad_payload",
                "le contenu ressemble à du JSON mais n'est pas un objet JSON valide");
  }
  if (looks_like_compact_jws(t)) return PayloadForm::jws;
  if (looks_like_http_url(t)) return PayloadForm::url;
  return fail("baking.bad_payload",
              "le contenu n'est ni un JSON, ni un JWS compact, ni une URL http(s)");
}

namespace {

bool context_is_ob2(const json::value& ctx) {
  auto is_ob2 = [](const json::value& v) {
    if (!v.is_string()) return false;
    std::string_view s = v.get_string();
    return s.starts_with("https://w3id.org/openbadges/v") ||
           s.starts_with("http://w3id.org/openbadges/v") ||
           s.starts_with("https://openbadgespec.org/v1");
  };
  if (is_ob2(ctx)) return true;
  if (ctx.is_array())
    for (const auto& v : ctx.get_array())
      if (is_ob2(v)) return true;
  return false;
}

BadgeVersion version_of_object(const json::object& o) {
  if (o.contains("vc") || o.contains("credentialSubject")) return BadgeVersion::ob3;
  if (const auto* ctx = o.if_contains("@context")) {
    return context_is_ob2(*ctx) ? BadgeVersion::ob2 : BadgeVersion::ob3;
  }
  // OB 0.5/1.0 assertions had no @context: recipient + badge identify them.
  if (o.contains("recipient") && o.contains("badge")) return BadgeVersion::ob2;
  return BadgeVersion::ob3;
}

}  // namespace

Result<BadgeVersion> detect_badge_version(std::string_view text) {
  auto form = classify_payload(text);
  if (!form) return form.error();
  std::string_view t = trim(text);
  json::value v;
  if (*form == PayloadForm::json) {
    detail::parse_json_object(t, v);
    return version_of_object(v.get_object());
  }
  if (*form == PayloadForm::url) return BadgeVersion::ob2;
  auto d1 = t.find('.');
  auto d2 = t.find('.', d1 + 1);
  auto payload = base64_decode_lenient(t.substr(d1 + 1, d2 - d1 - 1), Base64Alphabet::url);
  if (!payload || !detail::parse_json_object(*payload, v))
    return fail("baking.bad_payload", "la charge utile du JWS n'est pas un objet JSON");
  return version_of_object(v.get_object());
}

Result<BakedKind> kind_for(BadgeVersion version, PayloadForm form) {
  if (version == BadgeVersion::ob3) {
    if (form == PayloadForm::json) return BakedKind::ob3_json;
    if (form == PayloadForm::jws) return BakedKind::ob3_jws;
    return fail("baking.bad_payload",
                "un badge Open Badges 3.0 contient un JSON ou un JWS, pas une URL");
  }
  switch (form) {
    case PayloadForm::json:
      return BakedKind::ob2_json;
    case PayloadForm::jws:
      return BakedKind::ob2_jws;
    case PayloadForm::url:
      return BakedKind::ob2_url;
  }
  return BakedKind::ob2_json;
}

Result<ImageFormat> sniff_image_format(std::string_view bytes) {
  if (bytes.starts_with(detail::kPngSignature)) return ImageFormat::png;
  std::string_view t = bytes;
  if (t.starts_with("\xEF\xBB\xBF")) t.remove_prefix(3);
  t = trim(t.substr(0, 4096));
  if (t.starts_with("<")) return ImageFormat::svg;
  return fail("baking.not_an_image", "le fichier n'est ni une image PNG ni une image SVG");
}

Result<std::string> read_image_file(const std::string& path, const BakingLimits& limits) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return fail("baking.io", "impossible de lire le fichier : " + ec.message(), path);
  if (size > limits.max_image_bytes)
    return fail("baking.too_large",
                "image trop grande (" + std::to_string(size >> 20) + " Mio, limite " +
                    std::to_string(limits.max_image_bytes >> 20) + " Mio)",
                path);
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return fail("baking.io", "impossible d'ouvrir le fichier", path);
  std::string out(static_cast<std::size_t>(size), '\0');
  std::size_t n = std::fread(out.data(), 1, out.size(), f.get());
  out.resize(n);
  // The file may have grown since stat: refuse rather than read past the cap.
  if (std::fgetc(f.get()) != EOF)
    return fail("baking.too_large", "le fichier a grandi pendant la lecture", path);
  return out;
}

Result<BakedPayload> unbake_image(std::string_view bytes, const BakingLimits& limits) {
  if (bytes.size() > limits.max_image_bytes) return fail("baking.too_large", "image trop grande");
  auto fmt = sniff_image_format(bytes);
  if (!fmt) return fmt.error();
  return *fmt == ImageFormat::png ? unbake_png(bytes, limits) : unbake_svg(bytes, limits);
}

Result<BakedPayload> unbake_file(const std::string& path, const BakingLimits& limits) {
  auto bytes = read_image_file(path, limits);
  if (!bytes) return bytes.error();
  auto r = unbake_image(*bytes, limits);
  if (!r && r.error().where.empty()) {
    Error e = r.error();
    e.where = path;
    return e;
  }
  return r;
}

}  // namespace ecusson::baking
