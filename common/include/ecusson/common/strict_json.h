// Strict JSON parsing for untrusted input (credentials, JWT parts, JWKs, DID documents).
//
// Boost.JSON alone keeps the last of duplicate object keys and accepts deep nesting up to
// its default depth; signed documents must not be ambiguous and parsing must not be a
// denial of service. parse_json_strict() therefore enforces a size cap, a nesting-depth
// limit (Boost.JSON parse_options.max_depth), and refuses any object with a duplicate
// key, anywhere in the document. Comments, trailing commas and invalid UTF-8 are refused.
// Non-integer numbers are read correctly rounded (ecusson::parse_number, as ECMAScript and
// jsonld.js read them; Boost.JSON 1.81 alone misreads some); integers that fit an int64 or
// uint64 stay integers.
// Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include <boost/json/fwd.hpp>

#include "ecusson/result.h"

namespace ecusson {

struct JsonLimits {
  std::size_t max_bytes = 16u << 20;  // whole text
  std::size_t max_depth = 64;         // nested arrays/objects
};

/// Parses one JSON text (surrounding whitespace allowed, nothing else after it).
/// Fails with "json.too_large", "json.too_deep", "json.duplicate_key" (where = the key),
/// "json.number_out_of_range" (a number beyond the largest double, e.g. 1e400; where = its
/// text), or "json.syntax" (where = byte offset).
/// Example: parse_json_strict(R"({"a":1,"a":2})") fails with "json.duplicate_key".
[[nodiscard]] Result<boost::json::value> parse_json_strict(std::string_view text,
                                                           const JsonLimits& limits = {});

}  // namespace ecusson
