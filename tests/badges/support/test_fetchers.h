// Fetchers that fake the outside world for tests of the net layer and above: a network
// where no host answers, and one that routes URL prefixes to a loopback test server.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecusson/net/http_fetcher.h"

namespace ecusson::testing {

using net::FetchOptions;
using net::FetchResponse;
using net::Fetcher;
using net::HttpFetcher;

/// A network where no host answers: every fetch fails as DNS would offline. Counts calls.
class OfflineFetcher final : public Fetcher {
 public:
  Result<FetchResponse> fetch(std::string_view url, const FetchOptions&) override {
    urls.emplace_back(url);
    return fail("fetch.dns", "hôte injoignable (test hors ligne)", std::string(url));
  }
  std::vector<std::string> urls;
};

/// Rewrites URL prefixes (e.g. "https://raw.githubusercontent.com/…/") to a local test
/// server and fetches through a real HttpFetcher with the private network allowed.
/// URLs matching no prefix are refused as offline.
class RoutingFetcher final : public Fetcher {
 public:
  void route(std::string prefix, std::string replacement) {
    routes_.emplace_back(std::move(prefix), std::move(replacement));
  }
  Result<FetchResponse> fetch(std::string_view url, const FetchOptions& options) override {
    for (const auto& [prefix, replacement] : routes_) {
      if (url.starts_with(prefix)) {
        FetchOptions o = options;
        o.allow_private_network = true;
        std::string target = replacement + std::string(url.substr(prefix.size()));
        return http_.fetch(target, o);
      }
    }
    return fail("fetch.dns", "hôte injoignable (test hors ligne)", std::string(url));
  }

 private:
  std::vector<std::pair<std::string, std::string>> routes_;
  HttpFetcher http_;
};

}  // namespace ecusson::testing
