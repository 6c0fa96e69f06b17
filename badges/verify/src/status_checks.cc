// The status step of the pipeline: BitstringStatusList (W3C) and 1EdTech revocation lists.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "ecusson/common/strict_json.h"
#include "ecusson/credentials/credential_view.h"
#include "ecusson/credentials/status_list.h"
#include "verify_internal.h"

namespace ecusson::verify::detail {

using credentials::VerificationResult;
using credentials::bitstring_value;
using credentials::decode_bitstring;
using credentials::has_type;
using credentials::issuer_id_of;
using credentials::objects_of;
using credentials::revoked_in_1edtech_list;
using credentials::string_member;
using credentials::subject_of;
using credentials::types_of;

namespace json = boost::json;

namespace {

std::optional<std::uint64_t> index_of(const json::value* v) {
  if (!v) return std::nullopt;
  if (v->is_uint64()) return v->get_uint64();
  if (v->is_int64() && v->get_int64() >= 0) return static_cast<std::uint64_t>(v->get_int64());
  if (v->is_string()) {
    std::string_view s = v->get_string();
    if (s.empty() || s.size() > 19) return std::nullopt;
    std::uint64_t n = 0;
    for (char c : s) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
      n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return n;
  }
  return std::nullopt;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void check_bitstring_entry(Run& run, const json::object& entry, const json::object& cred,
                           VerificationResult& r) {
  std::string purpose = string_member(entry, "statusPurpose");
  std::string list_url = string_member(entry, "statusListCredential");
  auto index = index_of(entry.if_contains("statusListIndex"));
  unsigned size = 1;
  if (const auto* sz = entry.if_contains("statusSize")) {
    auto n = index_of(sz);
    size = n && *n >= 1 && *n <= 32 ? static_cast<unsigned>(*n) : 0;
  }
  std::string code = purpose == "suspension" ? "status.suspended" : "status.revoked";
  if (purpose.empty() || list_url.empty() || !index || size == 0) {
    r.add("status.unreachable", kFailed, "Entrée de statut invalide (statusPurpose, statusListIndex, statusListCredential)",
          "Malformed status entry", list_url);
    return;
  }
  if (run.depth >= run.opt.max_status_depth) {
    r.add("status.unreachable", kFailed, "Listes de statuts imbriquées trop profondément",
          "Status lists nested too deep", list_url);
    return;
  }
  auto fetched = run.fetch(list_url, "application/vc+ld+json, application/vc+jwt, application/ld+json, application/json");
  if (!fetched) {
    r.add("status.unreachable", kFailed,
          "Liste de statuts inaccessible : le badge ne peut pas être déclaré non révoqué",
          "Status list unreachable: the badge cannot be declared not revoked",
          list_url + " (" + fetched.error().code + ": " + fetched.error().message + ")");
    return;
  }
  // Verify the list credential through the same pipeline, one level deeper.
  VerificationResult sub;
  std::optional<json::object> list = detail::verify_status_list(run, fetched->body, sub);
  sub.finish();
  std::vector<std::string> distrust = sub.errors();
  if (sub.verified && list) {
    std::string list_issuer = issuer_id_of(*list);
    if (list_issuer != issuer_id_of(cred)) distrust.push_back("issuer-mismatch");
  } else if (distrust.empty()) {
    distrust.push_back("proof");
  }
  if (!list) {
    r.add("status.unreachable", kFailed, "Liste de statuts illisible", "Unreadable status list",
          list_url + " (" + joined(distrust) + ")");
    return;
  }
  const json::object* ls = subject_of(*list);
  std::string enc = ls ? string_member(*ls, "encodedList") : std::string();
  bool purpose_ok = false;
  if (ls) {
    const auto* p = ls->if_contains("statusPurpose");
    auto ps = types_of(p);  // string or array of strings
    purpose_ok = std::find(ps.begin(), ps.end(), purpose) != ps.end();
  }
  if (!purpose_ok) {
    r.add("status.unreachable", kFailed, "La liste de statuts n'a pas le statusPurpose « " + purpose + " »",
          "The status list does not have statusPurpose " + purpose, list_url);
    return;
  }
  auto bits = decode_bitstring(enc, run.opt.bitstring);
  if (!bits) {
    r.add("status.unreachable", kFailed, "Liste de statuts invalide : " + bits.error().message,
          "Invalid status list: " + bits.error().code, list_url + " (" + bits.error().code + ")");
    return;
  }
  auto value = bitstring_value(*bits, *index, size, run.opt.bitstring.min_entries);
  if (!value) {
    r.add("status.unreachable", kFailed, "Liste de statuts invalide : " + value.error().message,
          "Invalid status list: " + value.error().code, list_url + " (" + value.error().code + ")");
    return;
  }
  std::string evidence = list_url + " #" + std::to_string(*index);
  if (!distrust.empty()) evidence += " (liste non vérifiée : " + joined(distrust) + ")";
  if (purpose != "revocation" && purpose != "suspension") {
    r.add("status." + purpose, *value ? kWarning : kPassed,
          "Statut « " + purpose + " » : " + std::to_string(*value),
          "Status " + purpose + ": " + std::to_string(*value), evidence);
    return;
  }
  if (*value != 0) {
    // A list, even unverified, that says "revoked" is believed: refusing is the safe side.
    if (purpose == "suspension")
      r.add(code, kFailed, "Le badge est suspendu par son émetteur", "The badge is suspended by its issuer",
            evidence);
    else
      r.add(code, kFailed, "Le badge a été révoqué par son émetteur", "The badge was revoked by its issuer",
            evidence);
  } else if (!distrust.empty()) {
    r.add("status.unreachable", kFailed,
          "Liste de statuts non vérifiée : le badge ne peut pas être déclaré non révoqué",
          "Status list not verified: the badge cannot be declared not revoked", evidence);
  } else {
    r.add(code, kPassed, purpose == "suspension" ? "Le badge n'est pas suspendu" : "Le badge n'est pas révoqué",
          purpose == "suspension" ? "The badge is not suspended" : "The badge is not revoked", evidence);
  }
}

void check_1edtech_list(Run& run, const json::object& entry, const json::object& cred,
                        VerificationResult& r) {
  std::string url = string_member(entry, "id");
  auto fetched = run.fetch(url, "application/ld+json, application/json");
  if (!fetched) {
    r.add("status.unreachable", kFailed,
          "Liste de révocation inaccessible : le badge ne peut pas être déclaré non révoqué",
          "Revocation list unreachable: the badge cannot be declared not revoked",
          url + " (" + fetched.error().code + ")");
    return;
  }
  auto doc = parse_json_strict(fetched->body, run.opt.document_limits());
  Result<bool> revoked = doc ? revoked_in_1edtech_list(*doc, string_member(cred, "id"))
                             : Result<bool>(doc.error());
  if (!revoked)
    r.add("status.unreachable", kFailed, "Liste de révocation illisible", "Unreadable revocation list",
          url + " (" + revoked.error().code + ")");
  else if (*revoked)
    r.add("status.revoked", kFailed, "Le badge a été révoqué par son émetteur",
          "The badge was revoked by its issuer", url);
  else
    r.add("status.revoked", kPassed, "Le badge n'est pas révoqué", "The badge is not revoked", url);
}

}  // namespace

void check_status(Run& run, const json::object& cred, VerificationResult& r) {
  const auto* cs = cred.if_contains("credentialStatus");
  if (!cs) {
    r.add("status.revoked", kSkipped, "Aucun statut publié pour ce badge",
          "No status published for this badge");
    return;
  }
  auto entries = objects_of(cs);
  if (entries.empty()) {
    r.add("status.unreachable", kFailed, "credentialStatus invalide", "Malformed credentialStatus");
    return;
  }
  for (const auto* e : entries) {
    const auto* t = e->if_contains("type");
    if (has_type(t, "BitstringStatusListEntry") || has_type(t, "StatusList2021Entry"))
      check_bitstring_entry(run, *e, cred, r);
    else if (has_type(t, "1EdTechRevocationList"))
      check_1edtech_list(run, *e, cred, r);
    else
      r.add("status.unsupported", kFailed,
            "Type de statut non pris en charge : le badge ne peut pas être déclaré non révoqué",
            "Unsupported status type: the badge cannot be declared not revoked",
            types_of(t).empty() ? std::string() : types_of(t).front());
  }
}

}  // namespace ecusson::verify::detail
