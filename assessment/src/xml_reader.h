// detail::XmlReader: the bounded, position-aware XML front end shared by the grid, policy
// and evaluation parsers.
//
// It owns the bytes (pugixml parses them in place, so every name and value keeps its
// original offset), checks size, emptiness, UTF-8 and XML characters before parsing,
// refuses DOCTYPE, checks the nesting depth iteratively, the root element and its
// namespace, and turns byte offsets into line:column (columns count code points). Parsers
// then walk the tree with the strict helpers below, which report unknown elements and
// attributes instead of ignoring them. Not copyable: nodes point into the buffer.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "ecusson/assessment/parse_options.h"
#include "ecusson/assessment/rational.h"
#include "ecusson/assessment/source_position.h"
#include "ecusson/error.h"
#include "ecusson/result.h"

namespace ecusson::assessment::detail {

/// Reads at most `options.max_bytes` of `path` (the size is checked before reading).
Result<std::string> read_file_capped(const std::string& path, const ParseOptions& options);

class XmlReader {
 public:
  XmlReader(std::string_view file_name, const ParseOptions& options)
      : file_(file_name), options_(options) {}
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  /// Loads `xml` and checks the root element name and default namespace.
  /// On success, root() is the root element.
  Result<void> load(std::string_view xml, std::string_view root_name, std::string_view ns);

  pugi::xml_node root() const { return root_; }
  const std::string& file() const { return file_; }
  Lang lang() const { return options_.lang; }
  /// French or English text, as a string (so it can be concatenated).
  std::string tr(std::string_view fr, std::string_view en) const {
    return std::string(options_.lang == Lang::en ? en : fr);
  }

  SourcePos pos(pugi::xml_node n) const;
  SourcePos pos(pugi::xml_attribute a) const;       // the attribute name
  SourcePos value_pos(pugi::xml_attribute a) const;  // the attribute value
  std::string at(SourcePos p) const { return where(file_, p); }
  std::string at(pugi::xml_node n) const { return at(pos(n)); }
  std::string at(pugi::xml_attribute a) const { return at(value_pos(a)); }

  Error error(std::string_view code, std::string at_text,
              std::initializer_list<std::string_view> args = {}) const;

  /// Every attribute of `n` is in `allowed` (xmlns only on the root).
  Result<void> check_attributes(pugi::xml_node n, std::initializer_list<std::string_view> allowed) const;
  /// Every child of `n` is an element named in `allowed` (comments are skipped by the
  /// parser; non-blank text is refused).
  Result<void> check_children(pugi::xml_node n, std::initializer_list<std::string_view> allowed) const;
  /// `n` has at most one child named `name`; returns it (or an empty node).
  Result<pugi::xml_node> optional_child(pugi::xml_node n, const char* name) const;
  /// `n` has exactly one child named `name`.
  Result<pugi::xml_node> required_child(pugi::xml_node n, const char* name) const;

  /// A required attribute, non-empty after trimming.
  Result<std::string> required(pugi::xml_node n, const char* name) const;
  /// An optional attribute (trimmed); empty when absent.
  std::string optional(pugi::xml_node n, const char* name) const;
  /// An identifier: required, 1..128 characters from [A-Za-z0-9._:-].
  Result<std::string> required_id(pugi::xml_node n, const char* name) const;
  /// "true"/"false"; `fallback` when absent.
  Result<bool> boolean(pugi::xml_node n, const char* name, bool fallback) const;
  /// A non-negative integer (at most 9 digits); nullopt when absent.
  Result<std::optional<int>> integer(pugi::xml_node n, const char* name) const;
  /// A non-negative exact decimal or fraction; nullopt when absent.
  Result<std::optional<Rational>> rational(pugi::xml_node n, const char* name) const;

  /// At most `max` children named `name` (bounds the work on hostile files).
  Result<void> check_count(pugi::xml_node n, const char* name, std::size_t max) const;

  /// Text content of an element without child elements, whitespace collapsed.
  Result<std::string> text(pugi::xml_node n) const;

 private:
  std::size_t offset_of(const char* p) const;
  SourcePos pos_of_offset(std::size_t off) const;
  std::uint32_t code_points(std::size_t from, std::size_t to) const;

  std::string file_;
  ParseOptions options_;
  std::string buffer_;                     // parsed in place by pugixml
  std::string original_;                   // untouched copy, for columns
  std::vector<std::size_t> line_starts_;   // byte offset of each line start
  std::vector<std::uint32_t> cp_blocks_;   // code points before each 256-byte block
  pugi::xml_document doc_;
  pugi::xml_node root_;
};

/// "a, b, c" for messages.
std::string join(std::initializer_list<std::string_view> items);
/// Collapses runs of XML whitespace to one space and trims.
std::string collapse_whitespace(std::string_view s);

}  // namespace ecusson::assessment::detail
