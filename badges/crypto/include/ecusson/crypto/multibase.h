// base58btc, multibase and Multikey: the text forms of keys and signatures in Data
// Integrity proofs and did:key identifiers.
//
// - base58btc: Bitcoin alphabet, leading zero bytes as leading '1's.
// - multibase: a one-character prefix naming the base; 'z' = base58btc, 'u' = base64url
//   (no padding). Other prefixes are refused.
// - Multikey (W3C Controlled Identifiers §2.2.2): publicKeyMultibase =
//   'z' + base58btc(multicodec varint ‖ raw key). Public: 0xed 0x01 (ed25519-pub, 32
//   bytes, "z6Mk…") and 0x80 0x24 (p256-pub, 33-byte compressed point, "zDn…"). Secret:
//   0x80 0x26 (ed25519-priv) followed by the 32-byte seed.
// Decoders cap their input (base58 decoding is quadratic). Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "ecusson/crypto/key.h"
#include "ecusson/result.h"

namespace ecusson::crypto {

/// Longest base58 text accepted by base58btc_decode() (a 1 KiB value is ~1.4 kB).
inline constexpr std::size_t kMaxBase58Chars = 4096;

/// Example: base58btc_encode("hello world") == "StV1DL6CwTryKyV".
std::string base58btc_encode(std::string_view bytes);
/// Fails with "multibase.invalid" (bad character, where = offset) or when longer than
/// kMaxBase58Chars.
[[nodiscard]] Result<std::string> base58btc_decode(std::string_view text);

/// 'z' + base58btc(bytes).
std::string multibase_base58btc(std::string_view bytes);
/// Decodes a 'z' (base58btc) or 'u' (base64url) multibase value. Fails with
/// "multibase.invalid" or "multibase.unsupported" (another prefix).
[[nodiscard]] Result<std::string> multibase_decode(std::string_view text);

/// The Multikey publicKeyMultibase of a key's public part: "z6Mk…" (Ed25519) or "zDn…"
/// (P-256). Fails with "multikey.unsupported" for RSA or an empty key.
[[nodiscard]] Result<std::string> multikey_encode(const Key& key);
/// A public key from a publicKeyMultibase value. Fails with "multibase.invalid",
/// "multikey.unsupported" (another multicodec), "multikey.invalid" (bad length or point).
[[nodiscard]] Result<Key> multikey_decode(std::string_view public_key_multibase);
/// The Multikey secretKeyMultibase of an Ed25519 private key ('z' + 0x80 0x26 ‖ seed).
[[nodiscard]] Result<std::string> multikey_encode_secret(const Key& key);
/// A private key from a secretKeyMultibase value (ed25519-priv: 0x80 0x26 ‖ 32-byte seed;
/// a 64-byte seed ‖ public value is accepted when the public half matches the seed).
[[nodiscard]] Result<Key> multikey_decode_secret(std::string_view secret_key_multibase);

}  // namespace ecusson::crypto
