#include "ecusson/proofs/issuer_binding.h"

namespace ecusson::proofs {

using credentials::CheckStatus;
using crypto::Key;
using crypto::KeyResolver;
using crypto::ResolvedKey;

namespace {

std::string_view fragment_or_self(std::string_view id) {
  auto hash = id.find('#');
  return hash == std::string_view::npos ? id : id.substr(hash + 1);
}

}  // namespace

IssuerBinding bind_key_to_issuer(std::string_view issuer_id, const Key& key,
                                 KeyResolver& resolver) {
  const std::string issuer(issuer_id);
  if (issuer.empty())
    return {CheckStatus::failed, "émetteur absent du justificatif", "no issuer in the credential", {}};
  auto keys = resolver.issuer_keys(issuer);
  if (!keys)
    return {CheckStatus::failed,
            "impossible d'obtenir les clés publiées par l'émetteur « " + issuer + " » : " +
                keys.error().message,
            "cannot obtain the keys published by the issuer", keys.error().code};
  for (const auto& k : *keys)
    if (k.key.same_public(key))
      return {CheckStatus::passed, "la clé appartient à l'émetteur « " + issuer + " »",
              "the key belongs to the issuer", issuer};
  return {CheckStatus::failed,
          "la clé de signature n'est pas une clé publiée par l'émetteur « " + issuer + " »",
          "the signing key is not published by the issuer", issuer};
}

Result<ResolvedKey> find_issuer_key(std::string_view issuer_id, std::string_view kid,
                                    KeyResolver& resolver) {
  auto keys = resolver.issuer_keys(issuer_id);
  if (!keys)
    return fail("key.resolution",
                "clé « " + std::string(kid) + " » : clés de l'émetteur « " +
                    std::string(issuer_id) + " » indisponibles : " + keys.error().message,
                std::string(kid));
  std::string_view wanted = kid.starts_with('#') ? kid.substr(1) : kid;
  for (auto& k : *keys)
    if (k.id == kid || (!wanted.empty() && fragment_or_self(k.id) == wanted)) return std::move(k);
  return fail("key.resolution",
              "aucune clé « " + std::string(kid) + " » parmi les clés publiées par l'émetteur « " +
                  std::string(issuer_id) + " »",
              std::string(kid));
}

}  // namespace ecusson::proofs
