// An issuer ready to sign: the data directory made by `ecusson init`, opened.
//
// open_data_dir() opens DIR/ecusson.db, reads the one issuer profile and its key
// references, loads both private keys through the same checks as init (regular file, mode
// 0600, the key the store names), and makes sure the issuer has its Bitstring status list
// for revocation (131,072 entries; a full list is followed by the next one). Everything an award needs that does not change while issuing is gathered in
// `Issuer`, a read-only value that signing threads share.
//
// Where documents live: a URL under the base URL maps to a file under DIR/public with the
// same path (public_file), so that `public/` can be served as it is, by `ecusson serve`
// or by any static web server.
//
// Thread-safety: an Issuer is immutable once opened and may be shared by threads (its keys
// sign concurrently: OpenSSL EVP keys are safe for concurrent use). The Store is not: one
// per thread (open_store_for opens another connection on the same file).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "ecusson/crypto/key.h"
#include "ecusson/issuance/base_url.h"
#include "ecusson/lang.h"
#include "ecusson/result.h"
#include "ecusson/store/store.h"

namespace ecusson::issuance {

struct Issuer {
  std::filesystem::path dir;      // the data directory
  store::IssuerProfile profile;   // id (did:key/did:web), name, url, email, base_url
  BaseUrl base;                   // profile.base_url, parsed
  crypto::Key ob3_key;            // Ed25519: Data Integrity and VC-JWT
  std::string ob3_method;         // verification method id ("did:key:z…#z…", "did:web:…#key-1")
  crypto::Key ob2_key;            // RSA: OB 2.0 signed assertions (RS256)
  std::string ob2_key_id;         // "<base>/ob2/keys/1.json"
  /// OB 2.0 is issued too (hosted and signed) when the profile has a url and an e-mail,
  /// as OB 2.0 requires of an issuer (init publishes its profile then).
  bool ob2_enabled = false;

  /// The file under DIR/public that serves `url` (a URL under the base URL); empty when
  /// `url` is not under it.
  /// Example: public_file("http://127.0.0.1:8080/status/revocation-1.json")
  ///   == "var/public/status/revocation-1.json"
  std::filesystem::path public_file(std::string_view url) const;
};

/// The id of the issuer's n-th status list of a purpose:
/// "<base>/status/revocation-<n>.json", "<base>/status/suspension-<n>.json".
std::string status_list_url(const Issuer& issuer, store::StatusPurpose purpose, int n);

/// A data directory opened for issuing.
struct DataDir {
  std::unique_ptr<store::Store> store;
  std::shared_ptr<const Issuer> issuer;
};

struct OpenOptions {
  std::filesystem::path dir = "var";
  /// Open the store read-only (listing, showing): no status list is created, nothing
  /// written.
  bool read_only = false;
  Lang lang = Lang::fr;
};

/// Opens `options.dir` (see the header comment). Fails with issuance.not_initialised (no
/// store or no issuer: run `ecusson init`), issuance.several_issuers, issuance.store (the
/// store cannot be opened or written: read-only file, schema too new…), and the key
/// errors of init (issuance.key_missing, key_mode, key_not_file, key_unreadable,
/// key_mismatch). Nothing is written on failure.
/// Example: auto d = open_data_dir({.dir = "var"}); d->issuer->profile.id
[[nodiscard]] Result<DataDir> open_data_dir(const OpenOptions& options);

/// Another connection to the store of an opened data directory (one per thread).
[[nodiscard]] Result<std::unique_ptr<store::Store>> open_store_for(const Issuer& issuer,
                                                                   Lang lang = Lang::fr);

/// The issuer's current (newest) status list of `purpose`, creating the next one when the
/// newest is full or none exists. Fails with the store's errors (as issuance.store).
[[nodiscard]] Result<store::StatusList> current_status_list(store::Store& store,
                                                            const Issuer& issuer,
                                                            store::StatusPurpose purpose,
                                                            Lang lang = Lang::fr);

/// Hands out a fresh index in the issuer's current list of `purpose` (moving on to a new
/// list when it is full). An index handed out is never handed out again, even when the
/// credential that was to use it is never stored.
[[nodiscard]] Result<store::StatusEntry> allocate_status_entry(store::Store& store,
                                                               const Issuer& issuer,
                                                               store::StatusPurpose purpose,
                                                               Lang lang = Lang::fr);

/// Status entries for many awards (bulk issuance): indices come from the store in blocks,
/// one update per block instead of one per credential. Indices of a block left unused
/// (the run stops) simply stay unused, as the store allows. When a transaction that took
/// a block rolls back, discard the allocator: its block was given back. Not thread-safe.
class StatusAllocator {
 public:
  explicit StatusAllocator(const Issuer& issuer, std::uint64_t block = 256, Lang lang = Lang::fr)
      : issuer_(issuer), block_(block ? block : 1), lang_(lang) {}
  /// The next entry of `purpose`. Fails like allocate_status_entry.
  [[nodiscard]] Result<store::StatusEntry> next(store::Store& store, store::StatusPurpose purpose);

 private:
  struct Block {
    std::string list_id;
    std::uint64_t next = 0, end = 0;
  };
  const Issuer& issuer_;
  std::uint64_t block_;
  Lang lang_;
  Block blocks_[2];
};

/// Wraps a store error for people: issuance.store naming the database file.
Error store_failure(const Issuer& issuer, const Error& e, Lang lang);

}  // namespace ecusson::issuance
