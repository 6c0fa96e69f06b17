#include "ecusson/credentials/verification_result.h"

#include <boost/json.hpp>

namespace ecusson::credentials {

const char* to_string(CheckStatus s) {
  switch (s) {
    case CheckStatus::passed: return "passed";
    case CheckStatus::failed: return "failed";
    case CheckStatus::skipped: return "skipped";
    case CheckStatus::warning: return "warning";
  }
  return "failed";
}

Check& VerificationResult::add(std::string code, CheckStatus status, std::string message_fr,
                               std::string message_en, std::string evidence) {
  checks.push_back(Check{std::move(code), status, std::move(message_fr), std::move(message_en),
                         std::move(evidence)});
  return checks.back();
}

std::vector<std::string> VerificationResult::errors() const {
  std::vector<std::string> out;
  for (const auto& c : checks)
    if (c.status == CheckStatus::failed) out.push_back(c.code);
  return out;
}

bool VerificationResult::has_failure() const {
  for (const auto& c : checks)
    if (c.status == CheckStatus::failed) return true;
  return false;
}

void VerificationResult::finish() {
  bool proof_passed = false;
  for (const auto& c : checks)
    if (c.status == CheckStatus::passed && c.code.starts_with("proof.")) proof_passed = true;
  verified = proof_passed && !has_failure();
  if (format.empty()) format = "unknown";  // nothing recognised a credential (design §3)
}

boost::json::value to_json(const VerificationResult& r, bool english) {
  namespace json = boost::json;
  json::object cred;
  cred["id"] = r.credential.id;
  cred["issuer"] = json::object{{"id", r.credential.issuer_id}, {"name", r.credential.issuer_name}};
  cred["achievement"] =
      json::object{{"id", r.credential.achievement_id}, {"name", r.credential.achievement_name}};
  // An absent date is absent from the report, not "" (design §3).
  if (!r.credential.valid_from.empty()) cred["validFrom"] = r.credential.valid_from;
  if (!r.credential.valid_until.empty()) cred["validUntil"] = r.credential.valid_until;
  if (!r.credential.subject_id.empty()) cred["subject"] = r.credential.subject_id;
  json::array checks;
  for (const auto& c : r.checks) {
    json::object o;
    o["code"] = c.code;
    o["status"] = to_string(c.status);
    o["message"] = english && !c.message_en.empty() ? c.message_en : c.message;
    if (!c.evidence.empty()) o["evidence"] = c.evidence;
    checks.push_back(std::move(o));
  }
  json::array errors;
  for (auto& e : r.errors()) errors.push_back(json::string(e));
  json::object out;
  out["verified"] = r.verified;
  out["format"] = r.format;
  out["source"] = r.source;
  out["credential"] = std::move(cred);
  out["checks"] = std::move(checks);
  out["errors"] = std::move(errors);
  return out;
}

}  // namespace ecusson::credentials
