// In-memory Fetcher for OB 2.0 tests: a map from URL to response, with a log of the
// requests made (URL and Accept header) so tests can assert how many fetches happened.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "ecusson/net/http_fetcher.h"

namespace ecusson::test {

class MapFetcher : public net::Fetcher {
 public:
  void add(const std::string& url, std::string body, int status = 200,
           std::string content_type = "application/ld+json") {
    net::FetchResponse r;
    r.status = status;
    r.body = std::move(body);
    r.content_type = std::move(content_type);
    r.final_url = url;
    routes_[url] = std::move(r);
  }
  void add_json(const std::string& url, const boost::json::object& o, int status = 200) {
    add(url, boost::json::serialize(o), status);
  }
  void remove(const std::string& url) { routes_.erase(url); }

  Result<net::FetchResponse> fetch(std::string_view url,
                                      const net::FetchOptions& options) override {
    requests.emplace_back(url);
    accepts.push_back(options.accept);
    auto it = routes_.find(std::string(url));
    if (it == routes_.end()) {
      if (options.return_error_status) {
        net::FetchResponse r;
        r.status = 404;
        r.final_url = std::string(url);
        return r;
      }
      return fail("fetch.http_status", "HTTP 404", std::string(url));
    }
    if (it->second.body.size() > options.max_body_bytes)
      return fail("fetch.too_large", "too large", std::string(url));
    return it->second;
  }

  std::vector<std::string> requests;
  std::vector<std::string> accepts;

 private:
  std::map<std::string, net::FetchResponse> routes_;
};

}  // namespace ecusson::test
