// N-Quads parser: a hand-written scanner over the RDF 1.1 N-Quads grammar.
#include "ecusson/rdf/nquads.h"

#include <cstdint>
#include <optional>
#include <string>

#include "ecusson/common/text.h"

namespace ecusson::rdf {
namespace {

using rdf::Term;

bool is_ws(char c) { return c == ' ' || c == '\t'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 when invalid.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t n;
  std::uint32_t cp;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
      cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return n;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  Result<rdf::Dataset> run() {
    rdf::Dataset out;
    while (true) {
      skip_ws();
      if (at_end()) break;
      if (peek() == '#' || peek() == '\n' || peek() == '\r') {
        if (auto e = end_of_line(); e) return *e;
        continue;
      }
      rdf::Quad q;
      if (auto e = subject_or_graph(q.subject, "sujet / subject"); e) return *e;
      skip_ws();
      if (auto e = iri(q.predicate); e) return *e;
      skip_ws();
      if (auto e = object(q.object); e) return *e;
      skip_ws();
      if (!at_end() && peek() != '.') {
        if (auto e = subject_or_graph(q.graph, "graphe / graph label"); e) return *e;
        skip_ws();
      }
      if (at_end() || peek() != '.') return error("'.' attendu en fin de quad / expected '.'");
      ++i_;
      skip_ws();
      if (auto e = end_of_line(); e) return *e;
      out.push_back(std::move(q));
    }
    return out;
  }

 private:
  bool at_end() const { return i_ >= s_.size(); }
  char peek() const { return s_[i_]; }
  void skip_ws() {
    while (!at_end() && is_ws(peek())) ++i_;
  }

  Error error(std::string msg, std::string code = "nquads.syntax") const {
    return fail(std::move(code), "N-Quads : " + msg,
                std::to_string(line_) + ":" + std::to_string(i_ - line_start_ + 1));
  }

  // After a statement: optional comment, then EOL or end of input.
  std::optional<Error> end_of_line() {
    if (!at_end() && peek() == '#') {
      while (!at_end() && peek() != '\n' && peek() != '\r') {
        if (auto e = check_utf8(); e) return e;
      }
    }
    if (at_end()) return std::nullopt;
    if (peek() == '\r') {
      ++i_;
      if (!at_end() && peek() == '\n') ++i_;
    } else if (peek() == '\n') {
      ++i_;
    } else {
      return error("fin de ligne attendue / expected end of line");
    }
    ++line_;
    line_start_ = i_;
    return std::nullopt;
  }

  // Advances over one UTF-8 character, failing on invalid UTF-8.
  std::optional<Error> check_utf8() {
    const std::size_t n = utf8_length(s_, i_);
    if (n == 0) return error("UTF-8 invalide / invalid UTF-8", "nquads.utf8");
    i_ += n;
    return std::nullopt;
  }

  // Appends the current character (or decoded UCHAR escape) to out.
  std::optional<Error> uchar(std::string& out) {
    // at '\\'
    ++i_;
    if (at_end()) return error("échappement incomplet / truncated escape");
    const char k = peek();
    const int digits = k == 'u' ? 4 : k == 'U' ? 8 : 0;
    if (digits == 0) return error("échappement invalide / bad escape");
    ++i_;
    if (i_ + digits > s_.size()) return error("échappement incomplet / truncated escape");
    std::uint32_t cp = 0;
    for (int d = 0; d < digits; ++d) {
      const int v = hex_value(s_[i_ + d]);
      if (v < 0) return error("chiffre hexadécimal attendu / expected hex digit");
      cp = (cp << 4) | static_cast<std::uint32_t>(v);
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return error("point de code invalide / invalid code point");
    }
    i_ += digits;
    append_utf8(out, cp);
    return std::nullopt;
  }

  std::optional<Error> iri(Term& t) {
    if (at_end() || peek() != '<') return error("IRI attendue / expected IRI");
    ++i_;
    std::string v;
    while (true) {
      if (at_end()) return error("IRI non terminée / unterminated IRI");
      const char c = peek();
      if (c == '>') break;
      if (c == '\\') {
        if (auto e = uchar(v); e) return e;
        continue;
      }
      const auto u = static_cast<unsigned char>(c);
      if (u <= 0x20 || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
          c == '`') {
        return error("caractère interdit dans une IRI / character not allowed in IRI");
      }
      const std::size_t start = i_;
      if (auto e = check_utf8(); e) return e;
      v.append(s_.substr(start, i_ - start));
    }
    ++i_;  // '>'
    // N-Quads requires absolute IRIs: a scheme, then ':'.
    std::size_t k = 0;
    while (k < v.size() && (is_alpha(v[k]) || (k > 0 && (is_digit(v[k]) || v[k] == '+' ||
                                                         v[k] == '-' || v[k] == '.')))) {
      ++k;
    }
    if (k == 0 || k >= v.size() || v[k] != ':') {
      return error("IRI relative interdite / relative IRI not allowed: " + v);
    }
    t = Term::iri(std::move(v));
    return std::nullopt;
  }

  std::optional<Error> blank(Term& t) {
    // at "_:"
    i_ += 2;
    const std::size_t start = i_;
    while (!at_end()) {
      const char c = peek();
      const auto u = static_cast<unsigned char>(c);
      if (is_alpha(c) || is_digit(c) || c == '_' || c == '-' || c == '.' || c == ':') {
        ++i_;
      } else if (u >= 0x80) {
        if (auto e = check_utf8(); e) return e;
      } else {
        break;
      }
    }
    // A label may contain '.', but not end with one (that dot ends the statement).
    while (i_ > start && s_[i_ - 1] == '.') --i_;
    if (i_ == start) return error("étiquette de nœud anonyme vide / empty blank node label");
    const char first = s_[start];
    if (first == '-' || first == '.' || first == ':') {
      return error("étiquette de nœud anonyme invalide / bad blank node label");
    }
    t = Term::blank(std::string(s_.substr(start, i_ - start)));
    return std::nullopt;
  }

  std::optional<Error> literal(Term& t) {
    ++i_;  // '"'
    std::string v;
    while (true) {
      if (at_end()) return error("littéral non terminé / unterminated literal");
      const char c = peek();
      if (c == '"') break;
      if (c == '\n' || c == '\r') return error("fin de ligne dans un littéral / EOL in literal");
      if (c == '\\') {
        if (i_ + 1 >= s_.size()) return error("échappement incomplet / truncated escape");
        const char k = s_[i_ + 1];
        const char* rep = nullptr;
        switch (k) {
          case 't': rep = "\t"; break;
          case 'b': rep = "\b"; break;
          case 'n': rep = "\n"; break;
          case 'r': rep = "\r"; break;
          case 'f': rep = "\f"; break;
          case '"': rep = "\""; break;
          case '\'': rep = "'"; break;
          case '\\': rep = "\\"; break;
          default: break;
        }
        if (rep) {
          v += rep;
          i_ += 2;
        } else if (auto e = uchar(v); e) {
          return e;
        }
        continue;
      }
      const std::size_t start = i_;
      if (auto e = check_utf8(); e) return e;
      v.append(s_.substr(start, i_ - start));
    }
    ++i_;  // closing '"'
    if (!at_end() && peek() == '@') {
      ++i_;
      const std::size_t start = i_;
      while (!at_end() && is_alpha(peek())) ++i_;
      if (i_ == start) return error("étiquette de langue vide / empty language tag");
      while (!at_end() && peek() == '-') {
        ++i_;
        const std::size_t sub = i_;
        while (!at_end() && (is_alpha(peek()) || is_digit(peek()))) ++i_;
        if (i_ == sub) return error("étiquette de langue invalide / bad language tag");
      }
      t = Term::literal(std::move(v), {}, std::string(s_.substr(start, i_ - start)));
      return std::nullopt;
    }
    if (i_ + 1 < s_.size() && peek() == '^' && s_[i_ + 1] == '^') {
      i_ += 2;
      Term dt;
      if (auto e = iri(dt); e) return e;
      if (dt.value == rdf::kXsdString) dt.value.clear();
      t = Term::literal(std::move(v), std::move(dt.value));
      return std::nullopt;
    }
    t = Term::literal(std::move(v));
    return std::nullopt;
  }

  std::optional<Error> subject_or_graph(Term& t, const char* what) {
    if (at_end()) return error(std::string("terme attendu / expected term: ") + what);
    if (peek() == '<') return iri(t);
    if (peek() == '_' && i_ + 1 < s_.size() && s_[i_ + 1] == ':') return blank(t);
    return error(std::string("IRI ou nœud anonyme attendu / expected IRI or blank node: ") +
                 what);
  }

  std::optional<Error> object(Term& t) {
    if (at_end()) return error("objet attendu / expected object");
    if (peek() == '<') return iri(t);
    if (peek() == '"') return literal(t);
    if (peek() == '_' && i_ + 1 < s_.size() && s_[i_ + 1] == ':') return blank(t);
    return error("objet attendu / expected object");
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::size_t line_ = 1;
  std::size_t line_start_ = 0;
};

}  // namespace

Result<rdf::Dataset> parse_nquads(std::string_view text) { return Parser(text).run(); }

}  // namespace ecusson::rdf
