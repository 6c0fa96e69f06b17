// The assessment message catalogue: every Error and warning code of ecusson::assessment
// with its French and English text, in one place (style C6).
//
// Codes are stable dotted strings ("grid.duplicate_id") used by the CLI, the JSON reports
// and the API; the texts may improve. Texts have numbered placeholders {1}, {2}… filled in
// order. A test checks that every code has both texts and that placeholders match.
// Immutable static data; thread-safe.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "ecusson/error.h"
#include "ecusson/common/message_catalogue.h"
#include "ecusson/lang.h"

namespace ecusson::assessment {

using MessageEntry = ecusson::MessageEntry;  // ecusson/common/message_catalogue.h

/// All codes, sorted by code.
std::span<const MessageEntry> message_catalogue();

/// The text for `code` in `lang` with {1}, {2}… replaced by `args`. An unknown code gives
/// the code itself followed by the arguments (a bug, caught by the catalogue test).
/// Example: message("xml.empty", Lang::en, {}) == "the file is empty"
std::string message(std::string_view code, Lang lang,
                    std::initializer_list<std::string_view> args = {});

/// An Error with that code, message and location.
Error make_error(std::string_view code, Lang lang, std::string where,
                 std::initializer_list<std::string_view> args = {});

}  // namespace ecusson::assessment
