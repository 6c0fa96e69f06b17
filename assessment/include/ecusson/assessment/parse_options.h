// ParseOptions: limits and language for reading grid, policy and evaluation files.
//
// The files come from users and partners, so parsing is bounded: a size cap checked before
// reading, a nesting-depth cap, and UTF-8 checked up front. Messages are French unless
// `lang` says English. Plain options struct (style C9); thread-compatible.
#pragma once

#include <cstddef>

#include "ecusson/lang.h"

namespace ecusson::assessment {

struct ParseOptions {
  /// Language of Error messages (codes are the same in both).
  Lang lang = Lang::fr;
  /// Larger files are refused before being read ("xml.too_large").
  std::size_t max_bytes = std::size_t{16} << 20;
  /// Deeper element nesting is refused ("xml.too_deep"); real files nest at most 6 deep.
  std::size_t max_depth = 32;
};

}  // namespace ecusson::assessment
