// DIDs for issuers: `did:key` (the key is the identifier; resolved locally, no network)
// and `did:web` (a DID document published at https://host[/path]/did.json).
//
// did:key (W3C CCG did:key v0.9): "did:key:" + Multikey value; Ed25519 ("z6Mk…") and
// P-256 ("zDn…") are supported. Its one verification method is "did:key:z…#z…".
// did:web: helpers to map a DID to the URL of its document and back, to build the
// document Ecusson's server publishes (keys as Multikey or JsonWebKey2020), and to read
// the keys of a fetched document. Fetching is not done here. Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/json/fwd.hpp>

#include "ecusson/crypto/key.h"
#include "ecusson/crypto/key_resolver.h"
#include "ecusson/result.h"

namespace ecusson::crypto {

/// How a verification method carries its key in a DID document.
enum class VerificationMethodFormat {
  multikey,      // {"type":"Multikey","publicKeyMultibase":"z…"} (Ed25519, P-256)
  json_web_key,  // {"type":"JsonWebKey2020","publicKeyJwk":{…}} (any; only choice for RSA)
};

/// "did:key:z6Mk…" for an Ed25519 or P-256 key. Fails with "did.unsupported_key" (RSA).
[[nodiscard]] Result<std::string> did_key(const Key& key);
/// "did:key:z…#z…": the verification method id of the key's did:key.
[[nodiscard]] Result<std::string> did_key_verification_method(const Key& key);

struct DidKeyResolution {
  std::string did;                  // "did:key:z…"
  std::string verification_method;  // "did:key:z…#z…"
  Key key;                          // public
};
/// Resolves "did:key:z…" or "did:key:z…#z…" (the fragment must repeat the key).
/// Fails with "did.invalid" (malformed, fragment mismatch) or "did.unsupported_key".
[[nodiscard]] Result<DidKeyResolution> resolve_did_key(std::string_view did_or_vm);
/// The DID document of a did:key (did-key §3.1.1: verificationMethod, authentication,
/// assertionMethod, capabilityInvocation, capabilityDelegation). Same failures.
[[nodiscard]] Result<boost::json::object> did_key_document(
    std::string_view did, VerificationMethodFormat format = VerificationMethodFormat::multikey);

/// The URL of a did:web document: "did:web:example.com" → "https://example.com/.well-known/
/// did.json"; "did:web:example.com%3A8443:issuers:1" → "https://example.com:8443/issuers/1/
/// did.json". Fails with "did.invalid" (not did:web, empty or bad host, IP literal,
/// empty path segment, "." or ".." segment).
[[nodiscard]] Result<std::string> did_web_document_url(std::string_view did);
/// The did:web for an https origin and optional path: "https://example.com:8443/a/b" →
/// "did:web:example.com%3A8443:a:b". Fails with "did.invalid" (not https, query, fragment).
[[nodiscard]] Result<std::string> did_web_from_url(std::string_view url);

/// One key the server publishes in its DID document.
struct PublishedKey {
  std::string fragment;  // "key-1" → id "<did>#key-1"
  const Key* key;        // borrowed for the call
  VerificationMethodFormat format = VerificationMethodFormat::multikey;
};
/// A DID document for `did` listing `keys` (public parts only) as verification methods,
/// each also referenced from assertionMethod and authentication. RSA keys are always
/// written as JsonWebKey2020.
boost::json::object did_document(std::string_view did, const std::vector<PublishedKey>& keys);

/// The public keys of a DID document listed under `relationship` ("assertionMethod"),
/// by reference (relative "#x" or absolute) or embedded. Understands Multikey,
/// Ed25519VerificationKey2020 (publicKeyMultibase), Ed25519VerificationKey2018
/// (publicKeyBase58), JsonWebKey2020/JsonWebKey (publicKeyJwk). Unusable methods are
/// skipped. Fails with "did.invalid" (not a DID document, `id` ≠ `expected_did`).
[[nodiscard]] Result<std::vector<ResolvedKey>> keys_from_did_document(
    const boost::json::value& document, std::string_view expected_did,
    std::string_view relationship = "assertionMethod");

}  // namespace ecusson::crypto
