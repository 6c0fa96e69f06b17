// JSON-LD to RDF (§8.1 Deserialize JSON-LD to RDF, §8.2 Object to RDF, §8.3 List
// Conversion).
//
// The spec first builds a node map (§7.2) and then walks it. A node map only indexes the
// triples of the expanded document by graph and subject: walking the expanded tree once
// and emitting each triple where the node map would have recorded it gives the same set
// of quads, without building the map (duplicates can appear; a dataset is a set). Blank
// node identifiers are relabelled as the Generate Blank Node Identifier algorithm (§7.4)
// does, with labels b0, b1, ...
#include <cmath>
#include <cstdio>
#include <array>
#include <charconv>
#include <cstring>

#include "ecusson/rdf/jcs.h"
#include "ecusson/common/number.h"
#include "jsonld_internal.h"

namespace ecusson::rdf::detail {
namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kRdfFirst = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
constexpr std::string_view kRdfRest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
constexpr std::string_view kRdfNil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
constexpr std::string_view kRdfJson = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON";
constexpr std::string_view kRdfValue = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value";
constexpr std::string_view kRdfLanguage = "http://www.w3.org/1999/02/22-rdf-syntax-ns#language";
constexpr std::string_view kRdfDirection = "http://www.w3.org/1999/02/22-rdf-syntax-ns#direction";
constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";
constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
constexpr std::string_view kI18n = "https://www.w3.org/ns/i18n#";

/// §8.6: canonical xsd:double, the JavaScript toExponential(15) form with trailing zeros
/// of the mantissa removed: 1.1 -> "1.1E0", 1e21 -> "1.0E21". toExponential rounds a tie
/// up (1.0000152587890625 -> "1.000015258789063E0") where printf's "%.15E" rounds to even.
std::string canonical_double(double d) {
  if (d == 0) return "0.0E0";
  std::string s = format_exponential(d, 15);  // "-1.500000000000000e+0"
  std::size_t e = s.find('e');
  std::string_view mantissa = std::string_view(s).substr(0, e);
  std::string_view exponent = std::string_view(s).substr(e + 1);
  if (exponent.front() == '+') exponent.remove_prefix(1);
  std::size_t dot = mantissa.find('.');
  std::size_t last = mantissa.find_last_not_of('0');
  if (last == dot) ++last;  // keep one digit after the point
  std::string out(mantissa.substr(0, last + 1));
  out.push_back('E');
  out += exponent;
  return out;
}

std::string canonical_integer(const json::value& v) {
  char buf[32];
  if (v.is_int64()) {
    auto r = std::to_chars(buf, buf + sizeof buf, v.get_int64());
    return std::string(buf, r.ptr);
  }
  if (v.is_uint64()) {
    auto r = std::to_chars(buf, buf + sizeof buf, v.get_uint64());
    return std::string(buf, r.ptr);
  }
  double d = v.get_double();
  if (d == 0) return "0";
  std::snprintf(buf, sizeof buf, "%.0f", d);
  return buf;
}

struct Subject {
  rdf::Term term;
  bool ok = false;  // well-formed
};

class Emitter {
 public:
  Emitter(Processor& p, rdf::Dataset& out) : p_(p), out_(out) {}

  Result<Subject> node(const json::object& n, const rdf::Term& graph, bool emit);

 private:
  std::string new_label() {
    std::string s = "b";
    s += std::to_string(counter_++);
    return s;
  }
  const std::string& relabel(std::string_view id) {
    auto it = labels_.find(id);
    if (it != labels_.end()) return it->second;
    return labels_.emplace(id, new_label()).first->second;
  }
  /// The term for an @id, @type value or property (IRI or relabelled blank node).
  Subject id_term(std::string_view id) {
    if (is_blank_node_id(id)) return {rdf::Term::blank(relabel(id)), true};
    return {rdf::Term::iri(std::string(id)), well_formed(id)};
  }
  /// is_well_formed_iri() memoized: a credential repeats a few dozen IRIs (predicates,
  /// types, datatypes). A small open-addressing table keyed by views into the expanded
  /// document; equal keys are confirmed by comparing the bytes.
  bool well_formed(std::string_view iri) {
    std::uint64_t tail = 0;
    std::memcpy(&tail, iri.data() + (iri.size() >= 8 ? iri.size() - 8 : 0),
                iri.size() >= 8 ? 8 : iri.size());
    std::size_t h = static_cast<std::size_t>((tail * 0x9E3779B97F4A7C15ULL) >> 32) ^ iri.size();
    for (std::size_t probe = 0; probe < 8; ++probe) {
      auto& slot = memo_[(h + probe) & (kMemoSize - 1)];
      if (slot.first.data() == nullptr) {
        bool ok = is_well_formed_iri(iri);
        slot = {iri, ok};
        return ok;
      }
      if (slot.first == iri) return slot.second;
    }
    return is_well_formed_iri(iri);
  }
  Result<void> add(rdf::Term s, rdf::Term pr, rdf::Term o, const rdf::Term& g) {
    if (out_.size() >= p_.opts.limits.max_quads) {
      return Error("jsonld.max_quads", "more quads than the configured limit (max_quads)");
    }
    rdf::Quad& q = out_.emplace_back();
    q.subject = std::move(s);
    q.predicate = std::move(pr);
    q.object = std::move(o);
    if (!g.is_default_graph()) q.graph = g;
    return {};
  }
  Result<std::optional<rdf::Term>> object(const json::value& item, const rdf::Term& graph,
                                          bool emit);
  Result<rdf::Term> list(const json::array& items, const rdf::Term& graph, bool emit);
  Result<std::optional<rdf::Term>> literal(const json::object& item, const rdf::Term& graph,
                                           bool emit);

  Processor& p_;
  rdf::Dataset& out_;
  std::unordered_map<std::string_view, std::string> labels_;
  static constexpr std::size_t kMemoSize = 128;
  std::array<std::pair<std::string_view, bool>, kMemoSize> memo_{};
  std::size_t counter_ = 0;
  std::size_t depth_ = 0;
};

struct Depth {
  explicit Depth(std::size_t& d) : d_(d) { ++d_; }
  ~Depth() { --d_; }
  std::size_t& d_;
};

Result<Subject> Emitter::node(const json::object& n, const rdf::Term& graph, bool emit) {
  Depth depth(depth_);
  if (depth_ > p_.opts.limits.max_depth) {
    return Error("jsonld.max_depth", "nesting deeper than the configured limit (max_depth)");
  }
  // §7.2 step 6.1/6.2: the node's identifier.
  Subject subject;
  if (auto it = n.find("@id"); it != n.end() && it->value().is_string()) {
    subject = id_term(it->value().get_string());
  } else if (it != n.end()) {
    subject = {rdf::Term::blank(new_label()), false};  // "@id": null: no usable identifier
  } else {
    subject = {rdf::Term::blank(new_label()), true};
  }
  const bool s_emit = emit && subject.ok;  // §8.1 step 1.3.1
  if (emit && !subject.ok && n.size() > 1) {
    auto id = n.find("@id");
    p_.note_drop("node @id",
                 id != n.end() && id->value().is_string() ? std::string_view(id->value().get_string())
                                                          : std::string_view("null"),
                 "is not an absolute IRI");
  }
  for (const auto& kv : n) {
    std::string_view key = kv.key();
    const json::value& values = kv.value();
    if (key == "@type") {
      // §8.1 step 1.3.2.1
      if (!values.is_array()) continue;
      for (const auto& t : values.get_array()) {
        if (!t.is_string()) continue;
        Subject type = id_term(t.get_string());
        if (s_emit && !type.ok) p_.note_drop("type", t.get_string(), "is not an absolute IRI");
        if (s_emit && type.ok) {
          if (auto r = add(subject.term, rdf::Term::iri(std::string(kRdfType)), std::move(type.term),
                           graph);
              !r) {
            return r.error();
          }
        }
      }
      continue;
    }
    if (key == "@reverse") {
      // §7.2 step 6.9: each value is the subject of `property` towards this node.
      if (!values.is_object()) continue;
      for (const auto& rv : values.get_object()) {
        Subject prop = id_term(rv.key());
        bool p_ok = prop.ok && (!prop.term.is_blank() || p_.opts.produce_generalized_rdf);
        if (!rv.value().is_array()) continue;
        for (const auto& v : rv.value().get_array()) {
          if (!v.is_object()) continue;
          auto vs = node(v.get_object(), graph, emit);
          if (!vs) return vs.error();
          if (emit && subject.ok && vs->ok && p_ok) {
            if (auto r = add(std::move(vs->term), prop.term, subject.term, graph); !r) return r.error();
          }
        }
      }
      continue;
    }
    if (key == "@graph") {
      // §7.2 step 6.10: a named graph whose name is this node.
      if (!values.is_array()) continue;
      for (const auto& item : values.get_array()) {
        if (!item.is_object() || item.get_object().contains("@value") ||
            item.get_object().contains("@list")) {
          continue;
        }
        if (auto r = node(item.get_object(), subject.term, subject.ok); !r) return r.error();
      }
      continue;
    }
    if (key == "@included") {
      // §7.2 step 6.11
      if (!values.is_array()) continue;
      for (const auto& item : values.get_array()) {
        if (!item.is_object()) continue;
        if (auto r = node(item.get_object(), graph, emit); !r) return r.error();
      }
      continue;
    }
    if (!key.empty() && key[0] == '@') continue;  // §8.1 step 1.3.2.2
    // §8.1 steps 1.3.2.3-1.3.2.5
    Subject prop = id_term(key);
    bool p_ok = prop.ok && (!prop.term.is_blank() || p_.opts.produce_generalized_rdf);
    const bool t_emit = s_emit && p_ok;
    if (s_emit && !p_ok) p_.note_drop("property", key, "is not an IRI");
    if (!values.is_array()) continue;
    for (const auto& item : values.get_array()) {
      auto o = object(item, graph, t_emit);
      if (!o) return o.error();
      if (t_emit && !*o) p_.note_drop("a value of", key, "cannot be expressed in RDF");
      if (t_emit && *o) {
        if (auto r = add(subject.term, prop.term, std::move(**o), graph); !r) return r.error();
      }
    }
  }
  return subject;
}

// §8.2 Object to RDF Conversion (node objects are also walked for their own triples).
Result<std::optional<rdf::Term>> Emitter::object(const json::value& item, const rdf::Term& graph,
                                                 bool emit) {
  if (!item.is_object()) return std::optional<rdf::Term>();
  const json::object& o = item.get_object();
  if (auto l = o.find("@list"); l != o.end()) {
    // 3.
    if (!l->value().is_array()) return std::optional<rdf::Term>();
    auto head = list(l->value().get_array(), graph, emit);
    if (!head) return head.error();
    return std::optional<rdf::Term>(std::move(*head));
  }
  if (o.contains("@value")) return literal(o, graph, emit);
  // 1./2.
  auto s = node(o, graph, emit);
  if (!s) return s.error();
  if (!s->ok) return std::optional<rdf::Term>();
  return std::optional<rdf::Term>(std::move(s->term));
}

Result<std::optional<rdf::Term>> Emitter::literal(const json::object& item, const rdf::Term& graph,
                                                  bool emit) {
  // 4./5. One pass over the value object's members.
  const json::value* value_ptr = nullptr;
  const json::value* dir_ptr = nullptr;
  std::string_view datatype;
  bool has_datatype = false;
  std::string_view language;
  bool has_language = false;
  for (const auto& kv : item) {
    std::string_view k = kv.key();
    if (k == "@value") {
      value_ptr = &kv.value();
    } else if (k == "@type") {
      if (kv.value().is_string()) {
        datatype = kv.value().get_string();
        has_datatype = true;
      }
    } else if (k == "@language") {
      if (kv.value().is_string()) {
        language = kv.value().get_string();
        has_language = true;
      }
    } else if (k == "@direction") {
      dir_ptr = &kv.value();
    }
  }
  const json::value& value = *value_ptr;
  // 6.
  if (has_datatype && datatype != "@json" && !well_formed(datatype)) {
    return std::optional<rdf::Term>();
  }
  // 7.
  if (has_language && !is_well_formed_language(language)) return std::optional<rdf::Term>();
  std::string lexical;
  std::string dt(datatype);
  if (has_datatype && datatype == "@json") {
    // 8.
    lexical = jcs_serialize(value);
    dt = kRdfJson;
  } else if (value.is_bool()) {
    // 9.
    lexical = value.get_bool() ? "true" : "false";
    if (!has_datatype) dt = kXsdBoolean;
  } else if (value.is_number()) {
    // 10./11.
    bool as_double = false;
    if (value.is_double()) {
      double d = value.get_double();
      as_double = std::fmod(d, 1.0) != 0 || std::fabs(d) >= 1e21;
    }
    if (has_datatype && datatype == kXsdDouble) as_double = true;
    if (as_double) {
      lexical = canonical_double(value.to_number<double>());
      if (!has_datatype) dt = kXsdDouble;
    } else {
      lexical = canonical_integer(value);
      if (!has_datatype) dt = kXsdInteger;
    }
  } else if (value.is_string()) {
    lexical = std::string(value.get_string());
    // 12. empty datatype means xsd:string / rdf:langString (rdf.h convention)
  } else {
    return std::optional<rdf::Term>();
  }
  if (dt == rdf::kXsdString || (has_language && dt == rdf::kRdfLangString)) dt.clear();
  // 13.
  if (dir_ptr && dir_ptr->is_string() && p_.opts.rdf_direction != RdfDirection::none) {
    std::string lang = has_language ? ascii_lower(language) : std::string();
    std::string_view direction = dir_ptr->get_string();
    if (p_.opts.rdf_direction == RdfDirection::i18n_datatype) {
      // 13.2
      std::string i18n(kI18n);
      i18n += lang;
      i18n.push_back('_');
      i18n.append(direction);
      return std::optional<rdf::Term>(rdf::Term::literal(std::move(lexical), std::move(i18n)));
    }
    // 13.3 compound literal
    rdf::Term node = rdf::Term::blank(new_label());
    if (emit) {
      if (auto r = add(node, rdf::Term::iri(std::string(kRdfValue)), rdf::Term::literal(lexical),
                       graph);
          !r) {
        return r.error();
      }
      if (has_language) {
        if (auto r = add(node, rdf::Term::iri(std::string(kRdfLanguage)), rdf::Term::literal(lang),
                         graph);
            !r) {
          return r.error();
        }
      }
      if (auto r = add(node, rdf::Term::iri(std::string(kRdfDirection)),
                       rdf::Term::literal(std::string(direction)), graph);
          !r) {
        return r.error();
      }
    }
    return std::optional<rdf::Term>(std::move(node));
  }
  // 14.
  return std::optional<rdf::Term>(rdf::Term::literal(
      std::move(lexical), std::move(dt), has_language ? std::string(language) : std::string()));
}

// §8.3 List to RDF Conversion.
Result<rdf::Term> Emitter::list(const json::array& items, const rdf::Term& graph, bool emit) {
  Depth depth(depth_);
  if (depth_ > p_.opts.limits.max_depth) {
    return Error("jsonld.max_depth", "nesting deeper than the configured limit (max_depth)");
  }
  // 1.
  if (items.empty()) return rdf::Term::iri(std::string(kRdfNil));
  if (items.size() > p_.opts.limits.max_list_items) {
    return Error("jsonld.max_list_items", "list longer than the configured limit");
  }
  // 2.
  std::vector<std::string> bnodes;
  bnodes.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) bnodes.push_back(new_label());
  // 3.
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto obj = object(items[i], graph, emit);
    if (!obj) return obj.error();
    if (!emit) continue;
    if (*obj) {
      if (auto r = add(rdf::Term::blank(bnodes[i]), rdf::Term::iri(std::string(kRdfFirst)),
                       std::move(**obj), graph);
          !r) {
        return r.error();
      }
    }
    rdf::Term rest = i + 1 < items.size() ? rdf::Term::blank(bnodes[i + 1])
                                          : rdf::Term::iri(std::string(kRdfNil));
    if (auto r = add(rdf::Term::blank(bnodes[i]), rdf::Term::iri(std::string(kRdfRest)),
                     std::move(rest), graph);
        !r) {
      return r.error();
    }
  }
  // 4.
  return rdf::Term::blank(bnodes[0]);
}

}  // namespace
}  // namespace ecusson::rdf::detail

namespace ecusson::rdf {

Result<rdf::Dataset> to_rdf(const boost::json::value& doc, const JsonLdOptions& options) {
  detail::Processor p(options);
  // The expanded form is scratch: a monotonic arena, freed at once.
  boost::json::monotonic_resource arena(16 * 1024);
  auto expanded = detail::expand_document(p, doc, boost::json::storage_ptr(&arena));
  if (!expanded) return expanded.error();
  rdf::Dataset out;
  out.reserve(64);
  detail::Emitter emitter(p, out);
  const rdf::Term default_graph = rdf::Term::default_graph();
  for (const auto& item : expanded->get_array()) {
    if (!item.is_object()) continue;
    const auto& o = item.get_object();
    if (o.contains("@value") || o.contains("@list")) continue;
    auto r = emitter.node(o, default_graph, true);
    if (!r) return r.error();
  }
  if (!p.first_drop.empty())
    return Error("jsonld.unsafe", "safe mode: " + p.first_drop +
                                      " (it would not be covered by the proof)");
  return out;
}

}  // namespace ecusson::rdf
