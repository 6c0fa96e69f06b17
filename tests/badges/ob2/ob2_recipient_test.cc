#include "ecusson/ob2/recipient.h"

#include <boost/json.hpp>

#include "test_support.h"

namespace ecusson::ob2 {
namespace {

TEST(ob2_recipient, hash_matches_spec_example) {
  // OB 2.0 §IdentityHash: SHA-256 of "mayze".
  EXPECT_EQ(ob2_identity_hash("mayze", ""),
            "sha256$7a1a1b3f7d40552e4299180e346e3add12bf9a751a43d9c4ca4518febc2c60c6");
}

TEST(ob2_recipient, hash_is_identity_then_salt_without_separator) {
  // The 1EdTech fixtures: nobody@example.org salted with "deadsea".
  EXPECT_EQ(ob2_identity_hash("nobody@example.org", "deadsea"),
            "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942");
}

TEST(ob2_recipient, issued_recipient_is_hashed_lowercased_and_salted_per_call) {
  auto a = make_ob2_recipient("Ana.Martin@Example.ORG");
  auto b = make_ob2_recipient("Ana.Martin@Example.ORG");
  EXPECT_TRUE(a.hashed);
  EXPECT_EQ(a.type, "email");
  EXPECT_EQ(a.salt.size(), 32u);
  EXPECT_NE(a.salt, b.salt);
  EXPECT_NE(a.identity, b.identity);
  EXPECT_EQ(a.identity, ob2_identity_hash("ana.martin@example.org", a.salt));
  EXPECT_EQ(a.identity.find("Ana"), std::string::npos);
}

TEST(ob2_recipient, matches_given_case_lowercase_and_uppercase_hex) {
  Ob2IdentityObject o{"email", true, "deadsea",
                      "sha256$ECF5409F3F4B91AB60CC5EF4C02AEF7032354375E70CF4D8E43F6A1D29891942"};
  EXPECT_TRUE(ob2_identity_matches(o, "nobody@example.org"));
  EXPECT_TRUE(ob2_identity_matches(o, "NoBody@Example.org"));
  EXPECT_FALSE(ob2_identity_matches(o, "somebody@example.org"));
  EXPECT_FALSE(ob2_identity_matches(o, ""));
}

TEST(ob2_recipient, hash_of_the_address_as_given_also_matches) {
  // An issuer that did not lower-case: the hash is of "Ana@Example.org".
  Ob2IdentityObject o{"email", true, "s", ob2_identity_hash("Ana@Example.org", "s")};
  EXPECT_TRUE(ob2_identity_matches(o, "Ana@Example.org"));
  EXPECT_FALSE(ob2_identity_matches(o, "ana@example.org"));
}

TEST(ob2_recipient, md5_and_plain_identities) {
  Ob2IdentityObject md5{"email", true, "", "md5$5d41402abc4b2a76b9719d911017c592"};  // "hello"
  EXPECT_TRUE(ob2_identity_matches(md5, "hello"));
  Ob2IdentityObject plain{"email", false, "", "Ana@example.org"};
  EXPECT_TRUE(ob2_identity_matches(plain, "ana@EXAMPLE.org"));
  EXPECT_FALSE(ob2_identity_matches(plain, "bob@example.org"));
  Ob2IdentityObject unknown{"email", true, "", "sha1$abcdef"};
  EXPECT_FALSE(ob2_identity_matches(unknown, "abc"));
}

TEST(ob2_recipient, json_form) {
  auto j = to_json(Ob2IdentityObject{"email", true, "x", "sha256$00"});
  EXPECT_EQ(boost::json::serialize(j),
            R"({"type":"email","hashed":true,"salt":"x","identity":"sha256$00"})");
}

}  // namespace
}  // namespace ecusson::ob2
