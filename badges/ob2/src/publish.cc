#include "ecusson/ob2/publish.h"

#include <fcntl.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cctype>
#include <cerrno>
#include <fstream>
#include <optional>
#include <utility>

#include "ecusson/baking/baked_payload.h"
#include "ecusson/baking/png_baking.h"
#include "ecusson/baking/svg_baking.h"
#include "ecusson/common/digest.h"
#include "ecusson/common/text.h"
#include "ecusson/common/atomic_file.h"
#include "internal.h"

namespace ecusson::ob2 {

using baking::BadgeVersion;
using baking::ImageFormat;
using baking::bake_png;
using baking::bake_svg;
using baking::sniff_image_format;

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

// --- Layout ---------------------------------------------------------------------------

// A document's path under the folder: its URL relative to the base.
std::string relative_to_base(const std::string& url, const std::string& base) {
  std::string rel = url.substr(base.size());
  while (!rel.empty() && rel.front() == '/') rel.erase(0, 1);
  return rel;
}

std::string document_bytes(const json::object& o) { return json::serialize(o) + "\n"; }

// "assertions/<uuid>.json" -> "assertions/<uuid>.png".
std::string with_extension(const std::string& path, std::string_view ext) {
  return fs::path(path).replace_extension(ext).generic_string();
}

// The achievement as issued: slug from the name, and the image to publish as its own
// when it names none (OB 2.0 requires a BadgeClass image).
Ob2Achievement with_defaults(Ob2Achievement achievement, const std::string& base,
                             std::string_view image_ext, bool has_image) {
  if (achievement.slug.empty()) achievement.slug = ob2_slug(achievement.name);
  if (achievement.image.empty() && has_image)
    achievement.image = base + "/badges/" + achievement.slug + std::string(image_ext);
  return achievement;
}

// "signed/<uuid>": the signed twin's files, named after its "urn:uuid:<uuid>" id.
std::string signed_stem(const Ob2Issued& d) {
  return "signed/" + d.signed_assertion.id.substr(std::string_view("urn:uuid:").size());
}

// The five hosted documents at their URLs, and the signed twin with its JWS.
std::vector<Ob2File> document_files(const Ob2Issued& d, const std::string& base) {
  return {
      {relative_to_base(d.issuer.id, base), document_bytes(to_json(d.issuer))},
      {relative_to_base(d.key.id, base), document_bytes(to_json(d.key))},
      {relative_to_base(d.revocation_list.id, base), document_bytes(to_json(d.revocation_list))},
      {relative_to_base(d.badge_class.id, base), document_bytes(to_json(d.badge_class))},
      {relative_to_base(d.hosted_assertion.id, base), document_bytes(to_json(d.hosted_assertion))},
      {signed_stem(d) + ".json", document_bytes(to_json(d.signed_assertion))},
      {signed_stem(d) + ".jws", d.jws + "\n"},
  };
}

// Both assertions baked into the image: the JWS beside the signed twin, the hosted JSON
// beside the hosted assertion.
Result<std::vector<Ob2File>> baked_files(const Ob2Issued& d, std::string_view image,
                                         ImageFormat format, const std::string& base) {
  auto bake = [&](std::string_view payload) {
    return format == ImageFormat::png ? bake_png(image, payload, BadgeVersion::ob2)
                                      : bake_svg(image, payload, BadgeVersion::ob2);
  };
  const std::string_view ext = format == ImageFormat::png ? ".png" : ".svg";
  auto signed_image = bake(d.jws);
  if (!signed_image) return signed_image.error();
  auto hosted_image = bake(json::serialize(to_json(d.hosted_assertion)));
  if (!hosted_image) return hosted_image.error();
  return std::vector<Ob2File>{{signed_stem(d) + std::string(ext), std::move(*signed_image)},
                              {with_extension(relative_to_base(d.hosted_assertion.id, base), ext),
                               std::move(*hosted_image)}};
}

// --- Files ----------------------------------------------------------------------------

// --- The issuer key -------------------------------------------------------------------

struct IssuerKey {
  fs::path path;
  std::string pem;
  bool generated = false;  // pem is new and not yet at `path`
};

Result<std::string> read_key_file(const fs::path& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("ob2.key_read", "lecture de la clé impossible", path.string());
  std::string pem;
  char buf[8192];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    pem.append(buf, static_cast<std::size_t>(in.gcount()));
    if (pem.size() > max_bytes)
      return fail("ob2.key_read", "fichier de clé trop volumineux", path.string());
  }
  if (in.bad()) return fail("ob2.key_read", "lecture de la clé impossible", path.string());
  return pem;
}

// The named key, else the default one beside the folder, else a new one (not yet kept).
Result<IssuerKey> find_issuer_key(const Ob2PublishOptions& options) {
  IssuerKey key;
  key.path = options.key_file.empty() ? ob2_default_key_path(options.out_dir) : options.key_file;
  std::error_code ec;
  if (!options.key_file.empty() || fs::exists(key.path, ec)) {
    auto pem = read_key_file(key.path, options.max_key_bytes);
    if (!pem) return pem.error();
    key.pem = std::move(*pem);
    return key;
  }
  auto pem = generate_ob2_rsa_key();
  if (!pem) return pem.error();
  key.pem = std::move(*pem);
  key.generated = true;
  return key;
}

// Keeps a new key at its path, mode 0600 from its creation, never replacing a file there.
// false: another run kept its own key first (that one is to be used).
Result<bool> keep_new_key(const IssuerKey& key) {
  std::error_code ec;
  fs::create_directories(key.path.parent_path(), ec);
  auto tmp = write_temporary_beside(key.path, key.pem, 0600);
  if (!tmp) return fail("ob2.key_write", "écriture de la clé impossible", key.path.string());
  // link() fails when the target exists, where rename() would replace it.
  const int linked = ::link(tmp->c_str(), key.path.c_str());
  const int link_errno = errno;
  ::unlink(tmp->c_str());
  if (linked == 0) return true;
  if (link_errno == EEXIST) return false;
  return fail("ob2.key_write", "écriture de la clé impossible", key.path.string());
}

// Every file of the bundle under the folder, in order; the paths written.
Result<std::vector<fs::path>> write_bundle(const fs::path& out_dir,
                                           const std::vector<Ob2File>& files) {
  std::vector<fs::path> written;
  for (const Ob2File& f : files) {
    fs::path path = out_dir / f.path;
    if (!replace_file(path, f.bytes))
      return fail("ob2.write", "écriture impossible", path.string());
    written.push_back(std::move(path));
  }
  return written;
}

}  // namespace

std::string ob2_slug(std::string_view name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c)) {
      out.push_back(ascii_lower(static_cast<char>(c)));
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "badge" : out;
}

fs::path ob2_default_key_path(const fs::path& out_dir) {
  fs::path dir = out_dir.lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  if (dir.empty() || dir == ".") dir = fs::current_path();
  return dir.parent_path() / (dir.filename().string() + ".key.pem");
}

Result<Ob2Bundle> layout_ob2_badge(const Ob2IssuerSetup& setup, const Ob2Achievement& achievement,
                                   const Ob2Award& award, std::string_view private_key_pem,
                                   std::string_view image) {
  std::optional<ImageFormat> format;
  if (!image.empty()) {
    auto sniffed = sniff_image_format(image);
    if (!sniffed) return sniffed.error();
    format = *sniffed;
  }
  const std::string_view ext = format == ImageFormat::svg ? ".svg" : ".png";
  const std::string base = ob2_urls(setup.base_url).base;
  const Ob2Achievement issued = with_defaults(achievement, base, ext, format.has_value());

  auto documents = issue_ob2(setup, issued, award, private_key_pem);
  if (!documents) return documents.error();
  Ob2Bundle bundle{std::move(*documents), {}};
  bundle.files = document_files(bundle.documents, base);
  if (!format) return bundle;
  if (achievement.image.empty())
    bundle.files.push_back({relative_to_base(issued.image, base), std::string(image)});
  auto baked = baked_files(bundle.documents, image, *format, base);
  if (!baked) return baked.error();
  for (Ob2File& f : *baked) bundle.files.push_back(std::move(f));
  return bundle;
}

Result<Ob2Published> publish_ob2_badge(const Ob2IssuerSetup& setup,
                                       const Ob2Achievement& achievement, const Ob2Award& award,
                                       const Ob2PublishOptions& options) {
  // At most twice: a second pass only when another run kept a new key first, and then
  // the key is read, not generated.
  for (int pass = 0; pass < 2; ++pass) {
    auto key = find_issuer_key(options);
    if (!key) return key.error();
    auto bundle = layout_ob2_badge(setup, achievement, award, key->pem, options.image);
    if (!bundle) return bundle.error();
    // The key first: documents that name a key nobody kept would be worthless.
    if (key->generated) {
      auto kept = keep_new_key(*key);
      if (!kept) return kept.error();
      if (!*kept) continue;
    }
    auto files = write_bundle(options.out_dir, bundle->files);
    if (!files) return files.error();
    return Ob2Published{std::move(bundle->documents), std::move(*files), key->path, key->generated};
  }
  return fail("ob2.key_write", "clé créée par un autre processus puis illisible",
              ob2_default_key_path(options.out_dir).string());
}

}  // namespace ecusson::ob2
