// NetworkKeyResolver: a KeyResolver that fetches issuer keys over the network, through a
// Fetcher and therefore through the outbound policy of design §3 (HTTPS, SSRF checks,
// timeouts, size limits).
//
//  - did:key: resolved locally (delegated to the `local` resolver).
//  - did:web: the DID document at https://host/.well-known/did.json, or
//    https://host/path/did.json (did:web method spec §3.2); keys listed under
//    `assertionMethod`; controller = the DID.
//  - http(s) issuer ids and key URLs: the JWK Set at <scheme>://<authority>/.well-known/
//    jwks.json (design §3, OB 3.0 impl. guide "key provenance"); a JWK whose `iss` member
//    differs from the issuer id is not the issuer's. A key URL not found in the set is
//    fetched itself (a JWK, or a JWK Set).
//
// Every fetched document is cached for the lifetime of the resolver (one verification
// run: a credential and its status list share the fetches), failures included, so a URL
// is fetched at most once. The fetcher and the local resolver are borrowed and must
// outlive this object. Not thread-safe (the cache is unsynchronised): use one per run.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/fwd.hpp>

#include "ecusson/net/http_fetcher.h"
#include "ecusson/crypto/key_resolver.h"
#include "ecusson/result.h"

namespace ecusson::net {

class NetworkKeyResolver final : public crypto::KeyResolver {
 public:
  /// `fetch` carries the policy (allow_private_network, limits); its `accept` is replaced
  /// per request (JWK Set / DID document media types). `local` handles did:key and keys
  /// registered locally; it is consulted first.
  NetworkKeyResolver(Fetcher& fetcher, crypto::KeyResolver& local, FetchOptions fetch = {});
  ~NetworkKeyResolver() override;
  NetworkKeyResolver(const NetworkKeyResolver&) = delete;
  NetworkKeyResolver& operator=(const NetworkKeyResolver&) = delete;

  /// Failures: "key.resolution" (unreachable document, key absent, malformed document;
  /// the message names the URL and the fetch error), "key.unsupported_method" (a DID
  /// method or URL scheme other than did:key, did:web, http(s)).
  Result<crypto::ResolvedKey> resolve(std::string_view verification_method_or_kid) override;
  Result<std::vector<crypto::ResolvedKey>> issuer_keys(std::string_view issuer_id) override;

  /// How many network fetches were made (tests: the cache works).
  int fetch_count() const { return fetches_; }

 private:
  Result<const boost::json::value*> fetch_json(const std::string& url, std::string_view accept);
  Result<std::vector<crypto::ResolvedKey>> did_web_keys(std::string_view did);
  Result<std::vector<crypto::ResolvedKey>> jwks_keys(std::string_view url_or_issuer,
                                             std::string_view controller);

  Fetcher& fetcher_;
  crypto::KeyResolver& local_;
  FetchOptions fetch_;
  struct Cached;
  std::map<std::string, std::unique_ptr<Cached>, std::less<>> cache_;
  int fetches_ = 0;
};

/// <scheme>://<authority>/.well-known/jwks.json for an http(s) URL. Fails with
/// "key.resolution" when `url` is not an absolute http(s) URL.
[[nodiscard]] Result<std::string> jwks_url_for(std::string_view url);

}  // namespace ecusson::net
