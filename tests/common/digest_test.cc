#include "ecusson/common/digest.h"

#include <set>

#include "test_support.h"

namespace ecusson {
namespace {

TEST(digest, sha256_fips_180_vectors) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256("abc").size(), 32u);
  EXPECT_EQ(hex_encode(sha256("abc")), sha256_hex("abc"));
}

TEST(digest, sha384_fips_180_vector) {
  EXPECT_EQ(hex_encode(digest(DigestAlgorithm::sha384, "abc")),
            "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
            "8086072ba1e7cc2358baeca134c825a7");
}

TEST(digest, md5_rfc_1321_vectors) {
  EXPECT_EQ(hex_encode(md5("")), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(hex_encode(md5("a")), "0cc175b9c0f1b6a831c399e269772661");
  EXPECT_EQ(hex_encode(md5("abc")), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(hex_encode(md5("message digest")), "f96b697d7cb7938d525a2f31aaf161d0");
  EXPECT_EQ(hex_encode(md5("abcdefghijklmnopqrstuvwxyz")), "c3fcd3d76192e4007dfb496cca67e13b");
  EXPECT_EQ(hex_encode(digest(DigestAlgorithm::md5, "abc")), hex_encode(md5("abc")));
}

TEST(digest, hex_is_lower_case_two_digits_a_byte) {
  EXPECT_EQ(hex_encode(""), "");
  EXPECT_EQ(hex_encode(std::string("\x00\x01\xab\xff", 4)), "0001abff");
}

TEST(digest, hasher_reuses_its_context_message_after_message) {
  Hasher h(DigestAlgorithm::sha256);
  ASSERT_TRUE(h.ok());
  h.update("a");
  h.update("bc");
  EXPECT_EQ(h.finish_hex(), sha256_hex("abc"));
  EXPECT_EQ(h.finish_hex(), sha256_hex(""));  // a new, empty message
  h.update("discarded");
  EXPECT_EQ(h.hex_of("abc"), sha256_hex("abc"));
  EXPECT_EQ(h.finish(), sha256(""));
  Hasher moved = std::move(h);
  EXPECT_EQ(moved.hex_of("abc"), sha256_hex("abc"));
  Hasher h384(DigestAlgorithm::sha384);
  EXPECT_EQ(h384.hex_of("abc").size(), 96u);
}

TEST(digest, random_bytes_and_uuids_differ) {
  auto a = random_bytes(16), b = random_bytes(16);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->size(), 16u);
  EXPECT_NE(*a, *b);
  EXPECT_EQ(random_bytes(0)->size(), 0u);
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    auto u = random_uuid_v4();
    ASSERT_TRUE(u);
    ASSERT_EQ(u->size(), 36u);
    EXPECT_EQ((*u)[8], '-');
    EXPECT_EQ((*u)[13], '-');
    EXPECT_EQ((*u)[14], '4');  // version 4
    EXPECT_NE(std::string("89ab").find((*u)[19]), std::string::npos);  // RFC 4122 variant
    seen.insert(*u);
  }
  EXPECT_EQ(seen.size(), 50u);
}

}  // namespace
}  // namespace ecusson
