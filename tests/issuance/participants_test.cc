// issuance::import_participants: rows created or updated by ref in one transaction with
// their audit entries; per-row refusals with line numbers; unusable files change nothing.
#include "ecusson/issuance/participants.h"

#include <sstream>

#include "issuance_fixture.h"

namespace ecusson::test {
namespace {

using issuance::import_participants;

class ImportTest : public IssuerFixture {
 protected:
  Result<issuance::ImportReport> import(const std::string& csv) {
    std::istringstream in(csv);
    return import_participants(db(), in, {.actor = "cm@mde.example.fr",
                                          .source = "personnes.csv",
                                          .at = "2026-02-01T09:00:00Z",
                                          .lang = Lang::fr});
  }
  int audit_count(std::string_view action) {
    auto audit = db().list_audit();
    EXPECT_TRUE(audit.has_value());
    int n = 0;
    for (const auto& e : *audit) n += e.action == action;
    return n;
  }
};

TEST_F(ImportTest, creates_then_updates_by_ref_with_audit_entries_naming_fields_only) {
  auto first = import("\xEF\xBB\xBFref;given_name;family_name;email;did\n"
                      "P-1;Léa;Durand;lea@example.org;\n"
                      "P-2;Hugo;Petit;hugo@example.org;did:key:z6MkAbc\n");
  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_EQ(first->created, (std::vector<std::string>{"P-1", "P-2"}));
  EXPECT_TRUE(first->rejected.empty());
  auto p2 = db().get_participant("P-2");
  ASSERT_TRUE(p2.has_value());
  EXPECT_EQ(p2->did, "did:key:z6MkAbc");
  EXPECT_EQ(audit_count("participant.create"), 2);

  auto second = import("email,ref,family_name,given_name,note\n"
                       "lea.durand@example.org,P-1,Durand,Léa,x\n"
                       "hugo@example.org,P-2,Petit,Hugo,y\n");
  ASSERT_TRUE(second.has_value()) << second.error().message;
  EXPECT_EQ(second->updated, (std::vector<std::string>{"P-1", "P-2"}));  // P-2 loses its DID
  EXPECT_EQ(second->ignored_columns, (std::vector<std::string>{"note"}));
  auto audit = db().list_audit({.subject = "participant:P-1"});
  ASSERT_TRUE(audit.has_value());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ(audit->back().action, "participant.update");
  EXPECT_NE(audit->back().detail.find("\"email\""), std::string::npos);
  EXPECT_EQ(audit->back().detail.find("lea.durand"), std::string::npos);  // no values

  auto third = import("ref,given_name,family_name,email\nP-1,Léa,Durand,lea.durand@example.org\n");
  ASSERT_TRUE(third.has_value());
  EXPECT_EQ(third->unchanged, (std::vector<std::string>{"P-1"}));
  EXPECT_EQ(audit_count("participant.update"), 2);
}

TEST_F(ImportTest, refused_rows_are_listed_with_lines_and_the_rest_imported) {
  add_participant("P-0", "deja@example.org");
  auto r = import("ref;given_name;family_name;email\n"
                  "P-1;Léa;Durand;lea@example.org\n"
                  "P-2;Hugo;Petit;hugo@\n"
                  "P-3;Nina;Roux;DEJA@example.org\n"
                  "P-4;Sam;Faure;lea@example.org\n"
                  "P-5;Zoé;Morel;\n"
                  "P-6;\"Inès\xE9\";Carvalho;ines@example.org\n"
                  ";;;\n"
                  "P-1;Léa;Durand;lea2@example.org\n");
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(r->created, (std::vector<std::string>{"P-1"}));
  ASSERT_EQ(r->rejected.size(), 6u);
  std::vector<std::size_t> lines;
  for (const auto& x : r->rejected) lines.push_back(x.line);
  EXPECT_EQ(lines, (std::vector<std::size_t>{3, 4, 5, 6, 7, 9}));
  EXPECT_EQ(r->rejected[0].error.where, "personnes.csv:3:email");
  EXPECT_EQ(r->rejected[1].error.message, "ligne refusée : e-mail déjà utilisé par le participant P-0");
  EXPECT_EQ(r->rejected[4].error.code, "csv.bad_utf8");
  EXPECT_EQ(r->rows, 7u);  // the emptied row ";;;" is no row
}

TEST_F(ImportTest, unusable_files_import_nothing) {
  for (std::string csv : {std::string(), std::string("ref;given_name;email\nP-1;A;a@b.fr\n"),
                          std::string("ref;given_name;family_name;email;email\n"),
                          std::string("ref;given_name;family_name;email\nP-1;\"Léa;D;l@e.org\n")}) {
    auto r = import(csv);
    ASSERT_FALSE(r.has_value()) << csv;
    EXPECT_EQ(r.error().code, "issuance.bad_csv") << csv;
  }
  auto people = db().list_participants();
  ASSERT_TRUE(people.has_value());
  EXPECT_TRUE(people->empty());
  std::istringstream in("ref;given_name;family_name;email\n");
  auto no_actor = import_participants(db(), in, {.actor = " ", .source = {}, .at = {}, .lang = Lang::en});
  ASSERT_FALSE(no_actor.has_value());
  EXPECT_EQ(no_actor.error().code, "issuance.bad_option");
}

TEST(plausible_email, accepts_common_addresses_and_refuses_the_rest) {
  EXPECT_TRUE(issuance::plausible_email("camille.martin@example.fr"));
  EXPECT_TRUE(issuance::plausible_email("a+b@sous.domaine.example"));
  for (const char* bad : {"", "a", "a@", "@b.fr", "a@b", "a@@b.fr", "a b@c.fr", "a@b.fr.",
                          "a@.fr", "a;b@c.fr"})
    EXPECT_FALSE(issuance::plausible_email(bad)) << bad;
}

}  // namespace
}  // namespace ecusson::test
