#include "ecusson/baking/png_baking.h"

#include <boost/json.hpp>
#include <filesystem>

#include "baking_test_util.h"

namespace ecusson::test {
namespace {

using baking::BadgeVersion;
using baking::BakedKind;

std::vector<RawChunk> badge_chunks(std::string_view png) {
  std::vector<RawChunk> out;
  for (auto& c : png_chunks(png))
    if (c.type == "iTXt" || c.type == "tEXt") out.push_back(c);
  return out;
}

TEST(png_baking, bakes_ob3_json_as_one_uncompressed_itxt_before_iend) {
  auto baked = baking::bake_png(plain_png(), kOb3Json, BadgeVersion::ob3);
  ASSERT_OK(baked);
  auto chunks = png_chunks(*baked);
  ASSERT_GE(chunks.size(), 3u);
  EXPECT_EQ(chunks.back().type, "IEND");
  const RawChunk& itxt = chunks[chunks.size() - 2];
  EXPECT_EQ(itxt.type, "iTXt");
  // keyword NUL, compression flag 0, method 0, empty language NUL, empty translated NUL.
  std::string prefix = std::string("openbadgecredential") + std::string(5, '\0');
  ASSERT_TRUE(itxt.data.starts_with(prefix));
  std::string text = itxt.data.substr(prefix.size());
  EXPECT_EQ(text, std::string(kOb3Json));
  EXPECT_EQ(badge_chunks(*baked).size(), 1u);
  // Every other chunk is copied unchanged.
  auto before = png_chunks(plain_png());
  EXPECT_EQ(chunks.size(), before.size() + 1);
}

TEST(png_baking, round_trips_ob3_json) {
  auto baked = baking::bake_png(plain_png(), kOb3Json, BadgeVersion::ob3);
  ASSERT_OK(baked);
  auto p = baking::unbake_png(*baked);
  ASSERT_OK(p);
  EXPECT_EQ(p->kind, BakedKind::ob3_json);
  auto v = boost::json::parse(p->text);
  EXPECT_EQ(v.at("id").as_string(), "urn:uuid:5b0a4c5e-4f0b-4a38-9a41-3a0f2c1d9e77");
  EXPECT_EQ(v.at("issuer").at("name").as_string(), "Atelier Éclair");
}

TEST(png_baking, round_trips_ob3_jws) {
  std::string jws = fake_jws(kOb3Json);
  auto baked = baking::bake_png(plain_png(), jws + "\n", BadgeVersion::ob3);
  ASSERT_OK(baked);
  auto p = baking::unbake_png(*baked);
  ASSERT_OK(p);
  EXPECT_EQ(p->kind, BakedKind::ob3_jws);
  EXPECT_EQ(p->text, jws);
}

TEST(png_baking, bakes_ob2_with_openbadges_keyword) {
  auto baked = baking::bake_png(plain_png(), kOb2Json, BadgeVersion::ob2);
  ASSERT_OK(baked);
  auto chunks = badge_chunks(*baked);
  ASSERT_EQ(chunks.size(), 1u);
  EXPECT_TRUE(chunks[0].data.starts_with(std::string("openbadges") + std::string(5, '\0')));
  auto p = baking::unbake_png(*baked);
  ASSERT_OK(p);
  EXPECT_EQ(p->kind, BakedKind::ob2_json);
  auto jws = baking::bake_png(plain_png(), fake_jws(kOb2Json), BadgeVersion::ob2);
  ASSERT_OK(jws);
  auto pj = baking::unbake_png(*jws);
  ASSERT_OK(pj);
  EXPECT_EQ(pj->kind, BakedKind::ob2_jws);
}

TEST(png_baking, rebaking_replaces_the_existing_chunk) {
  auto first = baking::bake_png(plain_png(), kOb2Json, BadgeVersion::ob2);
  ASSERT_OK(first);
  auto second = baking::bake_png(*first, kOb3Json, BadgeVersion::ob3);
  ASSERT_OK(second);
  auto third = baking::bake_png(*second, fake_jws(kOb3Json), BadgeVersion::ob3);
  ASSERT_OK(third);
  auto chunks = badge_chunks(*third);
  ASSERT_EQ(chunks.size(), 1u);
  EXPECT_TRUE(chunks[0].data.starts_with("openbadgecredential"));
  auto p = baking::unbake_png(*third);
  ASSERT_OK(p);
  EXPECT_EQ(p->kind, BakedKind::ob3_jws);
}

TEST(png_baking, reads_legacy_text_chunk_url) {
  std::string png =
      png_with(plain_png(),
               {png_chunk("tEXt", std::string("openbadges\0", 11) + "https://example.org/a/1")});
  auto p = baking::unbake_png(png);
  ASSERT_OK(p);
  EXPECT_EQ(p->kind, BakedKind::ob2_url);
  EXPECT_EQ(p->text, "https://example.org/a/1");
}

TEST(png_baking, reads_itxt_with_language_and_translated_keyword) {
  std::string png = png_with(
      plain_png(),
      {png_chunk("iTXt", itxt_data("openbadgecredential", kOb3Json, 0, "fr", "justificatif"))});
  auto p = baking::unbake_png(png);
  ASSERT_OK(p);
  EXPECT_EQ(p->kind, BakedKind::ob3_json);
}

TEST(png_baking, unbaked_image_is_not_baked) {
  EXPECT_ERROR(baking::unbake_png(plain_png()), "baking.not_baked");
}

TEST(png_baking, refuses_payload_that_is_neither_json_nor_jws) {
  EXPECT_ERROR(baking::bake_png(plain_png(), "hello world", BadgeVersion::ob3),
               "baking.bad_payload");
  EXPECT_ERROR(baking::bake_png(plain_png(), "{\"a\":", BadgeVersion::ob3), "baking.bad_payload");
}

// --- hostile input -------------------------------------------------------------------

TEST(png_baking, refuses_chunk_declaring_2gb_without_allocating) {
  std::string png = plain_png().substr(0, 8 + 25);  // signature + IHDR
  put_be32(png, 0x80000000u);                       // 2 GiB: above PNG's 2^31-1 cap
  png += "iTXt";
  png += std::string(64, 'x');
  EXPECT_ERROR(baking::unbake_png(png), "baking.bad_chunk");
}

TEST(png_baking, refuses_chunk_declaring_more_bytes_than_present) {
  std::string png = plain_png().substr(0, 8 + 25);
  put_be32(png, 0x7FFFFFFFu);  // the largest legal length, far beyond the file
  png += "iTXt";
  png += std::string(64, 'x');
  EXPECT_ERROR(baking::unbake_png(png), "baking.truncated");
  EXPECT_ERROR(baking::bake_png(png, kOb3Json, BadgeVersion::ob3), "baking.truncated");
}

TEST(png_baking, refuses_truncated_png) {
  auto baked = baking::bake_png(plain_png(), kOb3Json, BadgeVersion::ob3);
  ASSERT_OK(baked);
  EXPECT_ERROR(baking::unbake_png(std::string_view(*baked).substr(0, baked->size() - 20)),
               "baking.truncated");
  EXPECT_ERROR(baking::unbake_png(std::string_view(*baked).substr(0, 10)), "baking.truncated");
}

TEST(png_baking, refuses_bad_crc) {
  std::string png =
      png_with(plain_png(), {png_chunk("iTXt", itxt_data("openbadgecredential", kOb3Json), 1)});
  EXPECT_ERROR(baking::unbake_png(png), "baking.bad_crc");
  EXPECT_ERROR(baking::bake_png(png, kOb3Json, BadgeVersion::ob3), "baking.bad_crc");
}

TEST(png_baking, refuses_compressed_itxt_zlib_bomb) {
  // 64 MiB of spaces deflated to a few tens of KiB: a small bomb, never inflated.
  std::string compressed;
  z_stream zs{};
  ASSERT_EQ(deflateInit(&zs, 9), Z_OK);
  std::string block(1 << 20, ' ');
  char out[1 << 16];
  for (int i = 0; i < 64; ++i) {
    zs.next_in = reinterpret_cast<Bytef*>(block.data());
    zs.avail_in = static_cast<uInt>(block.size());
    int flush = i == 63 ? Z_FINISH : Z_NO_FLUSH;
    do {
      zs.next_out = reinterpret_cast<Bytef*>(out);
      zs.avail_out = sizeof out;
      deflate(&zs, flush);
      compressed.append(out, sizeof out - zs.avail_out);
    } while (zs.avail_out == 0);
  }
  deflateEnd(&zs);
  ASSERT_LT(compressed.size(), 1u << 20);
  std::string png =
      png_with(plain_png(), {png_chunk("iTXt", itxt_data("openbadgecredential", compressed, 1))});
  EXPECT_ERROR(baking::unbake_png(png), "baking.compressed");
}

TEST(png_baking, refuses_two_credential_chunks_as_ambiguous) {
  std::string png = png_with(
      plain_png(), {png_chunk("iTXt", itxt_data("openbadgecredential", kOb3Json)),
                    png_chunk("iTXt", itxt_data("openbadgecredential", fake_jws(kOb3Json)))});
  EXPECT_ERROR(baking::unbake_png(png), "baking.ambiguous");
}

TEST(png_baking, refuses_not_a_png) {
  EXPECT_ERROR(baking::unbake_png("GIF89a\x01\x00\x01\x00"), "baking.not_png");
  EXPECT_ERROR(baking::unbake_png(""), "baking.not_png");
  EXPECT_ERROR(baking::bake_png("<svg/>", kOb3Json, BadgeVersion::ob3), "baking.not_png");
}

TEST(png_baking, refuses_first_chunk_other_than_ihdr) {
  std::string png(plain_png().substr(0, 8));
  png += png_chunk("iTXt", itxt_data("openbadgecredential", kOb3Json));
  png += png_chunk("IEND", "");
  EXPECT_ERROR(baking::unbake_png(png), "baking.bad_chunk");
}

TEST(png_baking, refuses_200mb_file_by_size_cap) {
  TempDir tmp;
  auto path = tmp.path() / "huge.png";
  {
    std::ofstream f(path, std::ios::binary);
    f << plain_png();
  }
  std::filesystem::resize_file(path, 200ull << 20);  // sparse: no disk or memory used
  EXPECT_ERROR(baking::unbake_file(path.string()), "baking.too_large");
}

TEST(png_baking, refuses_payload_above_limit) {
  baking::BakingLimits limits;
  limits.max_payload_bytes = 100;
  EXPECT_ERROR(baking::bake_png(plain_png(), kOb3Json, BadgeVersion::ob3, limits),
               "baking.too_large");
  auto baked = baking::bake_png(plain_png(), kOb3Json, BadgeVersion::ob3);
  ASSERT_OK(baked);
  EXPECT_ERROR(baking::unbake_png(*baked, limits), "baking.too_large");
}

}  // namespace
}  // namespace ecusson::test
