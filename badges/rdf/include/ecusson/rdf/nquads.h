// N-Quads parser (RDF 1.1 N-Quads): text → rdf::Dataset.
//
// Used for the RDFC-1.0 conformance suite and for reading canonical forms back. Accepts
// the full N-Quads grammar (comments, blank lines, CRLF, UCHAR/ECHAR escapes, language
// tags, datatypes, graph labels). Literals typed xsd:string are stored with an empty
// datatype (see rdf::Term). Duplicate quads are kept (a Dataset is a vector).
// Stateless free function; thread-safe.
#pragma once

#include <string_view>

#include "ecusson/rdf/dataset.h"
#include "ecusson/result.h"

namespace ecusson::rdf {

/// Parses an N-Quads document.
/// Success: the quads in document order. Failure: Error "nquads.syntax" (bad token,
/// relative IRI, bad escape, missing " ."), or "nquads.utf8" (invalid UTF-8), with
/// `where` = "LINE:COLUMN" (1-based, column counted in bytes).
/// Example: `auto ds = parse_nquads("<http://a> <http://b> \"c\" .\n");`
[[nodiscard]] Result<rdf::Dataset> parse_nquads(std::string_view text);

}  // namespace ecusson::rdf
