#include "ecusson/credentials/ob3_credential.h"

#include <boost/json.hpp>
#include <ctime>
#include <regex>

#include "ecusson/common/digest.h"
#include "ecusson/common/json_write.h"
#include "ecusson/credentials/ob3_identity.h"

namespace ecusson::credentials {

namespace json = boost::json;

namespace {

Error missing(const std::string& path) {
  return fail("ob3.missing_field", "champ obligatoire manquant : " + path, path);
}

bool has_scheme(std::string_view s) {
  auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return colon + 1 < s.size();
}

bool is_datetime(const std::string& s) {
  static const std::regex re(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$)");
  return std::regex_match(s, re);
}

json::array types(std::initializer_list<const char*> t) {
  json::array a;
  for (const char* s : t) a.emplace_back(s);
  return a;
}

json::object image_object(const std::string& id, const std::string& caption) {
  json::object o;
  o["id"] = id;
  o["type"] = "Image";
  put_if_set(o, "caption", caption);
  return o;
}

Result<json::array> alignments(const std::vector<Ob3Alignment>& in, const std::string& path) {
  json::array out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto& a = in[i];
    std::string p = path + "/" + std::to_string(i);
    if (a.target_name.empty()) return missing(p + "/targetName");
    if (a.target_url.empty()) return missing(p + "/targetUrl");
    json::object o;
    o["type"] = types({"Alignment"});
    o["targetName"] = a.target_name;
    o["targetUrl"] = a.target_url;
    put_if_set(o, "targetCode", a.target_code);
    put_if_set(o, "targetFramework", a.target_framework);
    put_if_set(o, "targetType", a.target_type);
    put_if_set(o, "targetDescription", a.target_description);
    out.push_back(std::move(o));
  }
  return out;
}

Result<json::object> profile(const Ob3Profile& p, const std::string& path) {
  if (p.id.empty()) return missing(path + "/id");
  if (!has_scheme(p.id))
    return fail("ob3.bad_value", "l'identifiant de l'émetteur doit être une URL ou un DID",
                path + "/id");
  json::object o;
  o["id"] = p.id;
  o["type"] = types({"Profile"});
  put_if_set(o, "name", p.name);
  put_if_set(o, "url", p.url);
  put_if_set(o, "email", p.email);
  put_if_set(o, "description", p.description);
  if (!p.image.empty()) o["image"] = image_object(p.image, p.name);
  return o;
}

Result<json::object> achievement(const Ob3Achievement& a) {
  const std::string path = "/credentialSubject/achievement";
  if (a.id.empty()) return missing(path + "/id");
  if (!has_scheme(a.id))
    return fail("ob3.bad_value", "l'identifiant du badge doit être un URI", path + "/id");
  if (a.name.empty()) return missing(path + "/name");
  if (a.description.empty()) return missing(path + "/description");
  if (a.criteria_narrative.empty() && a.criteria_id.empty())
    return missing(path + "/criteria/narrative");
  json::object o;
  o["id"] = a.id;
  o["type"] = types({"Achievement"});
  put_if_set(o, "achievementType", a.achievement_type);
  o["name"] = a.name;
  o["description"] = a.description;
  json::object criteria;
  put_if_set(criteria, "id", a.criteria_id);
  put_if_set(criteria, "narrative", a.criteria_narrative);
  o["criteria"] = std::move(criteria);
  if (!a.image.empty()) o["image"] = image_object(a.image, a.image_caption);
  put_if_set(o, "humanCode", a.human_code);
  put_if_set(o, "version", a.version);
  put_if_set(o, "inLanguage", a.in_language);
  if (!a.tags.empty()) {
    json::array tags = string_array(a.tags);
    if (!tags.empty()) o["tag"] = std::move(tags);
  }
  if (!a.alignments.empty()) {
    auto al = alignments(a.alignments, path + "/alignment");
    if (!al) return al.error();
    o["alignment"] = std::move(*al);
  }
  if (a.result_description) {
    const auto& rd = *a.result_description;
    std::string rp = path + "/resultDescription/0";
    if (rd.id.empty()) return missing(rp + "/id");
    if (rd.name.empty()) return missing(rp + "/name");
    if (rd.levels.empty()) return missing(rp + "/rubricCriterionLevel");
    json::object r;
    r["id"] = rd.id;
    r["type"] = types({"ResultDescription"});
    r["name"] = rd.name;
    r["resultType"] = "RubricCriterionLevel";
    json::array levels;
    bool required_found = rd.required_level.empty();
    for (std::size_t i = 0; i < rd.levels.size(); ++i) {
      const auto& l = rd.levels[i];
      std::string lp = rp + "/rubricCriterionLevel/" + std::to_string(i);
      if (l.id.empty()) return missing(lp + "/id");
      if (l.name.empty()) return missing(lp + "/name");
      if (l.id == rd.required_level) required_found = true;
      json::object lo;
      lo["id"] = l.id;
      lo["type"] = types({"RubricCriterionLevel"});
      lo["name"] = l.name;
      put_if_set(lo, "level", l.level);
      put_if_set(lo, "description", l.description);
      if (!l.alignments.empty()) {
        auto al = alignments(l.alignments, lp + "/alignment");
        if (!al) return al.error();
        lo["alignment"] = std::move(*al);
      }
      levels.push_back(std::move(lo));
    }
    if (!required_found)
      return fail("ob3.bad_reference", "le niveau requis n'est pas un niveau de la grille",
                  rp + "/requiredLevel");
    put_if_set(r, "requiredLevel", rd.required_level);
    r["rubricCriterionLevel"] = std::move(levels);
    json::array rds;
    rds.push_back(std::move(r));
    o["resultDescription"] = std::move(rds);
  }
  return o;
}

}  // namespace

Result<json::object> build_ob3_achievement(const Ob3Achievement& a) { return achievement(a); }

std::string utc_now_seconds() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<std::string> random_urn_uuid() {
  auto uuid = random_uuid_v4();
  if (!uuid) return fail("ob3.random", uuid.error().message);
  return "urn:uuid:" + *uuid;
}

Result<json::object> build_ob3_credential(const Ob3CredentialInput& in) {
  json::object c;
  json::array ctx;
  ctx.emplace_back(kVcContextV2);
  ctx.emplace_back(kOb3Context);
  // credentialSchema's type 1EdTechJsonSchemaValidator2019 is defined by 1EdTech's
  // extensions context only: without it, the term would not be covered by a proof.
  if (in.include_schema) ctx.emplace_back(kOb3ExtensionsContext);
  c["@context"] = std::move(ctx);

  std::string id = in.id;
  if (id.empty()) {
    auto u = random_urn_uuid();
    if (!u) return u.error();
    id = *u;
  } else if (!has_scheme(id)) {
    return fail("ob3.bad_value", "l'identifiant du justificatif doit être un URI", "/id");
  }
  c["id"] = id;
  c["type"] = types({"VerifiableCredential", "OpenBadgeCredential"});
  c["name"] = in.name.empty() ? in.achievement.name : in.name;
  put_if_set(c, "description", in.description);
  if (!in.image.empty()) c["image"] = image_object(in.image, in.achievement.name);

  auto issuer = profile(in.issuer, "/issuer");
  if (!issuer) return issuer.error();
  c["issuer"] = std::move(*issuer);

  std::string valid_from = in.valid_from.empty() ? utc_now_seconds() : in.valid_from;
  if (!is_datetime(valid_from))
    return fail("ob3.bad_value", "date invalide (attendu AAAA-MM-JJThh:mm:ssZ)", "/validFrom");
  c["validFrom"] = valid_from;
  if (!in.valid_until.empty()) {
    if (!is_datetime(in.valid_until))
      return fail("ob3.bad_value", "date invalide (attendu AAAA-MM-JJThh:mm:ssZ)", "/validUntil");
    // Same textual form in UTC compares chronologically.
    if (in.valid_until.back() == 'Z' && valid_from.back() == 'Z' &&
        in.valid_until.size() == valid_from.size() && in.valid_until <= valid_from)
      return fail("ob3.bad_value", "validUntil doit être après validFrom", "/validUntil");
    c["validUntil"] = in.valid_until;
  }
  if (!in.awarded_date.empty()) {
    if (!is_datetime(in.awarded_date))
      return fail("ob3.bad_value", "date invalide", "/awardedDate");
    c["awardedDate"] = in.awarded_date;
  }

  // credentialSubject
  json::object s;
  const auto& r = in.recipient;
  if (r.id.empty() && r.email.empty()) return missing("/credentialSubject/id");
  if (!r.id.empty()) {
    if (!has_scheme(r.id))
      return fail("ob3.bad_value", "l'identifiant du titulaire doit être un URI",
                  "/credentialSubject/id");
    s["id"] = r.id;
  }
  s["type"] = types({"AchievementSubject"});
  if (!r.email.empty()) {
    std::string salt = r.salt;
    if (salt.empty()) {
      auto fresh = random_salt();
      if (!fresh) return fresh.error();
      salt = *fresh;
    }
    json::array ids;
    ids.push_back(make_email_identity(r.email, salt));
    s["identifier"] = std::move(ids);
  }
  auto ach = achievement(in.achievement);
  if (!ach) return ach.error();
  s["achievement"] = std::move(*ach);
  if (in.result) {
    const auto& rd = in.achievement.result_description;
    if (!rd)
      return fail("ob3.bad_reference", "un résultat demande une description de résultat (grille)",
                  "/credentialSubject/result/0");
    json::object res;
    res["type"] = types({"Result"});
    res["resultDescription"] = rd->id;
    if (!in.result->achieved_level.empty()) {
      bool found = false;
      for (const auto& l : rd->levels) found = found || l.id == in.result->achieved_level;
      if (!found)
        return fail("ob3.bad_reference", "le niveau atteint n'est pas un niveau de la grille",
                    "/credentialSubject/result/0/achievedLevel");
      res["achievedLevel"] = in.result->achieved_level;
    }
    put_if_set(res, "value", in.result->value);
    put_if_set(res, "status", in.result->status);
    json::array results;
    results.push_back(std::move(res));
    s["result"] = std::move(results);
  }
  c["credentialSubject"] = std::move(s);

  if (!in.evidence.empty()) {
    json::array ev;
    for (const auto& e : in.evidence) {
      json::object o;
      put_if_set(o, "id", e.id);
      o["type"] = types({"Evidence"});
      put_if_set(o, "name", e.name);
      put_if_set(o, "description", e.description);
      put_if_set(o, "narrative", e.narrative);
      put_if_set(o, "genre", e.genre);
      put_if_set(o, "audience", e.audience);
      ev.push_back(std::move(o));
    }
    c["evidence"] = std::move(ev);
  }
  if (in.status) {
    if (in.status->id.empty()) return missing("/credentialStatus/id");
    if (in.status->type.empty()) return missing("/credentialStatus/type");
    json::object st;
    st["id"] = in.status->id;
    st["type"] = in.status->type;
    for (const auto& [k, v] : in.status->fields)
      if (!v.empty()) st[k] = v;
    c["credentialStatus"] = std::move(st);
  }
  if (in.include_schema) {
    json::object sc;
    sc["id"] = kOb3CredentialSchema;
    sc["type"] = "1EdTechJsonSchemaValidator2019";
    json::array scs;
    scs.push_back(std::move(sc));
    c["credentialSchema"] = std::move(scs);
  }
  return c;
}

Result<std::string> build_ob3_credential_json(const Ob3CredentialInput& in) {
  auto c = build_ob3_credential(in);
  if (!c) return c.error();
  return json::serialize(*c);
}

}  // namespace ecusson::credentials
