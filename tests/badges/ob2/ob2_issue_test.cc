#include "ecusson/ob2/issue.h"

#include <boost/json.hpp>

#include "ob2_test_key.h"
#include "test_support.h"

namespace ecusson::ob2 {
namespace {

namespace json = boost::json;
using namespace std::chrono;

Ob2IssuerSetup setup() {
  return {"https://badges.example.fr/ob2/", "Mission locale de Test", "https://example.fr",
          "contact@example.fr", "", ""};
}
Ob2Achievement achievement() {
  Ob2Achievement a;
  a.slug = "c1-n2";
  a.name = "Communiquer à l'oral — niveau 2";
  a.description = "Échanger avec l'équipe et le public dans des situations courantes.";
  a.image = "https://badges.example.fr/ob2/images/c1-n2.png";
  a.criteria_narrative = "Niveau 2 atteint selon la grille, validé par le tuteur.";
  a.alignment = {{"Communiquer à l'oral", "https://badges.example.fr/grids/g1#c1", "", "Grille g1",
                  "c1"},
                 {"communicate with customers",
                  "http://data.europa.eu/esco/skill/7f4c2fd9-7b64-4a37-9f52-6d0b5c9e3a2a", "",
                  "ESCO", ""}};
  a.tags = {"communication", "niveau-2"};
  return a;
}

TEST(ob2_issue, builds_linked_documents) {
  Ob2Award award;
  award.recipient_email = "Ana@Example.org";
  award.issued_on = sys_days{2026y / 3 / 1} + 10h;
  auto docs = issue_ob2(setup(), achievement(), award, test::ob2_test_key());
  ASSERT_OK(docs);
  EXPECT_EQ(docs->issuer.id, "https://badges.example.fr/ob2/issuer.json");
  EXPECT_EQ(docs->issuer.public_keys, std::vector<std::string>{docs->key.id});
  EXPECT_EQ(docs->key.owner, docs->issuer.id);
  EXPECT_EQ(docs->issuer.revocation_list, docs->revocation_list.id);
  EXPECT_EQ(docs->badge_class.issuer, docs->issuer.id);
  EXPECT_EQ(docs->hosted_assertion.badge, docs->badge_class.id);
  EXPECT_TRUE(docs->hosted_assertion.id.starts_with("https://badges.example.fr/ob2/assertions/"));
  EXPECT_TRUE(docs->signed_assertion.id.starts_with("urn:uuid:"));
  EXPECT_EQ(docs->signed_assertion.creator, docs->key.id);
  EXPECT_EQ(docs->hosted_assertion.issued_on, "2026-03-01T10:00:00Z");
  EXPECT_TRUE(docs->key.public_key_pem.starts_with("-----BEGIN PUBLIC KEY-----"));
  EXPECT_TRUE(ob2_identity_matches(docs->hosted_assertion.recipient, "ana@example.org"));
}

TEST(ob2_issue, json_forms_follow_ob2) {
  auto docs = issue_ob2(setup(), achievement(), {.recipient_email = "a@b.fr"},
                        test::ob2_test_key());
  ASSERT_OK(docs);
  json::object hosted = to_json(docs->hosted_assertion);
  EXPECT_EQ(hosted.at("@context"), "https://w3id.org/openbadges/v2");
  EXPECT_EQ(hosted.at("type"), "Assertion");
  EXPECT_EQ(hosted.at("verification").at("type"), "HostedBadge");
  EXPECT_FALSE(hosted.at("verification").as_object().contains("creator"));
  EXPECT_EQ(hosted.at("recipient").at("hashed"), true);
  json::object badge = to_json(docs->badge_class);
  EXPECT_EQ(badge.at("criteria").at("narrative"), json::value(achievement().criteria_narrative));
  EXPECT_EQ(badge.at("alignment").as_array().size(), 2u);
  EXPECT_EQ(badge.at("alignment").at(1).at("targetFramework"), "ESCO");
  EXPECT_EQ(badge.at("tags").at(0), "communication");
  json::object issuer = to_json(docs->issuer);
  EXPECT_EQ(issuer.at("publicKey"), json::value(docs->key.id));
  EXPECT_EQ(issuer.at("revocationList"), json::value(docs->revocation_list.id));
  json::object list = to_json(docs->revocation_list);
  EXPECT_TRUE(list.at("revokedAssertions").as_array().empty());
}

TEST(ob2_issue, jws_payload_is_the_signed_assertion) {
  auto docs = issue_ob2(setup(), achievement(), {.recipient_email = "a@b.fr"},
                        test::ob2_test_key());
  ASSERT_OK(docs);
  auto dot1 = docs->jws.find('.');
  auto dot2 = docs->jws.find('.', dot1 + 1);
  ASSERT_NE(dot2, std::string::npos);
  EXPECT_EQ(docs->jws.substr(0, dot1), "eyJhbGciOiJSUzI1NiJ9");  // {"alg":"RS256"}
  std::string b64 = docs->jws.substr(dot1 + 1, dot2 - dot1 - 1);
  EXPECT_EQ(b64.find('='), std::string::npos);
  EXPECT_EQ(b64.find('+'), std::string::npos);
}

TEST(ob2_issue, refuses_missing_fields_and_bad_dates) {
  Ob2IssuerSetup s = setup();
  s.email.clear();
  EXPECT_ERROR(issue_ob2(s, achievement(), {.recipient_email = "a@b.fr"}, test::ob2_test_key()),
               "ob2.missing_field");
  s = setup();
  s.base_url = "badges.example.fr";
  EXPECT_ERROR(issue_ob2(s, achievement(), {.recipient_email = "a@b.fr"}, test::ob2_test_key()),
               "ob2.bad_base_url");
  Ob2Award award{.recipient_email = "a@b.fr"};
  award.issued_on = sys_days{2026y / 3 / 1};
  award.expires = sys_days{2026y / 2 / 1};
  EXPECT_ERROR(issue_ob2(setup(), achievement(), award, test::ob2_test_key()), "ob2.bad_dates");
  EXPECT_ERROR(issue_ob2(setup(), achievement(), {.recipient_email = "a@b.fr"}, "not a pem"),
               "key.bad_pem");
}

TEST(ob2_issue, refuses_non_rsa_key) {
  // An Ed25519 key (RFC 8410 example) cannot sign RS256.
  const char* ed = "-----BEGIN PRIVATE KEY-----\n"
                   "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n"
                   "-----END PRIVATE KEY-----\n";
  EXPECT_ERROR(issue_ob2(setup(), achievement(), {.recipient_email = "a@b.fr"}, ed),
               "key.not_rsa");
}

}  // namespace
}  // namespace ecusson::ob2
