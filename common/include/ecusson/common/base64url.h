// base64url (RFC 4648 §5) without padding, as JOSE uses it (RFC 7515 §2), and the one
// lenient base64 reader for data that carries no signature of its own encoding.
//
// base64url_decode() is strict, so that one signature has one encoding: only the URL-safe
// alphabet, no padding, no whitespace, no length ≡ 1 (mod 4), and the unused low bits of
// the last character must be zero (non-canonical encodings are refused).
// base64_decode_lenient() reads what other issuers publish (status lists, data: URIs, the
// payload of a baked JWS being sniffed): padding and whitespace are skipped and the unused
// low bits are ignored. Stateless; thread-safe.
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

/// The two alphabets of RFC 4648: §5 URL-safe ("-_") and §4 standard ("+/").
enum class Base64Alphabet { url, standard };

/// True when `text` is non-empty and every character is in the base64url alphabet (no
/// padding). Example: is_base64url("eyJh-_") is true; is_base64url("a=") is false.
bool is_base64url(std::string_view text);

/// Decodes leniently in `alphabet`: '=' and ASCII whitespace are skipped anywhere, the
/// unused low bits of the last character are ignored. Fails with "base64.invalid" (a
/// character outside the alphabet, where = its offset; or a length ≡ 1 mod 4).
/// Example: base64_decode_lenient("Zm9v\nYg==", Base64Alphabet::standard) gives "foob".
[[nodiscard]] Result<std::string> base64_decode_lenient(std::string_view text,
                                                        Base64Alphabet alphabet);

}  // namespace ecusson
