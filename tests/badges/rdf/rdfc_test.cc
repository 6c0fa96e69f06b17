// RDFC-1.0 beyond the W3C suite: API contracts and hostile datasets (RDFC-1.0 §7.1).
#include "ecusson/rdf/rdfc.h"

#include "ecusson/rdf/nquads.h"
#include "test_support.h"

namespace ecusson::rdf {
namespace {

using rdf::Dataset;
using rdf::Quad;
using rdf::Term;

const Term kP = Term::iri("http://ex/p");

Term node(const char* prefix, int i) {
  std::string label = prefix;  // (not prefix + to_string: GCC 12 -Wrestrict false positive)
  label += std::to_string(i);
  return Term::blank(std::move(label));
}

// A clique of n blank nodes, every node linked to every other.
Dataset clique(int n, const Term& graph = Term::default_graph()) {
  Dataset d;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      if (i != j) d.push_back(Quad{node("n", i), kP, node("n", j), graph});
    }
  }
  return d;
}

TEST(rdfc, relabels_a_single_blank_node) {
  const auto c = canonicalize(*parse_nquads("_:x <http://ex/p> \"v\" .\n"));
  ASSERT_OK(c);
  EXPECT_EQ(c->nquads, "_:c14n0 <http://ex/p> \"v\" .\n");
  EXPECT_EQ(c->canonical_label("x"), "c14n0");
  EXPECT_EQ(c->canonical_label("y"), "");
}

TEST(rdfc, output_does_not_depend_on_input_labels_or_order) {
  const auto a = canonicalize(*parse_nquads(
      "_:a <http://ex/p> _:b .\n_:b <http://ex/q> \"1\" .\n_:a <http://ex/r> <http://ex/o> .\n"));
  const auto b = canonicalize(*parse_nquads(
      "_:zz <http://ex/r> <http://ex/o> .\n_:yy <http://ex/q> \"1\" .\n_:zz <http://ex/p> _:yy .\n"));
  ASSERT_OK(a);
  ASSERT_OK(b);
  EXPECT_EQ(a->nquads, b->nquads);
}

TEST(rdfc, duplicate_quads_count_once) {
  const auto c = canonicalize(*parse_nquads("_:a <http://ex/p> \"v\" .\n_:a <http://ex/p> \"v\" .\n"));
  ASSERT_OK(c);
  EXPECT_EQ(c->nquads, "_:c14n0 <http://ex/p> \"v\" .\n");
}

TEST(rdfc, empty_dataset_gives_empty_document) {
  const auto c = canonicalize(Dataset{});
  ASSERT_OK(c);
  EXPECT_EQ(c->nquads, "");
  EXPECT_TRUE(c->issued.empty());
}

TEST(rdfc, small_clique_within_budget_is_canonicalized) {
  const auto c = canonicalize(clique(4));
  ASSERT_OK(c);
  EXPECT_EQ(c->issued.size(), 4u);
  EXPECT_GT(c->work, 4u);
}

TEST(rdfc, hex_digest_sha256_and_sha384) {
  EXPECT_EQ(*hex_digest(HashAlgorithm::sha256, "abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hex_digest(HashAlgorithm::sha384, "abc")->size(), 96u);
}

// --- Hostile datasets: each must stop with rdfc.work_limit, within the budget. ---------

TEST(rdfc_hostile, ten_node_clique_hits_work_limit) {
  const auto c = canonicalize(clique(10));
  EXPECT_ERROR(c, "rdfc.work_limit");
}

TEST(rdfc_hostile, twenty_node_clique_hits_work_limit) {
  EXPECT_ERROR(canonicalize(clique(20)), "rdfc.work_limit");
}

TEST(rdfc_hostile, clique_in_named_graph_hits_work_limit) {
  EXPECT_ERROR(canonicalize(clique(12, Term::iri("http://ex/g"))), "rdfc.work_limit");
}

TEST(rdfc_hostile, clique_named_by_blank_graph_hits_work_limit) {
  EXPECT_ERROR(canonicalize(clique(12, Term::blank("g"))), "rdfc.work_limit");
}

TEST(rdfc_hostile, two_disjoint_cliques_hit_work_limit) {
  Dataset d = clique(8);
  for (Quad q : clique(8)) {
    q.subject.value += "b";
    q.object.value += "b";
    d.push_back(q);
  }
  EXPECT_ERROR(canonicalize(d), "rdfc.work_limit");
}

TEST(rdfc_hostile, tiny_budget_stops_a_small_clique) {
  RdfcOptions o;
  o.max_work = 10;
  EXPECT_ERROR(canonicalize(clique(4), o), "rdfc.work_limit");
}

TEST(rdfc_hostile, budget_zero_means_unlimited_for_trusted_input) {
  RdfcOptions o;
  o.max_work = 0;
  const auto c = canonicalize(clique(5), o);
  ASSERT_OK(c);
  EXPECT_EQ(c->issued.size(), 5u);
}

TEST(rdfc_hostile, many_distinct_blank_nodes_are_linear_not_limited) {
  // A long chain of blank nodes with distinct first-degree hashes needs no N-degree work.
  Dataset d;
  for (int i = 0; i < 2000; ++i) {
    d.push_back(Quad{node("c", i), kP,
                     Term::literal(std::to_string(i)), Term::default_graph()});
  }
  const auto c = canonicalize(d);
  ASSERT_OK(c);
  EXPECT_EQ(c->work, 0u);
  EXPECT_EQ(c->issued.size(), 2000u);
}

}  // namespace
}  // namespace ecusson::rdf
