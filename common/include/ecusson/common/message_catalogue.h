// Message catalogues: each module keeps its stable error codes with a French and an English
// text (style C6) in a static table sorted by code; this is the one lookup and the one
// "{1}, {2}…" substitution they share. Static data and pure functions; thread-safe.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "ecusson/lang.h"

namespace ecusson {

struct MessageEntry {
  std::string_view code;
  std::string_view fr;
  std::string_view en;
};

/// The text of `code` in `catalogue` (sorted by code) in `lang`, with {1}, {2}… replaced by
/// `args` (a missing argument leaves nothing). An unknown code gives the code followed by
/// the arguments, so a forgotten entry still says something (each module's catalogue test
/// catches it).
/// Example: format_message(kCatalogue, "store.readonly", Lang::en, {"var/ecusson.db"})
std::string format_message(std::span<const MessageEntry> catalogue, std::string_view code,
                           Lang lang, std::initializer_list<std::string_view> args);

}  // namespace ecusson
