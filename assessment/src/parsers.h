// detail: parser pieces shared between the grid, policy and evaluation readers.
#pragma once

#include <pugixml.hpp>

#include "ecusson/assessment/scoring_policy.h"
#include "xml_reader.h"

// Returns the error of a Result<…> expression from the enclosing function.
#define ECUSSON_TRY(expr)                           \
  do {                                              \
    auto ecusson_try_ = (expr);                     \
    if (!ecusson_try_) return ecusson_try_.error(); \
  } while (0)

namespace ecusson::assessment::detail {

inline constexpr std::string_view kGridNamespace = "urn:ecusson:grid:1";
inline constexpr std::string_view kEvalNamespace = "urn:ecusson:eval:1";

/// Reads a <scoringPolicy> element (inside a grid or as a file's root).
Result<ScoringPolicy> read_policy(const XmlReader& r, pugi::xml_node node);

}  // namespace ecusson::assessment::detail
