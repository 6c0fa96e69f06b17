// OB 2.0 extension validation (private): an Extension node is checked against the JSON
// Schema that its extension context declares (`obi:validation` → `validationSchema`),
// using the contexts and schemas bundled under templates/contexts/ob2-extensions/ (never
// fetched). A small JSON Schema draft-04 subset is enough for the registered extensions:
// type, properties, required, items, enum, oneOf/anyOf/allOf, local $ref.
// Stateless; thread-safe.
#pragma once

#include <string>
#include <vector>

#include <boost/json.hpp>

namespace ecusson::ob2::detail {

struct ExtensionReport {
  std::vector<std::string> errors;    // schema violations ("ExampleExtension: …")
  std::vector<std::string> unknown;   // extension types with no bundled schema
  int validated = 0;                  // extension nodes checked against a schema
};

/// Walks `doc` (depth-limited) and validates every node whose type includes "Extension".
ExtensionReport check_ob2_extensions(const boost::json::object& doc);

}  // namespace ecusson::ob2::detail
