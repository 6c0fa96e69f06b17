// Revocation, suspension and status publication: see ecusson/issuance/revocation.h.
#include "ecusson/issuance/revocation.h"

#include <chrono>

#include <boost/json.hpp>

#include "ecusson/common/atomic_file.h"
#include "ecusson/common/datetime.h"
#include "ecusson/credentials/ob3_credential.h"
#include "ecusson/credentials/status_list.h"
#include "ecusson/issuance/messages.h"
#include "ecusson/ob2/documents.h"
#include "ecusson/ob2/issue.h"
#include "ecusson/proofs/data_integrity.h"

namespace ecusson::issuance {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

std::string now_utc() {
  auto s = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return format_datetime(s.count());
}

std::string str(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().get_string()) : "";
}

Result<void> write_public(const Issuer& issuer, const std::string& url, const std::string& bytes,
                          PublishReport& report, Lang lang) {
  fs::path path = issuer.public_file(url);
  if (path.empty()) return {};
  if (auto w = replace_file(path, bytes); !w)
    return make_error("issuance.write", path.string(), lang, {path.string(), w.error().message});
  report.written.push_back(path);
  return {};
}

// OB 2.0: the revocation list and the revoked hosted assertions, rebuilt from the store.
Result<void> publish_ob2(store::Store& store, const Issuer& issuer, PublishReport& report,
                         Lang lang) {
  auto credentials = store.list_credentials();
  if (!credentials) return store_failure(issuer, credentials.error(), lang);
  const ob2::Ob2Urls urls = ob2::ob2_urls(issuer.base.url + "/ob2");
  ob2::Ob2RevocationList list{urls.revocation_list, urls.issuer, {}};
  for (const auto& c : *credentials) {
    if (!c.revoked_at) continue;
    auto hosted = c.documents.find("ob2-hosted");
    if (hosted == c.documents.end()) continue;
    boost::system::error_code ec;
    auto doc = json::parse(hosted->second, ec);
    if (ec || !doc.is_object()) continue;
    const std::string hosted_id = str(doc.get_object(), "id");
    list.revoked.push_back({hosted_id, c.revocation_reason});
    // The signed twin is named urn:uuid:<uuid> (ob2/issue.h): listed too.
    auto slash = hosted_id.rfind('/');
    auto dot = hosted_id.rfind(".json");
    if (slash != std::string::npos && dot != std::string::npos && dot > slash)
      list.revoked.push_back({"urn:uuid:" + hosted_id.substr(slash + 1, dot - slash - 1),
                              c.revocation_reason});
    json::object gone{{"id", hosted_id}, {"revoked", true},
                      {"revocationReason", c.revocation_reason}};
    if (auto w = write_public(issuer, hosted_id, json::serialize(gone) + "\n", report, lang); !w)
      return w;
  }
  return write_public(issuer, list.id, json::serialize(ob2::to_json(list)) + "\n", report, lang);
}

}  // namespace

json::object status_list_credential(const Issuer& issuer, const store::StatusList& list,
                                    const std::string& valid_from) {
  return json::object{
      {"@context", json::array{credentials::kVcContextV2}},
      {"id", list.id},
      {"type", json::array{"VerifiableCredential", "BitstringStatusListCredential"}},
      {"issuer", issuer.profile.id},
      {"validFrom", valid_from},
      {"credentialSubject",
       json::object{{"id", list.id + "#list"},
                    {"type", "BitstringStatusList"},
                    {"statusPurpose", std::string(store::to_string(list.purpose))},
                    {"encodedList", credentials::encode_bitstring(list.bits)}}}};
}

Result<PublishReport> publish_status(store::Store& store, const Issuer& issuer, Lang lang) {
  PublishReport report;
  auto lists = store.list_status_lists(issuer.profile.id);
  if (!lists) return store_failure(issuer, lists.error(), lang);
  for (const auto& list : *lists) {
    std::string text;
    if (list.signed_credential && list.signed_version == list.version) {
      text = *list.signed_credential;
    } else {
      const std::string at = now_utc();
      proofs::ProofOptions po;
      po.verification_method = issuer.ob3_method;
      po.created = at;
      auto secured = proofs::add_data_integrity_proof(status_list_credential(issuer, list, at),
                                                      issuer.ob3_key, po);
      if (!secured)
        return make_error("issuance.sign", list.id, lang,
                          {secured.error().message + " [" + secured.error().code + "]"});
      text = json::serialize(*secured);
      auto put = store.put_status_list_signature(list.id, list.version, text, at);
      // A concurrent change bumped the version: the next publication signs it.
      if (!put && put.error().code != "store.conflict") return store_failure(issuer, put.error(), lang);
      report.signed_lists.push_back(list.id);
    }
    if (auto w = write_public(issuer, list.id, text + "\n", report, lang); !w) return w.error();
  }
  if (issuer.ob2_enabled)
    if (auto w = publish_ob2(store, issuer, report, lang); !w) return w.error();
  return report;
}

Result<StatusChangeResult> change_status(store::Store& store, const Issuer& issuer,
                                         const std::string& id, StatusChange change,
                                         const std::string& reason, const std::string& actor,
                                         Lang lang) {
  if (change != StatusChange::unsuspend && reason.find_first_not_of(" \t") == std::string::npos)
    return make_error("issuance.bad_option", "--reason", lang,
                      {"reason", tr(lang, "le motif est obligatoire (il est publié pour les "
                                          "badges OB 2.0 et gardé au journal)",
                                    "a reason is required (published for OB 2.0 badges and "
                                    "kept in the audit log)")});
  if (change != StatusChange::revoke) {
    // A suspension is published only through a suspension entry, which OB 3.0's single
    // credentialStatus leaves no room for: refuse rather than record a change no
    // verifier would see.
    auto c = store.get_credential(id);
    if (!c) {
      if (c.error().code == "store.not_found")
        return make_error("issuance.not_found", id, lang,
                          {std::string(tr(lang, "badge", "credential")), id});
      return store_failure(issuer, c.error(), lang);
    }
    bool has_suspension = false;
    for (const auto& e : c->status) has_suspension = has_suspension || e.purpose == store::StatusPurpose::suspension;
    if (!has_suspension && !c->suspended_at)
      return make_error("issuance.suspension_unsupported", id, lang, {id});
  }
  StatusChangeResult out;
  const std::string at = now_utc();
  const char* action = change == StatusChange::revoke    ? "credential.revoke"
                       : change == StatusChange::suspend ? "credential.suspend"
                                                         : "credential.unsuspend";
  auto tx = store.transact([&](store::Store& s) -> Result<void> {
    Result<store::Credential> changed =
        change == StatusChange::revoke    ? s.revoke_credential(id, reason, at)
        : change == StatusChange::suspend ? s.suspend_credential(id, reason, at)
                                          : s.unsuspend_credential(id, at);
    if (!changed) return changed.error();
    out.credential = *changed;
    json::object detail;
    if (!reason.empty()) detail["reason"] = reason;
    auto a = s.append_audit({.at = at, .actor = actor, .action = action,
                             .subject = "credential:" + id, .detail = json::serialize(detail)});
    if (!a) return a.error();
    return {};
  });
  if (!tx) {
    const Error& e = tx.error();
    if (e.code == "store.not_found")
      return make_error("issuance.not_found", id, lang,
                        {std::string(tr(lang, "badge", "credential")), id});
    if (e.code == "store.conflict")
      return make_error("issuance.status_conflict", id, lang, {id, e.message});
    return store_failure(issuer, e, lang);
  }
  auto published = publish_status(store, issuer, lang);
  if (!published) return published.error();
  out.published = std::move(*published);
  return out;
}

}  // namespace ecusson::issuance
