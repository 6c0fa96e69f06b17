// Canonical N-Quads serialization of RDF terms (RDFC-1.0 appendix A).
#include "ecusson/rdf/dataset.h"

namespace ecusson::rdf {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

// True when a byte of a literal's lexical form needs escaping, or may start the UTF-8 form
// of U+FFFE / U+FFFF (which are not XML 1.1 Chars and so must be written as UCHAR).
inline bool may_need_escape(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\' || c == 0x7F || c == 0xEF;
}

void append_uchar4(std::string& out, unsigned cp) {
  out += "\\u";
  out += kHex[(cp >> 12) & 0xF];
  out += kHex[(cp >> 8) & 0xF];
  out += kHex[(cp >> 4) & 0xF];
  out += kHex[cp & 0xF];
}

void append_escaped_literal(std::string& out, std::string_view s) {
  std::size_t run = 0;  // start of the pending run of bytes copied verbatim
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (!may_need_escape(c)) continue;
    const char* esc = nullptr;
    switch (c) {
      case '\b': esc = "\\b"; break;
      case '\t': esc = "\\t"; break;
      case '\n': esc = "\\n"; break;
      case '\f': esc = "\\f"; break;
      case '\r': esc = "\\r"; break;
      case '"': esc = "\\\""; break;
      case '\\': esc = "\\\\"; break;
      default: break;
    }
    if (esc) {
      out.append(s.substr(run, i - run));
      out += esc;
      run = i + 1;
    } else if (c < 0x20 || c == 0x7F) {
      out.append(s.substr(run, i - run));
      append_uchar4(out, c);
      run = i + 1;
    } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
               (static_cast<unsigned char>(s[i + 2]) == 0xBE ||
                static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
      out.append(s.substr(run, i - run));
      append_uchar4(out, static_cast<unsigned char>(s[i + 2]) == 0xBE ? 0xFFFE : 0xFFFF);
      i += 2;
      run = i + 1;
    }
  }
  out.append(s.substr(run));
}

}  // namespace

void append_nquads_term(std::string& out, const Term& t) {
  switch (t.kind) {
    case TermKind::iri:
      out += '<';
      out += t.value;
      out += '>';
      break;
    case TermKind::blank:
      out += "_:";
      out += t.value;
      break;
    case TermKind::literal:
      out += '"';
      append_escaped_literal(out, t.value);
      out += '"';
      if (!t.language.empty()) {
        out += '@';
        out += t.language;
      } else if (!t.datatype.empty() && t.datatype != kXsdString) {
        out += "^^<";
        out += t.datatype;
        out += '>';
      }
      break;
    case TermKind::default_graph:
      break;
  }
}

void append_nquad(std::string& out, const Quad& q) {
  append_nquads_term(out, q.subject);
  out += ' ';
  append_nquads_term(out, q.predicate);
  out += ' ';
  append_nquads_term(out, q.object);
  out += ' ';
  if (!q.graph.is_default_graph()) {
    append_nquads_term(out, q.graph);
    out += ' ';
  }
  out += ".\n";
}

std::string to_nquad(const Quad& q) {
  std::string out;
  append_nquad(out, q);
  return out;
}

std::string to_nquads(const Dataset& d) {
  std::string out;
  for (const Quad& q : d) append_nquad(out, q);
  return out;
}

}  // namespace ecusson::rdf
