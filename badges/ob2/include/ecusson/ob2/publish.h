// Publishing one Open Badges 2.0 award as static files: the folder an OB 2.0 issuer serves
// at its base URL, with the issuer key kept beside it.
//
// This is `ecusson ob2 issue` as a library call, so that the CLI, issuance and the server
// share it. layout_ob2_badge() builds the documents (issue_ob2, issue.h) and lays them
// out in memory as their URLs under the base URL, with the given image baked;
// publish_ob2_badge() adds the issuer key (a named file, or the default file beside the
// folder, generated on the first run and reused by every later one: a new key would
// invalidate every signed assertion issued before) and writes the files. The key is never
// inside the folder, which is published as is.
//
// Layout under the folder (base = ob2_urls(base_url).base; <ext> = png or svg):
//   issuer.json, keys/1.json, revocations.json, badges/<slug>.json, assertions/<uuid>.json
//   signed/<uuid>.json, signed/<uuid>.jws      the signed twin and its compact JWS
//   with an image: signed/<uuid>.<ext> (the JWS baked in), assertions/<uuid>.<ext> (the
//   hosted assertion baked in) and, when the achievement names no image URL,
//   badges/<slug>.<ext> (the image unbaked, as the BadgeClass image OB 2.0 requires).
// Badge art is not rendered here (it needs librsvg): the caller passes the image bytes.
//
// Ownership: values in, values out; the caller owns the folder and the key file.
// Thread-safety: free functions, safe to call concurrently. A default key file is created
// atomically and never overwritten: two first runs end up signing with the same key. Each
// file is written to a temporary and renamed, so a server reading the folder never sees
// half a document.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "ecusson/ob2/issue.h"
#include "ecusson/result.h"

namespace ecusson::ob2 {

/// Where and with what publish_ob2_badge() works.
struct Ob2PublishOptions {
  /// The folder served at the setup's base URL; created when missing.
  std::filesystem::path out_dir;
  /// The issuer's RSA private key (PEM file), which must exist. Empty: the default key
  /// file ob2_default_key_path(out_dir), read when it exists, else generated (RSA-2048,
  /// PKCS#8, mode 0600) and kept for later runs.
  std::filesystem::path key_file;
  /// PNG or SVG bytes to bake both assertions into; empty: no image is written.
  std::string image;
  /// Largest key file read (a PEM key is a few kB).
  std::size_t max_key_bytes = 1u << 20;
};

/// One file of the layout: its path relative to the folder ("assertions/<uuid>.json",
/// always with "/") and its bytes.
struct Ob2File {
  std::string path;
  std::string bytes;
};

/// One award laid out in memory: what publish_ob2_badge() writes, or what a server serves.
struct Ob2Bundle {
  Ob2Issued documents;
  std::vector<Ob2File> files;  // in the order they are written
};

/// What publish_ob2_badge() wrote.
struct Ob2Published {
  Ob2Issued documents;
  std::vector<std::filesystem::path> files;  // out_dir / each Ob2File::path, in write order
  std::filesystem::path key_file;            // the key that signed
  bool key_generated = false;                // this call created key_file
};

/// The BadgeClass path segment Ecusson derives from a badge name: lower-case ASCII letters
/// and digits, every other run of characters one "-", none at either end; "badge" when
/// nothing is left. Example: ob2_slug("Communiquer — niveau 2") == "communiquer-niveau-2".
std::string ob2_slug(std::string_view name);

/// The default key file of a published folder: beside it, never inside it.
/// Example: ob2_default_key_path("var/ob2") == "var/ob2.key.pem" ("." and "" stand for the
/// current directory, "var/ob2/" for "var/ob2").
std::filesystem::path ob2_default_key_path(const std::filesystem::path& out_dir);

/// Builds every document of one award (issue_ob2) and lays them out as files, in memory.
/// An empty achievement.slug becomes ob2_slug(achievement.name); with an `image` and no
/// achievement.image, the image is published at badges/<slug>.<ext> and becomes the
/// BadgeClass image. Writes nothing.
/// Errors: baking.not_an_image (image neither PNG nor SVG), those of issue_ob2
/// (ob2.bad_base_url, ob2.missing_field with where "achievement.image" or
/// "achievement.criteria" among others, ob2.bad_dates, key.bad_pem, key.not_rsa,
/// jws.sign), those of bake_png / bake_svg.
/// Example: auto b = layout_ob2_badge(setup, achievement, {.recipient_email = "a@b.fr"},
///                                    pem, png_bytes);  // b->files[0].path == "issuer.json"
[[nodiscard]] Result<Ob2Bundle> layout_ob2_badge(const Ob2IssuerSetup& setup,
                                                 const Ob2Achievement& achievement,
                                                 const Ob2Award& award,
                                                 std::string_view private_key_pem,
                                                 std::string_view image = {});

/// Issues one award and writes it under options.out_dir (layout above), signed with the
/// issuer key (options.key_file). On success every file is written, a generated key first
/// (documents naming a key nobody kept would be worthless). On failure before writing
/// (any layout error), nothing is written, not even a generated key.
/// Errors: ob2.key_read (the key file cannot be read or is larger than max_key_bytes;
/// where = its path), key.generate, those of layout_ob2_badge, ob2.key_write (the new key
/// cannot be kept; where = its path), ob2.write (a file cannot be written; where = its
/// path; the files before it are written).
/// Example:
///   auto r = publish_ob2_badge(setup, achievement, {.recipient_email = "a@b.fr"},
///                              {.out_dir = "var/ob2"});
///   if (r) serve("var/ob2");  // r->key_file == "var/ob2.key.pem"
[[nodiscard]] Result<Ob2Published> publish_ob2_badge(const Ob2IssuerSetup& setup,
                                                     const Ob2Achievement& achievement,
                                                     const Ob2Award& award,
                                                     const Ob2PublishOptions& options);

}  // namespace ecusson::ob2
