// Issuer set-up (`ecusson init`): a data directory holding the store, the issuer's signing
// keys and the documents its server publishes.
//
// Layout of the data directory DIR (created when missing):
//   DIR/ecusson.db                 the store (issuer profile, key references, audit log)
//   DIR/keys/ (0700)               ob3-ed25519.pem (OB 3.0, Data Integrity and VC-JWT)
//                                  ob2-rsa.pem (OB 2.0 signed, RS256); both mode 0600
//   DIR/public/                    the origin root of the base URL, served as is:
//     .well-known/jwks.json        both public keys (kid = the key ids of the store)
//     <path>/did.json or .well-known/did.json   did:web only: the DID document
//     <path>/ob2/issuer.json, keys/1.json, revocations.json
//                                  OB 2.0 issuer profile, key, revocation list (when the
//                                  profile has a url and an e-mail, as OB 2.0 requires)
// The OB 3.0 issuer is the Ed25519 key's did:key, unless the base URL is https: then it is
// did:web for the base URL (path segments become ":" segments; the key is "<did>#key-1",
// a Multikey in assertionMethod). The store records key paths relative to DIR.
//
// Never overwriting a key: existing key files are reused (after a mode and a consistency
// check) and new ones are created with O_EXCL; a key the store names but whose file is
// missing is an error, never a reason to generate another. Running init again on an
// initialised directory changes nothing but the profile fields given (each change in the
// audit log) and re-derives the public documents (revocations.json is never rewritten).
// The base URL, hence the issuer id, cannot change once set.
//
// Thread-safety: a free function; two concurrent inits on one directory cannot both create
// a key (O_EXCL), but the loser fails: run it once.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ecusson/lang.h"
#include "ecusson/result.h"

namespace ecusson::issuance {

/// What `ecusson init` was asked. Unset profile fields keep their stored value (or the
/// default on a fresh directory).
struct InitOptions {
  std::filesystem::path dir = "var";
  std::optional<std::string> issuer_name;  // default on a fresh directory: kDefaultIssuerName
  std::optional<std::string> issuer_url;   // the organisation's site, http(s)
  std::optional<std::string> email;        // contact
  std::optional<std::string> base_url;     // default kDefaultBaseUrl (base_url.h)
  std::string actor = "system:init";       // who, in the audit log
  Lang lang = Lang::fr;                    // language of Error messages
};

inline constexpr std::string_view kDefaultIssuerName = "Émetteur Ecusson";

/// How the call left the directory.
enum class InitOutcome {
  created,    // fresh: store and both keys created
  completed,  // half-initialised directory completed (an existing key reused or recorded)
  updated,    // already initialised; profile fields changed
  unchanged,  // already initialised; nothing changed
};
/// "created" | "completed" | "updated" | "unchanged".
const char* to_string(InitOutcome o);

struct InitKey {
  std::string role;       // "ob3" (Ed25519) or "ob2" (RSA)
  std::string id;         // verification method / key id recorded in the store
  std::string algorithm;  // "Ed25519" or "RS256"
  std::filesystem::path path;  // DIR/keys/…
  std::string public_jwk;      // compact JSON
  bool generated = false;      // created by this call
};

struct InitReport {
  InitOutcome outcome = InitOutcome::unchanged;
  std::filesystem::path dir;
  std::filesystem::path store_path;
  std::string issuer_id;  // the OB 3.0 issuer: did:key:… or did:web:…
  std::string did_method; // "key" or "web"
  std::string name, url, email;
  std::string base_url;
  std::string did_document_url;  // did:web only
  std::string jwks_url;
  std::string ob2_issuer_url;    // empty when the OB 2.0 profile is not published
  std::vector<InitKey> keys;     // ob3 then ob2
  std::vector<std::string> updated_fields;            // "name", "url", "email"
  std::vector<std::filesystem::path> published;       // files (re)written under public/
  std::vector<std::string> notes;                     // advice, in the options' language
};

/// Sets up (or checks, or completes) the data directory options.dir; see the header comment.
/// Fails, with a message in options.lang, with:
///   issuance.bad_base_url, issuance.insecure_base_url (parse_base_url);
///   issuance.bad_option (empty name, url not http(s), e-mail without "@");
///   issuance.not_a_directory (DIR or DIR/keys is a file);
///   issuance.foreign_dir (DIR holds files that are not Ecusson's and no store or keys);
///   issuance.base_url_changed (DIR is initialised for another base URL);
///   issuance.several_issuers (the store holds more than one issuer);
///   issuance.key_mode (a key file is readable by group or others: never used);
///   issuance.key_not_file (a key path is a symlink or not a regular file);
///   issuance.key_unreadable (a key file cannot be read or is not the expected type);
///   issuance.key_missing (the store names a key whose file is gone: nothing generated);
///   issuance.key_mismatch (a key file differs from the key the store names);
///   issuance.write (a folder or file cannot be created, e.g. read-only directory);
///   issuance.store (the store cannot be opened or written; the store's error in `where`).
/// On failure nothing already existing is changed; keys created before the failure stay
/// (the next run reuses them).
/// Example:
///   auto r = init_issuer({.dir = "var", .issuer_name = "Mission Locale",
///                         .base_url = "https://badges.example.fr"});
///   if (r) std::cout << r->issuer_id;  // "did:web:badges.example.fr"
[[nodiscard]] Result<InitReport> init_issuer(const InitOptions& options);

}  // namespace ecusson::issuance
