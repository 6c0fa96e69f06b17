// JSON-LD 1.1 expansion and toRdf (W3C JSON-LD 1.1 Processing Algorithms and API).
//
// `expand()` implements the Expansion algorithm (§5.1) with Context Processing (§4.1),
// Create Term Definition (§4.2), IRI Expansion (§5.2) and Value Expansion (§5.3).
// `to_rdf()` expands, then deserializes to an RDF dataset (§8.1-8.3); instead of building
// a node map it walks the expanded tree once and emits the same set of quads the node map
// would give (duplicates may be emitted; an RDF dataset is a set, so consumers such as
// RDFC-1.0 drop them).
//
// Remote contexts come only from the DocumentLoader in the options (never the network);
// processed contexts are cached in that loader (see document_loader.h), so repeated
// credentials with the same `@context` array do not re-process it.
//
// Hostile input is bounded by JsonLdLimits (nesting depth, remote and imported contexts,
// list length, quads and expanded values, context-processing work): exceeding a limit is
// an Error, never a crash. Errors carry a JSON pointer to the offending member in `where`.
// JSON-LD errors use the code "jsonld." + the spec's error name in snake case without '@'
// (see jsonld_error_code()); loader errors pass through (BundledDocumentLoader:
// `structure.context`).
//
// Thread-safety: the functions are reentrant; options and documents are only read.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <boost/json/fwd.hpp>

#include "ecusson/rdf/document_loader.h"
#include "ecusson/rdf/dataset.h"
#include "ecusson/result.h"

namespace ecusson::rdf {

enum class ProcessingMode { json_ld_1_0, json_ld_1_1 };

/// How `@direction` is represented in RDF (§8.1, rdfDirection option).
enum class RdfDirection { none, i18n_datatype, compound_literal };

/// Bounds against hostile documents. Defaults fit any real credential with a wide margin.
struct JsonLdLimits {
  /// Maximum nesting of JSON arrays/objects walked by expansion and context processing.
  /// Each level costs about 3 KB of stack in a release build (ASan: far more), so the
  /// default stays well inside a 1 MB thread stack; credentials nest about 10 deep.
  std::size_t max_depth = 128;
  /// Maximum number of nested remote contexts (spec "context overflow"), contexts named by
  /// `@import` included (`jsonld.context_overflow`).
  std::size_t max_remote_contexts = 32;
  /// Maximum number of items in one `@list` (JSON-LD lists become 2 quads per item).
  std::size_t max_list_items = 100000;
  /// Maximum number of quads produced by to_rdf(). Expansion counts the values it builds
  /// (value objects, node objects, types) against the same budget as it goes, so an
  /// oversized document is refused (`jsonld.max_quads`) before it is fully expanded.
  std::size_t max_quads = 1000000;
  /// Maximum context-processing work of one call: term definitions created (each scoped
  /// context applied or validated counts its own terms), term definitions copied when a
  /// long chain of derived contexts is merged, and contexts processed. Beyond it:
  /// `jsonld.context_too_large`. Processing a credential's bundled contexts the first time
  /// costs a few thousand (later calls hit the loader's cache and cost nothing); with
  /// scoped contexts sharing their parent's definitions, the cost of a document's own
  /// contexts is linear in their size.
  std::size_t max_context_work = 100000;
};

struct JsonLdOptions {
  /// Where remote contexts come from; null means no remote context can be loaded
  /// (`jsonld.loading_remote_context_failed`). Must outlive the call.
  const DocumentLoader* loader = nullptr;
  /// Base IRI of the document (empty: none; relative IRIs then stay relative and are
  /// dropped by to_rdf as not well-formed).
  std::string base;
  ProcessingMode processing_mode = ProcessingMode::json_ld_1_1;
  /// Optional context applied before the document's own (API expandContext option).
  const boost::json::value* expand_context = nullptr;
  bool produce_generalized_rdf = false;
  RdfDirection rdf_direction = RdfDirection::none;
  /// Safe mode (as jsonld.js `safe: true`, used by Data Integrity): a member dropped by
  /// expansion (a term the contexts do not define) or a node, property, type or literal
  /// toRdf cannot express (relative or ill-formed IRI, ill-formed language tag) fails with
  /// `jsonld.unsafe` instead of silently staying outside what is signed.
  bool safe = false;
  JsonLdLimits limits;
};

/// Expands `doc` (§9.1 expand(): the top-level result is always an array).
/// Success: the expanded document. Failure: a `jsonld.*` code (spec error), a limit code
/// (`jsonld.max_depth`, `jsonld.context_overflow`, `jsonld.max_list_items`,
/// `jsonld.max_quads` for too many values, `jsonld.context_too_large`) or the loader's
/// code (`structure.context` for a context that is not bundled).
/// Example: `auto r = expand(credential, {.loader = &bundled_document_loader()});`
[[nodiscard]] Result<boost::json::value> expand(const boost::json::value& doc,
                                                const JsonLdOptions& options);

/// Deserializes `doc` to RDF (§9.1 toRdf()): expansion, then §8.1-8.3.
/// Success: the quads (blank nodes labelled b0, b1, ...). Failure: as expand(), plus
/// `jsonld.max_quads`.
/// Example: `auto ds = to_rdf(credential, options); // then rdfc::canonize(*ds)`
[[nodiscard]] Result<rdf::Dataset> to_rdf(const boost::json::value& doc,
                                          const JsonLdOptions& options);

/// "invalid IRI mapping" -> "jsonld.invalid_iri_mapping": lower case, spaces and '-'
/// become '_', '@' is dropped. The code every JSON-LD error of this module carries.
std::string jsonld_error_code(std::string_view spec_error_name);

}  // namespace ecusson::rdf
