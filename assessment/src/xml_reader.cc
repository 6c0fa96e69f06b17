#include "xml_reader.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "ecusson/assessment/messages.h"

namespace ecusson::assessment::detail {
namespace {

constexpr std::size_t kBlock = 256;

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string hex_byte(unsigned char b) {
  char buf[4];
  std::snprintf(buf, sizeof buf, "%02X", b);
  return buf;
}

// pugixml's status, in both languages (its own description() is English only).
std::string_view status_text(pugi::xml_parse_status s, Lang lang) {
  switch (s) {
    case pugi::status_unrecognized_tag:
      return tr(lang, "balise non reconnue", "unrecognized tag");
    case pugi::status_bad_pi:
      return tr(lang, "déclaration XML ou instruction de traitement invalide",
                "invalid XML declaration or processing instruction");
    case pugi::status_bad_comment: return tr(lang, "commentaire invalide", "invalid comment");
    case pugi::status_bad_cdata: return tr(lang, "section CDATA invalide", "invalid CDATA section");
    case pugi::status_bad_doctype: return tr(lang, "DOCTYPE invalide", "invalid DOCTYPE");
    case pugi::status_bad_pcdata: return tr(lang, "texte invalide", "invalid text");
    case pugi::status_bad_start_element:
      return tr(lang, "balise ouvrante invalide", "invalid start tag");
    case pugi::status_bad_attribute:
      return tr(lang, "attribut invalide (guillemets attendus autour de la valeur)",
                "invalid attribute (quotes expected around the value)");
    case pugi::status_bad_end_element:
      return tr(lang, "balise fermante invalide", "invalid end tag");
    case pugi::status_end_element_mismatch:
      return tr(lang, "balise fermante qui ne correspond pas à la balise ouvrante (ou balise non fermée)",
                "end tag does not match the start tag (or a tag is not closed)");
    case pugi::status_no_document_element:
      return tr(lang, "aucun élément racine", "no root element");
    case pugi::status_out_of_memory: return tr(lang, "mémoire insuffisante", "out of memory");
    default: return tr(lang, "erreur de syntaxe", "syntax error");
  }
}

}  // namespace

std::string join(std::initializer_list<std::string_view> items) {
  std::string out;
  for (auto s : items) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out.empty() ? std::string("-") : out;
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    if (is_xml_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

Result<std::string> read_file_capped(const std::string& path, const ParseOptions& options) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    return make_error("io.not_found", options.lang, path);
  if (std::filesystem::is_directory(status))
    return make_error("io.unreadable", options.lang, path,
                      {tr(options.lang, "c'est un dossier", "it is a directory")});
  if (std::filesystem::is_regular_file(status)) {
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > options.max_bytes)
      return make_error("xml.too_large", options.lang, path,
                        {std::to_string(size), std::to_string(options.max_bytes)});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return make_error("io.unreadable", options.lang, path,
                      {tr(options.lang, "ouverture refusée", "cannot open")});
  // Read with the cap even after the size check: the file may be a FIFO or may grow.
  std::string out;
  char buf[65536];
  while (in) {
    in.read(buf, sizeof buf);
    auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    if (out.size() + n > options.max_bytes)
      return make_error("xml.too_large", options.lang, path,
                        {"> " + std::to_string(options.max_bytes),
                         std::to_string(options.max_bytes)});
    out.append(buf, n);
  }
  if (in.bad())
    return make_error("io.unreadable", options.lang, path,
                      {tr(options.lang, "erreur de lecture", "read error")});
  return out;
}

Error XmlReader::error(std::string_view code, std::string at_text,
                       std::initializer_list<std::string_view> args) const {
  return make_error(code, options_.lang, std::move(at_text), args);
}

std::uint32_t XmlReader::code_points(std::size_t from, std::size_t to) const {
  std::uint32_t n = 0;
  for (std::size_t i = from; i < to && i < original_.size(); ++i)
    if ((static_cast<unsigned char>(original_[i]) & 0xC0) != 0x80) ++n;
  return n;
}

SourcePos XmlReader::pos_of_offset(std::size_t off) const {
  if (line_starts_.empty()) return {};
  off = std::min(off, buffer_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), off);
  std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());  // 1-based
  std::size_t start = line_starts_[line - 1];
  // Code points in [start, off) through the per-block prefix counts, so a huge single-line
  // file costs O(block) per position, not O(line).
  auto cp_before = [&](std::size_t x) {
    std::size_t b = x / kBlock;
    return cp_blocks_[b] + code_points(b * kBlock, x);
  };
  std::uint32_t col = cp_before(off) - cp_before(start) + 1;
  return SourcePos{static_cast<std::uint32_t>(line), col};
}

std::size_t XmlReader::offset_of(const char* p) const {
  if (p == nullptr || p < buffer_.data() || p > buffer_.data() + buffer_.size()) return 0;
  return static_cast<std::size_t>(p - buffer_.data());
}

SourcePos XmlReader::pos(pugi::xml_node n) const {
  if (!n) return {};
  if (n.type() == pugi::node_element) {
    std::size_t off = offset_of(n.name());
    return pos_of_offset(off > 0 ? off - 1 : 0);  // point at '<'
  }
  return pos_of_offset(offset_of(n.value()));
}

SourcePos XmlReader::pos(pugi::xml_attribute a) const { return pos_of_offset(offset_of(a.name())); }
SourcePos XmlReader::value_pos(pugi::xml_attribute a) const {
  return pos_of_offset(offset_of(a.value()));
}

Result<void> XmlReader::load(std::string_view xml, std::string_view root_name, std::string_view ns) {
  if (xml.size() > options_.max_bytes)
    return error("xml.too_large", file_,
                 {std::to_string(xml.size()), std::to_string(options_.max_bytes)});
  buffer_.assign(xml.data(), xml.size());

  // Line index and code-point blocks (before pugixml rewrites the buffer in place).
  line_starts_.clear();
  line_starts_.push_back(0);
  cp_blocks_.assign(buffer_.size() / kBlock + 2, 0);
  std::uint32_t cps = 0;
  for (std::size_t i = 0; i < buffer_.size(); ++i) {
    if (i % kBlock == 0) cp_blocks_[i / kBlock] = cps;
    unsigned char c = static_cast<unsigned char>(buffer_[i]);
    if ((c & 0xC0) != 0x80) ++cps;
    if (c == '\n') line_starts_.push_back(i + 1);
  }
  if (buffer_.size() % kBlock == 0) cp_blocks_[buffer_.size() / kBlock] = cps;
  // pugixml rewrites text in place (escapes, line ends): columns are counted on a copy.
  original_ = buffer_;

  // UTF-8 and XML 1.0 characters, with the position of the first bad byte.
  std::size_t i = 0;
  const auto* b = reinterpret_cast<const unsigned char*>(buffer_.data());
  const std::size_t n = buffer_.size();
  if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) i = 3;  // BOM
  std::size_t content_start = i;
  while (i < n) {
    unsigned char c = b[i];
    std::uint32_t cp;
    std::size_t len;
    if (c < 0x80) {
      cp = c;
      len = 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
      cp = c & 0x1F;
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      cp = c & 0x0F;
      len = 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      cp = c & 0x07;
      len = 4;
    } else {
      return error("xml.invalid_utf8", at(pos_of_offset(i)), {hex_byte(c)});
    }
    if (i + len > n) return error("xml.invalid_utf8", at(pos_of_offset(i)), {hex_byte(c)});
    for (std::size_t k = 1; k < len; ++k) {
      if ((b[i + k] & 0xC0) != 0x80)
        return error("xml.invalid_utf8", at(pos_of_offset(i + k)), {hex_byte(b[i + k])});
      cp = (cp << 6) | (b[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values above U+10FFFF.
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return error("xml.invalid_utf8", at(pos_of_offset(i)), {hex_byte(c)});
    bool xml_char = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                    (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
    if (!xml_char) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", cp);
      return error("xml.invalid_char", at(pos_of_offset(i)), {code});
    }
    i += len;
  }
  bool blank = std::all_of(buffer_.begin() + static_cast<std::ptrdiff_t>(content_start),
                           buffer_.end(), is_xml_space);
  if (blank) return error("xml.empty", file_);

  // parse_doctype only so that a DOCTYPE becomes a node we can refuse by position;
  // parse_declaration so that a non-UTF-8 encoding declaration is refused.
  unsigned opts = pugi::parse_default | pugi::parse_doctype | pugi::parse_declaration;
  pugi::xml_parse_result res =
      doc_.load_buffer_inplace(buffer_.data(), buffer_.size(), opts, pugi::encoding_utf8);
  if (!res) {
    SourcePos p = pos_of_offset(static_cast<std::size_t>(std::max<std::ptrdiff_t>(res.offset, 0)));
    return error("xml.malformed", at(p), {status_text(res.status, options_.lang)});
  }

  // One iterative walk: DOCTYPE anywhere, declaration encoding, depth.
  std::size_t depth = 1;
  pugi::xml_node node = doc_.first_child();
  while (node) {
    if (node.type() == pugi::node_doctype) return error("xml.doctype", at(pos(node)));
    if (node.type() == pugi::node_declaration) {
      if (auto enc = node.attribute("encoding")) {
        std::string v = enc.value();
        std::transform(v.begin(), v.end(), v.begin(), [](unsigned char ch) { return std::tolower(ch); });
        if (v != "utf-8" && v != "utf8")
          return error("xml.bad_value", at(enc), {enc.value(), "encoding", "UTF-8"});
      }
    }
    if (node.type() == pugi::node_element && depth > options_.max_depth)
      return error("xml.too_deep", at(pos(node)), {std::to_string(options_.max_depth)});
    if (node.first_child()) {
      node = node.first_child();
      ++depth;
      continue;
    }
    while (node && !node.next_sibling()) {
      node = node.parent();
      --depth;
      if (node == doc_) {
        node = pugi::xml_node();
        break;
      }
    }
    if (node) node = node.next_sibling();
  }

  root_ = doc_.document_element();
  std::string_view name = root_.name();
  if (name != root_name) {
    return error("xml.wrong_root", at(pos(root_)), {name, root_name});
  }
  pugi::xml_attribute xmlns = root_.attribute("xmlns");
  std::string_view actual = xmlns ? std::string_view(xmlns.value()) : std::string_view();
  if (actual != ns) {
    return error("xml.wrong_namespace", xmlns ? at(xmlns) : at(pos(root_)),
                 {actual.empty() ? std::string_view(ecusson::tr(options_.lang, "(aucun)", "(none)")) : actual, ns});
  }
  return {};
}

Result<void> XmlReader::check_attributes(pugi::xml_node n,
                                         std::initializer_list<std::string_view> allowed) const {
  for (pugi::xml_attribute a : n.attributes()) {
    std::string_view name = a.name();
    if (name == "xmlns") {
      // Only the root declares the namespace; a child may repeat the same value.
      if (n == root_ || std::string_view(a.value()) == std::string_view(root_.attribute("xmlns").value()))
        continue;
      return error("xml.wrong_namespace", at(a), {a.value(), root_.attribute("xmlns").value()});
    }
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
      return error("xml.unknown_attribute", at(pos(a)), {name, n.name(), join(allowed)});
  }
  return {};
}

Result<void> XmlReader::check_children(pugi::xml_node n,
                                       std::initializer_list<std::string_view> allowed) const {
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_element) {
      std::string_view name = c.name();
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
        return error("xml.unknown_element", at(pos(c)), {name, n.name(), join(allowed)});
    } else if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      std::string_view v = c.value();
      if (!std::all_of(v.begin(), v.end(), is_xml_space))
        return error("xml.unexpected_text", at(pos(c)), {n.name()});
    }
  }
  return {};
}

Result<pugi::xml_node> XmlReader::optional_child(pugi::xml_node n, const char* name) const {
  pugi::xml_node first = n.child(name);
  if (first) {
    if (pugi::xml_node second = first.next_sibling(name))
      return error("xml.duplicate_element", at(pos(second)), {name, n.name()});
  }
  return first;
}

Result<pugi::xml_node> XmlReader::required_child(pugi::xml_node n, const char* name) const {
  auto c = optional_child(n, name);
  if (!c) return c.error();
  if (!*c) return error("xml.missing_element", at(pos(n)), {name, n.name()});
  return *c;
}

Result<std::string> XmlReader::required(pugi::xml_node n, const char* name) const {
  pugi::xml_attribute a = n.attribute(name);
  if (!a) return error("xml.missing_attribute", at(pos(n)), {name, n.name()});
  std::string v = collapse_whitespace(a.value());
  if (v.empty())
    return error("xml.bad_value", at(a), {"", name, ecusson::tr(options_.lang, "une valeur non vide", "a non-empty value")});
  return v;
}

std::string XmlReader::optional(pugi::xml_node n, const char* name) const {
  return collapse_whitespace(n.attribute(name).value());
}

Result<std::string> XmlReader::required_id(pugi::xml_node n, const char* name) const {
  auto v = required(n, name);
  if (!v) return v;
  bool ok = v->size() <= 128;
  for (char c : *v) {
    bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                   c == '.' || c == '_' || c == ':' || c == '-';
    ok = ok && allowed;
  }
  if (!ok)
    return error("xml.bad_value", at(n.attribute(name)),
                 {*v, name,
                  ecusson::tr(options_.lang, "un identifiant (lettres sans accent, chiffres, . _ : -, 128 au plus)",
                     "an identifier (ASCII letters, digits, . _ : -, at most 128)")});
  return v;
}

Result<bool> XmlReader::boolean(pugi::xml_node n, const char* name, bool fallback) const {
  pugi::xml_attribute a = n.attribute(name);
  if (!a) return fallback;
  std::string_view v = a.value();
  if (v == "true") return true;
  if (v == "false") return false;
  return error("xml.bad_value", at(a), {v, name, "true | false"});
}

Result<std::optional<int>> XmlReader::integer(pugi::xml_node n, const char* name) const {
  pugi::xml_attribute a = n.attribute(name);
  if (!a) return std::optional<int>();
  std::string_view v = a.value();
  bool ok = !v.empty() && v.size() <= 9 &&
            std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!ok)
    return error("xml.bad_value", at(a),
                 {v, name, ecusson::tr(options_.lang, "un entier positif ou nul", "a non-negative integer")});
  int out = 0;
  for (char c : v) out = out * 10 + (c - '0');
  return std::optional<int>(out);
}

Result<std::optional<Rational>> XmlReader::rational(pugi::xml_node n, const char* name) const {
  pugi::xml_attribute a = n.attribute(name);
  if (!a) return std::optional<Rational>();
  auto r = Rational::parse(a.value());
  if (!r)
    return error("xml.bad_value", at(a),
                 {a.value(), name,
                  ecusson::tr(options_.lang, "un nombre décimal (ex. 0.5, 6 décimales au plus) ou une fraction (ex. 2/3)",
                     "a decimal number (e.g. 0.5, at most 6 decimals) or a fraction (e.g. 2/3)")});
  return std::optional<Rational>(*r);
}

Result<void> XmlReader::check_count(pugi::xml_node n, const char* name, std::size_t max) const {
  std::size_t count = 0;
  for (pugi::xml_node c : n.children(name)) {
    if (++count > max)
      return error("xml.too_many", at(pos(c)), {name, n.name(), std::to_string(max)});
  }
  return {};
}

Result<std::string> XmlReader::text(pugi::xml_node n) const {
  std::string out;
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_element)
      return error("xml.unknown_element", at(pos(c)),
                   {c.name(), n.name(), ecusson::tr(options_.lang, "(texte seulement)", "(text only)")});
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
  return collapse_whitespace(out);
}

}  // namespace ecusson::assessment::detail
