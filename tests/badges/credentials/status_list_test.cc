#include "ecusson/credentials/status_list.h"

#include <zlib.h>

#include <boost/json.hpp>

#include "test_support.h"

namespace ecusson::credentials {
namespace {

std::string fixture_encoded_list() {
  auto text = test::read_file(test::conformance_dir() /
                              "ob3/validator-fixtures/ob30/bit-string-list/testlist");
  auto doc = boost::json::parse(text);
  return std::string(doc.at("credentialSubject").at("encodedList").as_string());
}

// GZIP of `zeros` zero bytes, produced by streaming (never holds the inflated data).
std::string gzip_of_zeros(std::size_t zeros) {
  z_stream zs{};
  deflateInit2(&zs, 1, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
  std::string in(1 << 16, '\0');
  std::string out;
  char buf[1 << 16];
  std::size_t left = zeros;
  int flush = Z_NO_FLUSH;
  do {
    std::size_t n = std::min(left, in.size());
    left -= n;
    flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
    zs.next_in = reinterpret_cast<Bytef*>(in.data());
    zs.avail_in = static_cast<uInt>(n);
    do {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof buf;
      deflate(&zs, flush);
      out.append(buf, sizeof buf - zs.avail_out);
    } while (zs.avail_out == 0);
  } while (flush != Z_FINISH);
  deflateEnd(&zs);
  return out;
}

std::string base64url(std::string_view bytes) {
  static const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  std::uint32_t acc = 0;
  int n = 0;
  for (unsigned char c : bytes) {
    acc = (acc << 8) | c;
    n += 8;
    while (n >= 6) out.push_back(a[(acc >> (n -= 6)) & 63]);
  }
  if (n) out.push_back(a[(acc << (6 - n)) & 63]);
  return out;
}

TEST(status_list, decodes_1edtech_fixture_with_bit_23_set_msb_first) {
  auto bits = decode_bitstring(fixture_encoded_list());
  ASSERT_OK(bits);
  EXPECT_EQ(bits->size(), 16384u);
  EXPECT_EQ(bitstring_value(*bits, 23).value(), 1u);
  EXPECT_EQ(bitstring_value(*bits, 22).value(), 0u);
  EXPECT_EQ(bitstring_value(*bits, 24).value(), 0u);
  EXPECT_EQ(static_cast<unsigned char>((*bits)[2]), 0x01);  // index 23 = last bit of byte 2
}

TEST(status_list, round_trips_and_uses_left_most_bit_for_index_zero) {
  std::string bits(16384, '\0');
  bitstring_set(bits, 0);
  bitstring_set(bits, 131071);
  EXPECT_EQ(static_cast<unsigned char>(bits[0]), 0x80);
  EXPECT_EQ(static_cast<unsigned char>(bits.back()), 0x01);
  auto decoded = decode_bitstring(encode_bitstring(bits));
  ASSERT_OK(decoded);
  EXPECT_EQ(*decoded, bits);
  EXPECT_EQ(bitstring_value(*decoded, 0).value(), 1u);
  EXPECT_EQ(bitstring_value(*decoded, 1).value(), 0u);
  EXPECT_EQ(bitstring_value(*decoded, 131071).value(), 1u);
}

TEST(status_list, reads_multi_bit_entries) {
  std::string bits(16384 * 2, '\0');
  bits[0] = static_cast<char>(0b10'01'00'11);
  EXPECT_EQ(bitstring_value(bits, 0, 2, 131072).value(), 2u);
  EXPECT_EQ(bitstring_value(bits, 1, 2, 131072).value(), 1u);
  EXPECT_EQ(bitstring_value(bits, 2, 2, 131072).value(), 0u);
  EXPECT_EQ(bitstring_value(bits, 3, 2, 131072).value(), 3u);
}

TEST(status_list, refuses_index_out_of_range) {
  std::string bits(16384, '\0');
  EXPECT_ERROR(bitstring_value(bits, 131072), "status.range");
  EXPECT_ERROR(bitstring_value(bits, ~std::uint64_t{0}), "status.range");
  EXPECT_ERROR(bitstring_value(bits, 0, 0), "status.range");
}

TEST(status_list, refuses_list_shorter_than_herd_privacy_minimum) {
  std::string bits(1024, '\0');
  EXPECT_ERROR(bitstring_value(bits, 3), "status.too_short");
}

TEST(status_list, refuses_zlib_bomb_while_inflating) {
  // 256 MB of zeros compress to about 1 MB; the cap stops inflation at 16 MB.
  std::string gz = gzip_of_zeros(256u << 20);
  ASSERT_LT(gz.size(), 2u << 20);
  auto r = decode_bitstring("u" + base64url(gz));
  EXPECT_ERROR(r, "status.too_large");
}

TEST(status_list, refuses_bad_encodings) {
  EXPECT_ERROR(decode_bitstring("z3u2"), "status.bad_encoding");       // base58, not base64url
  EXPECT_ERROR(decode_bitstring("uH4s*IAA"), "status.bad_encoding");   // bad character
  EXPECT_ERROR(decode_bitstring("u" + base64url(std::string(40, 'x'))), "status.bad_encoding");  // not gzip
  auto good = encode_bitstring(std::string(16384, '\0'));
  EXPECT_ERROR(decode_bitstring(good.substr(0, good.size() - 6)), "status.bad_encoding");  // truncated
  BitstringLimits small;
  small.max_encoded_bytes = 8;
  EXPECT_ERROR(decode_bitstring(good, small), "status.too_large");
}

TEST(status_list, finds_revoked_credentials_in_1edtech_list) {
  auto list = boost::json::parse(R"({"revokedCredential":[
      {"id":"urn:a","revoked":true},{"id":"urn:b"},{"id":"urn:c","revoked":false}]})");
  EXPECT_TRUE(revoked_in_1edtech_list(list, "urn:a").value());
  EXPECT_TRUE(revoked_in_1edtech_list(list, "urn:b").value());
  EXPECT_FALSE(revoked_in_1edtech_list(list, "urn:c").value());
  EXPECT_FALSE(revoked_in_1edtech_list(list, "urn:d").value());
  EXPECT_ERROR(revoked_in_1edtech_list(boost::json::parse("{}"), "urn:a"), "status.invalid_list");
}

}  // namespace
}  // namespace ecusson::credentials
