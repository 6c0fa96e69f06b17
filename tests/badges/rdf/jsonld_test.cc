#include "ecusson/rdf/jsonld.h"

#include <atomic>
#include <thread>

#include <boost/json.hpp>

#include "ecusson/rdf/nquads.h"
#include "ecusson/rdf/rdfc.h"
#include "ecusson/common/strict_json.h"
#include "test_support.h"

namespace ecusson::rdf {
namespace {

namespace json = boost::json;
using ecusson::test::conformance_dir;
using ecusson::test::data_dir;
using ecusson::test::read_file;
using ecusson::test::templates_dir;

const BundledDocumentLoader& loader() {
  static BundledDocumentLoader l(templates_dir() / "contexts");
  return l;
}

JsonLdOptions bundled_options() {
  JsonLdOptions o;
  o.loader = &loader();
  return o;
}

json::value parse(std::string_view text) {
  json::parse_options po;
  po.max_depth = 256;
  return json::parse(text, {}, po);
}

std::string canonical(const rdf::Dataset& d) {
  auto c = canonicalize(d);
  EXPECT_TRUE(c.has_value());
  return c ? c->nquads : std::string();
}

bool contains_quad(const rdf::Dataset& d, std::string_view predicate, std::string_view object) {
  for (const auto& q : d) {
    if (q.predicate.value == predicate && q.object.value == object) return true;
  }
  return false;
}

// ---- OB 3.0 data -----------------------------------------------------------------------

TEST(jsonld, ob3_spec_examples_expand_with_bundled_contexts) {
  // Examples whose contexts are all bundled expand; the few that cite a context that is
  // not bundled (the spec's "https://www.w3.org/2018/credentials/examples/v2", which does
  // not exist) are refused with structure.context, never fetched.
  const auto dir = conformance_dir() / "ob3" / "spec-examples";
  int expanded = 0, refused = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    json::value doc = parse(read_file(entry.path()));
    if (!doc.is_object() || !doc.get_object().contains("@context")) continue;
    bool all_bundled = true;
    const json::value& ctx = doc.at("@context");
    auto check = [&](const json::value& c) {
      if (c.is_string() && !loader().is_bundled(c.get_string())) all_bundled = false;
    };
    if (ctx.is_array()) {
      for (const auto& c : ctx.get_array()) check(c);
    } else {
      check(ctx);
    }
    auto r = expand(doc, bundled_options());
    if (all_bundled) {
      EXPECT_TRUE(r.has_value()) << entry.path().filename() << ": "
                                 << (r ? "" : r.error().to_string());
      if (r) {
        if (doc.get_object().contains("type")) {
          EXPECT_FALSE(r->get_array().empty()) << entry.path().filename();
        }
        ++expanded;
      }
    } else {
      EXPECT_ERROR(r, "structure.context");
      ++refused;
    }
  }
  EXPECT_GE(expanded, 8);
  EXPECT_LE(refused, 5);
}

// The 1EdTech OB 3.0 and CLR 2.0 eddsa-rdfc-2022 test vectors: our toRdf followed by
// RDFC-1.0 must give the published canonical document byte for byte.
TEST(jsonld, ob3_test_vector_document_canonical_form) {
  for (const char* vec : {"ob-eddsa-rdfc-2022", "clr-eddsa-rdfc-2022"}) {
    const auto dir = conformance_dir() / "ob3" / "test-vectors" / vec;
    json::value doc = parse(read_file(dir / "unsigned.json"));
    auto ds = to_rdf(doc, bundled_options());
    ASSERT_OK(ds);
    EXPECT_EQ(canonical(*ds), read_file(dir / "canonDocument.nq")) << vec;
  }
}

TEST(jsonld, bench_credential_to_rdf_has_alignments_and_result) {
  json::value doc = parse(read_file(data_dir() / "bench" / "ob3-credential.json"));
  auto ds = to_rdf(doc, bundled_options());
  ASSERT_OK(ds);
  EXPECT_GT(ds->size(), 40u);
  EXPECT_TRUE(contains_quad(*ds, "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetCode",
                            "RS5080"));
  EXPECT_TRUE(contains_quad(*ds, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                            "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Result"));
  for (const auto& q : *ds) {
    EXPECT_NE(q.predicate.kind, rdf::TermKind::blank);
  }
}

TEST(jsonld, concurrent_to_rdf_gives_the_same_dataset) {
  json::value doc = parse(read_file(data_dir() / "bench" / "ob3-credential.json"));
  auto reference = to_rdf(doc, bundled_options());
  ASSERT_OK(reference);
  const std::string expected = canonical(*reference);
  std::vector<std::thread> threads;
  std::vector<std::string> results(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      BundledDocumentLoader fresh(templates_dir() / "contexts");  // cold cache, raced
      JsonLdOptions o;
      o.loader = t % 2 ? &fresh : &loader();
      for (int i = 0; i < 20; ++i) {
        auto r = to_rdf(doc, o);
        if (!r) return;
        auto c = canonicalize(*r);
        if (c) results[t] = c->nquads;
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& r : results) EXPECT_EQ(r, expected);
}

// ---- the loader ------------------------------------------------------------------------

TEST(jsonld, unbundled_context_is_structure_context_error) {
  json::value doc = parse(R"({"@context": "https://evil.example/context.jsonld", "name": "x"})");
  EXPECT_ERROR(expand(doc, bundled_options()), "structure.context");
}

TEST(jsonld, no_loader_refuses_remote_context) {
  json::value doc = parse(R"({"@context": "https://www.w3.org/ns/credentials/v2"})");
  EXPECT_ERROR(expand(doc, JsonLdOptions{}), "jsonld.loading_remote_context_failed");
}

TEST(document_loader, bundled_loader_serves_index_entries_only) {
  EXPECT_OK(loader().load("https://www.w3.org/ns/credentials/v2"));
  EXPECT_TRUE(loader().is_bundled("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
  EXPECT_ERROR(loader().load("https://www.w3.org/ns/credentials/v3"), "structure.context");
  BundledDocumentLoader missing("/nonexistent/contexts");
  EXPECT_ERROR(missing.load("https://www.w3.org/ns/credentials/v2"), "structure.context");
}

// Counts the documents it serves; the processed-context cache must make the second
// expansion of the same @context array load nothing.
class CountingLoader final : public DocumentLoader {
 public:
  explicit CountingLoader(const DocumentLoader& inner) : inner_(inner) {}
  Result<RemoteDocument> load(std::string_view url) const override {
    ++loads;
    return inner_.load(url);
  }
  mutable std::atomic<int> loads{0};

 private:
  const DocumentLoader& inner_;
};

TEST(jsonld, processed_contexts_are_cached_per_loader) {
  CountingLoader counting(loader());
  JsonLdOptions o;
  o.loader = &counting;
  json::value doc = parse(read_file(data_dir() / "bench" / "ob3-credential.json"));
  auto first = to_rdf(doc, o);
  ASSERT_OK(first);
  const int after_first = counting.loads.load();
  EXPECT_GE(after_first, 2);  // the VC v2 and OB 3.0.3 contexts
  auto second = to_rdf(doc, o);
  ASSERT_OK(second);
  EXPECT_EQ(counting.loads.load(), after_first);
  EXPECT_EQ(canonical(*first), canonical(*second));
  // A different base IRI is a different root context: processed again, same quads.
  o.base = "https://example.org/base/";
  auto third = to_rdf(doc, o);
  ASSERT_OK(third);
  EXPECT_EQ(canonical(*first), canonical(*third));
}

// ---- hostile input ---------------------------------------------------------------------

TEST(jsonld_hostile, context_cycle_is_refused) {
  InMemoryDocumentLoader l;
  ASSERT_OK(l.add("https://a.example/c", R"({"@context": "https://b.example/c"})"));
  ASSERT_OK(l.add("https://b.example/c", R"({"@context": ["https://a.example/c", {"x": "http://x/"}]})"));
  JsonLdOptions o;
  o.loader = &l;
  json::value doc = parse(R"({"@context": "https://a.example/c", "x": 1})");
  EXPECT_ERROR(expand(doc, o), "jsonld.recursive_context_inclusion");
}

TEST(jsonld_hostile, deep_remote_context_chain_hits_the_limit) {
  InMemoryDocumentLoader l;
  for (int i = 0; i < 100; ++i) {
    std::string next = "https://chain.example/" + std::to_string(i + 1);
    ASSERT_OK(l.add("https://chain.example/" + std::to_string(i),
                    R"({"@context": [")" + next + R"(", {"t)" + std::to_string(i) +
                        R"(": "http://t/"}]})"));
  }
  ASSERT_OK(l.add("https://chain.example/100", R"({"@context": {"x": "http://x/"}})"));
  JsonLdOptions o;
  o.loader = &l;
  json::value doc = parse(R"({"@context": "https://chain.example/0", "x": 1})");
  auto r = expand(doc, o);
  EXPECT_ERROR(r, "jsonld.context_overflow");
  o.limits.max_remote_contexts = 200;  // a larger budget processes the whole chain
  EXPECT_OK(expand(doc, o));
}

std::string list_document(int items) {
  std::string text = R"({"http://ex/p": {"@list": [)";
  for (int i = 0; i < items; ++i) {
    if (i) text += ",";
    text += "1";
  }
  text += "]}}";
  return text;
}

TEST(jsonld_hostile, list_of_a_million_items_is_refused_by_the_limit) {
  json::value doc = parse(list_document(1000000));
  EXPECT_ERROR(to_rdf(doc, JsonLdOptions{}), "jsonld.max_list_items");
  EXPECT_ERROR(expand(doc, JsonLdOptions{}), "jsonld.max_list_items");
}

TEST(jsonld_hostile, long_list_under_a_raised_limit_is_converted_linearly) {
  json::value doc = parse(list_document(200000));
  JsonLdOptions o;
  o.limits.max_list_items = 1000000;
  auto ds = to_rdf(doc, o);
  ASSERT_OK(ds);
  EXPECT_EQ(ds->size(), 400001u);  // rdf:first + rdf:rest per item, plus the head triple
  o.limits.max_quads = 1000;
  EXPECT_ERROR(to_rdf(doc, o), "jsonld.max_quads");
}

// An inline context of `n` terms, each with a scoped context defining one term; the
// subject uses every term (`used`) or none. The shape of scripts/hostile-jsonld.py's
// scoped-used / scoped-unused credentials, without the bundled contexts.
json::value scoped_terms_document(int n, bool used) {
  json::object ctx, doc;
  for (int i = 0; i < n; ++i) {
    const std::string t = "t" + std::to_string(i), x = "x" + std::to_string(i);
    ctx[t] = json::object{{"@id", "http://ex/" + t}, {"@context", json::object{{x, "http://ex/x"}}}};
    if (used) doc[t] = json::object{{x, i}};
  }
  doc["@context"] = std::move(ctx);
  doc["@id"] = "http://ex/s";
  return doc;
}

// Context work (JsonLdLimits::max_context_work) counts 1 per context processed and 1 per
// term definition created or copied. The inline context of scoped_terms_document(n):
// 1 + n definitions + n validations of a scoped context (1 context + 1 term each) =
// 3n + 1; each term used applies its scoped context once more (2 each): 5n + 1. Before
// scoped contexts shared their parent's terms, each of the 2n scoped contexts copied the
// n terms of the active context (quadratic: 8,000 terms took 4.75 GB). Copies of a
// layer (copy on write, merges) count as work too, so the exact budgets below also catch
// a snapshot that would again be copied per term.
TEST(jsonld_hostile, used_scoped_contexts_cost_linear_work_and_stop_at_the_limit) {
  for (int n : {10, 1000, 4000}) {
    json::value doc = scoped_terms_document(n, true);
    JsonLdOptions o;
    o.limits.max_context_work = 5 * n + 1;  // just enough
    auto ds = to_rdf(doc, o);
    ASSERT_OK(ds);
    EXPECT_EQ(ds->size(), 2u * n);  // s -t_i-> _:b, _:b -x-> i
    o.limits.max_context_work = 5 * n;  // one unit short
    EXPECT_ERROR(to_rdf(doc, o), "jsonld.context_too_large");
  }
}

TEST(jsonld_hostile, unused_scoped_term_definitions_cost_linear_work_and_stop_at_the_limit) {
  for (int n : {10, 1000, 8000}) {
    json::value doc = scoped_terms_document(n, false);
    JsonLdOptions o;
    o.limits.max_context_work = 3 * n + 1;
    auto ds = to_rdf(doc, o);
    ASSERT_OK(ds);
    EXPECT_TRUE(ds->empty());
    o.limits.max_context_work = 3 * n;
    EXPECT_ERROR(expand(doc, o), "jsonld.context_too_large");
  }
}

TEST(jsonld_hostile, default_context_work_limit_admits_8000_scoped_terms_and_refuses_20000) {
  EXPECT_OK(to_rdf(scoped_terms_document(8000, true), JsonLdOptions{}));
  EXPECT_ERROR(to_rdf(scoped_terms_document(20000, true), JsonLdOptions{}),
               "jsonld.context_too_large");
}

TEST(jsonld_hostile, bundled_contexts_cold_use_a_tenth_of_the_context_work_limit) {
  // A credential's contexts processed the first time (cold loader cache), VC v2 and
  // OB 3.0.3 with the validation of all their scoped contexts, and the credential's own
  // type-scoped contexts: far below the default limit.
  json::value doc = parse(read_file(data_dir() / "bench" / "ob3-credential.json"));
  std::size_t lo = 0, hi = JsonLdLimits{}.max_context_work;
  while (lo + 1 < hi) {  // the least limit that works, cold every time
    const std::size_t mid = (lo + hi) / 2;
    BundledDocumentLoader cold(templates_dir() / "contexts");
    JsonLdOptions o;
    o.loader = &cold;
    o.limits.max_context_work = mid;
    (to_rdf(doc, o) ? hi : lo) = mid;
  }
  std::printf("context work of the bench credential, cold: %zu\n", hi);
  EXPECT_LT(hi, JsonLdLimits{}.max_context_work / 10);
}

TEST(jsonld_hostile, nested_scoped_contexts_keep_definitions_visible) {
  // Deeper than TermTable::kMaxLayers derived contexts: the chain of layers is merged, and
  // every definition (outer ones, redefinitions, removals) stays as the spec says.
  const int depth = 40;
  json::object ctx{{"a", "http://ex/a"}, {"gone", "http://ex/gone"}};
  for (int i = 0; i < depth; ++i) {
    const std::string t = "n" + std::to_string(i);
    json::object scoped{{"v" + std::to_string(i), "http://ex/v" + std::to_string(i)}};
    if (i == 20) scoped["gone"] = nullptr;
    if (i == 30) scoped["a"] = "http://ex/a2";
    ctx[t] = json::object{{"@id", "http://ex/" + t}, {"@context", std::move(scoped)}};
  }
  json::value inner = json::object{{"a", "x"}, {"gone", "y"}, {"v0", "z"}, {"v39", "w"}};
  for (int i = depth - 1; i >= 0; --i) inner = json::object{{"n" + std::to_string(i), std::move(inner)}};
  inner.as_object()["@context"] = std::move(ctx);
  auto ds = to_rdf(inner, JsonLdOptions{});
  ASSERT_OK(ds);
  EXPECT_TRUE(contains_quad(*ds, "http://ex/a2", "x"));
  EXPECT_FALSE(contains_quad(*ds, "http://ex/gone", "y"));
  EXPECT_TRUE(contains_quad(*ds, "http://ex/v0", "z"));
  EXPECT_TRUE(contains_quad(*ds, "http://ex/v39", "w"));
}

// Values built by expansion count against max_quads as they are built: an 8 MB array of
// numbers is refused after max_quads values, not after expanding all of them (which took
// 1.06 GB). Before, expand() had no such limit at all.
TEST(jsonld_hostile, expanded_values_count_against_max_quads) {
  const int n = 1000;
  json::array nums;
  for (int i = 0; i < n; ++i) nums.push_back(i);
  json::value doc = json::object{{"@context", json::object{{"nums", "http://ex/n"}}},
                                 {"@id", "http://ex/s"},
                                 {"nums", std::move(nums)}};
  JsonLdOptions o;
  o.limits.max_quads = n + 1;  // n values and the node itself
  auto ex = expand(doc, o);
  ASSERT_OK(ex);
  auto ds = to_rdf(doc, o);
  ASSERT_OK(ds);
  EXPECT_EQ(ds->size(), static_cast<std::size_t>(n));
  o.limits.max_quads = n;
  EXPECT_ERROR(expand(doc, o), "jsonld.max_quads");
  EXPECT_ERROR(to_rdf(doc, o), "jsonld.max_quads");
}

// @import inside scoped contexts of imported contexts: each import counts as a nested
// remote context (the spec leaves @import uncounted; jsonld.js bounds context URLs per
// resolution), so a chain stops at max_remote_contexts instead of at the recursion depth.
TEST(jsonld_hostile, deep_import_chain_stops_at_the_remote_context_limit) {
  auto chain = [](InMemoryDocumentLoader& l, int length) {
    for (int i = 0; i < length; ++i) {
      json::object c{{"v" + std::to_string(i), "http://ex/v" + std::to_string(i)}};
      if (i + 1 < length) {
        c["t"] = json::object{
            {"@id", "http://ex/t"},
            {"@context", json::object{{"@import", "https://imp.example/" + std::to_string(i + 1)}}}};
      }
      EXPECT_OK(l.add("https://imp.example/" + std::to_string(i),
                      json::serialize(json::object{{"@context", std::move(c)}})));
    }
  };
  json::value doc = parse(R"({"@context": {"@import": "https://imp.example/0"},
                              "@id": "http://ex/s", "v0": 1, "t": {"v1": 2}})");
  const std::size_t limit = JsonLdLimits{}.max_remote_contexts;
  InMemoryDocumentLoader under, over;
  chain(under, static_cast<int>(limit));
  chain(over, static_cast<int>(limit) + 1);
  JsonLdOptions o;
  o.loader = &under;
  auto ds = to_rdf(doc, o);
  ASSERT_OK(ds);
  EXPECT_TRUE(contains_quad(*ds, "http://ex/v1", "2"));
  o.loader = &over;
  EXPECT_ERROR(to_rdf(doc, o), "jsonld.context_overflow");
}

TEST(jsonld_hostile, import_of_a_context_that_is_not_bundled_is_refused_without_fetching) {
  // Imported contexts come from the loader like remote ones: with the bundled loader (what
  // `ecusson verify` uses), anything else is structure.context, at the top level or in a
  // scoped context (validated when the term is defined, even if never used).
  json::value top = parse(R"({"@context": {"@import": "https://evil.example/ctx"},
                              "@id": "http://ex/s", "http://ex/p": 1})");
  EXPECT_ERROR(expand(top, bundled_options()), "structure.context");
  json::value scoped = parse(R"({"@context": {"t": {"@id": "http://ex/t",
                                   "@context": {"@import": "https://evil.example/ctx"}}},
                                 "@id": "http://ex/s", "http://ex/p": 1})");
  EXPECT_ERROR(expand(scoped, bundled_options()), "structure.context");
}

TEST(jsonld_hostile, hundred_thousand_deep_nesting_is_refused_without_overflow) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += R"({"http://ex/p":)";
  text += "1";
  for (int i = 0; i < 100000; ++i) text += "}";
  // The JSON parser has its own depth limit...
  json::parse_options po;
  po.max_depth = 1000;
  boost::system::error_code ec;
  json::value refused = json::parse(text, ec, {}, po);
  EXPECT_TRUE(ec);
  // ...and expansion refuses a deep value built in memory before recursing into it.
  json::monotonic_resource arena;  // no recursive destructor for the deep value
  json::value deep(1, &arena);
  for (int i = 0; i < 100000; ++i) {
    json::object o(&arena);
    o.emplace("http://ex/p", std::move(deep));
    deep = std::move(o);
  }
  EXPECT_ERROR(to_rdf(deep, JsonLdOptions{}), "jsonld.max_depth");
}

TEST(jsonld_hostile, iris_with_invalid_characters_produce_no_triples) {
  json::value doc = parse(R"({
    "@id": "http://ex/s",
    "http://ex/ok": {"@id": "http://ex/o"},
    "http://ex/bad": {"@id": "http://ex/has space"},
    "http://ex/p<q>": "v",
    "@type": "http://ex/T{}"
  })");
  auto ds = to_rdf(doc, JsonLdOptions{});
  ASSERT_OK(ds);
  ASSERT_EQ(ds->size(), 1u);
  EXPECT_EQ((*ds)[0].predicate.value, "http://ex/ok");
  json::value bad_subject = parse(R"({"@id": "http://ex/a b", "http://ex/p": "v"})");
  auto ds2 = to_rdf(bad_subject, JsonLdOptions{});
  ASSERT_OK(ds2);
  EXPECT_TRUE(ds2->empty());
}

TEST(jsonld_hostile, protected_term_redefinition_is_an_error) {
  json::value doc = parse(R"({
    "@context": [
      "https://www.w3.org/ns/credentials/v2",
      {"name": "https://evil.example/name"}
    ],
    "type": "VerifiableCredential",
    "name": "x"
  })");
  auto r = expand(doc, bundled_options());
  EXPECT_ERROR(r, "jsonld.protected_term_redefinition");
  if (!r) {
    EXPECT_EQ(r.error().where, "/@context/1/name");
  }
}

TEST(jsonld, error_path_points_at_the_member) {
  json::value doc = parse(R"({"http://ex/a": [{"http://ex/b": {"@id": 5}}]})");
  auto r = expand(doc, JsonLdOptions{});
  EXPECT_ERROR(r, "jsonld.invalid_id_value");
  if (!r) {
    EXPECT_EQ(r.error().where, "/http:~1~1ex~1a/0/http:~1~1ex~1b/@id");
  }
}

TEST(jsonld, error_code_names) {
  EXPECT_EQ(jsonld_error_code("invalid IRI mapping"), "jsonld.invalid_iri_mapping");
  EXPECT_EQ(jsonld_error_code("invalid @id value"), "jsonld.invalid_id_value");
  EXPECT_EQ(jsonld_error_code("invalid language-tagged string"),
            "jsonld.invalid_language_tagged_string");
}

TEST(jsonld, literals_use_canonical_lexical_forms) {
  json::value doc = parse(R"({"@id": "http://ex/s",
    "http://ex/i": 5, "http://ex/d": 1.1, "http://ex/e": 1e21, "http://ex/f": 5.0,
    "http://ex/b": true, "http://ex/dd": {"@value": 5, "@type": "http://www.w3.org/2001/XMLSchema#double"}})");
  auto ds = to_rdf(doc, JsonLdOptions{});
  ASSERT_OK(ds);
  auto lexical = [&](std::string_view p) {
    for (const auto& q : *ds) {
      if (q.predicate.value == p) return q.object.value + "^^" + q.object.datatype;
    }
    return std::string("?");
  };
  const std::string xsd = "http://www.w3.org/2001/XMLSchema#";
  EXPECT_EQ(lexical("http://ex/i"), "5^^" + xsd + "integer");
  EXPECT_EQ(lexical("http://ex/d"), "1.1E0^^" + xsd + "double");
  EXPECT_EQ(lexical("http://ex/e"), "1.0E21^^" + xsd + "double");
  EXPECT_EQ(lexical("http://ex/f"), "5^^" + xsd + "integer");
  EXPECT_EQ(lexical("http://ex/b"), "true^^" + xsd + "boolean");
  EXPECT_EQ(lexical("http://ex/dd"), "5.0E0^^" + xsd + "double");
}

// xsd:double is toExponential(15), which rounds a tie up; xsd:integer is toFixed(0). Expected
// forms from Node 20: v.toExponential(15).replace(/(\d)0*e\+?/, '$1E') and v.toFixed(0).
TEST(jsonld, double_and_integer_lexical_forms_match_javascript) {
  json::value doc = *parse_json_strict(R"({"@id": "http://ex/s",
    "http://ex/tie": 1.0000152587890625, "http://ex/small": -2.5e-7,
    "http://ex/boost": 0.67673722682104124, "http://ex/up": 5.4635177393569995e-12,
    "http://ex/max": 1.7976931348623157e308, "http://ex/half": -0.5,
    "http://ex/big": 123456789012345680000, "http://ex/negzero": -0.0})");
  auto ds = to_rdf(doc, JsonLdOptions{});
  ASSERT_OK(ds);
  auto lexical = [&](std::string_view p) {
    for (const auto& q : *ds) {
      if (q.predicate.value == p) return q.object.value + "^^" + q.object.datatype;
    }
    return std::string("?");
  };
  const std::string xsd = "http://www.w3.org/2001/XMLSchema#";
  EXPECT_EQ(lexical("http://ex/tie"), "1.000015258789063E0^^" + xsd + "double");
  EXPECT_EQ(lexical("http://ex/small"), "-2.5E-7^^" + xsd + "double");
  EXPECT_EQ(lexical("http://ex/boost"), "6.767372268210412E-1^^" + xsd + "double");
  EXPECT_EQ(lexical("http://ex/up"), "5.463517739357E-12^^" + xsd + "double");
  EXPECT_EQ(lexical("http://ex/max"), "1.797693134862316E308^^" + xsd + "double");
  EXPECT_EQ(lexical("http://ex/half"), "-5.0E-1^^" + xsd + "double");
  EXPECT_EQ(lexical("http://ex/big"), "123456789012345683968^^" + xsd + "integer");
  EXPECT_EQ(lexical("http://ex/negzero"), "0^^" + xsd + "integer");
}

}  // namespace
}  // namespace ecusson::rdf
