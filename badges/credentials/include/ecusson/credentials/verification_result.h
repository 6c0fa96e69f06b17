// VerificationResult: the verdict on a badge, with every check that led to it (style C7).
//
// Refusing a badge is a result, not an error: verify functions return a
// VerificationResult whose `checks` list every check run, in the fixed order
// structure → proof → issuer binding → validity dates → status → recipient, each with a
// stable code (design §3: "proof.signature", "status.revoked", …), a status and a French
// message (English alongside). `verified` is true only when no check failed.
// Plain value type; thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/json/fwd.hpp>

namespace ecusson::credentials {

enum class CheckStatus { passed, failed, skipped, warning };

/// "passed" | "failed" | "skipped" | "warning".
const char* to_string(CheckStatus s);

struct Check {
  std::string code;        // stable, e.g. "proof.signature"
  CheckStatus status = CheckStatus::passed;
  std::string message;     // French, for people
  std::string message_en;  // English
  std::string evidence;    // optional detail for experts (key id, URL, field path…)
};

/// What the verified document claims, for display (all fields may be empty).
struct CredentialSummary {
  std::string id;
  std::string issuer_id;
  std::string issuer_name;
  std::string achievement_id;
  std::string achievement_name;
  std::string valid_from;
  std::string valid_until;
  std::string subject_id;
};

struct VerificationResult {
  bool verified = false;
  // "ob3-data-integrity" | "ob3-vc-jwt" | "ob2-signed" | "ob2-hosted"; finish() sets
  // "unknown" when nothing recognised a credential.
  std::string format;
  std::string source;  // "json" | "jws" | "png" | "svg" | "url"
  CredentialSummary credential;
  std::vector<Check> checks;

  /// Appends a check. Returns it for chaining evidence.
  Check& add(std::string code, CheckStatus status, std::string message_fr,
             std::string message_en = {}, std::string evidence = {});
  /// Codes of the failed checks, in order.
  std::vector<std::string> errors() const;
  /// True when at least one check failed.
  bool has_failure() const;
  /// Sets `verified` = !has_failure() and at least one proof check passed, and `format`
  /// to "unknown" when it is still empty.
  void finish();
};

/// The JSON report of design §3 ({"verified", "format", "source", "credential",
/// "checks", "errors"}); credential.validFrom / validUntil are left out when empty.
/// `english` picks the message language (French by default).
boost::json::value to_json(const VerificationResult& r, bool english = false);

}  // namespace ecusson::credentials
