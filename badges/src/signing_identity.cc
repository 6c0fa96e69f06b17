#include "ecusson/badges/signing_identity.h"

#include "ecusson/badges/did.h"

namespace ecusson::badges {

namespace {

// "https://host:port" of an https URL, lower-cased host; empty when not https.
std::string https_origin(std::string_view url) {
  constexpr std::string_view kHttps = "https://";
  if (url.size() < kHttps.size()) return {};
  std::string scheme(url.substr(0, kHttps.size()));
  for (auto& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != kHttps) return {};
  std::string_view rest = url.substr(kHttps.size());
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.empty() || authority.find('@') != std::string_view::npos) return {};
  std::string out(kHttps);
  for (char c : authority) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

}  // namespace

Result<std::string> signing_verification_method(std::string_view issuer_id, const Key& key,
                                                std::string_view requested, bool required) {
  if (issuer_id.starts_with("did:key:")) {
    auto own = did_key(key);
    if (!own)
      return fail("sign.issuer_mismatch",
                  "un émetteur did:key exige une clé Ed25519 ou P-256", std::string(issuer_id));
    if (*own != issuer_id)
      return fail("sign.issuer_mismatch",
                  "l'émetteur « " + std::string(issuer_id) + " » n'est pas le did:key de cette "
                  "clé (" + *own + ")",
                  "issuer");
    std::string vm = *did_key_verification_method(key);
    if (!requested.empty() && requested != vm)
      return fail("sign.issuer_mismatch",
                  "la méthode de vérification d'un émetteur did:key doit être « " + vm + " »",
                  "verificationMethod");
    return vm;
  }
  if (issuer_id.starts_with("did:web:")) {
    if (requested.empty())
      return fail("sign.verification_method_required",
                  "émetteur did:web : indiquez la méthode de vérification (« " +
                      std::string(issuer_id) + "#<fragment> » publiée dans son document DID)",
                  "verificationMethod");
    std::string prefix = std::string(issuer_id) + "#";
    if (!requested.starts_with(prefix) || requested.size() == prefix.size())
      return fail("sign.issuer_mismatch",
                  "la méthode de vérification doit appartenir à l'émetteur (« " + prefix +
                      "… »)",
                  "verificationMethod");
    return std::string(requested);
  }
  std::string origin = https_origin(issuer_id);
  if (!origin.empty()) {
    if (requested.empty()) {
      if (required)
        return fail("sign.verification_method_required",
                    "émetteur https : indiquez l'URL de la clé (méthode de vérification)",
                    "verificationMethod");
      return std::string();
    }
    if (https_origin(requested) != origin)
      return fail("sign.issuer_mismatch",
                  "la clé doit être publiée sur le domaine de l'émetteur (" + origin + ")",
                  "verificationMethod");
    return std::string(requested);
  }
  return fail("sign.issuer_unsupported",
              "émetteur « " + std::string(issuer_id) +
                  " » : seuls did:key, did:web et https:// peuvent être liés à une clé",
              "issuer");
}

}  // namespace ecusson::badges
