#include "ecusson/net/network_key_resolver.h"

#include <boost/json.hpp>

#include "ecusson/crypto/did.h"
#include "ecusson/crypto/jwk.h"
#include "test_http_server.h"
#include "test_fetchers.h"
#include "test_support.h"

namespace ecusson::net {

using crypto::Key;
using crypto::KeyType;
using crypto::LocalKeyResolver;
using crypto::did_key_verification_method;
using crypto::public_jwk;
using crypto::public_jwk_json;
namespace {

using test::TestHttpServer;
namespace json = boost::json;

FetchOptions local() {
  FetchOptions o;
  o.allow_private_network = true;
  return o;
}

std::string jwks_with(const Key& key, const std::string& kid, const std::string& iss = {}) {
  json::object jwk = public_jwk(key);
  if (!kid.empty()) jwk["kid"] = kid;
  if (!iss.empty()) jwk["iss"] = iss;
  return json::serialize(json::object{{"keys", json::array{jwk}}});
}

TEST(network_key_resolver, jwks_url_is_at_the_authority) {
  EXPECT_EQ(jwks_url_for("https://issuer.example:8443/a/b?c#d").value(),
            "https://issuer.example:8443/.well-known/jwks.json");
  EXPECT_ERROR(jwks_url_for("did:web:issuer.example"), "key.resolution");
  EXPECT_ERROR(jwks_url_for("ftp://x/y"), "key.resolution");
}

TEST(network_key_resolver, resolves_kid_from_well_known_jwks_and_caches) {
  TestHttpServer server;
  auto key = Key::generate(KeyType::p256).value();
  std::string kid = server.url("/issuer#key-1");
  server.add("/.well-known/jwks.json", {200, "application/jwk-set+json", jwks_with(key, kid)});
  HttpFetcher http;
  LocalKeyResolver offline;
  NetworkKeyResolver keys(http, offline, local());
  auto k = keys.resolve(kid);
  ASSERT_OK(k);
  EXPECT_TRUE(k->key.same_public(key));
  EXPECT_EQ(k->controller, server.url("/issuer"));
  auto issuer_keys = keys.issuer_keys(server.url("/issuer"));
  ASSERT_OK(issuer_keys);
  EXPECT_EQ(issuer_keys->size(), 1u);
  EXPECT_EQ(server.hits("/.well-known/jwks.json"), 1);
  EXPECT_EQ(keys.fetch_count(), 1);
}

TEST(network_key_resolver, jwk_iss_of_another_issuer_is_not_the_issuers_key) {
  TestHttpServer server;
  auto key = Key::generate(KeyType::ed25519).value();
  server.add("/.well-known/jwks.json",
             {200, "application/json", jwks_with(key, "k1", "https://someone.else/")});
  HttpFetcher http;
  LocalKeyResolver offline;
  NetworkKeyResolver keys(http, offline, local());
  EXPECT_ERROR(keys.issuer_keys(server.url("/issuer")), "key.resolution");
}

TEST(network_key_resolver, key_url_may_be_a_jwk_itself) {
  TestHttpServer server;
  auto key = Key::generate(KeyType::ed25519).value();
  server.add("/.well-known/jwks.json", {200, "application/json", R"({"keys":[]})"});
  server.add("/keys/1", {200, "application/json", public_jwk_json(key)});
  HttpFetcher http;
  LocalKeyResolver offline;
  NetworkKeyResolver keys(http, offline, local());
  auto k = keys.resolve(server.url("/keys/1"));
  ASSERT_OK(k);
  EXPECT_TRUE(k->key.same_public(key));
}

TEST(network_key_resolver, failures_are_cached_and_reported_as_key_resolution) {
  TestHttpServer server;
  HttpFetcher http;
  LocalKeyResolver offline;
  NetworkKeyResolver keys(http, offline, local());
  EXPECT_ERROR(keys.issuer_keys(server.url("/issuer")), "key.resolution");
  EXPECT_ERROR(keys.issuer_keys(server.url("/issuer")), "key.resolution");
  EXPECT_EQ(server.hits("/.well-known/jwks.json"), 1);
}

TEST(network_key_resolver, refuses_private_hosts_through_the_fetch_policy) {
  TestHttpServer server;
  auto key = Key::generate(KeyType::ed25519).value();
  server.add("/.well-known/jwks.json", {200, "application/json", jwks_with(key, "k")});
  HttpFetcher http;
  LocalKeyResolver offline;
  NetworkKeyResolver keys(http, offline, FetchOptions{});
  auto r = keys.issuer_keys(server.url("/issuer"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "key.resolution");
  EXPECT_NE(r.error().message.find("fetch.private_address"), std::string::npos);
  EXPECT_EQ(server.hits("/.well-known/jwks.json"), 0);
}

TEST(network_key_resolver, did_key_is_resolved_without_network) {
  testing::OfflineFetcher net;
  LocalKeyResolver offline;
  NetworkKeyResolver keys(net, offline);
  auto key = Key::generate(KeyType::ed25519).value();
  auto k = keys.resolve(did_key_verification_method(key).value());
  ASSERT_OK(k);
  EXPECT_TRUE(k->key.same_public(key));
  EXPECT_TRUE(net.urls.empty());
}

TEST(network_key_resolver, did_web_maps_to_https_document_url) {
  testing::OfflineFetcher net;
  LocalKeyResolver offline;
  NetworkKeyResolver keys(net, offline);
  EXPECT_ERROR(keys.resolve("did:web:issuer.example#key-1"), "key.resolution");
  EXPECT_ERROR(keys.issuer_keys("did:web:issuer.example%3A8443:org:7"), "key.resolution");
  ASSERT_EQ(net.urls.size(), 2u);
  EXPECT_EQ(net.urls[0], "https://issuer.example/.well-known/did.json");
  EXPECT_EQ(net.urls[1], "https://issuer.example:8443/org/7/did.json");
}

TEST(network_key_resolver, unknown_did_method_is_unsupported) {
  testing::OfflineFetcher net;
  LocalKeyResolver offline;
  NetworkKeyResolver keys(net, offline);
  EXPECT_ERROR(keys.resolve("did:example:123#k"), "key.unsupported_method");
  EXPECT_TRUE(net.urls.empty());
}

}  // namespace
}  // namespace ecusson::net
