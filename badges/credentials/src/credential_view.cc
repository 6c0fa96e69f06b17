#include "ecusson/credentials/credential_view.h"

#include <algorithm>

#include <boost/json.hpp>

namespace ecusson::credentials {

namespace json = boost::json;

std::string string_member(const json::object& o, std::string_view name) {
  const json::value* v = o.if_contains(name);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::vector<std::string> types_of(const json::value* type) {
  std::vector<std::string> out;
  if (type == nullptr) return out;
  if (type->is_string()) {
    out.emplace_back(type->get_string());
  } else if (type->is_array()) {
    for (const auto& t : type->get_array())
      if (t.is_string()) out.emplace_back(t.get_string());
  }
  return out;
}

bool has_type(const json::value* type, std::string_view name) {
  auto ts = types_of(type);
  return std::find(ts.begin(), ts.end(), name) != ts.end();
}

std::vector<const json::object*> objects_of(const json::value* v) {
  std::vector<const json::object*> out;
  if (v == nullptr) return out;
  if (v->is_object()) {
    out.push_back(&v->get_object());
  } else if (v->is_array()) {
    for (const auto& x : v->get_array())
      if (x.is_object()) out.push_back(&x.get_object());
  }
  return out;
}

std::vector<std::string> contexts_of(const json::object& credential) {
  std::vector<std::string> out;
  const json::value* ctx = credential.if_contains("@context");
  if (ctx == nullptr) return out;
  if (ctx->is_string()) {
    out.emplace_back(ctx->get_string());
  } else if (ctx->is_array()) {
    for (const auto& c : ctx->get_array())
      out.emplace_back(c.is_string() ? std::string(c.get_string()) : std::string());
  }
  return out;
}

std::string issuer_id_of(const json::object& credential) {
  const json::value* issuer = credential.if_contains("issuer");
  if (issuer == nullptr) return {};
  if (issuer->is_string()) return std::string(issuer->get_string());
  if (issuer->is_object()) return string_member(issuer->get_object(), "id");
  return {};
}

std::string issuer_name_of(const json::object& credential) {
  const json::value* issuer = credential.if_contains("issuer");
  return issuer && issuer->is_object() ? string_member(issuer->get_object(), "name")
                                       : std::string();
}

const json::object* subject_of(const json::object& credential) {
  auto subjects = objects_of(credential.if_contains("credentialSubject"));
  return subjects.empty() ? nullptr : subjects.front();
}

std::optional<std::string> subject_id_of(const json::object& credential) {
  const json::object* s = subject_of(credential);
  const json::value* id = s ? s->if_contains("id") : nullptr;
  if (id == nullptr || !id->is_string()) return std::nullopt;
  return std::string(id->get_string());
}

const json::object* achievement_of(const json::object& credential) {
  const json::object* s = subject_of(credential);
  const json::value* a = s ? s->if_contains("achievement") : nullptr;
  return a ? a->if_object() : nullptr;
}

const json::value* valid_from_member(const json::object& credential) {
  if (const json::value* v = credential.if_contains("validFrom")) return v;
  return credential.if_contains("issuanceDate");
}

const json::value* valid_until_member(const json::object& credential) {
  if (const json::value* v = credential.if_contains("validUntil")) return v;
  return credential.if_contains("expirationDate");
}

CredentialSummary summarise_credential(const json::object& credential) {
  CredentialSummary s;
  s.id = string_member(credential, "id");
  s.issuer_id = issuer_id_of(credential);
  s.issuer_name = issuer_name_of(credential);
  s.subject_id = subject_id_of(credential).value_or(std::string());
  if (const json::object* a = achievement_of(credential)) {
    s.achievement_id = string_member(*a, "id");
    s.achievement_name = string_member(*a, "name");
  }
  if (s.achievement_name.empty()) s.achievement_name = string_member(credential, "name");
  const json::value* from = valid_from_member(credential);
  const json::value* until = valid_until_member(credential);
  if (from && from->is_string()) s.valid_from = std::string(from->get_string());
  if (until && until->is_string()) s.valid_until = std::string(until->get_string());
  return s;
}

}  // namespace ecusson::credentials
