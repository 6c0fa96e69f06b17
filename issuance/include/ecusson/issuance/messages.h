// The issuance message catalogue: every Error code of ecusson::issuance with its French and
// English text, in one place (style C6).
//
// Codes are stable dotted strings ("issuance.bad_base_url", "issuance.key_mode") that the
// CLI, the server and scripts may test; texts may improve. Texts have numbered placeholders
// {1}, {2}… filled in order. Immutable static data; thread-safe.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "ecusson/error.h"
#include "ecusson/common/message_catalogue.h"
#include "ecusson/lang.h"

namespace ecusson::issuance {

using MessageEntry = ecusson::MessageEntry;  // ecusson/common/message_catalogue.h

/// All codes, sorted by code.
std::span<const MessageEntry> message_catalogue();

/// The text for `code` in `lang` with {1}, {2}… replaced by `args`. An unknown code gives
/// the code followed by its arguments (a bug, caught by the catalogue test).
/// Example: message("issuance.key_mode", Lang::en, {"var/keys/ob2-rsa.pem", "0644"})
std::string message(std::string_view code, Lang lang,
                    std::initializer_list<std::string_view> args = {});

/// An Error with that code, `where`, and the message in `lang`.
/// Example: make_error("issuance.foreign_dir", "var", Lang::fr, {"var"})
Error make_error(std::string_view code, std::string where, Lang lang,
                 std::initializer_list<std::string_view> args = {});

}  // namespace ecusson::issuance
