#include "ecusson/common/base64url.h"

#include "test_support.h"

namespace ecusson {
namespace {

TEST(base64url, encodes_rfc4648_vectors_without_padding) {
  EXPECT_EQ(base64url_encode(""), "");
  EXPECT_EQ(base64url_encode("f"), "Zg");
  EXPECT_EQ(base64url_encode("fo"), "Zm8");
  EXPECT_EQ(base64url_encode("foo"), "Zm9v");
  EXPECT_EQ(base64url_encode("foob"), "Zm9vYg");
  EXPECT_EQ(base64url_encode("fooba"), "Zm9vYmE");
  EXPECT_EQ(base64url_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
  EXPECT_EQ(base64url_encode(R"({"alg":"EdDSA"})"), "eyJhbGciOiJFZERTQSJ9");
}

TEST(base64url, decodes_what_it_encodes) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  for (std::size_t n = 0; n < all.size(); n += 7) {
    auto d = base64url_decode(base64url_encode(all.substr(0, n)));
    ASSERT_OK(d);
    EXPECT_EQ(*d, all.substr(0, n));
  }
}

TEST(base64url, rejects_standard_alphabet) {
  EXPECT_ERROR(base64url_decode("+/8"), "base64url.invalid");
}

TEST(base64url, rejects_padding) { EXPECT_ERROR(base64url_decode("Zg=="), "base64url.invalid"); }

TEST(base64url, rejects_whitespace) { EXPECT_ERROR(base64url_decode("Zm9v Yg"), "base64url.invalid"); }

TEST(base64url, rejects_impossible_length) {
  EXPECT_ERROR(base64url_decode("Zm9vY"), "base64url.invalid");
}

TEST(base64url, rejects_non_canonical_trailing_bits) {
  // "Zh" decodes to "f" with non-zero leftover bits; only "Zg" is canonical.
  EXPECT_ERROR(base64url_decode("Zh"), "base64url.invalid");
  EXPECT_ERROR(base64url_decode("Zm9"), "base64url.invalid");
  EXPECT_ERROR(base64url_decode("-_9"), "base64url.invalid");
  EXPECT_OK(base64url_decode("-_8"));
}

TEST(base64url, rejects_nul_and_high_bytes) {
  EXPECT_ERROR(base64url_decode(std::string("Zm\0v", 4)), "base64url.invalid");
  EXPECT_ERROR(base64url_decode("Zm\xc3\xa9v"), "base64url.invalid");
}

TEST(base64url, lenient_reads_padding_whitespace_and_either_alphabet) {
  EXPECT_EQ(*base64_decode_lenient("Zm9v\nYg==", Base64Alphabet::standard), "foob");
  EXPECT_EQ(*base64_decode_lenient("+/8=", Base64Alphabet::standard), "\xfb\xff");
  EXPECT_EQ(*base64_decode_lenient("-_8", Base64Alphabet::url), "\xfb\xff");
  EXPECT_EQ(*base64_decode_lenient("-_9", Base64Alphabet::url), "\xfb\xff");  // bits ignored
  EXPECT_EQ(*base64_decode_lenient("", Base64Alphabet::url), "");
  EXPECT_ERROR(base64_decode_lenient("-_8", Base64Alphabet::standard), "base64.invalid");
  EXPECT_ERROR(base64_decode_lenient("+/8", Base64Alphabet::url), "base64.invalid");
  EXPECT_ERROR(base64_decode_lenient("Zm9vY", Base64Alphabet::url), "base64.invalid");
}

TEST(base64url, is_base64url_checks_the_alphabet) {
  EXPECT_TRUE(is_base64url("eyJh-_"));
  EXPECT_FALSE(is_base64url(""));
  EXPECT_FALSE(is_base64url("a="));
  EXPECT_FALSE(is_base64url("a.b"));
  EXPECT_FALSE(is_base64url("a+b"));
}

}  // namespace
}  // namespace ecusson
