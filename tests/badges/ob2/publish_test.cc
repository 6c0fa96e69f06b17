#include "ecusson/ob2/publish.h"

#include <sys/stat.h>

#include <boost/json.hpp>
#include <thread>

#include "ecusson/baking/baked_payload.h"
#include "ecusson/net/http_fetcher.h"
#include "ecusson/ob2/verify.h"
#include "ob2_test_key.h"
#include "test_http_server.h"
#include "test_support.h"

namespace ecusson::ob2 {

using baking::BakedKind;
using baking::unbake_file;
using net::HttpFetcher;
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using namespace std::chrono;

const char* kSvg =
    R"(<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle r="4"/></svg>)";

std::string heart_png() {
  return test::read_file(test::conformance_dir() /
                         "ob2/validator-core-fixtures/public_domain_heart.png");
}

Ob2IssuerSetup setup(const std::string& base = "https://badges.example.fr/ob2/") {
  return {base, "Mission locale de Test", "https://example.fr", "contact@example.fr", "", ""};
}

// No slug and no image URL: both come from the publisher.
Ob2Achievement achievement() {
  Ob2Achievement a;
  a.name = "Communiquer à l'oral — niveau 2";
  a.description = "Échanger avec l'équipe et le public.";
  a.criteria_narrative = "Niveau 2 atteint selon la grille.";
  return a;
}

// With an image URL of its own: nothing to bake or publish beside the documents.
Ob2Achievement achievement_with_image_url() {
  Ob2Achievement a = achievement();
  a.image = "https://example.fr/c1.png";
  return a;
}

Ob2Award award(const std::string& email = "Ana@Example.org") {
  Ob2Award w;
  w.recipient_email = email;
  w.issued_on = sys_days{2026y / 3 / 1} + 10h;
  return w;
}

// Relative, "/"-separated paths of the files written under `dir`.
std::vector<std::string> relative(const std::vector<fs::path>& files, const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(fs::relative(f, dir).generic_string());
  return out;
}

// Publish options with every field named (designated initializers would leave some out).
Ob2PublishOptions to(const fs::path& dir, std::string image = {}, const fs::path& key = {}) {
  Ob2PublishOptions o;
  o.out_dir = dir;
  o.key_file = key;
  o.image = std::move(image);
  return o;
}

std::string uuid_of(const Ob2Issued& d) { return d.signed_assertion.id.substr(9); }

TEST(ob2_publish, slug_and_default_key_path) {
  EXPECT_EQ(ob2_slug("Communiquer à l'oral — niveau 2"), "communiquer-l-oral-niveau-2");
  EXPECT_EQ(ob2_slug("  C1 / N2  "), "c1-n2");
  EXPECT_EQ(ob2_slug("——"), "badge");
  EXPECT_EQ(ob2_default_key_path("var/ob2"), fs::path("var/ob2.key.pem"));
  EXPECT_EQ(ob2_default_key_path("var/ob2/"), fs::path("var/ob2.key.pem"));
  EXPECT_EQ(ob2_default_key_path("."), fs::current_path().parent_path() /
                                           (fs::current_path().filename().string() + ".key.pem"));
}

TEST(ob2_publish, layout_in_memory_follows_the_urls) {
  auto b = layout_ob2_badge(setup(), achievement(), award(), test::ob2_test_key(), heart_png());
  ASSERT_OK(b);
  const std::string uuid = uuid_of(b->documents);
  const std::string slug = "communiquer-l-oral-niveau-2";
  std::vector<std::string> paths;
  for (const auto& f : b->files) paths.push_back(f.path);
  EXPECT_EQ(paths, (std::vector<std::string>{
                       "issuer.json", "keys/1.json", "revocations.json", "badges/" + slug + ".json",
                       "assertions/" + uuid + ".json", "signed/" + uuid + ".json",
                       "signed/" + uuid + ".jws", "badges/" + slug + ".png",
                       "signed/" + uuid + ".png", "assertions/" + uuid + ".png"}));
  EXPECT_EQ(b->documents.badge_class.image,
            "https://badges.example.fr/ob2/badges/" + slug + ".png");
  EXPECT_EQ(b->files[6].bytes, b->documents.jws + "\n");
  EXPECT_EQ(b->files[7].bytes, heart_png());  // published unbaked
  EXPECT_EQ(json::parse(b->files[4].bytes), json::value(to_json(b->documents.hosted_assertion)));
}

TEST(ob2_publish, an_image_url_of_its_own_is_not_published_again) {
  Ob2Achievement a = achievement();
  a.slug = "c1-n2";
  a.image = "https://example.fr/c1.png";
  auto b = layout_ob2_badge(setup(), a, award(), test::ob2_test_key(), kSvg);
  ASSERT_OK(b);
  EXPECT_EQ(b->documents.badge_class.image, "https://example.fr/c1.png");
  EXPECT_EQ(b->documents.badge_class.id, "https://badges.example.fr/ob2/badges/c1-n2.json");
  ASSERT_EQ(b->files.size(), 9u);
  EXPECT_EQ(b->files[7].path, "signed/" + uuid_of(b->documents) + ".svg");
  EXPECT_EQ(b->files[8].path, "assertions/" + uuid_of(b->documents) + ".svg");
}

TEST(ob2_publish, writes_the_layout_and_a_key_beside_the_folder) {
  test::TempDir tmp;
  const fs::path dir = tmp.path() / "ob2";
  auto r = publish_ob2_badge(setup(), achievement(), award(), to(dir, heart_png()));
  ASSERT_OK(r);
  const std::string uuid = uuid_of(r->documents);
  auto paths = relative(r->files, dir);
  ASSERT_EQ(paths.size(), 10u);
  EXPECT_EQ(paths[0], "issuer.json");
  EXPECT_EQ(paths[4], "assertions/" + uuid + ".json");
  for (const auto& f : r->files) EXPECT_TRUE(fs::is_regular_file(f)) << f;
  EXPECT_EQ(json::parse(test::read_file(dir / "keys/1.json")),
            json::value(to_json(r->documents.key)));
  // The key: generated, beside the folder, owner-only, and nothing else lies in the folder.
  EXPECT_TRUE(r->key_generated);
  EXPECT_EQ(r->key_file, tmp.path() / "ob2.key.pem");
  struct stat st {};
  ASSERT_EQ(::stat(r->key_file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::size_t count = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    ++count;
    EXPECT_EQ(e.path().string().find(".pem"), std::string::npos) << e.path();
    EXPECT_EQ(e.path().string().find(".tmp"), std::string::npos) << e.path();
  }
  EXPECT_EQ(count, r->files.size());
}

TEST(ob2_publish, key_is_created_once_and_reused_never_overwritten) {
  test::TempDir tmp;
  const fs::path dir = tmp.path() / "ob2";
  auto first = publish_ob2_badge(setup(), achievement_with_image_url(), award(), to(dir));
  ASSERT_OK(first);
  ASSERT_TRUE(first->key_generated);
  const std::string pem = test::read_file(first->key_file);
  const std::string key_doc = test::read_file(dir / "keys/1.json");
  auto second =
      publish_ob2_badge(setup(), achievement_with_image_url(), award("b@example.org"), to(dir));
  ASSERT_OK(second);
  EXPECT_FALSE(second->key_generated);
  EXPECT_EQ(second->key_file, first->key_file);
  EXPECT_EQ(test::read_file(first->key_file), pem);
  EXPECT_EQ(test::read_file(dir / "keys/1.json"), key_doc);
  EXPECT_EQ(second->documents.key.public_key_pem, first->documents.key.public_key_pem);
  EXPECT_NE(uuid_of(second->documents), uuid_of(first->documents));
  EXPECT_TRUE(fs::exists(dir / "signed" / (uuid_of(first->documents) + ".jws")));
}

TEST(ob2_publish, first_runs_at_once_agree_on_one_key) {
  test::TempDir tmp;
  const fs::path dir = tmp.path() / "ob2";
  std::optional<Result<Ob2Published>> a, b;
  std::thread ta(
      [&] { a = publish_ob2_badge(setup(), achievement_with_image_url(), award(), to(dir)); });
  std::thread tb(
      [&] { b = publish_ob2_badge(setup(), achievement_with_image_url(), award(), to(dir)); });
  ta.join();
  tb.join();
  ASSERT_OK(*a);
  ASSERT_OK(*b);
  EXPECT_EQ((*a)->documents.key.public_key_pem, (*b)->documents.key.public_key_pem);
  auto pub = ob2_public_key_pem(test::read_file(tmp.path() / "ob2.key.pem"));
  ASSERT_OK(pub);
  EXPECT_EQ((*a)->documents.key.public_key_pem, *pub);
}

TEST(ob2_publish, a_named_key_is_used_and_never_created) {
  test::TempDir tmp;
  const fs::path key = tmp.path() / "issuer.pem";
  { std::ofstream(key) << test::ob2_test_key(); }
  auto r = publish_ob2_badge(setup(), achievement_with_image_url(), award(),
                             to(tmp.path() / "ob2", {}, key));
  ASSERT_OK(r);
  EXPECT_FALSE(r->key_generated);
  EXPECT_EQ(r->key_file, key);
  EXPECT_EQ(r->documents.key.public_key_pem, *ob2_public_key_pem(test::ob2_test_key()));
  EXPECT_FALSE(fs::exists(tmp.path() / "ob2.key.pem"));

  const fs::path missing = tmp.path() / "missing.pem";
  auto no_key = publish_ob2_badge(setup(), achievement_with_image_url(), award(),
                                  to(tmp.path() / "other", {}, missing));
  EXPECT_ERROR(no_key, "ob2.key_read");
  EXPECT_EQ(no_key.error().where, missing.string());
  EXPECT_FALSE(fs::exists(missing));
  EXPECT_FALSE(fs::exists(tmp.path() / "other"));
}

TEST(ob2_publish, baked_images_carry_both_assertions) {
  for (const std::string& image : {heart_png(), std::string(kSvg)}) {
    test::TempDir tmp;
    const fs::path dir = tmp.path() / "ob2";
    auto r = publish_ob2_badge(setup(), achievement(), award(), to(dir, image));
    ASSERT_OK(r);
    const std::string ext = image == kSvg ? ".svg" : ".png";
    const std::string uuid = uuid_of(r->documents);
    auto signed_image = unbake_file((dir / "signed" / (uuid + ext)).string());
    ASSERT_OK(signed_image);
    EXPECT_EQ(signed_image->kind, BakedKind::ob2_jws);
    EXPECT_EQ(signed_image->text, r->documents.jws);
    auto hosted_image = unbake_file((dir / "assertions" / (uuid + ext)).string());
    ASSERT_OK(hosted_image);
    EXPECT_EQ(hosted_image->kind, BakedKind::ob2_json);
    EXPECT_EQ(json::parse(hosted_image->text), json::value(to_json(r->documents.hosted_assertion)));
  }
}

TEST(ob2_publish, missing_image_or_criteria_writes_nothing) {
  test::TempDir tmp;
  const fs::path dir = tmp.path() / "ob2";
  // No image URL and no image to publish: OB 2.0 requires a BadgeClass image.
  auto r = publish_ob2_badge(setup(), achievement(), award(), to(dir));
  EXPECT_ERROR(r, "ob2.missing_field");
  EXPECT_EQ(r.error().where, "achievement.image");
  Ob2Achievement a = achievement();
  a.criteria_narrative.clear();
  r = publish_ob2_badge(setup(), a, award(), to(dir, heart_png()));
  EXPECT_ERROR(r, "ob2.missing_field");
  EXPECT_EQ(r.error().where, "achievement.criteria");
  // Not even the generated key was kept.
  EXPECT_FALSE(fs::exists(dir));
  EXPECT_FALSE(fs::exists(tmp.path() / "ob2.key.pem"));
}

TEST(ob2_publish, refuses_an_image_that_is_neither_png_nor_svg) {
  test::TempDir tmp;
  auto r = publish_ob2_badge(setup(), achievement(), award(), to(tmp.path() / "ob2", "GIF89a..."));
  EXPECT_ERROR(r, "baking.not_an_image");
  EXPECT_FALSE(fs::exists(tmp.path() / "ob2"));
  EXPECT_FALSE(fs::exists(tmp.path() / "ob2.key.pem"));
}

TEST(ob2_publish, an_unwritable_folder_is_an_error) {
  test::TempDir tmp;
  const fs::path file = tmp.path() / "plain-file";
  { std::ofstream(file) << "not a folder"; }
  // The default key would go beside the folder, under a file: it cannot be kept.
  auto r = publish_ob2_badge(setup(), achievement(), award(), to(file / "ob2", heart_png()));
  EXPECT_ERROR(r, "ob2.key_write");
  EXPECT_EQ(r.error().where, (file / "ob2.key.pem").string());
  // With a named key, the first document cannot be written.
  const fs::path key = tmp.path() / "issuer.pem";
  { std::ofstream(key) << test::ob2_test_key(); }
  r = publish_ob2_badge(setup(), achievement(), award(), to(file / "ob2", heart_png(), key));
  EXPECT_ERROR(r, "ob2.write");
  EXPECT_EQ(r.error().where, (file / "ob2" / "issuer.json").string());
}

// Serves every file under `dir` at "/ob2/<relative path>".
void serve_dir(test::TestHttpServer& server, const fs::path& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    const std::string ext = e.path().extension().string();
    server.add("/ob2/" + fs::relative(e.path(), dir).generic_string(),
               {200,
                ext == ".png"   ? "image/png"
                : ext == ".svg" ? "image/svg+xml"
                                : "application/ld+json",
                test::read_file(e.path())});
  }
}

TEST(ob2_publish, published_folder_verifies_hosted_signed_and_baked) {
  test::TempDir tmp;
  test::TestHttpServer server;
  const fs::path dir = tmp.path() / "ob2";
  auto r =
      publish_ob2_badge(setup(server.url("/ob2")), achievement(), award(), to(dir, heart_png()));
  ASSERT_OK(r);
  serve_dir(server, dir);
  HttpFetcher fetcher;
  Ob2VerifyOptions options;
  options.allow_private_network = true;
  options.now = sys_days{2026y / 6 / 1};
  options.recipient = "ana@example.org";

  auto hosted = verify_ob2(r->documents.hosted_assertion.id, fetcher, options);
  EXPECT_TRUE(hosted.verified) << json::serialize(to_json(hosted, true));
  EXPECT_EQ(hosted.format, "ob2-hosted");

  const std::string uuid = uuid_of(r->documents);
  auto signed_jws = verify_ob2(test::read_file(dir / "signed" / (uuid + ".jws")), fetcher, options);
  EXPECT_TRUE(signed_jws.verified) << json::serialize(to_json(signed_jws, true));
  EXPECT_EQ(signed_jws.format, "ob2-signed");

  auto baked = verify_ob2(test::read_file(dir / "signed" / (uuid + ".png")), fetcher, options);
  EXPECT_TRUE(baked.verified) << json::serialize(to_json(baked, true));
  EXPECT_EQ(baked.source, "png");

  auto hosted_baked =
      verify_ob2(test::read_file(dir / "assertions" / (uuid + ".png")), fetcher, options);
  EXPECT_TRUE(hosted_baked.verified) << json::serialize(to_json(hosted_baked, true));

  options.recipient = "bob@example.org";
  EXPECT_FALSE(verify_ob2(r->documents.hosted_assertion.id, fetcher, options).verified);
}

}  // namespace
}  // namespace ecusson::ob2
