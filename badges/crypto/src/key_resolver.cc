#include "ecusson/crypto/key_resolver.h"

#include "ecusson/crypto/did.h"

namespace ecusson::crypto {

void LocalKeyResolver::add(std::string id, std::string controller, const Key& key) {
  entries_.push_back(Entry{std::move(id), std::move(controller), key.public_only()});
}

Result<ResolvedKey> LocalKeyResolver::resolve(std::string_view vm) {
  for (const auto& e : entries_)
    if (e.id == vm) return ResolvedKey{e.id, e.controller, e.key.public_only()};
  if (vm.starts_with("did:key:")) {
    auto r = resolve_did_key(vm);
    if (!r) return fail("key.resolution", r.error().message, std::string(vm));
    return ResolvedKey{r->verification_method, r->did, std::move(r->key)};
  }
  return fail("key.unsupported_method",
              "résolution de clé non disponible hors ligne pour « " + std::string(vm) + " »",
              std::string(vm));
}

Result<std::vector<ResolvedKey>> LocalKeyResolver::issuer_keys(std::string_view issuer_id) {
  std::vector<ResolvedKey> out;
  for (const auto& e : entries_)
    if (e.controller == issuer_id) out.push_back(ResolvedKey{e.id, e.controller, e.key.public_only()});
  if (issuer_id.starts_with("did:key:")) {
    auto r = resolve_did_key(issuer_id);
    if (!r) return fail("key.resolution", r.error().message, std::string(issuer_id));
    if (r->did != issuer_id)
      return fail("key.resolution", "un émetteur did:key ne porte pas de fragment",
                  std::string(issuer_id));
    out.push_back(ResolvedKey{r->verification_method, r->did, std::move(r->key)});
    return out;
  }
  if (out.empty())
    return fail("key.unsupported_method",
                "clés de l'émetteur « " + std::string(issuer_id) + " » non disponibles hors ligne",
                std::string(issuer_id));
  return out;
}

}  // namespace ecusson::crypto
