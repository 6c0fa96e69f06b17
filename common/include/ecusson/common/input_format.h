// Input-format sniffing primitives: what a piece of text looks like (a compact JWS, an
// http(s) URL) before anything is decoded. The verification pipeline (verify.h), the
// OB 2.0 verifier, baking (baked payload forms) and VC-JWT all sniff through these, so
// "is this a JWS?" has one answer everywhere. Purely lexical, no allocation, no
// decoding; stateless and thread-safe.
#pragma once

#include <string_view>

namespace ecusson {

/// `text` without surrounding ASCII whitespace and without a leading UTF-8 BOM
/// (files end with a newline; editors add a BOM). Example: trim_input(" a\n") == "a".
std::string_view trim_input(std::string_view text);

/// True when trim_input(text) has the shape of a JWS compact serialization: three parts
/// separated by exactly two dots, header and payload non-empty, every other character of
/// the base64url alphabet (no padding). The signature part may be empty (alg "none"
/// tokens are recognised, then refused by the verifier).
/// Example: looks_like_compact_jws("eyJhbGciOiJFZERTQSJ9.e30.AAAA\n") == true.
bool looks_like_compact_jws(std::string_view text);

/// True when `text` starts with "http://" or "https://", has something after the scheme
/// and holds no whitespace, control character, quote or angle bracket.
/// Example: looks_like_http_url("https://issuer.example/badge/1") == true.
bool looks_like_http_url(std::string_view text);

}  // namespace ecusson
