#include "ecusson/crypto/multibase.h"

#include <boost/json.hpp>

#include "ecusson/common/base64url.h"
#include "test_support.h"

namespace ecusson::crypto {
namespace {

std::string unhex(std::string_view hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

boost::json::object load_json(const std::filesystem::path& p) {
  return boost::json::parse(test::read_file(p)).as_object();
}

TEST(base58btc, encodes_known_vectors) {
  // draft-msporny-base58 §5 test vectors.
  EXPECT_EQ(base58btc_encode("Hello World!"), "2NEpo7TZRRrLZSi2U");
  EXPECT_EQ(base58btc_encode("The quick brown fox jumps over the lazy dog."),
            "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z");
  EXPECT_EQ(base58btc_encode(unhex("0000287fb4cd")), "11233QC4");
  EXPECT_EQ(base58btc_encode("hello world"), "StV1DL6CwTryKyV");
  EXPECT_EQ(base58btc_encode(""), "");
  EXPECT_EQ(base58btc_encode(std::string(3, '\0')), "111");
}

TEST(base58btc, decodes_known_vectors) {
  EXPECT_EQ(*base58btc_decode("2NEpo7TZRRrLZSi2U"), "Hello World!");
  EXPECT_EQ(*base58btc_decode("11233QC4"), unhex("0000287fb4cd"));
  EXPECT_EQ(*base58btc_decode("111"), std::string(3, '\0'));
}

TEST(base58btc, roundtrips_random_lengths) {
  std::string data;
  for (int i = 0; i < 80; ++i) {
    data.push_back(static_cast<char>((i * 37 + 11) & 0xFF));
    std::string with_zeros = std::string(i % 3, '\0') + data;
    auto back = base58btc_decode(base58btc_encode(with_zeros));
    ASSERT_OK(back);
    EXPECT_EQ(*back, with_zeros);
  }
}

TEST(base58btc, rejects_characters_outside_the_alphabet) {
  for (const char* bad : {"0abc", "Oabc", "Iabc", "labc", "ab+c", "ab c"}) {
    SCOPED_TRACE(bad);
    EXPECT_ERROR(base58btc_decode(bad), "multibase.invalid");
  }
}

TEST(base58btc, rejects_oversized_input) {
  EXPECT_ERROR(base58btc_decode(std::string(kMaxBase58Chars + 1, '2')), "multibase.invalid");
}

TEST(multibase, decodes_z_and_u_and_refuses_others) {
  EXPECT_EQ(*multibase_decode("zStV1DL6CwTryKyV"), "hello world");
  EXPECT_EQ(*multibase_decode("u" + base64url_encode("hello")), "hello");
  EXPECT_ERROR(multibase_decode("maGVsbG8="), "multibase.unsupported");
  EXPECT_ERROR(multibase_decode(""), "multibase.invalid");
}

TEST(multikey, vc_di_eddsa_test_vector_key_pair) {
  auto kp = load_json(test::conformance_dir() / "vc-di-eddsa/TestVectors/keyPair.json");
  std::string pub(kp["publicKeyMultibase"].as_string());
  std::string secret(kp["privateKeyMultibase"].as_string());
  auto key = multikey_decode_secret(secret);
  ASSERT_OK(key);
  EXPECT_TRUE(key->has_private());
  EXPECT_EQ(*multikey_encode(*key), pub);
  EXPECT_EQ(*multikey_encode_secret(*key), secret);
  auto pk = multikey_decode(pub);
  ASSERT_OK(pk);
  EXPECT_TRUE(pk->same_public(*key));
  EXPECT_TRUE(pub.starts_with("z6Mk"));
}

TEST(multikey, ob3_test_vector_key_pair) {
  auto kp = load_json(test::conformance_dir() / "ob3/test-vectors/ob-eddsa-rdfc-2022/keyPair.json");
  std::string priv = unhex(kp["privateKeyHex"].as_string());
  ASSERT_EQ(priv.size(), 64u);
  std::array<std::uint8_t, 32> seed;
  std::copy(priv.begin(), priv.begin() + 32, seed.begin());
  auto key = Key::ed25519_from_seed(seed);
  ASSERT_OK(key);
  EXPECT_EQ(key->raw_public(), unhex(kp["publicKeyHex"].as_string()));
  EXPECT_EQ(*multikey_encode(*key), std::string(kp["publicKeyMultibase"].as_string()));
  auto from_secret = multikey_decode_secret(kp["secretKeyMultibase"].as_string());
  ASSERT_OK(from_secret);
  EXPECT_TRUE(from_secret->same_public(*key));
}

TEST(multikey, p256_keys_use_the_zDn_prefix_and_roundtrip) {
  auto key = Key::generate(KeyType::p256);
  ASSERT_OK(key);
  auto mk = multikey_encode(*key);
  ASSERT_OK(mk);
  EXPECT_TRUE(mk->starts_with("zDn")) << *mk;
  auto back = multikey_decode(*mk);
  ASSERT_OK(back);
  EXPECT_TRUE(back->same_public(*key));
}

TEST(multikey, did_key_spec_p256_example_decodes) {
  auto k = multikey_decode("zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv");
  ASSERT_OK(k);
  EXPECT_EQ(k->type(), KeyType::p256);
  EXPECT_EQ(*multikey_encode(*k), "zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv");
}

TEST(multikey, rejects_rsa) {
  auto key = Key::generate(KeyType::rsa2048);
  ASSERT_OK(key);
  EXPECT_ERROR(multikey_encode(*key), "multikey.unsupported");
}

TEST(multikey, rejects_other_multicodecs) {
  // secp256k1 (0xe7 0x01) from the did:key spec examples.
  EXPECT_ERROR(multikey_decode("zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme"),
               "multikey.unsupported");
  // X25519 (0xec 0x01).
  EXPECT_ERROR(multikey_decode("z6LSj72tK8brWgZja8NLRwPigth2T9QRiG1uH9oKZuKjdh9p"),
               "multikey.unsupported");
}

TEST(multikey, rejects_wrong_length) {
  std::string short_key = std::string("\xed\x01", 2) + std::string(31, '\x05');
  EXPECT_ERROR(multikey_decode(multibase_base58btc(short_key)), "multikey.invalid");
}

TEST(multikey, rejects_non_base58btc_prefix) {
  EXPECT_ERROR(multikey_decode("u7QE"), "multibase.invalid");
}

TEST(multikey, secret_with_mismatched_public_half_is_refused) {
  std::string bytes = std::string("\x80\x26", 2) + std::string(32, '\x07') + std::string(32, '\x09');
  EXPECT_ERROR(multikey_decode_secret(multibase_base58btc(bytes)), "multikey.invalid");
}

}  // namespace
}  // namespace ecusson::crypto
