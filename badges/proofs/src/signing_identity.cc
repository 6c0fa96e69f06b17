#include "ecusson/proofs/signing_identity.h"

#include <algorithm>

#include "ecusson/common/text.h"
#include "ecusson/crypto/did.h"

namespace ecusson::proofs {

using crypto::Key;
using crypto::did_key;

namespace {

// "https://host:port" of an https URL (lower-cased), or "http://host:port" when the host
// is loopback (local testing, as the verifier's --allow-private-network); empty otherwise.
std::string web_origin(std::string_view url) {
  std::size_t skip = 0;
  bool plain = false;
  if (istarts_with(url, "https://")) {
    skip = 8;
  } else if (istarts_with(url, "http://")) {
    skip = 7;
    plain = true;
  } else {
    return {};
  }
  std::string_view rest = url.substr(skip);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.empty() || authority.find('@') != std::string_view::npos) return {};
  std::string host = ascii_lower(authority);
  if (plain) {
    std::string_view h = host;
    if (h.starts_with("[")) h = h.substr(0, h.find(']') + 1);
    else h = h.substr(0, h.find(':'));
    bool ipv4_loopback = h.starts_with("127.") && std::count(h.begin(), h.end(), '.') == 3 &&
                         h.find_first_not_of("0123456789.") == std::string_view::npos;
    bool loopback = h == "localhost" || h == "[::1]" || ipv4_loopback;
    if (!loopback) return {};
  }
  return (plain ? "http://" : "https://") + host;
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
    std::string vm = *own + "#" + own->substr(8);  // "did:key:z…#z…"
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
  std::string origin = web_origin(issuer_id);
  if (!origin.empty()) {
    if (requested.empty()) {
      if (required)
        return fail("sign.verification_method_required",
                    "émetteur https : indiquez l'URL de la clé (méthode de vérification)",
                    "verificationMethod");
      return std::string();
    }
    if (web_origin(requested) != origin)
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

}  // namespace ecusson::proofs
