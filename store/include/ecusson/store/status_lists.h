// Bitstring status lists (W3C Bitstring Status List): one per issuer and purpose, at least
// 131,072 entries (herd privacy), stored as the raw bitstring with a version that is
// bumped on every change, and the signed list credential of the version last signed.
//
// Index allocation is atomic across threads, connections and processes: an index is handed
// out once, never twice, even if the credential that was to use it is never stored (the
// index is then simply unused). Plain value types and an interface.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ecusson/result.h"

namespace ecusson::store {

enum class StatusPurpose { revocation, suspension };

/// Spec minimum (BitstringStatusList §3.2: at least 131,072 entries).
inline constexpr std::uint64_t kMinStatusListSize = 131072;

struct StatusList {
  std::string id;  // URL of the status list credential
  std::string issuer_id;
  StatusPurpose purpose = StatusPurpose::revocation;
  std::uint64_t size = kMinStatusListSize;  // entries (1 bit each)
  std::string bits;                // size / 8 bytes, index 0 = MSB of byte 0
  std::uint64_t next_index = 0;    // first index never handed out
  std::uint64_t version = 1;       // bumped whenever `bits` change
  std::optional<std::string> signed_credential;  // the list credential as last signed
  std::uint64_t signed_version = 0;  // version `signed_credential` encodes (0: never)
  std::string updated_at;
  friend bool operator==(const StatusList&, const StatusList&) = default;
};

/// Consecutive indices [first, first + count) of one list.
struct StatusIndexRange {
  std::uint64_t first = 0;
  std::uint64_t count = 0;
  friend bool operator==(const StatusIndexRange&, const StatusIndexRange&) = default;
};

class StatusListRepository {
 public:
  virtual ~StatusListRepository() = default;

  /// Creates an empty list (all bits 0, next_index 0, version 1) of `size` entries
  /// (a multiple of 8, ≥ kMinStatusListSize). Fails with store.invalid (size),
  /// store.constraint (id exists, unknown issuer).
  [[nodiscard]] virtual Result<StatusList> create_status_list(const std::string& id,
                                                              const std::string& issuer_id,
                                                              StatusPurpose purpose,
                                                              std::uint64_t size,
                                                              const std::string& at) = 0;
  /// Fails with store.not_found.
  [[nodiscard]] virtual Result<StatusList> get_status_list(const std::string& id) = 0;
  /// An issuer's lists, oldest first.
  [[nodiscard]] virtual Result<std::vector<StatusList>> list_status_lists(
      const std::string& issuer_id) = 0;
  /// Hands out the list's next free index, atomically. Fails with store.not_found,
  /// store.status_list_full (every index given), store.busy (another writer held the
  /// store longer than the busy timeout).
  [[nodiscard]] virtual Result<std::uint64_t> allocate_status_index(
      const std::string& list_id) = 0;
  /// Hands out up to `max_count` consecutive free indices at once (bulk issuance: one
  /// update per block instead of one per credential): {first, count} with 1 ≤ count ≤
  /// max_count (fewer when the list has fewer left). Same atomicity and failures as
  /// allocate_status_index; store.invalid when max_count is 0.
  [[nodiscard]] virtual Result<StatusIndexRange> allocate_status_indices(
      const std::string& list_id, std::uint64_t max_count) = 0;
  /// Stores the signed list credential for `version`. Fails with store.not_found,
  /// store.conflict (the list changed since: `version` is not the current one; re-sign).
  [[nodiscard]] virtual Result<void> put_status_list_signature(const std::string& list_id,
                                                               std::uint64_t version,
                                                               const std::string& signed_credential,
                                                               const std::string& at) = 0;
};

std::string_view to_string(StatusPurpose p);

}  // namespace ecusson::store
