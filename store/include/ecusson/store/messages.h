// The store's message catalogue: every Error code of ecusson::store with its French and
// English text, in one place (style C6).
//
// Codes are stable dotted strings ("store.busy", "store.not_found") that callers, the CLI
// and the JSON API may test; the texts may improve. Every backend (SQLite today,
// PostgreSQL later) maps its own failures onto these codes, so callers never see a
// backend's numbers. Texts have numbered placeholders {1}, {2}… filled in order.
// Immutable static data; thread-safe.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "ecusson/error.h"
#include "ecusson/common/message_catalogue.h"
#include "ecusson/lang.h"

namespace ecusson::store {

using MessageEntry = ecusson::MessageEntry;  // ecusson/common/message_catalogue.h

/// All codes, sorted by code.
std::span<const MessageEntry> message_catalogue();

/// The text for `code` in `lang` with {1}, {2}… replaced by `args`. An unknown code gives
/// the code followed by the arguments (a bug, caught by the catalogue test).
/// Example: message("store.readonly", Lang::en, {"var/ecusson.db"})
///   == "the database var/ecusson.db is read-only: nothing can be written"
std::string message(std::string_view code, Lang lang,
                    std::initializer_list<std::string_view> args = {});

/// An Error with that code and the French message (users are French; style C6).
/// Example: make_error("store.not_found", "credential urn:uuid:…", {"credential", "urn:uuid:…"})
Error make_error(std::string_view code, std::string where,
                 std::initializer_list<std::string_view> args = {});

}  // namespace ecusson::store
