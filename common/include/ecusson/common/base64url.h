// base64url (RFC 4648 §5) without padding, as JOSE uses it (RFC 7515 §2).
//
// Decoding is strict, so that one signature has one encoding: only the URL-safe alphabet,
// no padding, no whitespace, no length ≡ 1 (mod 4), and the unused low bits of the last
// character must be zero (non-canonical encodings are refused). Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "ecusson/result.h"

namespace ecusson {

/// Encodes bytes. Example: base64url_encode("\xfb\xff") == "-_8".
std::string base64url_encode(std::string_view bytes);

/// Appends the encoding of `bytes` to `out` (no temporary; for building JWS strings).
void base64url_append(std::string& out, std::string_view bytes);

/// Decodes strictly. Fails with "base64url.invalid" (where = offset of the bad character).
/// Example: base64url_decode("-_8") gives "\xfb\xff"; base64url_decode("-_9") fails.
[[nodiscard]] Result<std::string> base64url_decode(std::string_view text);

}  // namespace ecusson
