// Awarding one badge: see ecusson/issuance/award.h.
#include "ecusson/issuance/award.h"

#include <chrono>

#include <boost/json.hpp>

#include "ecusson/common/atomic_file.h"
#include "ecusson/common/datetime.h"
#include "ecusson/credentials/ob3_credential.h"
#include "ecusson/issuance/catalogue.h"
#include "ecusson/issuance/messages.h"
#include "ecusson/ob2/issue.h"
#include "ecusson/proofs/data_integrity.h"
#include "ecusson/proofs/vc_jwt.h"

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

Error bad_award(std::string where, const Error& cause, Lang lang) {
  return make_error("issuance.bad_award", std::move(where), lang,
                    {cause.message + " [" + cause.code + "]"});
}

// The BitstringStatusListEntry of one status entry (Bitstring Status List §2.1).
json::object status_entry_json(const store::StatusEntry& e) {
  const std::string index = std::to_string(e.index);
  return json::object{{"id", e.list_id + "#" + index},
                      {"type", "BitstringStatusListEntry"},
                      {"statusPurpose", std::string(store::to_string(e.purpose))},
                      {"statusListIndex", index},
                      {"statusListCredential", e.list_id}};
}

// OB 2.0 BadgeClass slug of an achievement: its catalogue path, flattened.
std::string ob2_slug(const store::Achievement& a) {
  std::string s = a.grid_id + "-" + a.grid_version + "-" + a.competence_id + "-" +
                  std::to_string(a.level);
  for (char& c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '-' || c == '_'))
      c = '-';
  return s;
}

Result<ob2::Ob2Issued> issue_ob2_twin(const Issuer& issuer, const PreparedAward& p,
                                      const json::object& achievement, Lang lang) {
  ob2::Ob2IssuerSetup setup;
  setup.base_url = issuer.base.url + "/ob2";
  setup.name = issuer.profile.name;
  setup.url = issuer.profile.url;
  setup.email = issuer.profile.email;
  ob2::Ob2Achievement a;
  a.slug = ob2_slug(p.request.achievement);
  a.name = str(achievement, "name");
  a.description = str(achievement, "description");
  if (auto it = achievement.find("image"); it != achievement.end())
    a.image = it->value().is_object() ? str(it->value().get_object(), "id")
                                      : (it->value().is_string() ? std::string(it->value().get_string()) : "");
  if (auto it = achievement.find("criteria"); it != achievement.end() && it->value().is_object())
    a.criteria_narrative = str(it->value().get_object(), "narrative");
  if (auto it = achievement.find("alignment"); it != achievement.end() && it->value().is_array())
    for (const auto& al : it->value().get_array())
      if (al.is_object())
        a.alignment.push_back({str(al.get_object(), "targetName"), str(al.get_object(), "targetUrl"),
                               str(al.get_object(), "targetDescription"),
                               str(al.get_object(), "targetFramework"),
                               str(al.get_object(), "targetCode")});
  ob2::Ob2Award award;
  award.recipient_email = p.request.recipient_email;
  if (!p.request.valid_until.empty())
    if (auto t = ob2::parse_ob2_datetime(p.request.valid_until)) award.expires = *t;
  if (!p.request.evidence_url.empty()) award.evidence.push_back(p.request.evidence_url);
  award.narrative = p.request.narrative;
  auto issued = ob2::issue_ob2(setup, a, award, issuer.ob2_key.private_pem());
  if (!issued) return make_error("issuance.sign", p.credential_id, lang,
                                 {issued.error().message + " [" + issued.error().code + "]"});
  return issued;
}

}  // namespace

Result<PreparedAward> prepare_award(store::Store& store, const Issuer& issuer,
                                    AwardRequest request, Lang lang) {
  PreparedAward p;
  auto id = credentials::random_urn_uuid();
  if (!id) return make_error("issuance.sign", "", lang, {id.error().message});
  p.credential_id = *id;
  auto e = allocate_status_entry(store, issuer, store::StatusPurpose::revocation, lang);
  if (!e) return e.error();
  p.status.push_back(*e);
  p.request = std::move(request);
  return p;
}

Result<SignedAward> sign_award(const Issuer& issuer, const PreparedAward& p, Lang lang) {
  const AwardRequest& r = p.request;
  const std::string where = "achievement " + r.achievement.id;
  if (r.recipient_email.empty() && !r.recipient_did)
    return make_error("issuance.bad_award", where, lang,
                      {std::string(tr(lang, "ni e-mail ni DID pour le destinataire",
                                      "no e-mail and no DID for the recipient"))});
  json::object achievement;
  {
    boost::system::error_code ec;
    auto v = json::parse(r.achievement.document, ec);
    if (ec || !v.is_object())
      return make_error("issuance.bad_award", where, lang,
                        {std::string(tr(lang, "document Achievement illisible",
                                        "unreadable Achievement document"))});
    achievement = std::move(v.get_object());
  }

  credentials::Ob3CredentialInput in;
  in.id = p.credential_id;
  in.issuer.id = issuer.profile.id;
  in.issuer.name = issuer.profile.name;
  in.issuer.url = issuer.profile.url;
  in.issuer.email = issuer.profile.email;
  // The builder checks the achievement's required members; the stored document replaces
  // this stand-in below, so that credentials carry the Achievement exactly as published.
  in.achievement.id = r.achievement.id;
  in.achievement.name = r.achievement.name;
  in.achievement.description = r.achievement.name;
  in.achievement.criteria_narrative = r.achievement.name;
  if (r.recipient_did) in.recipient.id = *r.recipient_did;
  else in.recipient.email = r.recipient_email;
  if (!r.narrative.empty() || !r.evidence_url.empty()) {
    credentials::Ob3Evidence e;
    e.id = r.evidence_url;
    e.name = std::string(tr(lang, "Observations en situation de travail", "Observations at work"));
    e.narrative = r.narrative.empty() ? e.name : r.narrative;
    in.evidence.push_back(std::move(e));
  }
  in.valid_from = r.valid_from.empty() ? now_utc() : r.valid_from;
  in.valid_until = r.valid_until;
  in.awarded_date = in.valid_from;
  auto built = credentials::build_ob3_credential(in);
  if (!built) return bad_award(where, built.error(), lang);
  json::object doc = std::move(*built);

  json::object& subject = doc["credentialSubject"].as_object();
  subject["achievement"] = achievement;
  const std::string base = issuer.base.url;
  // resultDescription names the rubric ("…#levels"); achievedLevel one of its levels.
  json::object result{{"type", json::array{"Result"}}};
  std::string level_id = rubric_level_id(base, r.achievement.grid_id, r.achievement.grid_version,
                                         r.achievement.competence_id, r.achievement.level);
  result["resultDescription"] = level_id.substr(0, level_id.rfind('#')) + "#levels";
  result["achievedLevel"] = level_id;
  subject["result"] = json::array{result};
  // OB 3.0 allows one credentialStatus (1EdTech's schema types it as an object): the
  // revocation entry.
  if (!p.status.empty()) doc["credentialStatus"] = status_entry_json(p.status.front());

  proofs::ProofOptions po;
  po.verification_method = issuer.ob3_method;
  po.created = in.valid_from;
  auto secured = proofs::add_data_integrity_proof(doc, issuer.ob3_key, po);
  if (!secured)
    return make_error("issuance.sign", p.credential_id, lang,
                      {secured.error().message + " [" + secured.error().code + "]"});
  // The 1EdTech AchievementCredential schema types `proof` as an array (VC 2.0 allows both).
  if (auto it = secured->find("proof"); it != secured->end() && it->value().is_object())
    it->value() = json::array{it->value()};
  auto jwt = proofs::sign_vc_jwt(doc, issuer.ob3_key, {.kid = issuer.ob3_method});
  if (!jwt)
    return make_error("issuance.sign", p.credential_id, lang,
                      {jwt.error().message + " [" + jwt.error().code + "]"});

  SignedAward out;
  store::Credential& c = out.credential;
  c.id = p.credential_id;
  c.participant_ref = r.participant_ref;
  c.achievement_id = r.achievement.id;
  c.evaluation_id = r.evaluation_id;
  c.idempotency_key = r.idempotency_key;
  c.documents["ob3-di"] = json::serialize(*secured);
  c.documents["ob3-jwt"] = *jwt;
  c.status = p.status;
  c.issued_at = in.valid_from;
  if (issuer.ob2_enabled && !r.recipient_email.empty()) {
    auto twin = issue_ob2_twin(issuer, p, achievement, lang);
    if (!twin) return twin.error();
    c.documents["ob2-hosted"] = json::serialize(ob2::to_json(twin->hosted_assertion));
    c.documents["ob2-signed"] = twin->jws;
    out.ob2_badge_class = json::serialize(ob2::to_json(twin->badge_class));
  }
  out.ob3 = std::move(*secured);
  return out;
}

Result<void> publish_ob2_documents(const Issuer& issuer, const store::Credential& c,
                                   const std::string& badge_class_json, Lang lang) {
  auto hosted = c.documents.find("ob2-hosted");
  if (hosted == c.documents.end()) return {};
  boost::system::error_code ec;
  auto v = json::parse(hosted->second, ec);
  if (ec || !v.is_object()) return {};
  auto write = [&](const std::string& url, const std::string& bytes) -> Result<void> {
    fs::path path = issuer.public_file(url);
    if (path.empty()) return {};
    if (auto w = replace_file(path, bytes + "\n"); !w)
      return make_error("issuance.write", path.string(), lang,
                        {path.string(), w.error().message});
    return {};
  };
  if (auto w = write(str(v.get_object(), "id"), hosted->second); !w) return w;
  if (!badge_class_json.empty())
    if (auto w = write(str(v.get_object(), "badge"), badge_class_json); !w) return w;
  return {};
}

Result<RecordedAward> record_award(store::Store& store, const Issuer& issuer,
                                   const SignedAward& s, const std::string& actor, Lang lang) {
  RecordedAward out;
  auto tx = store.transact([&](store::Store& tx_store) -> Result<void> {
    auto inserted = tx_store.insert_credential(s.credential);
    if (!inserted) return inserted.error();
    out.credential = inserted->credential;
    out.created = inserted->created;
    if (!inserted->created) return {};
    const store::Credential& c = s.credential;
    json::object detail{{"participant", c.participant_ref},
                        {"achievement", c.achievement_id},
                        {"key", c.idempotency_key}};
    if (c.evaluation_id) detail["evaluation"] = *c.evaluation_id;
    json::array formats;
    for (const auto& [format, _] : c.documents) formats.push_back(json::string(format));
    detail["formats"] = std::move(formats);
    auto a = tx_store.append_audit({.at = c.issued_at,
                                    .actor = actor,
                                    .action = "credential.issue",
                                    .subject = "credential:" + c.id,
                                    .detail = json::serialize(detail)});
    if (!a) return a.error();
    return {};
  });
  if (!tx) return store_failure(issuer, tx.error(), lang);
  if (out.created)
    if (auto p = publish_ob2_documents(issuer, out.credential, s.ob2_badge_class, lang); !p)
      return p.error();
  return out;
}

Result<RecordedAward> award(store::Store& store, const Issuer& issuer, AwardRequest request,
                            const std::string& actor, Lang lang) {
  auto existing = store.find_credential_by_key(request.idempotency_key);
  if (!existing) return store_failure(issuer, existing.error(), lang);
  if (*existing) return RecordedAward{**existing, false};
  auto prepared = prepare_award(store, issuer, std::move(request), lang);
  if (!prepared) return prepared.error();
  auto signed_award = sign_award(issuer, *prepared, lang);
  if (!signed_award) return signed_award.error();
  return record_award(store, issuer, *signed_award, actor, lang);
}

}  // namespace ecusson::issuance
