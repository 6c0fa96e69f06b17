#include "ecusson/net/network_key_resolver.h"

#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include "ecusson/crypto/did.h"
#include "ecusson/crypto/jwk.h"
#include "ecusson/common/strict_json.h"

namespace ecusson::net {

using crypto::KeyResolver;
using crypto::ResolvedKey;
using crypto::did_web_document_url;
using crypto::key_from_jwk;
using crypto::keys_from_did_document;
using crypto::keys_from_jwk_set;

namespace json = boost::json;

struct NetworkKeyResolver::Cached {
  bool ok = false;
  Error error;
  json::value doc;
};

namespace {

constexpr std::string_view kJwksAccept = "application/jwk-set+json, application/json";
constexpr std::string_view kDidAccept =
    "application/did+ld+json, application/did+json, application/ld+json, application/json";

std::string_view without_fragment(std::string_view s) { return s.substr(0, s.find('#')); }
std::string_view fragment_of(std::string_view s) {
  auto p = s.find('#');
  return p == std::string_view::npos ? std::string_view{} : s.substr(p + 1);
}
bool is_http_url(std::string_view s) {
  return s.starts_with("https://") || s.starts_with("http://");
}

// The keys of a JWK Set, each with controller = its `iss` member if present, else
// `default_controller`. Unusable entries are skipped (keys_from_jwk_set's rules).
Result<std::vector<ResolvedKey>> jwks_with_iss(const json::value& set,
                                               std::string_view default_controller) {
  const auto* obj = set.if_object();
  const json::value* keys = obj ? obj->if_contains("keys") : nullptr;
  if (!keys || !keys->is_array())
    return fail("key.resolution", "ensemble de clés JWK invalide (pas de tableau « keys »)");
  std::vector<ResolvedKey> out;
  for (const auto& entry : keys->get_array()) {
    std::string controller(default_controller);
    if (const auto* e = entry.if_object()) {
      if (const auto* iss = e->if_contains("iss"); iss && iss->is_string())
        controller = std::string(iss->get_string());
    }
    json::object one;
    one["keys"] = json::array{entry};
    auto ks = keys_from_jwk_set(one, controller);
    if (!ks) continue;
    for (auto& k : *ks) out.push_back(std::move(k));
  }
  return out;
}

}  // namespace

Result<std::string> jwks_url_for(std::string_view url) {
  auto u = boost::urls::parse_uri(url);
  if (!u || (u->scheme() != "https" && u->scheme() != "http") || !u->has_authority() ||
      u->encoded_host().empty())
    return fail("key.resolution", "identifiant d'émetteur non HTTP(S) : " + std::string(url),
                std::string(url));
  return std::string(u->scheme()) + "://" + std::string(u->encoded_authority()) +
         "/.well-known/jwks.json";
}

NetworkKeyResolver::NetworkKeyResolver(Fetcher& fetcher, KeyResolver& local, FetchOptions fetch)
    : fetcher_(fetcher), local_(local), fetch_(std::move(fetch)) {}
NetworkKeyResolver::~NetworkKeyResolver() = default;

Result<const json::value*> NetworkKeyResolver::fetch_json(const std::string& url,
                                                          std::string_view accept) {
  auto it = cache_.find(url);
  if (it == cache_.end()) {
    auto entry = std::make_unique<Cached>();
    FetchOptions opts = fetch_;
    opts.accept = std::string(accept);
    ++fetches_;
    auto r = fetcher_.fetch(url, opts);
    if (!r) {
      entry->error = fail("key.resolution",
                          "document de clés inaccessible (" + url + ") : " + r.error().message +
                              " [" + r.error().code + "]",
                          url);
    } else {
      JsonLimits limits;
      limits.max_bytes = opts.max_body_bytes;
      auto doc = parse_json_strict(r->body, limits);
      if (!doc) {
        entry->error = fail("key.resolution",
                            "document de clés illisible (" + url + ") : " + doc.error().message, url);
      } else {
        entry->ok = true;
        entry->doc = std::move(*doc);
      }
    }
    it = cache_.emplace(url, std::move(entry)).first;
  }
  if (!it->second->ok) return it->second->error;
  return &it->second->doc;
}

Result<std::vector<ResolvedKey>> NetworkKeyResolver::did_web_keys(std::string_view did) {
  auto url = did_web_document_url(did);
  if (!url) return fail("key.resolution", url.error().message, std::string(did));
  auto doc = fetch_json(*url, kDidAccept);
  if (!doc) return doc.error();
  auto keys = keys_from_did_document(**doc, did, "assertionMethod");
  if (!keys) return fail("key.resolution", keys.error().message, *url);
  return keys;
}

Result<std::vector<ResolvedKey>> NetworkKeyResolver::jwks_keys(std::string_view url_or_issuer,
                                                               std::string_view controller) {
  auto url = jwks_url_for(url_or_issuer);
  if (!url) return url.error();
  auto doc = fetch_json(*url, kJwksAccept);
  if (!doc) return doc.error();
  auto keys = jwks_with_iss(**doc, controller);
  if (!keys) return fail("key.resolution", keys.error().message, *url);
  return keys;
}

Result<ResolvedKey> NetworkKeyResolver::resolve(std::string_view vm) {
  auto local = local_.resolve(vm);
  if (local) return local;
  if (local.error().code != "key.unsupported_method") return local.error();

  std::string_view base = without_fragment(vm);
  std::string_view frag = fragment_of(vm);
  if (vm.starts_with("did:web:")) {
    auto keys = did_web_keys(base);
    if (!keys) return keys.error();
    for (auto& k : *keys)
      if (k.id == vm || (!frag.empty() && fragment_of(k.id) == frag)) return std::move(k);
    if (frag.empty() && keys->size() == 1) return std::move(keys->front());
    return fail("key.resolution",
                "clé « " + std::string(vm) + " » absente du document DID (assertionMethod)",
                std::string(vm));
  }
  if (is_http_url(vm)) {
    std::string controller(base);
    auto keys = jwks_keys(vm, controller);
    if (keys) {
      for (auto& k : *keys)
        if (k.id == vm || (!frag.empty() && k.id == frag)) return std::move(k);
    }
    // Not in the authority's set: the key URL may itself be a JWK or a JWK Set.
    auto doc = fetch_json(std::string(base), kJwksAccept);
    if (doc) {
      const auto* obj = (*doc)->if_object();
      if (obj && obj->contains("kty")) {
        auto key = key_from_jwk(**doc);
        if (!key) return fail("key.resolution", key.error().message, std::string(vm));
        if (const auto* iss = obj->if_contains("iss"); iss && iss->is_string())
          controller = std::string(iss->get_string());
        return ResolvedKey{std::string(vm), controller, std::move(*key)};
      }
      if (obj && obj->contains("keys")) {
        auto set = jwks_with_iss(**doc, controller);
        if (set)
          for (auto& k : *set)
            if (k.id == vm || (!frag.empty() && k.id == frag) || (frag.empty() && set->size() == 1))
              return std::move(k);
      }
    }
    if (!keys) return keys.error();
    return fail("key.resolution",
                "clé « " + std::string(vm) + " » introuvable (ni dans " +
                    jwks_url_for(vm).value() + " ni à son adresse)",
                std::string(vm));
  }
  return local.error();
}

Result<std::vector<ResolvedKey>> NetworkKeyResolver::issuer_keys(std::string_view issuer_id) {
  auto local = local_.issuer_keys(issuer_id);
  if (local) return local;
  if (local.error().code != "key.unsupported_method") return local.error();
  if (issuer_id.starts_with("did:web:")) return did_web_keys(issuer_id);
  if (is_http_url(issuer_id)) {
    auto keys = jwks_keys(issuer_id, issuer_id);
    if (!keys) return keys.error();
    std::vector<ResolvedKey> mine;
    for (auto& k : *keys)
      if (k.controller == issuer_id) mine.push_back(std::move(k));
    if (mine.empty())
      return fail("key.resolution",
                  "aucune clé de l'émetteur dans " + jwks_url_for(issuer_id).value(),
                  std::string(issuer_id));
    return mine;
  }
  return local.error();
}

}  // namespace ecusson::net
