#include "ecusson/ob2/issue.h"

#include <boost/json.hpp>

#include "ecusson/common/digest.h"
#include "internal.h"

namespace ecusson::ob2 {

namespace json = boost::json;

std::string Ob2Urls::badge_class(std::string_view slug) const {
  return base + "/badges/" + std::string(slug) + ".json";
}
std::string Ob2Urls::assertion(std::string_view uuid) const {
  return base + "/assertions/" + std::string(uuid) + ".json";
}

Ob2Urls ob2_urls(std::string_view base_url) {
  Ob2Urls u;
  u.base = std::string(base_url);
  while (!u.base.empty() && u.base.back() == '/') u.base.pop_back();
  u.issuer = u.base + "/issuer.json";
  u.key = u.base + "/keys/1.json";
  u.revocation_list = u.base + "/revocations.json";
  return u;
}

Result<std::string> sign_ob2_assertion(const json::object& assertion,
                                       std::string_view private_key_pem) {
  return detail::sign_rs256(json::serialize(assertion), private_key_pem);
}

Result<std::string> ob2_public_key_pem(std::string_view private_key_pem) {
  return detail::public_pem_of(private_key_pem);
}

std::optional<std::chrono::sys_seconds> parse_ob2_datetime(std::string_view text) {
  if (text.size() == 10) return detail::parse_datetime(std::string(text) + "T00:00:00Z");
  return detail::parse_datetime(text);
}

Result<std::string> generate_ob2_rsa_key() { return detail::generate_rsa_pem(); }

Result<Ob2Issued> issue_ob2(const Ob2IssuerSetup& setup, const Ob2Achievement& achievement,
                            const Ob2Award& award, std::string_view private_key_pem) {
  if (!detail::parse_http_url(setup.base_url))
    return fail("ob2.bad_base_url", "URL de base absolue http(s) attendue", "base_url");
  auto missing = [](const char* field) {
    return fail("ob2.missing_field", std::string("champ obligatoire manquant : ") + field, field);
  };
  if (setup.name.empty()) return missing("issuer.name");
  if (setup.url.empty()) return missing("issuer.url");
  if (setup.email.empty()) return missing("issuer.email");
  if (achievement.slug.empty()) return missing("achievement.slug");
  if (achievement.name.empty()) return missing("achievement.name");
  if (achievement.description.empty()) return missing("achievement.description");
  // OB 2.0 requires both; a BadgeClass without them is refused by every verifier, ours too.
  if (achievement.image.empty()) return missing("achievement.image");
  if (achievement.criteria_url.empty() && achievement.criteria_narrative.empty())
    return missing("achievement.criteria");
  if (award.recipient_email.empty()) return missing("recipient_email");

  auto issued_on = award.issued_on.value_or(
      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  if (award.expires && *award.expires < issued_on)
    return fail("ob2.bad_dates", "la date d'expiration précède la date d'émission", "expires");

  auto pub = detail::public_pem_of(private_key_pem);
  if (!pub) return pub.error();

  Ob2Urls urls = ob2_urls(setup.base_url);
  Ob2Issued out;
  out.issuer.id = urls.issuer;
  out.issuer.name = setup.name;
  out.issuer.url = setup.url;
  out.issuer.email = setup.email;
  out.issuer.description = setup.description;
  out.issuer.image = setup.image;
  out.issuer.public_keys = {urls.key};
  out.issuer.revocation_list = urls.revocation_list;
  // Hosted verification policy: only assertions under our own assertions/ path count as
  // ours, so a document elsewhere on the same host cannot pass for one.
  out.issuer.starts_with = {urls.base + "/assertions/"};

  out.key.id = urls.key;
  out.key.owner = urls.issuer;
  out.key.public_key_pem = *pub;

  out.revocation_list.id = urls.revocation_list;
  out.revocation_list.issuer = urls.issuer;

  Ob2BadgeClass& b = out.badge_class;
  b.id = urls.badge_class(achievement.slug);
  b.name = achievement.name;
  b.description = achievement.description;
  b.image = achievement.image;
  b.criteria_id = achievement.criteria_url;
  b.criteria_narrative = achievement.criteria_narrative;
  b.issuer = urls.issuer;
  b.alignment = achievement.alignment;
  b.tags = achievement.tags;

  auto uuid_or = random_uuid_v4();
  if (!uuid_or) return uuid_or.error();
  const std::string uuid = std::move(*uuid_or);
  Ob2Assertion a;
  a.recipient = make_ob2_recipient(award.recipient_email);
  a.badge = b.id;
  a.issued_on = detail::format_datetime(issued_on);
  if (award.expires) a.expires = detail::format_datetime(*award.expires);
  a.evidence = award.evidence;
  a.narrative = award.narrative;

  out.hosted_assertion = a;
  out.hosted_assertion.id = urls.assertion(uuid);
  out.hosted_assertion.signed_badge = false;

  out.signed_assertion = a;
  out.signed_assertion.id = "urn:uuid:" + uuid;
  out.signed_assertion.signed_badge = true;
  out.signed_assertion.creator = urls.key;
  // The two forms of one award share the salt and hash: they name the same person.

  auto jws = sign_ob2_assertion(to_json(out.signed_assertion), private_key_pem);
  if (!jws) return jws.error();
  out.jws = std::move(*jws);
  return out;
}

}  // namespace ecusson::ob2
