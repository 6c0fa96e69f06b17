// Status lists: the W3C Bitstring Status List (`BitstringStatusListEntry` →
// `BitstringStatusListCredential.credentialSubject.encodedList`) and the 1EdTech
// revocation list (`1EdTechRevocationList` → `revokedCredential[]`).
//
// These are the pure parts: decoding an encodedList (multibase 'u' + base64url of the
// GZIP-compressed bitstring) under size caps that stop a zlib bomb while inflating, reading
// the status value at statusListIndex × statusSize with the spec's bit order (index 0 is
// the left-most, most significant bit of the first byte), and looking a credential up in a
// 1EdTech list. Fetching and verifying the list credential is done by verify.cc.
// Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/json/fwd.hpp>

#include "ecusson/result.h"

namespace ecusson::credentials {

struct BitstringLimits {
  /// Largest encodedList text accepted.
  std::size_t max_encoded_bytes = 4u << 20;
  /// Largest inflated bitstring (16 MB = 134 million entries); inflating stops beyond.
  std::size_t max_decoded_bytes = 16u << 20;
  /// Spec §3.2 step 2: minimum number of entries (herd privacy).
  std::size_t min_entries = 131072;
};

/// Decodes an encodedList into the raw bitstring bytes. Padding '=' is tolerated.
/// Fails with "status.bad_encoding" (no 'u' prefix, bad base64url, not GZIP, corrupt
/// stream), "status.too_large" (encoded or inflated size above the limits).
/// Example: decode_bitstring(encode_bitstring(std::string(16384, '\0'))) → 16384 zero bytes.
[[nodiscard]] Result<std::string> decode_bitstring(std::string_view encoded_list,
                                                   const BitstringLimits& limits = {});

/// 'u' + base64url(GZIP(bits)), no padding (what an issuer publishes).
std::string encode_bitstring(std::string_view bits);

/// The status value of entry `index` with `size` bits per entry (1..32), MSB first.
/// Fails with "status.range" (index × size outside the bitstring, size 0 or > 32) and
/// "status.too_short" (fewer than `min_entries` entries of that size).
[[nodiscard]] Result<std::uint32_t> bitstring_value(std::string_view bits, std::uint64_t index,
                                                    unsigned size = 1,
                                                    std::size_t min_entries = 131072);

/// Sets entry `index` (size 1) in `bits` (issuance and tests). No-op when out of range.
void bitstring_set(std::string& bits, std::uint64_t index, bool value = true);

/// 1EdTech revocation list (VCRL-10): true when `credential_id` is listed in
/// `revokedCredential[]` with `revoked` true or absent. Fails with "status.invalid_list"
/// when the document has no `revokedCredential` array.
[[nodiscard]] Result<bool> revoked_in_1edtech_list(const boost::json::value& list,
                                                   std::string_view credential_id);

}  // namespace ecusson::credentials
