#include "ecusson/credentials/ob3_credential.h"

#include <boost/json.hpp>
#include <functional>
#include <map>
#include <regex>
#include <set>

#include "ecusson/credentials/ob3_identity.h"
#include "mini_json_schema.h"
#include "test_support.h"

namespace ecusson::test {
namespace {

namespace json = boost::json;
using namespace ecusson::credentials;

Ob3CredentialInput full_input() {
  Ob3CredentialInput in;
  in.issuer = {"https://ecusson.example/issuer", "Atelier Éclair",
               "https://ecusson.example",        "contact@ecusson.example",
               "Structure d'insertion",          "https://ecusson.example/logo.png"};
  auto& a = in.achievement;
  a.id = "https://ecusson.example/achievements/C01-2";
  a.name = "Communiquer à l'oral — niveau 2";
  a.description = "Échanger avec l'équipe et la clientèle dans des situations courantes.";
  a.criteria_narrative = "Observé en situation de travail par le tuteur ou la tutrice.";
  a.image = "https://ecusson.example/achievements/C01-2.png";
  a.image_caption = "Badge Communiquer à l'oral";
  a.human_code = "C01";
  a.tags = {"communication", ""};
  a.alignments = {{"Communiquer à l'oral", "https://ecusson.example/grids/rectec/C01", "C01",
                   "Grille Ecusson 1.0", "ext:Competence", ""}};
  Ob3ResultDescription rd;
  rd.id = "https://ecusson.example/grids/rectec/C01#levels";
  rd.name = "Niveau atteint";
  for (int n = 1; n <= 4; ++n) {
    static const char* labels[] = {"", "Je découvre", "Je sais faire seul·e",
                                   "Je sais faire en autonomie", "Je sais transmettre"};
    rd.levels.push_back({"https://ecusson.example/grids/rectec/C01#level-" + std::to_string(n),
                         labels[n],
                         std::to_string(n),
                         "",
                         {}});
  }
  a.result_description = rd;
  in.recipient.email = "Alice.Martin@Example.org";
  in.result = Ob3Result{"https://ecusson.example/grids/rectec/C01#level-2", "", ""};
  in.evidence = {{"https://ecusson.example/evidence/1", "Fiche d'observation", "", "", "", ""}};
  in.valid_from = "2026-01-05T10:00:00Z";
  in.valid_until = "2031-01-05T10:00:00Z";
  in.status = Ob3Status{"https://ecusson.example/status/1#94567",
                        "BitstringStatusListEntry",
                        {{"statusPurpose", "revocation"},
                         {"statusListIndex", "94567"},
                         {"statusListCredential", "https://ecusson.example/status/1"}}};
  return in;
}

json::object build(const Ob3CredentialInput& in) {
  auto c = build_ob3_credential(in);
  EXPECT_OK(c);
  return c ? *c : json::object();
}

void walk(const json::value& v, const std::string& path, std::vector<std::string>& problems) {
  if (v.is_null()) problems.push_back(path + " is null");
  if (v.is_array()) {
    if (v.as_array().empty()) problems.push_back(path + " is an empty array");
    for (std::size_t i = 0; i < v.as_array().size(); ++i)
      walk(v.as_array()[i], path + "/" + std::to_string(i), problems);
  }
  if (v.is_object())
    for (const auto& [k, x] : v.as_object()) walk(x, path + "/" + std::string(k), problems);
}

TEST(ob3_credential, contexts_and_types_in_order) {
  json::object c = build(full_input());
  EXPECT_EQ(
      json::serialize(c.at("@context")),
      R"(["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json","https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"])");
  // Without credentialSchema, the extensions context (which defines its type) is left out.
  auto in = full_input();
  in.include_schema = false;
  EXPECT_EQ(json::serialize(build(in).at("@context")),
            R"(["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"])");
  EXPECT_EQ(json::serialize(c.at("type")), R"(["VerifiableCredential","OpenBadgeCredential"])");
  EXPECT_TRUE(std::regex_match(
      std::string(c.at("id").as_string()),
      std::regex("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
}

TEST(ob3_credential, validates_against_official_json_schema) {
  auto schema_text =
      read_file(conformance_dir() / "ob3/schemas/ob_v3p0_achievementcredential_schema.json");
  MiniSchema schema(json::parse(schema_text));
  json::value doc = build(full_input());
  auto errors = schema.validate(doc);
  EXPECT_TRUE(errors.empty()) << json::serialize(json::value_from(errors));
  // The validator itself can fail: a credential without validFrom, with a bad level type.
  json::value broken = doc;
  broken.as_object().erase("validFrom");
  broken.at("credentialSubject").at("identifier").as_array()[0].as_object()["hashed"] = "yes";
  EXPECT_GE(schema.validate(broken).size(), 2u);
}

TEST(ob3_credential, minimal_input_validates_too) {
  auto schema_text =
      read_file(conformance_dir() / "ob3/schemas/ob_v3p0_achievementcredential_schema.json");
  MiniSchema schema(json::parse(schema_text));
  Ob3CredentialInput in;
  in.issuer.id = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
  in.achievement = {};
  in.achievement.id = "https://ecusson.example/a/1";
  in.achievement.name = "Lire";
  in.achievement.description = "Lire une consigne";
  in.achievement.criteria_narrative = "Observé";
  in.achievement.in_language.clear();
  in.recipient.id = "did:example:alice";
  json::value doc = build(in);
  auto errors = schema.validate(doc);
  EXPECT_TRUE(errors.empty()) << json::serialize(json::value_from(errors));
  EXPECT_FALSE(doc.at("credentialSubject").as_object().contains("identifier"));
  EXPECT_FALSE(doc.as_object().contains("evidence"));
  EXPECT_FALSE(doc.as_object().contains("validUntil"));
  EXPECT_TRUE(std::regex_match(std::string(doc.at("validFrom").as_string()),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
}

TEST(ob3_credential, no_nulls_and_no_empty_arrays) {
  Ob3CredentialInput in = full_input();
  in.achievement.tags = {"", ""};  // only empty values → no "tag" at all
  in.achievement.alignments.clear();
  in.evidence.clear();
  in.description.clear();
  json::value doc = build(in);
  std::vector<std::string> problems;
  walk(doc, "", problems);
  EXPECT_TRUE(problems.empty()) << problems.front();
  const auto& ach = doc.at("credentialSubject").at("achievement").as_object();
  EXPECT_FALSE(ach.contains("tag"));
  EXPECT_FALSE(ach.contains("alignment"));
  EXPECT_FALSE(doc.as_object().contains("description"));
}

TEST(ob3_credential, multi_valued_fields_are_arrays) {
  json::value doc = build(full_input());
  const auto& s = doc.at("credentialSubject");
  const auto& a = s.at("achievement");
  for (const json::value* v : std::initializer_list<const json::value*>{
           &doc.at("type"), &s.at("type"), &s.at("identifier"), &s.at("result"),
           &s.at("result").at(0).at("type"), &a.at("type"), &a.at("alignment"),
           &a.at("alignment").at(0).at("type"), &a.at("resultDescription"), &a.at("tag"),
           &a.at("resultDescription").at(0).at("rubricCriterionLevel"), &doc.at("evidence"),
           &doc.at("credentialSchema"), &doc.at("issuer").at("type")})
    EXPECT_TRUE(v->is_array()) << json::serialize(*v);
}

TEST(ob3_credential, result_references_the_rubric_level) {
  json::value doc = build(full_input());
  const auto& s = doc.at("credentialSubject");
  const auto& rd = s.at("achievement").at("resultDescription").at(0);
  EXPECT_EQ(rd.at("resultType").as_string(), "RubricCriterionLevel");
  EXPECT_EQ(rd.at("rubricCriterionLevel").as_array().size(), 4u);
  EXPECT_EQ(rd.at("rubricCriterionLevel").at(1).at("name").as_string(), "Je sais faire seul·e");
  EXPECT_EQ(rd.at("rubricCriterionLevel").at(1).at("level").as_string(), "2");
  const auto& result = s.at("result").at(0);
  EXPECT_EQ(result.at("resultDescription"), rd.at("id"));
  EXPECT_EQ(result.at("achievedLevel"), rd.at("rubricCriterionLevel").at(1).at("id"));
  EXPECT_EQ(s.at("achievement").at("achievementType").as_string(), "Competency");
}

TEST(ob3_credential, email_recipient_is_hashed_with_fresh_salt) {
  json::value a = build(full_input());
  json::value b = build(full_input());
  const auto& ia = a.at("credentialSubject").at("identifier").at(0);
  const auto& ib = b.at("credentialSubject").at("identifier").at(0);
  EXPECT_EQ(ia.at("type").as_string(), "IdentityObject");
  EXPECT_EQ(ia.at("identityType").as_string(), "emailAddress");
  EXPECT_TRUE(ia.at("hashed").as_bool());
  EXPECT_TRUE(std::regex_match(std::string(ia.at("identityHash").as_string()),
                               std::regex("sha256\\$[0-9a-f]{64}")));
  EXPECT_NE(ia.at("salt"), ib.at("salt"));
  EXPECT_NE(ia.at("identityHash"), ib.at("identityHash"));
  EXPECT_EQ(a.at("id") == b.at("id"), false);
  EXPECT_TRUE(identity_matches(ia, "alice.martin@example.org"));
  EXPECT_TRUE(identity_matches(ib, "Alice.Martin@Example.org"));
  EXPECT_FALSE(identity_matches(ia, "bob@example.org"));
  EXPECT_EQ(json::serialize(a).find("Alice.Martin"), std::string::npos);  // never in clear
}

// Shape = for each object type ("Achievement", "Profile"…), its field names and JSON kinds.
using Shape = std::map<std::string, std::map<std::string, std::set<json::kind>>>;

std::string type_of(const json::object& o) {
  const json::value* t = o.if_contains("type");
  if (!t) return {};
  if (t->is_string()) return std::string(t->as_string());
  for (const auto& x : t->as_array()) {
    std::string s(x.as_string());
    if (s != "VerifiableCredential") return s;
  }
  return {};
}

void collect_shape(const json::value& v, Shape& out) {
  if (v.is_array())
    for (const auto& x : v.as_array()) collect_shape(x, out);
  if (!v.is_object()) return;
  std::string t = type_of(v.as_object());
  for (const auto& [k, x] : v.as_object()) {
    if (!t.empty())
      out[t][std::string(k)].insert(x.kind() == json::kind::uint64 ? json::kind::int64 : x.kind());
    collect_shape(x, out);
  }
}

Shape spec_shape() {
  Shape spec;
  for (auto& entry : std::filesystem::directory_iterator(conformance_dir() / "ob3/spec-examples")) {
    if (entry.path().extension() != ".json") continue;
    collect_shape(json::parse(read_file(entry.path())), spec);
  }
  return spec;
}

// Differences between `doc` and the spec examples: a type, field or JSON kind we emit
// that no example uses (a few fields the data model defines are allowed explicitly).
std::vector<std::string> shape_differences(const json::value& doc, Shape& spec) {
  static const std::set<std::pair<std::string, std::string>> defined = {
      {"Achievement", "inLanguage"},
      {"BitstringStatusListEntry", "statusPurpose"},
      {"BitstringStatusListEntry", "statusListIndex"},
      {"BitstringStatusListEntry", "statusListCredential"},
      {"BitstringStatusListEntry", "id"},
      {"BitstringStatusListEntry", "type"},
      {"RubricCriterionLevel", "level"}};
  Shape ours;
  collect_shape(doc, ours);
  std::vector<std::string> diffs;
  for (const auto& [type, fields] : ours) {
    for (const auto& [field, kinds] : fields) {
      if (defined.count({type, field})) continue;
      if (!spec.count(type)) {
        diffs.push_back("type " + type + " absent from the examples");
        break;
      }
      if (!spec[type].count(field)) {
        diffs.push_back(type + "." + field + " absent from the examples");
        continue;
      }
      for (auto k : kinds)
        if (!spec[type][field].count(k))
          diffs.push_back(type + "." + field + " as " + std::string(json::to_string(k)));
    }
  }
  return diffs;
}

TEST(ob3_credential, same_shape_as_spec_examples) {
  Shape spec = spec_shape();
  json::value doc = build(full_input());
  Shape ours;
  collect_shape(doc, ours);
  for (const char* t : {"OpenBadgeCredential", "Profile", "AchievementSubject", "Achievement",
                        "Alignment", "ResultDescription", "RubricCriterionLevel", "Result",
                        "IdentityObject", "Evidence", "Image"})
    EXPECT_TRUE(ours.count(t)) << t << " not emitted";
  auto diffs = shape_differences(doc, spec);
  EXPECT_TRUE(diffs.empty()) << diffs.front();
  // The comparison can fail: a misspelt field and a type given as a bare string.
  json::value bad = doc;
  bad.at("credentialSubject").at("achievement").as_object()["achievementName"] = "x";
  bad.at("credentialSubject").at("result").at(0).as_object()["achievedLevel"] = 2;
  EXPECT_EQ(shape_differences(bad, spec).size(), 2u);
}

TEST(ob3_credential, refuses_missing_required_fields) {
  auto in = full_input();
  in.issuer.id.clear();
  EXPECT_ERROR(build_ob3_credential(in), "ob3.missing_field");
  in = full_input();
  in.achievement.name.clear();
  auto r = build_ob3_credential(in);
  EXPECT_ERROR(r, "ob3.missing_field");
  EXPECT_EQ(r.error().where, "/credentialSubject/achievement/name");
  in = full_input();
  in.achievement.criteria_narrative.clear();
  EXPECT_ERROR(build_ob3_credential(in), "ob3.missing_field");
  in = full_input();
  in.recipient = {};
  EXPECT_ERROR(build_ob3_credential(in), "ob3.missing_field");
  in = full_input();
  in.achievement.alignments[0].target_url.clear();
  EXPECT_ERROR(build_ob3_credential(in), "ob3.missing_field");
}

TEST(ob3_credential, refuses_dangling_level_reference) {
  auto in = full_input();
  in.result->achieved_level = "https://ecusson.example/grids/rectec/C01#level-9";
  EXPECT_ERROR(build_ob3_credential(in), "ob3.bad_reference");
  in = full_input();
  in.achievement.result_description.reset();
  EXPECT_ERROR(build_ob3_credential(in), "ob3.bad_reference");
}

TEST(ob3_credential, refuses_bad_dates_and_ids) {
  auto in = full_input();
  in.valid_from = "05/01/2026";
  EXPECT_ERROR(build_ob3_credential(in), "ob3.bad_value");
  in = full_input();
  in.valid_until = "2025-01-01T00:00:00Z";
  EXPECT_ERROR(build_ob3_credential(in), "ob3.bad_value");
  in = full_input();
  in.issuer.id = "not a uri";
  EXPECT_ERROR(build_ob3_credential(in), "ob3.bad_value");
}

}  // namespace
}  // namespace ecusson::test
