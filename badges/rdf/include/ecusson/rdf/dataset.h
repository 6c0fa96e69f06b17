// RDF terms, quads and datasets: the meeting point of JSON-LD toRdf (jsonld_to_rdf.h)
// and RDFC-1.0 canonicalisation (rdfc.h).
//
// A Dataset is a plain vector of quads; producers may emit duplicates, consumers that
// need set semantics (RDFC-1.0) remove them. Blank nodes are stored without the "_:"
// prefix. Plain value types; thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ecusson::rdf {

enum class TermKind : unsigned char { iri, blank, literal, default_graph };

inline constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

struct Term {
  TermKind kind = TermKind::default_graph;
  std::string value;     // IRI, blank node label (no "_:"), or lexical form
  std::string datatype;  // literals only; empty means xsd:string (or rdf:langString with language)
  std::string language;  // literals only; lower/upper case kept as given

  static Term iri(std::string v) { return Term{TermKind::iri, std::move(v), {}, {}}; }
  static Term blank(std::string v) { return Term{TermKind::blank, std::move(v), {}, {}}; }
  static Term literal(std::string v, std::string dt = {}, std::string lang = {}) {
    return Term{TermKind::literal, std::move(v), std::move(dt), std::move(lang)};
  }
  static Term default_graph() { return Term{}; }

  bool is_iri() const { return kind == TermKind::iri; }
  bool is_blank() const { return kind == TermKind::blank; }
  bool is_literal() const { return kind == TermKind::literal; }
  bool is_default_graph() const { return kind == TermKind::default_graph; }

  friend bool operator==(const Term&, const Term&) = default;
};

struct Quad {
  Term subject;
  Term predicate;
  Term object;
  Term graph;  // default_graph() for the default graph

  friend bool operator==(const Quad&, const Quad&) = default;
};

using Dataset = std::vector<Quad>;

/// Appends the N-Quads form of `t` (canonical N-Quads escaping of RDFC-1.0 / RDF 1.1).
void append_nquads_term(std::string& out, const Term& t);
/// Appends one quad as a canonical N-Quads line, with the trailing " .\n".
void append_nquad(std::string& out, const Quad& q);
/// One quad as an N-Quads line, with the trailing " .\n".
std::string to_nquad(const Quad& q);
/// The whole dataset as N-Quads, in the dataset's order (not sorted).
std::string to_nquads(const Dataset& d);

}  // namespace ecusson::rdf
