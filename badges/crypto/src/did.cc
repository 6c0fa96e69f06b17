#include "ecusson/crypto/did.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <boost/json.hpp>

#include "ecusson/crypto/jwk.h"
#include "ecusson/crypto/multibase.h"
#include "ecusson/common/text.h"

namespace ecusson::crypto {

namespace json = boost::json;

namespace {

constexpr std::string_view kDidKeyPrefix = "did:key:";
constexpr std::string_view kDidWebPrefix = "did:web:";
constexpr std::string_view kDidContext = "https://www.w3.org/ns/did/v1";
constexpr std::string_view kMultikeyContext = "https://w3id.org/security/multikey/v1";
constexpr std::string_view kJwsContext = "https://w3id.org/security/suites/jws-2020/v1";

bool is_unreserved(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_' ||
         c == '~';
}

bool valid_segment(std::string_view s) {
  if (s.empty() || s == "." || s == "..") return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_unreserved(s[i])) continue;
    if (s[i] == '%' && i + 2 < s.size() + 0 && i + 2 <= s.size() - 1 &&
        std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      // "%2F" would smuggle a slash into one segment.
      std::string hex{s[i + 1], s[i + 2]};
      if (hex == "2F" || hex == "2f" || hex == "2E" || hex == "2e") return false;
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

bool valid_host(std::string_view h) {
  if (h.empty() || h.size() > 253 || h.front() == '.' || h.back() == '.' || h.front() == '-')
    return false;
  bool has_alpha = false;
  for (char c : h) {
    if (std::isalpha(static_cast<unsigned char>(c))) has_alpha = true;
    else if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-')) return false;
  }
  // IP literals are forbidden by did:web §2.3; a host of digits and dots is an IPv4 address.
  if (!has_alpha) return false;
  if (h.find("..") != std::string_view::npos) return false;
  return true;
}

bool valid_port(std::string_view p) {
  if (p.empty() || p.size() > 5) return false;
  if (!std::all_of(p.begin(), p.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return false;
  int v = std::stoi(std::string(p));
  return v > 0 && v <= 65535 && p[0] != '0';
}

json::object verification_method(std::string_view id, std::string_view controller,
                                 const Key& key, VerificationMethodFormat format) {
  json::object vm;
  vm["id"] = id;
  bool multikey = format == VerificationMethodFormat::multikey && key.type() != KeyType::rsa2048;
  vm["type"] = multikey ? "Multikey" : "JsonWebKey2020";
  vm["controller"] = controller;
  if (multikey) {
    vm["publicKeyMultibase"] = multikey_encode(key).value();
  } else {
    vm["publicKeyJwk"] = public_jwk(key);
  }
  return vm;
}

// Reads the key of one verification method object; fails when unusable.
Result<Key> key_of_method(const json::object& vm) {
  auto type_it = vm.find("type");
  std::string_view type =
      type_it != vm.end() && type_it->value().is_string() ? type_it->value().get_string()
                                                          : std::string_view();
  if (type == "Multikey" || type == "Ed25519VerificationKey2020") {
    const json::value* mb = vm.if_contains("publicKeyMultibase");
    if (!mb || !mb->is_string()) return fail("did.invalid", "publicKeyMultibase absent");
    auto key = multikey_decode(mb->get_string());
    if (!key) return key.error();
    if (type == "Ed25519VerificationKey2020" && key->type() != KeyType::ed25519)
      return fail("did.invalid", "Ed25519VerificationKey2020 sans clé Ed25519");
    return key;
  }
  if (type == "Ed25519VerificationKey2018") {
    const json::value* b58 = vm.if_contains("publicKeyBase58");
    if (!b58 || !b58->is_string()) return fail("did.invalid", "publicKeyBase58 absent");
    auto raw = base58btc_decode(b58->get_string());
    if (!raw) return raw.error();
    if (raw->size() != 32) return fail("did.invalid", "clé Ed25519 de longueur incorrecte");
    std::array<std::uint8_t, 32> bytes;
    std::copy(raw->begin(), raw->end(), bytes.begin());
    return Key::ed25519_from_public(bytes);
  }
  if (type == "JsonWebKey2020" || type == "JsonWebKey") {
    const json::value* jwk = vm.if_contains("publicKeyJwk");
    if (!jwk) return fail("did.invalid", "publicKeyJwk absent");
    return key_from_jwk(*jwk);
  }
  return fail("did.unsupported_key", "type de méthode de vérification non pris en charge");
}

std::string absolute_id(std::string_view id, std::string_view did) {
  if (id.starts_with("#")) return std::string(did) + std::string(id);
  return std::string(id);
}

}  // namespace

Result<std::string> did_key(const Key& key) {
  if (key.empty() || key.type() == KeyType::rsa2048)
    return fail("did.unsupported_key", "did:key n'est pris en charge que pour Ed25519 et P-256");
  auto mk = multikey_encode(key);
  if (!mk) return mk.error();
  return std::string(kDidKeyPrefix) + *mk;
}

Result<std::string> did_key_verification_method(const Key& key) {
  auto mk = multikey_encode(key);
  if (!mk || key.type() == KeyType::rsa2048)
    return fail("did.unsupported_key", "did:key n'est pris en charge que pour Ed25519 et P-256");
  return std::string(kDidKeyPrefix) + *mk + "#" + *mk;
}

Result<DidKeyResolution> resolve_did_key(std::string_view did_or_vm) {
  if (!did_or_vm.starts_with(kDidKeyPrefix))
    return fail("did.invalid", "ce n'est pas un identifiant did:key", std::string(did_or_vm));
  std::string_view rest = did_or_vm.substr(kDidKeyPrefix.size());
  std::string_view fragment;
  bool has_fragment = false;
  if (auto hash = rest.find('#'); hash != std::string_view::npos) {
    fragment = rest.substr(hash + 1);
    rest = rest.substr(0, hash);
    has_fragment = true;
  }
  if (rest.empty() || rest[0] != 'z' || rest.find_first_of(":/?") != std::string_view::npos)
    return fail("did.invalid", "did:key mal formé (valeur multibase « z… » attendue)",
                std::string(did_or_vm));
  if (has_fragment && fragment != rest)
    return fail("did.invalid", "le fragment d'un did:key doit répéter la clé",
                std::string(did_or_vm));
  auto key = multikey_decode(rest);
  if (!key) {
    if (key.error().code == "multikey.unsupported")
      return fail("did.unsupported_key", key.error().message, std::string(did_or_vm));
    return fail("did.invalid", key.error().message, std::string(did_or_vm));
  }
  DidKeyResolution r;
  r.did = std::string(kDidKeyPrefix) + std::string(rest);
  r.verification_method = r.did + "#" + std::string(rest);
  r.key = std::move(*key);
  return r;
}

Result<json::object> did_key_document(std::string_view did, VerificationMethodFormat format) {
  auto r = resolve_did_key(did);
  if (!r) return r.error();
  if (did.find('#') != std::string_view::npos)
    return fail("did.invalid", "un DID sans fragment est attendu", std::string(did));
  json::object doc;
  doc["@context"] = json::array{json::string(kDidContext),
                                json::string(format == VerificationMethodFormat::multikey
                                                 ? kMultikeyContext
                                                 : kJwsContext)};
  doc["id"] = r->did;
  doc["verificationMethod"] =
      json::array{verification_method(r->verification_method, r->did, r->key, format)};
  for (const char* rel : {"authentication", "assertionMethod", "capabilityInvocation",
                          "capabilityDelegation"})
    doc[rel] = json::array{json::string(r->verification_method)};
  return doc;
}

Result<std::string> did_web_document_url(std::string_view did) {
  if (!did.starts_with(kDidWebPrefix))
    return fail("did.invalid", "ce n'est pas un identifiant did:web", std::string(did));
  std::string_view msid = did.substr(kDidWebPrefix.size());
  if (auto hash = msid.find('#'); hash != std::string_view::npos) msid = msid.substr(0, hash);
  if (msid.find_first_of("/?") != std::string_view::npos)
    return fail("did.invalid", "did:web mal formé", std::string(did));
  auto parts = split(msid, ':');
  std::string_view authority = parts[0];
  std::string host, port;
  auto pct = authority.find('%');
  if (pct != std::string_view::npos) {
    std::string_view enc = authority.substr(pct, 3);
    if (enc != "%3A" && enc != "%3a")
      return fail("did.invalid", "did:web : seul « %3A » (port) est permis dans l'hôte",
                  std::string(did));
    host = std::string(authority.substr(0, pct));
    port = std::string(authority.substr(pct + 3));
    if (!valid_port(port)) return fail("did.invalid", "did:web : port invalide", std::string(did));
  } else {
    host = std::string(authority);
  }
  host = ascii_lower(host);
  if (!valid_host(host))
    return fail("did.invalid", "did:web : nom d'hôte invalide (les adresses IP sont interdites)",
                std::string(did));
  std::string url = "https://" + host;
  if (!port.empty()) url += ":" + port;
  if (parts.size() == 1) return url + "/.well-known/did.json";
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (!valid_segment(parts[i]))
      return fail("did.invalid", "did:web : segment de chemin invalide", std::string(did));
    url += "/";
    url += parts[i];
  }
  return url + "/did.json";
}

Result<std::string> did_web_from_url(std::string_view url) {
  constexpr std::string_view kHttps = "https://";
  if (!url.starts_with(kHttps))
    return fail("did.invalid", "une URL https:// est attendue pour un did:web", std::string(url));
  std::string_view rest = url.substr(kHttps.size());
  if (rest.find_first_of("?#@") != std::string_view::npos)
    return fail("did.invalid", "URL avec requête, fragment ou identifiants refusée",
                std::string(url));
  std::string_view authority = rest.substr(0, rest.find('/'));
  std::string_view path =
      authority.size() < rest.size() ? rest.substr(authority.size() + 1) : std::string_view();
  std::string host(authority.substr(0, authority.find(':')));
  std::string port;
  if (auto c = authority.find(':'); c != std::string_view::npos) {
    port = std::string(authority.substr(c + 1));
    if (!valid_port(port)) return fail("did.invalid", "port invalide", std::string(url));
  }
  host = ascii_lower(host);
  if (!valid_host(host))
    return fail("did.invalid", "nom d'hôte invalide (les adresses IP sont interdites)",
                std::string(url));
  std::string did = std::string(kDidWebPrefix) + host;
  if (!port.empty()) did += "%3A" + port;
  while (path.ends_with("/")) path.remove_suffix(1);
  if (!path.empty()) {
    for (auto seg : split(path, '/')) {
      if (!valid_segment(seg))
        return fail("did.invalid", "segment de chemin invalide", std::string(url));
      did += ":";
      did += seg;
    }
  }
  return did;
}

json::object did_document(std::string_view did, const std::vector<PublishedKey>& keys) {
  bool any_multikey = false, any_jwk = false;
  json::array methods, refs;
  for (const auto& pk : keys) {
    if (pk.key == nullptr || pk.key->empty()) continue;
    std::string id = std::string(did) + "#" + pk.fragment;
    json::object vm = verification_method(id, did, *pk.key, pk.format);
    if (vm["type"] == "Multikey") any_multikey = true;
    else any_jwk = true;
    methods.push_back(std::move(vm));
    refs.push_back(json::string(id));
  }
  json::array ctx{json::string(kDidContext)};
  if (any_multikey) ctx.push_back(json::string(kMultikeyContext));
  if (any_jwk) ctx.push_back(json::string(kJwsContext));
  json::object doc;
  doc["@context"] = std::move(ctx);
  doc["id"] = did;
  doc["verificationMethod"] = std::move(methods);
  doc["assertionMethod"] = refs;
  doc["authentication"] = std::move(refs);
  return doc;
}

Result<std::vector<ResolvedKey>> keys_from_did_document(const json::value& document,
                                                        std::string_view expected_did,
                                                        std::string_view relationship) {
  const json::object* doc = document.if_object();
  if (doc == nullptr) return fail("did.invalid", "un document DID doit être un objet JSON");
  const json::value* id = doc->if_contains("id");
  if (id == nullptr || !id->is_string() || id->get_string() != expected_did)
    return fail("did.invalid", "l'« id » du document DID ne correspond pas au DID résolu",
                std::string(expected_did));
  std::string did(expected_did);
  std::vector<const json::object*> declared;
  if (const json::value* vms = doc->if_contains("verificationMethod"); vms && vms->is_array())
    for (const auto& vm : vms->get_array())
      if (vm.is_object()) declared.push_back(&vm.get_object());

  std::vector<ResolvedKey> out;
  auto add = [&](const json::object& vm) {
    const json::value* vid = vm.if_contains("id");
    if (!vid || !vid->is_string()) return;
    auto key = key_of_method(vm);
    if (!key) return;
    ResolvedKey rk;
    rk.id = absolute_id(vid->get_string(), did);
    const json::value* ctl = vm.if_contains("controller");
    rk.controller = ctl && ctl->is_string() ? std::string(ctl->get_string()) : std::string();
    rk.key = std::move(*key);
    out.push_back(std::move(rk));
  };
  const json::value* rel = doc->if_contains(relationship);
  if (rel == nullptr) return out;
  json::array single;
  const json::array* items = rel->if_array();
  if (items == nullptr) {
    single.push_back(*rel);
    items = &single;
  }
  for (const auto& item : *items) {
    if (item.is_object()) {
      add(item.get_object());
    } else if (item.is_string()) {
      std::string ref = absolute_id(item.get_string(), did);
      for (const json::object* vm : declared) {
        const json::value* vid = vm->if_contains("id");
        if (vid && vid->is_string() && absolute_id(vid->get_string(), did) == ref) {
          add(*vm);
          break;
        }
      }
    }
  }
  return out;
}

}  // namespace ecusson::crypto
