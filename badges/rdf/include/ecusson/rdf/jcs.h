// JCS: the JSON Canonicalization Scheme (RFC 8785).
//
// Serializes a JSON value deterministically: no whitespace, object members sorted by the
// UTF-16 code units of their names, strings with the minimal JSON escapes, numbers in the
// ECMAScript Number.prototype.toString form (shortest round-trip digits). Used for
// rdf:JSON literals in JSON-LD toRdf and by the eddsa-jcs-2022 cryptosuite.
// Pure function; thread-safe.
#pragma once

#include <string>

#include <boost/json/fwd.hpp>

namespace ecusson::rdf {

/// The RFC 8785 serialization of `v`. Integers beyond 2^53 are converted to double first,
/// as ECMAScript does. Example: `jcs_serialize(json::parse(R"({"b":1,"a":2.50})"))`
/// gives `{"a":2.5,"b":1}`.
std::string jcs_serialize(const boost::json::value& v);

/// Appends the ECMAScript Number::toString form of `d` (finite; NaN/Infinity give "null").
void jcs_append_number(std::string& out, double d);

}  // namespace ecusson::rdf
