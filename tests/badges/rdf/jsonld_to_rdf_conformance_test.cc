// Drives the W3C JSON-LD 1.1 toRdf test suite (tests/data/conformance/jsonld-toRdf).
//
// Positive tests compare datasets by RDF dataset isomorphism (blank nodes matched by a
// bijection), with a test-local N-Quads parser so the comparison does not depend on any
// other module. Negative tests compare the error code (spec name -> jsonld_error_code()).
// JSON-LD 1.0-only tests (specVersion json-ld-1.0) are skipped by design and listed.
#include "ecusson/rdf/jsonld.h"

#include <algorithm>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <unordered_map>

#include <boost/json.hpp>

#include "ecusson/common/strict_json.h"
#include "ecusson/common/text.h"
#include "test_support.h"

namespace ecusson::rdf {
namespace {

namespace json = boost::json;
using ecusson::test::conformance_dir;
using ecusson::test::read_file;

constexpr std::string_view kSuiteBase = "https://w3c.github.io/json-ld-api/tests/";

// ---- a small N-Quads reader (test-local) ----------------------------------------------

struct NqTerm {
  char kind = 0;  // 'I' iri, 'B' blank, 'L' literal, 'D' default graph
  std::string value, datatype, language;
  auto tie() const { return std::tie(kind, value, datatype, language); }
  bool operator<(const NqTerm& o) const { return tie() < o.tie(); }
  bool operator==(const NqTerm& o) const { return tie() == o.tie(); }
};
using NqQuad = std::array<NqTerm, 4>;

std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out.push_back(s[i]);
      continue;
    }
    char c = s[++i];
    switch (c) {
      case 't': out.push_back('\t'); break;
      case 'b': out.push_back('\b'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 'f': out.push_back('\f'); break;
      case '"': out.push_back('"'); break;
      case '\'': out.push_back('\''); break;
      case '\\': out.push_back('\\'); break;
      case 'u':
      case 'U': {
        std::size_t n = c == 'u' ? 4 : 8;
        std::uint32_t cp = std::stoul(std::string(s.substr(i + 1, n)), nullptr, 16);
        append_utf8(out, cp);
        i += n;
        break;
      }
      default: out.push_back(c);
    }
  }
  return out;
}

std::optional<NqQuad> parse_nquad(std::string_view line) {
  NqQuad q;
  q[3].kind = 'D';
  std::size_t i = 0;
  auto skip_ws = [&] {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  };
  for (int pos = 0; pos < 4; ++pos) {
    skip_ws();
    if (i >= line.size()) return std::nullopt;
    if (line[i] == '.') break;
    NqTerm t;
    if (line[i] == '<') {
      std::size_t end = line.find('>', i);
      t.kind = 'I';
      t.value = unescape(line.substr(i + 1, end - i - 1));
      i = end + 1;
    } else if (line[i] == '_') {
      std::size_t end = line.find_first_of(" \t", i);
      t.kind = 'B';
      t.value = std::string(line.substr(i + 2, end - i - 2));
      i = end;
    } else if (line[i] == '"') {
      std::size_t j = i + 1;
      while (j < line.size() && line[j] != '"') j += line[j] == '\\' ? 2 : 1;
      t.kind = 'L';
      t.value = unescape(line.substr(i + 1, j - i - 1));
      i = j + 1;
      if (i < line.size() && line[i] == '@') {
        std::size_t end = line.find_first_of(" \t", i);
        t.language = std::string(line.substr(i + 1, end - i - 1));
        for (char& c : t.language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        t.datatype = std::string(rdf::kRdfLangString);
        i = end;
      } else if (line.substr(i, 3) == "^^<") {
        std::size_t end = line.find('>', i);
        t.datatype = unescape(line.substr(i + 3, end - i - 3));
        i = end + 1;
      } else {
        t.datatype = std::string(rdf::kXsdString);
      }
    } else {
      return std::nullopt;
    }
    q[pos] = std::move(t);
  }
  return q;
}

std::set<NqQuad> parse_nquads(std::string_view text) {
  std::set<NqQuad> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (auto q = parse_nquad(line)) out.insert(std::move(*q));
  }
  return out;
}

NqTerm from_term(const rdf::Term& t) {
  NqTerm n;
  switch (t.kind) {
    case rdf::TermKind::iri: n.kind = 'I'; n.value = t.value; break;
    case rdf::TermKind::blank: n.kind = 'B'; n.value = t.value; break;
    case rdf::TermKind::default_graph: n.kind = 'D'; break;
    case rdf::TermKind::literal:
      n.kind = 'L';
      n.value = t.value;
      n.language = t.language;
      for (char& c : n.language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      n.datatype = !t.datatype.empty() ? t.datatype
                   : t.language.empty() ? std::string(rdf::kXsdString)
                                        : std::string(rdf::kRdfLangString);
      break;
  }
  return n;
}

std::set<NqQuad> from_dataset(const rdf::Dataset& d) {
  std::set<NqQuad> out;
  for (const auto& q : d) {
    out.insert(NqQuad{from_term(q.subject), from_term(q.predicate), from_term(q.object),
                      from_term(q.graph)});
  }
  return out;
}

std::string show(const NqTerm& t) {
  switch (t.kind) {
    case 'I': return "<" + t.value + ">";
    case 'B': return "_:" + t.value;
    case 'D': return "";
    default: {
      std::string s = "\"" + t.value + "\"";
      if (!t.language.empty()) return s + "@" + t.language;
      return s + "^^<" + t.datatype + ">";
    }
  }
}
std::string show(const std::set<NqQuad>& d) {
  std::string out;
  for (const auto& q : d) {
    for (const auto& t : q) {
      if (t.kind != 'D') out += show(t) + " ";
    }
    out += ".\n";
  }
  return out;
}

// ---- dataset isomorphism (test-local) ---------------------------------------------------

// Colours blank nodes by iterated refinement of their neighbourhoods, then searches a
// bijection among same-coloured nodes that maps one dataset onto the other.
class Isomorphism {
 public:
  Isomorphism(const std::set<NqQuad>& a, const std::set<NqQuad>& b) : a_(a), b_(b) {}

  bool run() {
    if (a_.size() != b_.size()) return false;
    auto ca = colours(a_);
    auto cb = colours(b_);
    std::vector<std::string> bnodes_a;
    for (const auto& [k, v] : ca) bnodes_a.push_back(k);
    if (bnodes_a.size() != cb.size()) return false;
    std::sort(bnodes_a.begin(), bnodes_a.end(),
              [&](const std::string& x, const std::string& y) { return ca[x] < ca[y]; });
    std::map<std::string, std::string> mapping;
    std::set<std::string> used;
    budget_ = 200000;
    return search(bnodes_a, 0, ca, cb, mapping, used);
  }

 private:
  static std::map<std::string, std::size_t> colours(const std::set<NqQuad>& d) {
    std::map<std::string, std::size_t> c;
    for (const auto& q : d) {
      for (const auto& t : q) {
        if (t.kind == 'B') c[t.value] = 0;
      }
    }
    for (int round = 0; round < 6; ++round) {
      std::map<std::string, std::vector<std::string>> sig;
      for (const auto& q : d) {
        for (int pos = 0; pos < 4; ++pos) {
          if (q[pos].kind != 'B') continue;
          std::string s = std::to_string(pos) + "|";
          for (int k = 0; k < 4; ++k) {
            if (q[k].kind == 'B') {
              s += k == pos ? "self" : "b" + std::to_string(c[q[k].value]);
            } else {
              s += show(q[k]);
            }
            s += "|";
          }
          sig[q[pos].value].push_back(std::move(s));
        }
      }
      std::map<std::string, std::size_t> next;
      for (auto& [node, sigs] : sig) {
        std::sort(sigs.begin(), sigs.end());
        std::string all = std::to_string(c[node]);
        for (const auto& s : sigs) all += s + "#";
        next[node] = std::hash<std::string>{}(all);
      }
      c = std::move(next);
    }
    return c;
  }

  bool check(const std::map<std::string, std::string>& mapping) const {
    for (const auto& q : a_) {
      NqQuad m = q;
      for (auto& t : m) {
        if (t.kind == 'B') t.value = mapping.at(t.value);
      }
      if (!b_.count(m)) return false;
    }
    return true;
  }

  bool search(const std::vector<std::string>& order, std::size_t i,
              std::map<std::string, std::size_t>& ca, std::map<std::string, std::size_t>& cb,
              std::map<std::string, std::string>& mapping, std::set<std::string>& used) {
    if (--budget_ < 0) return false;
    if (i == order.size()) return check(mapping);
    const std::string& x = order[i];
    for (const auto& [y, colour] : cb) {
      if (colour != ca[x] || used.count(y)) continue;
      mapping[x] = y;
      used.insert(y);
      if (search(order, i + 1, ca, cb, mapping, used)) return true;
      used.erase(y);
      mapping.erase(x);
    }
    return false;
  }

  const std::set<NqQuad>& a_;
  const std::set<NqQuad>& b_;
  long budget_ = 0;
};

// Read as a JSON-LD processor reads JSON (numbers correctly rounded: tjs12 holds
// 333333333.33333329, which Boost.JSON 1.81's own parser misreads). Throws on error.
json::value parse_json_file(const std::filesystem::path& p) {
  JsonLimits limits;
  limits.max_depth = 1000;
  return parse_json_strict(read_file(p), limits).value();
}

struct Outcome {
  std::string id, name, purpose;
  bool skipped = false, passed = false;
  std::string detail;
};

Outcome run_test(const json::object& t, const std::filesystem::path& dir) {
  Outcome o;
  o.id = std::string(t.at("@id").get_string());
  o.name = std::string(t.at("name").get_string());
  if (auto p = t.find("purpose"); p != t.end()) o.purpose = std::string(p->value().get_string());
  const json::object* opt = nullptr;
  if (auto it = t.find("option"); it != t.end()) opt = &it->value().get_object();
  auto option = [&](std::string_view k) -> const json::value* {
    if (!opt) return nullptr;
    auto it = opt->find(k);
    return it == opt->end() ? nullptr : &it->value();
  };
  if (auto v = option("specVersion"); v && v->get_string() == "json-ld-1.0") {
    o.skipped = true;
    o.detail = "JSON-LD 1.0 only (specVersion json-ld-1.0)";
    return o;
  }
  std::string input = std::string(t.at("input").get_string());
  PrefixDocumentLoader loader(std::string(kSuiteBase), dir);
  JsonLdOptions options;
  options.loader = &loader;
  options.base = std::string(kSuiteBase) + input;
  if (auto v = option("base")) options.base = std::string(v->get_string());
  if (auto v = option("processingMode"); v && v->get_string() == "json-ld-1.0") {
    options.processing_mode = ProcessingMode::json_ld_1_0;
  }
  if (auto v = option("produceGeneralizedRdf")) options.produce_generalized_rdf = v->get_bool();
  if (auto v = option("rdfDirection")) {
    options.rdf_direction = v->get_string() == "i18n-datatype" ? RdfDirection::i18n_datatype
                                                              : RdfDirection::compound_literal;
  }
  json::value expand_context;
  if (auto v = option("expandContext")) {
    expand_context = parse_json_file(dir / std::string(v->get_string()));
    options.expand_context = &expand_context;
  }
  json::value doc;
  try {
    doc = parse_json_file(dir / input);
  } catch (const std::exception& e) {
    o.detail = std::string("input does not parse: ") + e.what();
    return o;
  }
  auto result = to_rdf(doc, options);
  const auto& types = t.at("@type").get_array();
  auto has_type = [&](std::string_view s) {
    return std::any_of(types.begin(), types.end(), [&](const json::value& v) { return v.get_string() == s; });
  };
  if (has_type("jld:NegativeEvaluationTest")) {
    std::string expected = jsonld_error_code(t.at("expectErrorCode").get_string());
    if (result) {
      o.detail = "expected error " + expected + ", got success";
    } else if (result.error().code != expected) {
      o.detail = "expected error " + expected + ", got " + result.error().to_string();
    } else {
      o.passed = true;
    }
    return o;
  }
  if (!result) {
    o.detail = "unexpected error " + result.error().to_string();
    return o;
  }
  if (has_type("jld:PositiveSyntaxTest")) {
    o.passed = true;
    return o;
  }
  auto expected = parse_nquads(read_file(dir / std::string(t.at("expect").get_string())));
  auto actual = from_dataset(*result);
  if (Isomorphism(actual, expected).run()) {
    o.passed = true;
  } else {
    o.detail = "datasets differ\n--- expected\n" + show(expected) + "--- actual\n" + show(actual);
  }
  return o;
}

TEST(jsonld_to_rdf_conformance, w3c_to_rdf_manifest) {
  const auto dir = conformance_dir() / "jsonld-toRdf";
  json::value manifest = parse_json_file(dir / "toRdf-manifest.jsonld");
  int run = 0, passed = 0, skipped = 0;
  std::vector<Outcome> failures;
  std::vector<Outcome> skips;
  const char* only = std::getenv("JSONLD_TEST");
  for (const auto& tv : manifest.at("sequence").get_array()) {
    const auto& t = tv.get_object();
    if (only && t.at("@id").get_string() != only) continue;
    Outcome o = run_test(t, dir);
    if (o.skipped) {
      ++skipped;
      skips.push_back(std::move(o));
      continue;
    }
    ++run;
    if (o.passed) {
      ++passed;
    } else {
      failures.push_back(std::move(o));
    }
  }
  std::cout << "JSON-LD toRdf conformance: " << passed << "/" << run << " passed, " << skipped
            << " skipped (of " << manifest.at("sequence").get_array().size() << ")\n";
  for (const auto& s : skips) std::cout << "  skipped " << s.id << " " << s.name << ": " << s.detail << "\n";
  for (const auto& f : failures) {
    std::cout << "  FAILED " << f.id << " " << f.name << " [needs: " << f.purpose << "]\n";
    if (std::getenv("JSONLD_VERBOSE")) std::cout << f.detail << "\n";
    else std::cout << "    " << f.detail.substr(0, f.detail.find('\n')) << "\n";
  }
  ASSERT_GT(run, 0);
  EXPECT_EQ(passed, run) << "every toRdf test that is run must pass";
}

}  // namespace
}  // namespace ecusson::rdf
