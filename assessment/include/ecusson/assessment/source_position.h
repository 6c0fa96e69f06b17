// SourcePos: where a value came from in an XML file (1-based line and column).
//
// Columns count characters (Unicode code points), not bytes, so "é" is one column, as an
// editor shows it. Every parsed element keeps its position so that validation and scoring
// can name "file.xml:12:7" long after parsing. Plain value type; thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ecusson::assessment {

struct SourcePos {
  std::uint32_t line = 0;    // 0 = unknown (value built in code, not parsed)
  std::uint32_t column = 0;

  friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

/// "file:line:column", or "file" when the position is unknown.
/// Example: where("g.grid.xml", {12, 7}) == "g.grid.xml:12:7"
std::string where(std::string_view file, SourcePos pos);

}  // namespace ecusson::assessment
