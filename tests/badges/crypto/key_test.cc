#include "ecusson/crypto/key.h"

#include <sys/stat.h>

#include <array>
#include <cstring>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include "ecusson/common/base64url.h"
#include "test_support.h"

namespace ecusson::crypto {
namespace {

using test::TempDir;

std::array<std::uint8_t, 32> bytes32(std::string_view s) {
  std::array<std::uint8_t, 32> a{};
  std::copy(s.begin(), s.end(), a.begin());
  return a;
}

class KeyTypes : public ::testing::TestWithParam<KeyType> {};

TEST_P(KeyTypes, generate_sign_verify_roundtrip) {
  auto key = Key::generate(GetParam());
  ASSERT_OK(key);
  EXPECT_TRUE(key->has_private());
  EXPECT_EQ(key->type(), GetParam());
  auto sig = key->sign("message");
  ASSERT_OK(sig);
  if (GetParam() != KeyType::rsa2048) EXPECT_EQ(sig->size(), 64u);
  else EXPECT_EQ(sig->size(), 256u);
  EXPECT_TRUE(key->verify("message", *sig));
  EXPECT_FALSE(key->verify("messagf", *sig));
  std::string bad = *sig;
  bad[bad.size() / 2] ^= 1;
  EXPECT_FALSE(key->verify("message", bad));
  EXPECT_FALSE(key->verify("message", sig->substr(1)));
  EXPECT_FALSE(key->verify("message", ""));
}

TEST_P(KeyTypes, public_only_verifies_but_cannot_sign) {
  auto key = Key::generate(GetParam());
  ASSERT_OK(key);
  Key pub = key->public_only();
  EXPECT_FALSE(pub.has_private());
  EXPECT_TRUE(pub.same_public(*key));
  auto sig = key->sign("x");
  ASSERT_OK(sig);
  EXPECT_TRUE(pub.verify("x", *sig));
  EXPECT_ERROR(pub.sign("x"), "key.no_private");
}

TEST_P(KeyTypes, pem_roundtrip_private_and_public) {
  auto key = Key::generate(GetParam());
  ASSERT_OK(key);
  auto again = Key::from_pem(key->private_pem());
  ASSERT_OK(again);
  EXPECT_TRUE(again->has_private());
  EXPECT_TRUE(again->same_public(*key));
  auto pub = Key::from_pem(key->public_pem());
  ASSERT_OK(pub);
  EXPECT_FALSE(pub->has_private());
  EXPECT_EQ(pub->type(), GetParam());
  EXPECT_TRUE(pub->same_public(*key));
  EXPECT_EQ(pub->raw_public(), key->raw_public());
}

TEST_P(KeyTypes, save_private_pem_creates_0600_file_and_never_overwrites) {
  TempDir dir;
  auto key = Key::generate(GetParam());
  ASSERT_OK(key);
  auto path = dir.path() / "k.pem";
  ::umask(0);  // even with a permissive umask the file must be 0600
  ASSERT_OK(key->save_private_pem(path));
  ::umask(022);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  auto loaded = Key::load_pem_file(path);
  ASSERT_OK(loaded);
  EXPECT_TRUE(loaded->same_public(*key));
  EXPECT_ERROR(key->save_private_pem(path), "key.file_exists");
}

INSTANTIATE_TEST_SUITE_P(key, KeyTypes,
                         ::testing::Values(KeyType::ed25519, KeyType::p256, KeyType::rsa2048),
                         [](const auto& info) { return std::string(to_string(info.param)); });

TEST(key, rfc8037_ed25519_signature_vector) {
  // RFC 8037 Appendix A.1/A.4: a deterministic Ed25519 signature over the JWS signing input.
  auto d = base64url_decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A");
  ASSERT_OK(d);
  auto key = Key::ed25519_from_seed(bytes32(*d));
  ASSERT_OK(key);
  EXPECT_EQ(base64url_encode(key->raw_public()), "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
  auto sig = key->sign("eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc");
  ASSERT_OK(sig);
  EXPECT_EQ(base64url_encode(*sig),
            "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");
}

TEST(key, rfc7515_es256_vector_verifies_raw_r_s) {
  // RFC 7515 Appendix A.3: ES256 signature in the JOSE raw r‖s form.
  auto x = base64url_decode("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU");
  auto y = base64url_decode("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0");
  ASSERT_OK(x);
  ASSERT_OK(y);
  auto key = Key::p256_from_coordinates(*x, *y);
  ASSERT_OK(key);
  std::string input =
      "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNv"
      "bS9pc19yb290Ijp0cnVlfQ";
  auto sig = base64url_decode(
      "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q");
  ASSERT_OK(sig);
  EXPECT_TRUE(key->verify(input, *sig));
  EXPECT_FALSE(key->verify(input + "x", *sig));
}

TEST(key, p256_raw_public_is_compressed_and_reloads) {
  auto key = Key::generate(KeyType::p256);
  ASSERT_OK(key);
  std::string c = key->raw_public();
  ASSERT_EQ(c.size(), 33u);
  EXPECT_TRUE(c[0] == 0x02 || c[0] == 0x03);
  auto from_c = Key::p256_from_point(c);
  ASSERT_OK(from_c);
  EXPECT_TRUE(from_c->same_public(*key));
  auto from_u = Key::p256_from_point(key->p256_uncompressed());
  ASSERT_OK(from_u);
  EXPECT_TRUE(from_u->same_public(*key));
}

TEST(key, rejects_p256_point_not_on_curve) {
  std::string x(32, '\x01'), y(32, '\x02');
  EXPECT_ERROR(Key::p256_from_coordinates(x, y), "key.invalid");
}

TEST(key, rejects_garbage_pem) {
  EXPECT_ERROR(Key::from_pem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
               "key.pem_invalid");
  EXPECT_ERROR(Key::from_pem("not a key"), "key.pem_invalid");
}

std::string pem_of(EVP_PKEY* pkey, bool private_part, const char* password = nullptr) {
  BIO* bio = BIO_new(BIO_s_mem());
  if (private_part && password)
    PEM_write_bio_PKCS8PrivateKey(bio, pkey, EVP_aes_256_cbc(), password,
                                  static_cast<int>(std::strlen(password)), nullptr, nullptr);
  else if (private_part)
    PEM_write_bio_PrivateKey(bio, pkey, nullptr, nullptr, 0, nullptr, nullptr);
  else
    PEM_write_bio_PUBKEY(bio, pkey);
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  std::string out(data, static_cast<std::size_t>(len));
  BIO_free(bio);
  return out;
}

TEST(key, rejects_encrypted_pem_without_prompting) {
  // Must fail at once (stdin is not read), never ask for a pass phrase.
  EVP_PKEY* pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  ASSERT_NE(pkey, nullptr);
  std::string pem = pem_of(pkey, true, "secret");
  EVP_PKEY_free(pkey);
  ASSERT_NE(pem.find("ENCRYPTED PRIVATE KEY"), std::string::npos);
  EXPECT_ERROR(Key::from_pem(pem), "key.pem_invalid");
}

TEST(key, rejects_small_rsa) {
  std::string n(128, '\xC1');  // 1024-bit modulus
  EXPECT_ERROR(Key::rsa_from_components(n, std::string("\x01\x00\x01", 3)),
               "key.unsupported_type");
  EVP_PKEY* small = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(1024));
  ASSERT_NE(small, nullptr);
  std::string pem = pem_of(small, true);
  EVP_PKEY_free(small);
  EXPECT_ERROR(Key::from_pem(pem), "key.unsupported_type");
}

TEST(key, rejects_other_curves) {
  EVP_PKEY* p384 = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384");
  ASSERT_NE(p384, nullptr);
  std::string pem = pem_of(p384, false);
  EVP_PKEY_free(p384);
  EXPECT_ERROR(Key::from_pem(pem), "key.unsupported_type");
  EVP_PKEY* x25519 = EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519");
  ASSERT_NE(x25519, nullptr);
  std::string pem2 = pem_of(x25519, true);
  EVP_PKEY_free(x25519);
  EXPECT_ERROR(Key::from_pem(pem2), "key.unsupported_type");
}

TEST(key, reads_traditional_ec_private_pem) {
  // "BEGIN EC PRIVATE KEY" files (openssl ecparam -genkey) are common for ES256.
  auto key = Key::generate(KeyType::p256);
  ASSERT_OK(key);
  BIO* bio = BIO_new(BIO_s_mem());
  ASSERT_EQ(PEM_write_bio_PrivateKey_traditional(bio, key->native(), nullptr, nullptr, 0, nullptr,
                                                 nullptr),
            1);
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<std::size_t>(len));
  BIO_free(bio);
  ASSERT_NE(pem.find("EC PRIVATE KEY"), std::string::npos);
  auto again = Key::from_pem(pem);
  ASSERT_OK(again);
  EXPECT_TRUE(again->has_private());
  EXPECT_TRUE(again->same_public(*key));
}

TEST(key, missing_file_is_unreadable) {
  EXPECT_ERROR(Key::load_pem_file("/nonexistent/ecusson/key.pem"), "key.file_unreadable");
}

TEST(key, empty_key_is_harmless) {
  Key k;
  EXPECT_TRUE(k.empty());
  EXPECT_FALSE(k.verify("a", std::string(64, 'x')));
  EXPECT_ERROR(k.sign("a"), "key.no_private");
  EXPECT_TRUE(k.public_only().empty());
  auto g = Key::generate(KeyType::ed25519);
  ASSERT_OK(g);
  Key moved = std::move(*g);
  EXPECT_TRUE(g->empty());
  EXPECT_FALSE(moved.empty());
}

TEST(key, type_names_parse) {
  EXPECT_EQ(*key_type_from_string("ed25519"), KeyType::ed25519);
  EXPECT_EQ(*key_type_from_string("p256"), KeyType::p256);
  EXPECT_EQ(*key_type_from_string("rsa2048"), KeyType::rsa2048);
  EXPECT_ERROR(key_type_from_string("dsa"), "key.unsupported_type");
  EXPECT_STREQ(jose_alg(KeyType::p256), "ES256");
}

}  // namespace
}  // namespace ecusson::crypto
