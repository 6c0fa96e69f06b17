#include "ecusson/credentials/ob3_identity.h"

#include <boost/json.hpp>

#include "test_support.h"

namespace ecusson::test {
namespace {

namespace json = boost::json;
using namespace ecusson::credentials;

// OB 3.0 spec, IdentityHash example: a@example.com with salt "Kosher".
constexpr const char* kSpecHash =
    "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399";

TEST(ob3_identity, hash_matches_spec_example) {
  EXPECT_EQ(email_identity_hash("a@example.com", "Kosher"), kSpecHash);
  EXPECT_EQ(email_identity_hash(" A@Example.com ", "Kosher"), kSpecHash);  // lower-cased, trimmed
}

TEST(ob3_identity, salts_are_random_hex) {
  auto a = random_salt(), b = random_salt();
  ASSERT_OK(a);
  ASSERT_OK(b);
  EXPECT_EQ(a->size(), 32u);
  EXPECT_NE(*a, *b);
  EXPECT_EQ(a->find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(ob3_identity, matches_either_hex_case_and_email_case) {
  json::object id = make_email_identity("a@example.com", "Kosher");
  EXPECT_TRUE(identity_matches(id, "a@example.com"));
  EXPECT_TRUE(identity_matches(id, "A@EXAMPLE.COM"));
  std::string upper = kSpecHash;
  for (std::size_t i = 7; i < upper.size(); ++i)
    upper[i] = static_cast<char>(std::toupper(upper[i]));
  id["identityHash"] = upper;
  EXPECT_TRUE(identity_matches(id, "a@example.com"));
  EXPECT_FALSE(identity_matches(id, "b@example.com"));
}

TEST(ob3_identity, tries_email_as_given_when_issuer_did_not_lower_case) {
  // An issuer that hashed "Bob@Example.org" + "pepper" without lower-casing it
  // (value computed independently with Python's hashlib).
  json::object id = make_email_identity("x", "pepper");
  id["identityHash"] = "sha256$c77e1faf99059e08a7d88d48359849f5efe410c63b164907b0147350f9ad22f7";
  EXPECT_TRUE(identity_matches(id, "Bob@Example.org"));
  EXPECT_FALSE(identity_matches(id, "bob@example.org"));
  // Our own identities are lower-cased, so any case of the address matches.
  json::object lowered = make_email_identity("Bob@Example.org", "pepper");
  EXPECT_TRUE(identity_matches(lowered, "Bob@Example.org"));
  EXPECT_TRUE(identity_matches(lowered, "bob@example.org"));
}

TEST(ob3_identity, plaintext_and_md5_and_ob2_forms) {
  json::value plain = json::parse(
      R"({"type":"IdentityObject","identityHash":"student@1edtech.edu","identityType":"emailAddress","hashed":false,"salt":"not-used"})");
  EXPECT_TRUE(identity_matches(plain, "Student@1EdTech.edu"));
  EXPECT_FALSE(identity_matches(plain, "other@1edtech.edu"));
  // md5("a@example.comKosher"), computed with Python's hashlib.
  json::value md5 = json::parse(
      R"({"type":"IdentityObject","identityHash":"md5$ddd142639a792e74751ee7e129237efa","identityType":"emailAddress","hashed":true,"salt":"Kosher"})");
  EXPECT_TRUE(identity_matches(md5, "a@example.com"));
  EXPECT_FALSE(identity_matches(md5, "b@example.com"));
  // OB 2.0 recipient form.
  json::object ob2;
  ob2["type"] = "email";
  ob2["hashed"] = true;
  ob2["salt"] = "deadsea";
  ob2["identity"] = email_identity_hash("alice@example.org", "deadsea");
  EXPECT_TRUE(identity_matches(json::value(ob2), "alice@example.org"));
}

TEST(ob3_identity, non_email_identities_and_garbage_never_match) {
  json::object id = make_email_identity("a@example.com", "Kosher");
  id["identityType"] = "studentId";
  EXPECT_FALSE(identity_matches(id, "a@example.com"));
  EXPECT_FALSE(identity_matches(std::string_view("{not json"), "a@example.com"));
  EXPECT_FALSE(identity_matches(std::string_view("[]"), "a@example.com"));
  json::object bad = make_email_identity("a@example.com", "Kosher");
  bad["identityHash"] = "sha1$abcdef";
  EXPECT_FALSE(identity_matches(bad, "a@example.com"));
  EXPECT_FALSE(identity_matches(make_email_identity("a@example.com", "Kosher"), ""));
}

TEST(ob3_identity, parses_identity_json_text) {
  std::string text = json::serialize(make_email_identity("a@example.com", "Kosher"));
  EXPECT_TRUE(identity_matches(std::string_view(text), "a@example.com"));
}

}  // namespace
}  // namespace ecusson::test
