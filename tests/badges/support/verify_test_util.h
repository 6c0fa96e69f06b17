// Helpers for the verification tests: fetchers that fake the outside world, and badges
// signed on the fly with fresh keys.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "ecusson/crypto/did.h"
#include "ecusson/net/http_fetcher.h"
#include "ecusson/crypto/key.h"
#include "ecusson/credentials/status_list.h"
#include "ecusson/proofs/vc_jwt.h"
#include "ecusson/verify/verify.h"
#include "test_fetchers.h"
#include "test_support.h"

namespace ecusson::testing {

using credentials::Check;
using credentials::VerificationResult;
using credentials::bitstring_set;
using credentials::encode_bitstring;
using crypto::Key;
using crypto::KeyType;
using crypto::did_key;
using crypto::did_key_verification_method;
using proofs::VcJwtSignOptions;
using proofs::sign_vc_jwt;

/// A did:key issuer with a fresh Ed25519 key.
struct TestIssuer {
  Key key;
  std::string id;  // issuer id (did:key:… by default)
  std::string vm;  // verification method / kid

  static TestIssuer did_key() {
    TestIssuer i;
    i.key = Key::generate(KeyType::ed25519).value();
    i.id = crypto::did_key(i.key).value();
    i.vm = did_key_verification_method(i.key).value();
    return i;
  }
};

/// A minimal OB 3.0 badge (VCDM 2.0) from `issuer_id`, valid from 2024-01-01.
inline boost::json::object make_badge(const std::string& issuer_id) {
  auto v = boost::json::parse(R"({
    "@context": ["https://www.w3.org/ns/credentials/v2",
                 "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    "id": "urn:uuid:2f1c1b2e-7d0c-4a57-9a59-4b1f3f0e8a11",
    "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "name": "Communiquer à l'oral — niveau 2",
    "validFrom": "2024-01-01T00:00:00Z",
    "credentialSubject": {
      "id": "did:example:holder-1",
      "type": ["AchievementSubject"],
      "achievement": {
        "id": "https://ecusson.example/achievements/com-oral-2",
        "type": ["Achievement"],
        "name": "Communiquer à l'oral",
        "description": "Niveau 2",
        "criteria": {"narrative": "Observé en situation de travail"}
      }
    }
  })");
  auto o = v.as_object();
  o["issuer"] = boost::json::object{{"id", issuer_id}, {"type", boost::json::array{"Profile"}},
                                    {"name", "Ecusson Test"}};
  return o;
}

inline std::string sign(const boost::json::object& credential, const TestIssuer& issuer,
                        bool check_issuer = true) {
  VcJwtSignOptions o;
  o.kid = issuer.vm;
  o.check_issuer = check_issuer;
  return sign_vc_jwt(credential, issuer.key, o).value();
}

/// A BitstringStatusListCredential (VC 2.0) of 131,072 entries with `set` indexes set.
inline boost::json::object make_status_list(const std::string& issuer_id, const std::string& id,
                                            const std::string& purpose,
                                            const std::vector<std::uint64_t>& set) {
  std::string bits(16384, '\0');
  for (auto i : set) bitstring_set(bits, i);
  boost::json::object o;
  o["@context"] = boost::json::array{"https://www.w3.org/ns/credentials/v2"};
  o["id"] = id;
  o["type"] = boost::json::array{"VerifiableCredential", "BitstringStatusListCredential"};
  o["issuer"] = issuer_id;
  o["validFrom"] = "2024-01-01T00:00:00Z";
  o["credentialSubject"] = boost::json::object{{"id", id + "#list"},
                                               {"type", "BitstringStatusList"},
                                               {"statusPurpose", purpose},
                                               {"encodedList", encode_bitstring(bits)}};
  return o;
}

inline boost::json::object status_entry(const std::string& list_url, std::uint64_t index,
                                        const std::string& purpose = "revocation") {
  return boost::json::object{{"id", list_url + "#" + std::to_string(index)},
                             {"type", "BitstringStatusListEntry"},
                             {"statusPurpose", purpose},
                             {"statusListIndex", std::to_string(index)},
                             {"statusListCredential", list_url}};
}

/// 2025-06-01T00:00:00Z.
inline std::chrono::sys_seconds fixed_now() {
  return std::chrono::sys_days{std::chrono::year{2025} / 6 / 1};
}

inline const Check* find_check(const VerificationResult& r, std::string_view code) {
  for (const auto& c : r.checks)
    if (c.code == code) return &c;
  return nullptr;
}

inline std::string describe(const VerificationResult& r) {
  std::string out = std::string("verified=") + (r.verified ? "true" : "false") + "\n";
  for (const auto& c : r.checks)
    out += "  " + std::string(to_string(c.status)) + " " + c.code + " — " + c.message +
           (c.evidence.empty() ? "" : " [" + c.evidence + "]") + "\n";
  return out;
}

}  // namespace ecusson::testing
