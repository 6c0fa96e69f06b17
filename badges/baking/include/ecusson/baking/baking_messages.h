// Baking messages: the catalogue of "baking.*" error codes in French and English.
//
// Library functions put a detailed French message in Error::message; interfaces that
// speak English (`--lang en`, the API) use this catalogue keyed by the stable code.
// Static data; thread-safe.
#pragma once

#include <string_view>

#include "ecusson/lang.h"

namespace ecusson::baking {

/// Short message for a "baking.*" code in `lang`; empty for an unknown code.
/// Example: baking_message("baking.bad_crc", Lang::en) → "corrupt PNG: bad chunk CRC".
std::string_view baking_message(std::string_view code, Lang lang);

/// Every code of the catalogue (for tests and documentation).
const std::string_view* baking_codes(std::size_t& count);

}  // namespace ecusson::baking
