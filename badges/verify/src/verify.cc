// The verification pipeline (verify.h). Order of checks: structure → proof (and issuer
// binding) → validity → status → recipient. Every step appends checks; nothing throws
// out of verify_credential.
#include "ecusson/verify/verify.h"

#include <algorithm>
#include <cctype>
#include <memory>

#include <boost/json.hpp>

#include "ecusson/baking/baked_payload.h"
#include "ecusson/credentials/credential_view.h"
#include "ecusson/proofs/data_integrity.h"
#include "ecusson/common/datetime.h"
#include "ecusson/common/input_format.h"
#include "ecusson/crypto/key_resolver.h"
#include "ecusson/net/network_key_resolver.h"
#include "ecusson/credentials/ob3_identity.h"
#include "ecusson/common/strict_json.h"
#include "ecusson/credentials/validity_window.h"
#include "ecusson/ob2/policy_limits.h"
#include "ecusson/proofs/vc_jwt.h"
#include "verify_internal.h"

namespace ecusson::verify {

using baking::BakedKind;
using baking::ImageFormat;
using baking::is_ob3;
using baking::sniff_image_format;
using baking::unbake_image;
using credentials::ValidityWindow;
using credentials::VerificationResult;
using credentials::append_validity_checks;
using credentials::credential_validity_window;
using credentials::has_type;
using credentials::identity_matches;
using credentials::issuer_id_of;
using credentials::kVc1Context;
using credentials::kVc2Context;
using credentials::objects_of;
using credentials::restrict_to_jwt_claims;
using credentials::string_member;
using credentials::subject_of;
using credentials::summarise_credential;
using crypto::KeyResolver;
using crypto::LocalKeyResolver;
using net::FetchOptions;
using net::FetchResponse;
using net::Fetcher;
using net::HttpFetcher;
using net::NetworkKeyResolver;
using net::fetch_error_status;
using proofs::DataIntegrityVerifyOptions;
using proofs::VcJwt;
using proofs::append_data_integrity_checks;
using proofs::read_vc_jwt;

namespace json = boost::json;
using namespace std::chrono;

// ---------------------------------------------------------------------------------------
// Dates: the CLI's `--at` goes through the one parser of datetime.h.

std::optional<sys_seconds> parse_date_time(std::string_view s) {
  auto dt = parse_datetime(s, DateTimeSyntax{.date_only = true});
  if (!dt) return std::nullopt;
  return sys_seconds{seconds{dt->seconds}};
}

// ---------------------------------------------------------------------------------------

namespace {

using detail::kFailed;
using detail::kPassed;
using detail::kSkipped;
using detail::kWarning;
using detail::Run;

const json::value* member(const json::object& o, std::string_view key) { return o.if_contains(key); }

bool is_uri(std::string_view s) {
  auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    char c = s[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'))
      return false;
  }
  return colon + 1 < s.size() &&
         std::none_of(s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

bool is_ob_context(std::string_view c) {
  if (c.starts_with("https://purl.imsglobal.org/spec/ob/v3p0/context") && c.ends_with(".json"))
    return true;
  // Draft-era and CLR contexts seen in the 1EdTech fixtures.
  return c == "https://imsglobal.github.io/openbadges-specification/context.json" ||
         c.starts_with("https://purl.imsglobal.org/spec/clr/v2p0/context") ||
         c == "https://dc.imsglobal.org/draft/clr/v2p0/context";
}

constexpr std::string_view kVc2 = kVc2Context;
constexpr std::string_view kVc1 = kVc1Context;

bool is_ob2_context(const json::value* ctx) {
  auto check = [](std::string_view s) {
    return s.starts_with("https://w3id.org/openbadges/v2") ||
           s.starts_with("https://w3id.org/openbadges/v1") ||
           s.starts_with("https://w3id.org/openbadges");
  };
  if (!ctx) return false;
  if (ctx->is_string()) return check(ctx->get_string());
  if (ctx->is_array())
    for (const auto& c : ctx->get_array())
      if (c.is_string() && check(c.get_string())) return true;
  return false;
}

// ---------------------------------------------------------------------------------------
// Structure

enum class Kind { badge, status_list };
// What an OB 3.0-family credential is: a badge, an endorsement (OB 3.0 §Endorsement), or
// a CLR 2.0 transcript (which extends OB 3.0; its nested credentials are covered by the
// outer proof and not verified one by one).
enum class Flavour { open_badge, endorsement, clr };

struct Shape {
  bool v1 = false;  // VCDM 1.1 names (issuanceDate / expirationDate)
  bool fatal = false;
};

void check_typed(const json::value* v, std::string_view expected, const char* what_fr,
                 const char* what_en, std::vector<std::string>& problems) {
  for (const auto* o : objects_of(v)) {
    if (!has_type(o->if_contains("type"), expected))
      problems.push_back(std::string(what_fr) + " : type « " + std::string(expected) +
                         " » attendu");
  }
  (void)what_en;
}

// structure.context; returns true for a VCDM 1.1 credential (issuanceDate /
// expirationDate names).
bool check_context(const json::object& cred, Kind kind, VerificationResult& r) {
  const auto* ctx = member(cred, "@context");
  std::vector<std::string> ctxs;
  bool well_formed = ctx && (ctx->is_string() || ctx->is_array());
  if (ctx && ctx->is_string()) ctxs.emplace_back(ctx->get_string());
  if (ctx && ctx->is_array())
    for (const auto& c : ctx->get_array()) {
      if (c.is_string()) ctxs.emplace_back(c.get_string());
      else if (!c.is_object()) well_formed = false;
      else ctxs.emplace_back();
    }
  std::string first = ctxs.empty() ? std::string() : ctxs.front();
  bool ob = kind == Kind::status_list ||
            std::any_of(ctxs.begin(), ctxs.end(), [](const std::string& c) { return is_ob_context(c); });
  if (!well_formed || (first != kVc2 && first != kVc1)) {
    r.add("structure.context", kFailed,
          "@context doit commencer par « " + std::string(kVc2) + " » (ou « " + std::string(kVc1) + " »)",
          "@context must start with the VC 2.0 (or 1.1) context", first);
  } else if (!ob) {
    r.add("structure.context", kFailed, "@context ne contient pas le contexte Open Badges 3.0",
          "@context lacks the Open Badges 3.0 context");
  } else {
    r.add("structure.context", kPassed, "Contextes JSON-LD conformes", "JSON-LD contexts conform",
          first);
  }
  return first == kVc1;
}

// structure.type; returns what the credential is.
Flavour check_type(const json::object& cred, Kind kind, VerificationResult& r) {
  Flavour flavour = Flavour::open_badge;
  const auto* t = member(cred, "type");
  bool vc = has_type(t, "VerifiableCredential");
  bool ok;
  if (kind == Kind::badge) {
    if (has_type(t, "OpenBadgeCredential") || has_type(t, "AchievementCredential"))
      flavour = Flavour::open_badge;
    else if (has_type(t, "EndorsementCredential"))
      flavour = Flavour::endorsement;
    else if (has_type(t, "ClrCredential"))
      flavour = Flavour::clr;
    else
      vc = false;
    ok = vc;
  } else {
    ok = vc && (has_type(t, "BitstringStatusListCredential") ||
                has_type(t, "StatusList2021Credential"));
  }
  if (ok)
    r.add("structure.type", kPassed, "Type de justificatif reconnu", "Credential type recognised",
          flavour == Flavour::endorsement ? "EndorsementCredential"
          : flavour == Flavour::clr       ? "ClrCredential"
                                          : std::string());
  else if (kind == Kind::badge)
    r.add("structure.type", kFailed,
          "type doit contenir « VerifiableCredential » et « OpenBadgeCredential » (ou « AchievementCredential »)",
          "type must contain VerifiableCredential and OpenBadgeCredential (or AchievementCredential)");
  else
    r.add("structure.type", kFailed, "la liste de statuts n'est pas une BitstringStatusListCredential",
          "the status list is not a BitstringStatusListCredential");
  return flavour;
}

// structure.id
void check_id(const json::object& cred, Kind kind, VerificationResult& r) {
  const auto* id = member(cred, "id");
  if (id && id->is_string() && is_uri(id->get_string()))
    r.add("structure.id", kPassed, "Identifiant du justificatif présent", "Credential id present",
          std::string(id->get_string()));
  else if (!id && kind == Kind::status_list)
    r.add("structure.id", kSkipped, "Liste de statuts sans identifiant", "Status list without id");
  else
    r.add("structure.id", kFailed, "« id » du justificatif absent ou n'est pas une URI",
          "credential id missing or not a URI");
}

// structure.issuer (and the typed members of an issuer Profile).
void check_issuer(const json::object& cred, Kind kind, VerificationResult& r) {
  const auto* iss = member(cred, "issuer");
  std::vector<std::string> problems;
  std::string id = issuer_id_of(cred);
  if (!iss) problems.push_back("émetteur (« issuer ») absent");
  else if (!is_uri(id)) problems.push_back("l'identifiant de l'émetteur n'est pas une URI");
  if (iss && iss->is_object() && kind == Kind::badge) {
    const auto& io = iss->get_object();
    check_typed(iss, "Profile", "émetteur", "issuer", problems);
    check_typed(io.if_contains("parentOrg"), "Profile", "organisation parente", "parent org", problems);
    check_typed(io.if_contains("otherIdentifier"), "IdentifierEntry", "autre identifiant",
                "other identifier", problems);
  }
  if (problems.empty())
    r.add("structure.issuer", kPassed, "Émetteur identifié", "Issuer identified", id);
  else
    r.add("structure.issuer", kFailed, problems.front(), "issuer missing or malformed", id);
}

// structure.subject, per flavour.
void check_subject(const json::object& cred, Kind kind, Flavour flavour, VerificationResult& r) {
  const auto* subj_v = member(cred, "credentialSubject");
  const json::object* subj = subject_of(cred);
  std::vector<std::string> problems;
  if (!subj) {
    problems.push_back("titulaire (« credentialSubject ») absent");
  } else if (kind == Kind::badge && flavour == Flavour::endorsement) {
    check_typed(subj_v, "EndorsementSubject", "sujet de l'approbation", "endorsement subject", problems);
    if (!subj->contains("id")) problems.push_back("le sujet de l'approbation n'a pas d'« id »");
  } else if (kind == Kind::badge && flavour == Flavour::clr) {
    check_typed(subj_v, "ClrSubject", "titulaire du relevé", "CLR subject", problems);
    const auto* vcs = subj->if_contains("verifiableCredential");
    if (!vcs || !vcs->is_array()) problems.push_back("ClrSubject sans « verifiableCredential »");
  } else if (kind == Kind::badge) {
    if (subj_v->is_array() && subj_v->get_array().size() != 1)
      problems.push_back("un seul titulaire attendu");
    check_typed(subj_v, "AchievementSubject", "titulaire", "subject", problems);
    if (!subj->contains("id") && !subj->contains("identifier"))
      problems.push_back("le titulaire n'a ni « id » ni « identifier »");
    check_typed(subj->if_contains("identifier"), "IdentityObject", "identifiant du titulaire",
                "subject identifier", problems);
    check_typed(subj->if_contains("source"), "Profile", "source", "source", problems);
    check_typed(subj->if_contains("result"), "Result", "résultat", "result", problems);
    if (const auto* ach = subj->if_contains("achievement")) {
      check_typed(ach, "Achievement", "réalisation", "achievement", problems);
      if (ach->is_object())
        check_typed(ach->get_object().if_contains("resultDescription"), "ResultDescription",
                    "description de résultat", "result description", problems);
      else
        problems.push_back("« achievement » doit être un objet");
    }
  } else {
    if (!has_type(subj->if_contains("type"), "BitstringStatusList") &&
        !has_type(subj->if_contains("type"), "StatusList2021"))
      problems.push_back("credentialSubject de la liste : type « BitstringStatusList » attendu");
    const auto* enc = subj->if_contains("encodedList");
    if (!enc || !enc->is_string()) problems.push_back("encodedList absent");
  }
  if (problems.empty())
    r.add("structure.subject", kPassed, "Titulaire et réalisation bien formés",
          "Subject and achievement well formed");
  else
    r.add("structure.subject", kFailed, problems.front(), "credentialSubject malformed");
}

// structure.clr (warning) and structure.evidence.
void check_nested(const json::object& cred, Kind kind, Flavour flavour, VerificationResult& r) {
  if (kind == Kind::badge && flavour == Flavour::clr)
    r.add("structure.clr", kWarning,
          "Relevé CLR 2.0 : les justificatifs qu'il contient sont couverts par sa preuve mais ne "
          "sont pas vérifiés un par un",
          "CLR 2.0 transcript: its nested credentials are covered by its proof but not verified "
          "one by one");
  // evidence
  if (kind == Kind::badge && cred.contains("evidence")) {
    std::vector<std::string> problems;
    check_typed(member(cred, "evidence"), "Evidence", "preuve", "evidence", problems);
    if (problems.empty())
      r.add("structure.evidence", kPassed, "Preuves bien formées", "Evidence well formed");
    else
      r.add("structure.evidence", kFailed, problems.front(), "evidence malformed");
  }
}

// structure.dates: present and RFC 3339 with a zone (datetime.h), under the names of the
// credential's VC data model.
void check_dates(const json::object& cred, Kind kind, bool v1, VerificationResult& r) {
  std::string from_name = v1 ? "issuanceDate" : "validFrom";
  std::string until_name = v1 ? "expirationDate" : "validUntil";
  std::vector<std::string> problems;
  const auto* from = member(cred, from_name);
  if (!from && !(kind == Kind::status_list))
    problems.push_back("« " + from_name + " » absent");
  if (from && (!from->is_string() || !parse_datetime(from->get_string())))
    problems.push_back("« " + from_name + " » n'est pas une date-heure avec fuseau");
  const auto* until = member(cred, until_name);
  if (until && (!until->is_string() || !parse_datetime(until->get_string())))
    problems.push_back("« " + until_name + " » n'est pas une date-heure avec fuseau");
  // VCDM 1.1 names in a 2.0 credential (or the reverse) are ignored by others: refuse.
  const char* other_from = v1 ? "validFrom" : "issuanceDate";
  if (!from && cred.contains(other_from))
    problems.push_back(std::string("« ") + other_from + " » ne correspond pas au modèle VC du @context");
  if (problems.empty())
    r.add("structure.dates", kPassed, "Dates bien formées", "Dates well formed");
  else
    r.add("structure.dates", kFailed, problems.front(), "dates missing or malformed");
}

Shape check_structure(const json::object& cred, Kind kind, VerificationResult& r) {
  Shape shape;
  shape.v1 = check_context(cred, kind, r);
  Flavour flavour = check_type(cred, kind, r);
  check_id(cred, kind, r);
  check_issuer(cred, kind, r);
  check_subject(cred, kind, flavour, r);
  check_nested(cred, kind, flavour, r);
  check_dates(cred, kind, shape.v1, r);
  return shape;
}

// ---------------------------------------------------------------------------------------
// Recipient

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace


namespace {

void check_recipient(const Run& run, const json::object& cred, VerificationResult& r) {
  if (run.opt.recipient.empty()) {
    r.add("recipient.mismatch", kSkipped, "Destinataire non vérifié (aucune adresse fournie)",
          "Recipient not checked (no address given)");
    return;
  }
  const auto* subj = subject_of(cred);
  bool any_email = false;
  bool match = false;
  if (subj) {
    std::string id = string_member(*subj, "id");
    if (id.starts_with("mailto:")) {
      any_email = true;
      match = lower(id.substr(7)) == lower(run.opt.recipient);
    }
    for (const auto* io : objects_of(subj->if_contains("identifier"))) {
      if (string_member(*io, "identityType") != "emailAddress") continue;
      any_email = true;
      if (identity_matches(json::value(*io), run.opt.recipient)) match = true;
    }
  }
  if (match)
    r.add("recipient.mismatch", kPassed, "Le badge a bien été délivré à " + run.opt.recipient,
          "The badge was issued to " + run.opt.recipient);
  else if (!any_email)
    r.add("recipient.mismatch", kFailed, "Le badge ne désigne pas son titulaire par une adresse e-mail",
          "The badge does not name its holder by e-mail address");
  else
    r.add("recipient.mismatch", kFailed, "Le badge n'a pas été délivré à " + run.opt.recipient,
          "The badge was not issued to " + run.opt.recipient);
}

// ---------------------------------------------------------------------------------------
// Proofs

void check_embedded_proof(Run& run, const json::object& cred, VerificationResult& r) {
  if (!cred.contains("proof")) {
    r.add("proof.missing", kFailed, "Le badge ne porte aucune preuve (signature)",
          "The badge carries no proof (signature)");
    return;
  }
  std::size_t before = r.checks.size();
  if (run.opt.embedded_proof_verifier) {
    run.opt.embedded_proof_verifier(cred, run.keys, run.opt, r);
  } else {
    // The built-in Data Integrity verifier (eddsa-rdfc-2022, eddsa-jcs-2022, and the legacy
    // eddsa-2022 / Ed25519Signature2020), with this run's key resolver and loader.
    auto di = with_policy<DataIntegrityVerifyOptions>(run);  // max_proofs among the limits
    di.loader = run.opt.loader;
    di.resolver = &run.keys;
    append_data_integrity_checks(cred, di, r);
  }
  bool any_proof = false;
  for (std::size_t i = before; i < r.checks.size(); ++i)
    if (r.checks[i].code.starts_with("proof.")) any_proof = true;
  if (!any_proof)
    r.add("proof.signature", kFailed, "La preuve n'a pas été vérifiée", "The proof was not verified");
}

// A JWS input read once (vc_jwt.h: strict decode, header profile, legacy `vc` claim);
// nullopt, with the failed check, when no credential can be read from it.
std::optional<VcJwt> read_jws(const Run& run, std::string_view text, VerificationResult& r) {
  VcJwt token = read_vc_jwt(text, detail::jwt_options(run));
  if (!token.payload_problem.empty()) {
    r.add("jwt.claims", kFailed, "JWS invalide : " + token.payload_problem,
          "Invalid JWS: unreadable payload");
    return std::nullopt;
  }
  return token;
}

// ---------------------------------------------------------------------------------------
// Validity: the credential's dates, narrowed by a JWT's nbf/exp (validity_window.h).

void check_validity(const Run& run, const json::object& cred, const VcJwt* jwt,
                    VerificationResult& r) {
  ValidityWindow window = credential_validity_window(cred);
  if (jwt) restrict_to_jwt_claims(window, jwt->claims);
  append_validity_checks(window, run.now, run.opt.max_clock_skew, r);
}

// ---------------------------------------------------------------------------------------
// The pipeline for one OB 3.0 credential (or status list credential): `jwt` is the token
// it was read from, null for an embedded-proof (Data Integrity) credential.

void verify_object(Run& run, const json::object& cred, const VcJwt* jwt, Kind kind,
                   VerificationResult& r) {
  check_structure(cred, kind, r);
  if (kind == Kind::badge) r.credential = summarise_credential(cred);
  if (jwt) detail::check_vc_jwt(run, *jwt, r);
  else check_embedded_proof(run, cred, r);
  check_validity(run, cred, jwt, r);
  if (kind == Kind::badge) {
    check_status(run, cred, r);
    check_recipient(run, cred, r);
  }
}

void not_a_credential(VerificationResult& r, std::string fr, std::string en, std::string evidence = {}) {
  r.add("structure.format", kFailed, std::move(fr), std::move(en), std::move(evidence));
}

}  // namespace

// ---------------------------------------------------------------------------------------
// detail: shared with the status-list recursion and the JWT step

namespace detail {

Result<FetchResponse> Run::fetch(const std::string& url, std::string_view accept,
                                 std::optional<std::size_t> max_body_bytes) {
  FetchOptions fo = ob2::fetch_options(opt);
  fo.accept = std::string(accept);
  if (max_body_bytes) fo.max_body_bytes = *max_body_bytes;
  return fetcher.fetch(url, fo);
}

Result<FetchResponse> BudgetFetcher::fetch(std::string_view url, const FetchOptions& options) {
  if (used_ >= budget_)
    return fail("fetch.budget",
                "trop de documents à télécharger (limite " + std::to_string(budget_) + ")",
                std::string(url));
  ++used_;
  return inner_.fetch(url, options);
}

std::optional<json::object> verify_status_list(Run& run, std::string_view body,
                                               VerificationResult& sub) {
  std::string_view text = trim_input(body);
  Run inner = run;
  inner.depth = run.depth + 1;
  if (!text.empty() && text.front() == '{') {
    auto doc = parse_json_strict(text, run.opt.document_limits());
    if (!doc || !doc->is_object()) {
      not_a_credential(sub, "Liste de statuts : JSON invalide", "Status list: invalid JSON",
                       doc ? std::string() : doc.error().code);
      return std::nullopt;
    }
    json::object list = doc->get_object();
    verify_object(inner, list, nullptr, Kind::status_list, sub);
    return list;
  }
  if (looks_like_compact_jws(text)) {
    auto token = read_jws(inner, text, sub);
    if (!token) return std::nullopt;
    verify_object(inner, token->credential, &*token, Kind::status_list, sub);
    return token->credential;
  }
  not_a_credential(sub, "La liste de statuts n'est pas un justificatif", "The status list is not a credential");
  return std::nullopt;
}

}  // namespace detail

namespace {

void verify_text(Run& run, std::string_view text, VerificationResult& r, int url_depth);

void verify_url(Run& run, std::string_view url, VerificationResult& r, int url_depth) {
  if (r.source.empty()) r.source = "url";
  if (url_depth > 0) {
    not_a_credential(r, "L'adresse renvoie vers une autre adresse, pas vers un badge",
                     "The URL points to another URL, not to a badge", std::string(url));
    return;
  }
  // The body is the badge itself (JSON, JWS or image): bounded as an input.
  auto fetched = run.fetch(std::string(url),
                           "application/ld+json, application/json, application/vc+ld+json, "
                           "application/vc+jwt, text/plain;q=0.8, image/png;q=0.5, image/svg+xml;q=0.5",
                           run.opt.max_input_bytes);
  if (!fetched && fetch_error_status(fetched.error()) == 410) {
    // OB 2.0: a hosted assertion answers 410 Gone once revoked; its verifier says so
    // (status.revoked, with the reason from the body), instead of "unreachable".
    detail::verify_ob2_input(run, url, r);
    return;
  }
  if (!fetched) {
    // A badge hosted at a URL that cannot be fetched (design §3: hosted.fetch).
    r.add("hosted.fetch", kFailed, "Badge inaccessible à l'adresse donnée : " + fetched.error().message,
          "Badge unreachable at the given URL", std::string(url) + " (" + fetched.error().code + ")");
    return;
  }
  verify_text(run, fetched->body, r, url_depth + 1);
}

void verify_text(Run& run, std::string_view bytes, VerificationResult& r, int url_depth) {
  if (bytes.size() > run.opt.max_input_bytes) {
    r.add("input.too_large", kFailed, "Fichier trop volumineux pour un badge", "Input too large for a badge",
          std::to_string(bytes.size()) + " octets");
    return;
  }
  // Images first: they are binary (PNG) or XML (SVG).
  if (auto fmt = sniff_image_format(bytes)) {
    if (r.source.empty()) r.source = *fmt == ImageFormat::png ? "png" : "svg";
    auto payload = unbake_image(bytes, ob2::baking_limits(run.opt));
    if (!payload) {
      not_a_credential(r, "Image sans badge lisible : " + payload.error().message,
                       "Image without a readable badge", payload.error().code);
      return;
    }
    if (!is_ob3(payload->kind)) {
      detail::verify_ob2_input(run, bytes, r);
      return;
    }
    std::string_view text = trim_input(payload->text);
    if (payload->kind == BakedKind::ob3_jws) {
      r.format = "ob3-vc-jwt";
      auto token = read_jws(run, text, r);
      if (!token) return;
      verify_object(run, token->credential, &*token, Kind::badge, r);
    } else {
      auto doc = parse_json_strict(text, run.opt.json_limits());
      if (!doc || !doc->is_object()) {
        not_a_credential(r, "Badge intégré à l'image illisible (JSON invalide)",
                         "Badge inside the image is not valid JSON", doc ? std::string() : doc.error().code);
        return;
      }
      r.format = "ob3-data-integrity";
      verify_object(run, doc->get_object(), nullptr, Kind::badge, r);
    }
    return;
  }
  std::string_view text = trim_input(bytes);
  // OB 2.0 and older (JSON with the OB 2.0 context, JWS of an Assertion, OB 1.x/0.5).
  if (!looks_like_http_url(text) && detail::is_ob2_input(text)) {
    if (r.source.empty()) r.source = text.front() == '{' ? "json" : "jws";
    detail::verify_ob2_input(run, text, r);
    return;
  }
  if (looks_like_http_url(text)) {
    verify_url(run, text, r, url_depth);
    return;
  }
  if (!text.empty() && (text.front() == '{' || text.front() == '[')) {
    if (r.source.empty()) r.source = "json";
    if (text.size() > run.opt.max_json_bytes) {
      r.add("input.too_large", kFailed, "JSON trop volumineux pour un badge", "JSON too large for a badge");
      return;
    }
    auto doc = parse_json_strict(text, run.opt.json_limits());
    if (!doc) {
      not_a_credential(r, "JSON invalide : " + doc.error().message, "Invalid JSON: " + doc.error().code,
                       doc.error().code + (doc.error().where.empty() ? "" : " @ " + doc.error().where));
      return;
    }
    if (!doc->is_object()) {
      not_a_credential(r, "Ce JSON n'est pas un badge (objet attendu)", "This JSON is not a badge (object expected)");
      return;
    }
    const auto& obj = doc->get_object();
    if (is_ob2_context(obj.if_contains("@context"))) {
      detail::verify_ob2_input(run, bytes, r);
      return;
    }
    if (!obj.contains("@context") && !obj.contains("credentialSubject") && !obj.contains("type")) {
      not_a_credential(r, "Ce JSON n'est pas un badge (ni @context, ni type, ni credentialSubject)",
                       "This JSON is not a badge (no @context, type or credentialSubject)");
      return;
    }
    r.format = "ob3-data-integrity";
    verify_object(run, obj, nullptr, Kind::badge, r);
    return;
  }
  if (looks_like_compact_jws(text)) {
    if (r.source.empty()) r.source = "jws";
    if (text.size() > run.opt.max_json_bytes) {
      r.add("input.too_large", kFailed, "JWS trop volumineux pour un badge", "JWS too large for a badge");
      return;
    }
    auto token = read_jws(run, text, r);
    if (!token) return;
    if (is_ob2_context(token->credential.if_contains("@context"))) {
      detail::verify_ob2_input(run, bytes, r);
      return;
    }
    r.format = "ob3-vc-jwt";
    verify_object(run, token->credential, &*token, Kind::badge, r);
    return;
  }
  not_a_credential(r, "Ce contenu n'est pas un badge (ni JSON, ni JWS, ni image PNG/SVG, ni URL)",
                   "This input is not a badge (not JSON, JWS, PNG/SVG image or URL)");
}

}  // namespace

VerificationResult verify_credential(const VerifyInput& input, const VerifyOptions& options) {
  VerificationResult r;
  try {
    std::unique_ptr<HttpFetcher> own_fetcher;
    Fetcher* given = options.fetcher;
    if (!given) {
      own_fetcher = std::make_unique<HttpFetcher>();
      given = own_fetcher.get();
    }
    // Every fetch of this verification — badge, status lists, keys, OB 2.0 documents —
    // counts against the one budget of the policy (max_fetches).
    detail::BudgetFetcher fetcher(*given, options.max_fetches);
    LocalKeyResolver local;
    std::unique_ptr<NetworkKeyResolver> network;
    KeyResolver* keys = options.key_resolver;
    if (!keys) {
      network = std::make_unique<NetworkKeyResolver>(fetcher, local, ob2::fetch_options(options));
      keys = network.get();
    }
    Run run{options, fetcher, *keys, options.instant(), 0};
    switch (input.hint) {
      case InputHint::url:
        verify_url(run, trim_input(input.bytes), r, 0);
        break;
      case InputHint::png: r.source = "png"; verify_text(run, input.bytes, r, 0); break;
      case InputHint::svg: r.source = "svg"; verify_text(run, input.bytes, r, 0); break;
      default: verify_text(run, input.bytes, r, 0); break;
    }
  } catch (const std::bad_alloc&) {
    r.add("input.too_large", kFailed, "Mémoire insuffisante pour vérifier ce badge",
          "Out of memory while verifying this badge");
  } catch (const std::exception& e) {
    r.add("structure.format", kFailed, "Erreur interne pendant la vérification", "Internal error during verification",
          e.what());
  }
  r.finish();
  return r;
}

}  // namespace ecusson::verify
