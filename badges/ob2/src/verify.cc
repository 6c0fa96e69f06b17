#include "ecusson/ob2/verify.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <boost/json.hpp>

#include "ecusson/baking/baked_payload.h"
#include "ecusson/common/input_format.h"
#include "ecusson/crypto/jws.h"
#include "ecusson/ob2/policy_limits.h"
#include "ecusson/ob2/recipient.h"
#include "ecusson/credentials/validity_window.h"
#include "extensions.h"
#include "internal.h"

namespace ecusson::ob2 {

using baking::BakedKind;
using baking::ImageFormat;
using baking::is_ob3;
using baking::sniff_image_format;
using baking::unbake_image;
using credentials::CheckStatus;
using credentials::VerificationResult;
using credentials::append_validity_checks;
using credentials::ob2_validity_window;
using crypto::DecodedJws;
using crypto::JwsDecodeOptions;
using crypto::jws_decode;
using crypto::jws_verify;
using net::FetchOptions;
using net::FetchResponse;
using net::Fetcher;

namespace json = boost::json;
using detail::ref_id;
using detail::str_of;
using detail::strings_of;

namespace {

constexpr std::string_view kOb1Context = "https://w3id.org/openbadges/v1";


bool is_http_url(std::string_view s) { return detail::parse_http_url(s).has_value(); }


// `max_depth`: the policy's max_json_depth inside the verifier; Boost.JSON's default for
// the cheap sniffing of detect_ob2_input.
std::optional<json::object> parse_object(std::string_view text, std::size_t max_depth = 32) {
  boost::system::error_code ec;
  json::parse_options po;
  po.max_depth = max_depth;
  json::value v = json::parse(trim_input(text), ec, {}, po);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.as_object());
}

// ---- versions -----------------------------------------------------------------------

enum class ContextKind { v2, v1, none, other };

bool inline_v2_context(const json::value& c) {
  if (!c.is_object()) return false;
  const auto& o = c.as_object();
  return str_of(o, "obi") == "https://w3id.org/openbadges#" && o.contains("CryptographicKey") &&
         o.contains("BadgeClass");
}

ContextKind context_kind(const json::object& o) {
  const json::value* c = o.if_contains("@context");
  if (c == nullptr) return ContextKind::none;
  auto one = [](const json::value& v) {
    if (v.is_string()) {
      std::string_view s = v.as_string();
      if (s == detail::kOb2Context || s == "https://openbadgespec.org/v2/context.json" ||
          s == "https://w3id.org/openbadges/v2/")
        return ContextKind::v2;
      if (s == kOb1Context || s == "https://w3id.org/openbadges/v1/") return ContextKind::v1;
      return ContextKind::other;
    }
    return inline_v2_context(v) ? ContextKind::v2 : ContextKind::other;
  };
  if (c->is_array()) {
    ContextKind found = ContextKind::other;
    for (const auto& e : c->as_array()) {
      ContextKind k = one(e);
      if (k == ContextKind::v2) return k;
      if (k == ContextKind::v1) found = k;
    }
    return found;
  }
  return one(*c);
}

// OB 1.0 (no context, `verify.url` or `uid`) and 0.5 (recipient string + badge.version).
Ob2InputKind legacy_kind(const json::object& o) {
  if (context_kind(o) == ContextKind::v1) return Ob2InputKind::ob1_legacy;
  if (o.contains("@context")) return Ob2InputKind::not_ob2;
  const json::value* badge = o.if_contains("badge");
  const json::value* recipient = o.if_contains("recipient");
  if (badge && badge->is_object()) {
    std::string version = str_of(badge->as_object(), "version");
    if (version.starts_with("0.5")) return Ob2InputKind::ob05_legacy;
  }
  if (recipient && recipient->is_string() && badge && badge->is_object())
    return Ob2InputKind::ob05_legacy;
  if (o.contains("uid") || (o.contains("verify") && o.contains("recipient")))
    return Ob2InputKind::ob1_legacy;
  // 1.0 BadgeClass (criteria + issuer) or Issuer (name + url) without any context.
  if (o.contains("name") && !o.contains("type") &&
      ((o.contains("criteria") && o.contains("issuer")) || o.contains("url")))
    return Ob2InputKind::ob1_legacy;
  return Ob2InputKind::not_ob2;
}

// ---- class validation ---------------------------------------------------------------

const std::set<std::string, std::less<>>& known_classes() {
  static const std::set<std::string, std::less<>> k = {
      "Assertion",  "BadgeClass",      "Issuer",          "Profile",   "CryptographicKey",
      "RevocationList", "AlignmentObject", "Criteria",    "Evidence",  "Extension",
      "IdentityObject", "Image",       "Endorsement",     "HostedBadge", "SignedBadge",
      "hosted",     "signed",          "VerificationObject", "TypeValidation",
      "FrameValidation"};
  return k;
}

// A `type` value is meaningful when it is a term of the OB 2.0 context or an IRI
// (absolute, or compact with a prefix): "NotAKnownClass" maps to nothing.
bool valid_type_value(std::string_view t) {
  if (known_classes().contains(t)) return true;
  auto colon = t.find(':');
  return colon != std::string_view::npos && colon > 0 && colon + 1 < t.size();
}

bool is_iri(std::string_view s) {
  if (s.starts_with("_:")) return true;
  auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    char c = s[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'))
      return false;
  }
  return std::none_of(s.begin(), s.end(),
                      [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

// OB 2.0 images: an http(s) URL, or a data: URI of a PNG or SVG (accepted, unlike some
// validators, see openbadges-validator-core#186).
bool valid_image_ref(const json::value& v, std::string& why) {
  std::string id = ref_id(v);
  if (id.empty()) {
    why = "image sans id";
    return false;
  }
  if (id.starts_with("data:")) {
    auto comma = id.find(',');
    std::string_view meta = std::string_view(id).substr(5, comma == std::string::npos ? 0 : comma - 5);
    if (comma == std::string::npos) {
      why = "URI data: sans virgule";
      return false;
    }
    if (!(meta.starts_with("image/png") || meta.starts_with("image/svg+xml"))) {
      why = "URI data: qui n'est ni PNG ni SVG";
      return false;
    }
    if (meta.ends_with(";base64") &&
        !detail::base64_decode(std::string_view(id).substr(comma + 1))) {
      why = "URI data: base64 invalide";
      return false;
    }
    return true;
  }
  if (!is_iri(id)) {
    why = "IRI d'image invalide : " + id;
    return false;
  }
  return true;
}

bool is_datetime(const json::value* v) {
  return v && v->is_string() && detail::parse_datetime(v->as_string()).has_value();
}

// Validates one node against the rules of its class. Appends "; "-separated problems to
// `problems` (failures) and `notes` (warnings). `as_issuer`: Profile used as an issuer
// (name, url, email required).
void validate_node(const json::object& o, std::string_view cls, bool as_issuer,
                   std::vector<std::string>& problems, std::vector<std::string>& notes) {
  auto need_string = [&](std::string_view key) {
    const json::value* v = o.if_contains(key);
    if (!v || !v->is_string() || v->as_string().empty()) {
      problems.push_back("propriété « " + std::string(key) + " » manquante ou non textuelle");
      return false;
    }
    return true;
  };
  auto need_iri = [&](std::string_view key) {
    const json::value* v = o.if_contains(key);
    if (!v) {
      problems.push_back("propriété « " + std::string(key) + " » manquante");
      return false;
    }
    std::string id = ref_id(*v);
    if (!is_iri(id)) {
      problems.push_back("propriété « " + std::string(key) + " » : IRI attendue");
      return false;
    }
    return true;
  };
  std::string id = str_of(o, "id");
  if (cls != "Criteria" && cls != "AlignmentObject" && cls != "Image" && cls != "Evidence") {
    if (id.empty()) problems.push_back("propriété « id » manquante");
    else if (!is_iri(id)) problems.push_back("« id » n'est pas une IRI : " + id);
  }
  if (cls == "Assertion") {
    const json::value* rec = o.if_contains("recipient");
    if (!rec || !rec->is_object()) {
      problems.push_back("« recipient » (IdentityObject) manquant");
    } else {
      const auto& r = rec->as_object();
      std::string identity = str_of(r, "identity");
      if (identity.empty()) problems.push_back("« recipient.identity » manquant");
      if (str_of(r, "type").empty()) problems.push_back("« recipient.type » manquant");
      const json::value* hashed = r.if_contains("hashed");
      if (hashed && !hashed->is_bool()) problems.push_back("« recipient.hashed » : booléen attendu");
      if (!hashed) notes.push_back("« recipient.hashed » absent");
      bool is_hashed = hashed && hashed->is_bool() && hashed->as_bool();
      auto dollar = identity.find('$');
      if (is_hashed) {
        std::string alg = identity.substr(0, dollar == std::string::npos ? 0 : dollar);
        for (char& c : alg) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string hex = dollar == std::string::npos ? "" : identity.substr(dollar + 1);
        bool hex_ok = std::all_of(hex.begin(), hex.end(), [](char c) {
          return std::isxdigit(static_cast<unsigned char>(c));
        });
        if (!hex_ok || !((alg == "sha256" && hex.size() == 64) || (alg == "md5" && hex.size() == 32)))
          problems.push_back("« recipient.identity » n'est pas un IdentityHash (sha256$… ou md5$…)");
      } else if (str_of(r, "type") == "email" && identity.find('@') == std::string::npos) {
        problems.push_back("« recipient.identity » n'est pas une adresse électronique");
      }
    }
    const json::value* badge = o.if_contains("badge");
    if (!badge || (!badge->is_string() && !badge->is_object()))
      problems.push_back("« badge » manquant");
    const json::value* ver = detail::verification_of(o);
    if (!ver || !ver->is_object() || detail::types_of(ver->as_object()).empty())
      problems.push_back("« verification » (avec « type ») manquant");
    if (!is_datetime(o.if_contains("issuedOn")))
      problems.push_back("« issuedOn » : date ISO 8601 avec fuseau attendue");
    if (o.contains("expires") && !is_datetime(o.if_contains("expires")))
      problems.push_back("« expires » : date ISO 8601 avec fuseau attendue");
    if (const json::value* img = o.if_contains("image")) {
      std::string why;
      if (!valid_image_ref(*img, why)) problems.push_back("« image » : " + why);
    }
  } else if (cls == "BadgeClass") {
    need_string("name");
    need_string("description");
    if (const json::value* img = o.if_contains("image")) {
      std::string why;
      if (!valid_image_ref(*img, why)) problems.push_back("« image » : " + why);
    } else {
      problems.push_back("« image » manquante (obligatoire en OB 2.0)");
    }
    const json::value* crit = o.if_contains("criteria");
    if (!crit) {
      problems.push_back("« criteria » manquant");
    } else if (crit->is_object()) {
      const auto& c = crit->as_object();
      if (str_of(c, "id").empty() && str_of(c, "narrative").empty())
        problems.push_back("« criteria » sans « id » ni « narrative »");
    } else if (!crit->is_string() || !is_iri(crit->as_string())) {
      problems.push_back("« criteria » : IRI ou objet Criteria attendu");
    }
    const json::value* iss = o.if_contains("issuer");
    if (!iss || ref_id(*iss).empty()) problems.push_back("« issuer » manquant");
    if (const json::value* al = o.if_contains("alignment")) {
      std::vector<const json::value*> items;
      if (al->is_array()) {
        for (const auto& e : al->as_array()) items.push_back(&e);
      } else {
        items.push_back(al);
      }
      for (const json::value* e : items) {
        if (!e->is_object() || str_of(e->as_object(), "targetName").empty() ||
            str_of(e->as_object(), "targetUrl").empty())
          problems.push_back("« alignment » sans « targetName » et « targetUrl »");
      }
    }
  } else if (cls == "Issuer" || cls == "Profile") {
    if (as_issuer || cls == "Issuer") {
      need_string("name");
      need_iri("url");
      if (need_string("email") && str_of(o, "email").find('@') == std::string::npos)
        problems.push_back("« email » n'est pas une adresse électronique");
    }
    if (const json::value* img = o.if_contains("image")) {
      std::string why;
      if (!valid_image_ref(*img, why)) problems.push_back("« image » : " + why);
    }
    if (!id.empty() && !is_http_url(id))
      notes.push_back("l'identifiant de l'émetteur n'est pas une URL HTTP(S) : " + id);
  } else if (cls == "CryptographicKey") {
    need_string("publicKeyPem");
    need_iri("owner");
  } else if (cls == "RevocationList") {
    if (!o.contains("revokedAssertions")) problems.push_back("« revokedAssertions » manquant");
  } else if (cls == "AlignmentObject") {
    need_string("targetName");
    need_iri("targetUrl");
  }
}

// Checks `type`: present, every value meaningful, and (when `expected` is given) one of
// them equal to one of the expected class names.
bool check_types(const json::object& o, std::initializer_list<std::string_view> expected,
                 std::string& problem) {
  std::vector<std::string> types = detail::types_of(o);
  if (types.empty()) {
    problem = "« type » absent ou vide";
    return false;
  }
  for (const auto& t : types) {
    if (!valid_type_value(t)) {
      problem = "type inconnu : " + t;
      return false;
    }
  }
  if (expected.size() == 0) return true;
  for (const auto& t : types)
    for (std::string_view e : expected)
      if (t == e) return true;
  std::string want;
  for (std::string_view e : expected) want += (want.empty() ? "" : " ou ") + std::string(e);
  problem = "type " + want + " attendu, trouvé : " + types.front();
  return false;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : " ; ") + s;
  return out;
}

// ---- the verifier -------------------------------------------------------------------

class Verifier {
 public:
  Verifier(Fetcher& fetcher, const Ob2VerifyOptions& options, VerificationResult& r)
      : fetcher_(fetcher), options_(options), r_(r) {
    now_ = options.instant();
  }

  void run(std::string_view input);
  void validate_document(std::string_view text);

 private:
  // Outcome of GET url, cached per URL: each document is fetched once, so a reference
  // cycle (issuer → badge → issuer …) cannot loop, and the budget bounds the total.
  const Result<FetchResponse>& get(const std::string& url, std::size_t max_bytes);
  // Fetches `url` and parses a JSON object. On failure adds a failed check `code`.
  std::optional<json::object> fetch_json(const std::string& url, const std::string& code,
                                         const std::string& what_fr,
                                         const std::string& what_en);
  // Resolves a reference (IRI or embedded node) to the node to trust. HTTP ids are
  // fetched; an embedded copy is used only when `embedded_ok` and the fetch failed, or
  // when its id is not HTTP.
  std::optional<json::object> resolve(const json::value& ref, const std::string& code,
                                      const std::string& what_fr, const std::string& what_en,
                                      bool embedded_ok);
  void check_served_id(const json::object& doc, const std::string& url,
                       const std::string& final_url, const std::string& code,
                       const std::string& what_fr);

  void from_text(std::string_view text, const std::string& verify_url);
  void hosted(const std::string& id, const std::optional<json::object>& local);
  void signed_jws(std::string_view text);
  // Structure, badge, issuer, dates, recipient; returns false when the assertion is not
  // usable at all (the caller stops). Each step below appends its checks; the bool ones
  // return false when verification cannot go on.
  bool common(const json::object& assertion, bool signed_form);
  void summarise(const json::object& assertion);                     // r_.credential
  bool check_assertion(const json::object& assertion, bool signed_form);  // structure.*
  bool check_badge_class(const json::object& assertion);             // badge_
  bool check_issuer(const json::object& assertion);                  // issuer_
  void note_endorsements(const json::object& assertion);             // endorsement (skipped)
  void check_recipient(const json::object& assertion);               // recipient.*
  void signature(const DecodedJws& jws);
  void revocation_list();
  void scope();
  void refuse_version(Ob2InputKind k);
  // Extension nodes of `doc` against their bundled schemas (structure.extension).
  bool extensions(const json::object& doc, const std::string& what);
  // A BadgeClass or an issuer Profile: type, then required and typed fields. Appends one
  // check under the node's code; false (verification cannot go on) on any problem.
  enum class Node { badge_class, issuer };
  // `text` as an OB 2.0 JSON object: parsed (structure.json with the given messages when it
  // is not JSON), not OB 0.5/1.x (refused), with the 2.0 context (structure.context).
  // nullopt, with the failed check added, otherwise.
  std::optional<json::object> read_ob2_json(std::string_view text, const char* not_json_fr,
                                            const char* not_json_en);
  bool check_node(const json::object& node, Node kind);

  void add(std::string code, CheckStatus s, std::string fr, std::string en,
           std::string evidence = {}) {
    r_.add(std::move(code), s, std::move(fr), std::move(en), std::move(evidence));
  }

  Fetcher& fetcher_;
  const Ob2VerifyOptions& options_;
  VerificationResult& r_;
  std::chrono::sys_seconds now_;
  std::map<std::string, Result<FetchResponse>, std::less<>> cache_;
  int fetches_ = 0;

  json::object assertion_;
  std::optional<json::object> badge_;
  std::optional<json::object> issuer_;
};

const Result<FetchResponse>& Verifier::get(const std::string& url, std::size_t max_bytes) {
  if (auto it = cache_.find(url); it != cache_.end()) return it->second;
  if (fetches_ >= options_.max_fetches) {
    auto [it, _] = cache_.emplace(
        url, Result<FetchResponse>(fail("fetch.budget",
                                        "trop de documents à télécharger (limite " +
                                            std::to_string(options_.max_fetches) + ")",
                                        url)));
    return it->second;
  }
  ++fetches_;
  FetchOptions fo = fetch_options(options_);
  fo.accept = "application/ld+json, application/json";
  fo.max_body_bytes = max_bytes;
  fo.return_error_status = true;
  auto [it, _] = cache_.emplace(url, fetcher_.fetch(url, fo));
  return it->second;
}

std::optional<json::object> Verifier::fetch_json(const std::string& url, const std::string& code,
                                                 const std::string& what_fr,
                                                 const std::string& what_en) {
  const auto& res = get(url, options_.max_document_bytes);
  if (!res) {
    add(code, CheckStatus::failed,
        what_fr + " introuvable : " + res.error().message,
        what_en + " could not be fetched: " + res.error().message,
        res.error().code + " " + url);
    return std::nullopt;
  }
  if (res->status < 200 || res->status > 299) {
    add(code, CheckStatus::failed,
        what_fr + " : le serveur a répondu HTTP " + std::to_string(res->status),
        what_en + ": the server answered HTTP " + std::to_string(res->status), url);
    return std::nullopt;
  }
  auto doc = parse_object(res->body, options_.max_json_depth);
  if (!doc) {
    add(code, CheckStatus::failed, what_fr + " : la réponse n'est pas un objet JSON",
        what_en + ": the response is not a JSON object", url);
    return std::nullopt;
  }
  return doc;
}

void Verifier::check_served_id(const json::object& doc, const std::string& url,
                               const std::string& final_url, const std::string& code,
                               const std::string& what_fr) {
  std::string id = str_of(doc, "id");
  if (id == url || id == final_url) return;
  auto served = detail::parse_http_url(final_url.empty() ? url : final_url);
  auto claimed = detail::parse_http_url(id);
  if (claimed && served && claimed->host != served->host) {
    // A document must not speak for another host: that is how a forger would borrow a
    // known issuer's name.
    add(code, CheckStatus::failed,
        what_fr + " servi par " + served->host + " se réclame de " + claimed->host,
        "document served by " + served->host + " claims an id on " + claimed->host,
        url + " -> " + id);
    return;
  }
  add(code, CheckStatus::warning, what_fr + " : l'identifiant diffère de l'URL de publication",
      "the document's id differs from the URL it was fetched from", url + " -> " + id);
}

std::optional<json::object> Verifier::resolve(const json::value& ref, const std::string& code,
                                              const std::string& what_fr,
                                              const std::string& what_en, bool embedded_ok) {
  std::string id = ref_id(ref);
  if (is_http_url(id)) {
    const auto& res = get(id, options_.max_document_bytes);
    bool fetched_ok = res && res->status >= 200 && res->status <= 299;
    if (!fetched_ok && ref.is_object() && embedded_ok) {
      add(code, CheckStatus::warning,
          what_fr + " : copie en ligne indisponible, copie intégrée utilisée",
          what_en + ": online copy unavailable, embedded copy used", id);
      return ref.as_object();
    }
    auto doc = fetch_json(id, code, what_fr, what_en);
    if (!doc) return std::nullopt;
    check_served_id(*doc, id, res ? res->final_url : std::string(), code, what_fr);
    return doc;
  }
  if (ref.is_object()) return ref.as_object();
  add(code, CheckStatus::failed,
      what_fr + " : référence non résoluble (ni URL HTTP(S), ni document intégré)",
      what_en + ": reference cannot be resolved (neither an HTTP(S) URL nor embedded)", id);
  return std::nullopt;
}

bool Verifier::extensions(const json::object& doc, const std::string& what) {
  auto rep = detail::check_ob2_extensions(doc);
  if (!rep.errors.empty()) {
    add("structure.extension", CheckStatus::failed,
        what + " : extension non conforme à son schéma : " + join(rep.errors),
        what + ": extension does not match its schema", join(rep.errors));
    return false;
  }
  if (!rep.unknown.empty())
    add("structure.extension", CheckStatus::warning,
        what + " : extension inconnue, non vérifiée : " + join(rep.unknown),
        what + ": unknown extension, not checked", join(rep.unknown));
  else if (rep.validated > 0)
    add("structure.extension", CheckStatus::passed, what + " : extensions conformes",
        what + ": extensions match their schemas");
  return true;
}

void Verifier::refuse_version(Ob2InputKind k) {
  const bool v05 = k == Ob2InputKind::ob05_legacy;
  add("structure.version", CheckStatus::failed,
      std::string("version d'Open Badges non prise en charge : ") + (v05 ? "0.5" : "1.x") +
          " (seule la 2.0 est vérifiée ; demandez à l'émetteur un badge 2.0 ou 3.0)",
      std::string("unsupported Open Badges version: ") + (v05 ? "0.5" : "1.x") +
          " (only 2.0 is verified; ask the issuer for a 2.0 or 3.0 badge)");
}

void Verifier::run(std::string_view input) {
  if (input.size() > options_.max_input_bytes) {
    add("structure.size", CheckStatus::failed, "entrée trop volumineuse",
        "input too large", std::to_string(input.size()) + " bytes");
    return;
  }
  auto fmt = sniff_image_format(input);
  if (fmt) {
    r_.source = *fmt == ImageFormat::png ? "png" : "svg";
    auto baked = unbake_image(input, baking_limits(options_));
    if (!baked) {
      add("structure.baked", CheckStatus::failed,
          "image sans badge Open Badges lisible : " + baked.error().message,
          "image without a readable Open Badges payload: " + baked.error().message,
          baked.error().code);
      return;
    }
    if (is_ob3(baked->kind)) {
      add("structure.format", CheckStatus::failed,
          "l'image contient un badge Open Badges 3.0, pas 2.0",
          "the image holds an Open Badges 3.0 credential, not 2.0");
      return;
    }
    if (baked->kind == BakedKind::ob2_url) {
      r_.format = "ob2-hosted";
      hosted(std::string(trim_input(baked->text)), std::nullopt);
      return;
    }
    from_text(baked->text, baked->verify_url);
    return;
  }
  std::string_view t = trim_input(input);
  if (looks_like_http_url(t)) {
    r_.source = "url";
    r_.format = "ob2-hosted";
    hosted(std::string(t), std::nullopt);
    return;
  }
  r_.source = looks_like_compact_jws(t) || (t.size() > options_.max_json_bytes && t.front() != '{')
                  ? "jws"
                  : "json";
  from_text(t, {});
}

void Verifier::from_text(std::string_view text, const std::string& verify_url) {
  text = trim_input(text);
  if (text.size() > options_.max_json_bytes && !text.starts_with("{")) {
    r_.format = "ob2-signed";
    add("structure.size", CheckStatus::failed,
        "JWS trop volumineux (limite " + std::to_string(options_.max_json_bytes >> 10) + " Kio)",
        "JWS too large (limit " + std::to_string(options_.max_json_bytes >> 10) + " KiB)",
        std::to_string(text.size()) + " bytes");
    return;
  }
  if (looks_like_compact_jws(text)) {
    r_.format = "ob2-signed";
    signed_jws(text);
    return;
  }
  auto doc = read_ob2_json(
      text, "ni JSON, ni JWS, ni image, ni URL : ce n'est pas un badge Open Badges 2.0",
      "neither JSON, JWS, image nor URL: not an Open Badges 2.0 badge");
  if (!doc) return;
  const json::value* ver = detail::verification_of(*doc);
  bool signed_type = false;
  if (ver && ver->is_object())
    for (const auto& t : detail::types_of(ver->as_object()))
      if (t == "SignedBadge" || t == "signed") signed_type = true;
  if (signed_type) {
    r_.format = "ob2-signed";
    add("proof.missing", CheckStatus::failed,
        "assertion signée (SignedBadge) fournie sans sa signature JWS",
        "signed assertion (SignedBadge) given without its JWS signature");
    return;
  }
  r_.format = "ob2-hosted";
  std::string id = str_of(*doc, "id");
  if (id.empty()) id = verify_url;
  if (!is_http_url(id)) {
    // Structure problems of the given copy are reported before giving up.
    std::string problem;
    if (!check_types(*doc, {"Assertion"}, problem)) {
      add("structure.type", CheckStatus::failed, problem, "not an Assertion");
      return;
    }
    add("structure.id", CheckStatus::failed,
        "assertion hébergée sans URL « id » : impossible de la récupérer chez l'émetteur",
        "hosted assertion without an http(s) \"id\": it cannot be fetched from the issuer",
        id);
    return;
  }
  // The given copy only tells where the assertion lives; its structure is judged on the
  // published copy (a revoked assertion may be a stub without `type`).
  hosted(id, doc);
}

void Verifier::hosted(const std::string& id, const std::optional<json::object>& local) {
  r_.format = "ob2-hosted";
  r_.credential.id = id;
  if (!is_http_url(id)) {
    add("structure.id", CheckStatus::failed, "URL d'assertion invalide", "invalid assertion URL",
        id);
    return;
  }
  // The assertion is the badge itself, and an image may come back from its id (content
  // negotiation ignored by the server): bounded as an input, not as a document.
  const auto& res = get(id, options_.max_input_bytes);
  if (!res) {
    add("hosted.fetch", CheckStatus::failed,
        "assertion introuvable chez l'émetteur : " + res.error().message,
        "assertion could not be fetched from the issuer: " + res.error().message,
        res.error().code + " " + id);
    return;
  }
  if (res->status == 410) {
    std::string reason;
    if (auto body = parse_object(res->body, options_.max_json_depth))
      reason = str_of(*body, "revocationReason");
    add("status.revoked", CheckStatus::failed,
        "badge révoqué par l'émetteur (HTTP 410 Gone)" + (reason.empty() ? "" : " : " + reason),
        "badge revoked by its issuer (HTTP 410 Gone)" + (reason.empty() ? "" : ": " + reason),
        id);
    if (local) assertion_ = *local;
    return;
  }
  if (res->status < 200 || res->status > 299) {
    add("hosted.fetch", CheckStatus::failed,
        "l'émetteur a répondu HTTP " + std::to_string(res->status) + " pour l'assertion",
        "the issuer answered HTTP " + std::to_string(res->status) + " for the assertion", id);
    return;
  }
  std::string body = res->body;
  std::string ct = res->content_type;
  for (char& c : ct) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ct.starts_with("image/") || sniff_image_format(body)) {
    auto baked = unbake_image(body, baking_limits(options_));
    if (!baked || baked->kind != BakedKind::ob2_json) {
      add("hosted.fetch", CheckStatus::failed,
          "l'émetteur a servi une image sans assertion OB 2.0 lisible",
          "the issuer served an image without a readable OB 2.0 assertion", id);
      return;
    }
    body = baked->text;
  }
  auto doc = parse_object(body, options_.max_json_depth);
  if (!doc) {
    add("hosted.fetch", CheckStatus::failed,
        "la réponse de l'émetteur n'est pas une assertion JSON",
        "the issuer's response is not a JSON assertion", id + " (" + res->content_type + ")");
    return;
  }
  const json::value* revoked = doc->if_contains("revoked");
  if (revoked && revoked->is_bool() && revoked->as_bool()) {
    std::string reason = str_of(*doc, "revocationReason");
    add("status.revoked", CheckStatus::failed,
        "badge révoqué par l'émetteur" + (reason.empty() ? "" : " : " + reason),
        "badge revoked by its issuer" + (reason.empty() ? "" : ": " + reason), id);
    assertion_ = local ? *local : *doc;
    return;
  }
  std::string fetched_id = str_of(*doc, "id");
  if (fetched_id != id && fetched_id != res->final_url) {
    add("hosted.fetch", CheckStatus::failed,
        "le document publié à l'URL de l'assertion porte un autre identifiant",
        "the document published at the assertion's URL has another id", id + " -> " + fetched_id);
    return;
  }
  add("hosted.fetch", CheckStatus::passed, "assertion récupérée chez l'émetteur",
      "assertion fetched from the issuer", id);
  if (local && json::value(*local) != json::value(*doc))
    add("hosted.local_copy", CheckStatus::warning,
        "la copie fournie diffère de celle publiée : seule la copie publiée est prise en compte",
        "the given copy differs from the published one: only the published copy is used", id);
  if (!common(*doc, false)) return;
  scope();
}

void Verifier::signed_jws(std::string_view text) {
  r_.format = "ob2-signed";
  JwsDecodeOptions jo;
  jo.max_bytes = options_.max_json_bytes;
  jo.allowed_algs = {"RS256"};                        // OB 2.0: RSA-SHA256
  jo.allowed_header_params = {"kid", "typ", "jwk"};  // keys never come from the header
  auto jws = jws_decode(text, jo);
  if (!jws) {
    std::string code = jws.error().code;
    if (code == "jws.malformed") {
      // "h.p." (alg none, empty signature) is malformed to the strict decoder; say why.
      auto header = detail::base64url_decode(text.substr(0, text.find('.')));
      auto h = header ? parse_object(*header, options_.max_json_depth) : std::nullopt;
      std::string alg = h ? str_of(*h, "alg") : "";
      for (char& c : alg) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (alg == "none") code = "jws.alg_none";
      else if (alg.starts_with("hs")) code = "jws.alg_hmac";
    }
    if (code == "jws.alg_none" || code == "jws.alg_hmac" || code == "jws.alg_not_allowed") {
      std::string why = code == "jws.alg_none"   ? "signature absente (alg none) refusée"
                        : code == "jws.alg_hmac" ? "HMAC refusé : clé secrète partagée"
                                                 : "algorithme non pris en charge";
      add("proof.unsupported", CheckStatus::failed, why + " ; OB 2.0 signé demande RS256",
          "algorithm refused; signed OB 2.0 needs RS256", jws.error().message);
    } else if (code == "jws.header_param") {
      add("jwt.header", CheckStatus::failed, "en-tête JWS refusé : " + jws.error().message,
          "JWS header refused", jws.error().message);
    } else if (code == "jws.too_large") {
      add("structure.size", CheckStatus::failed, "JWS trop volumineux", "JWS too large",
          jws.error().message);
    } else {
      add("structure.jws", CheckStatus::failed, "JWS illisible : " + jws.error().message,
          "unreadable JWS", code);
    }
    return;
  }
  auto payload = parse_object(jws->payload, options_.max_json_depth);
  if (!payload) {
    add("structure.json", CheckStatus::failed, "charge utile JWS : objet JSON attendu",
        "JWS payload: a JSON object is expected");
    return;
  }
  Ob2InputKind legacy = legacy_kind(*payload);
  if (legacy == Ob2InputKind::ob1_legacy || legacy == Ob2InputKind::ob05_legacy) {
    refuse_version(legacy);
    return;
  }
  if (payload->contains("vc") || payload->contains("credentialSubject")) {
    add("structure.format", CheckStatus::failed,
        "JWS Open Badges 3.0 (VC-JWT), pas une assertion 2.0",
        "an Open Badges 3.0 VC-JWT, not a 2.0 assertion");
    return;
  }
  if (!common(*payload, true)) return;
  const json::value* ver = detail::verification_of(assertion_);
  bool signed_type = false;
  if (ver && ver->is_object())
    for (const auto& t : detail::types_of(ver->as_object()))
      if (t == "SignedBadge" || t == "signed") signed_type = true;
  if (!signed_type)
    add("structure.verification", CheckStatus::failed,
        "assertion signée dont « verification.type » n'est pas SignedBadge",
        "signed assertion whose verification.type is not SignedBadge");
  signature(*jws);
  revocation_list();
  const json::value* revoked = assertion_.if_contains("revoked");
  if (revoked && revoked->is_bool() && revoked->as_bool())
    add("status.revoked", CheckStatus::failed, "l'assertion se déclare révoquée",
        "the assertion declares itself revoked");
}

std::optional<json::object> Verifier::read_ob2_json(std::string_view text,
                                                    const char* not_json_fr,
                                                    const char* not_json_en) {
  auto doc = parse_object(text, options_.max_json_depth);
  if (!doc) {
    add("structure.json", CheckStatus::failed, not_json_fr, not_json_en);
    return std::nullopt;
  }
  Ob2InputKind legacy = legacy_kind(*doc);
  if (legacy == Ob2InputKind::ob1_legacy || legacy == Ob2InputKind::ob05_legacy) {
    refuse_version(legacy);
    return std::nullopt;
  }
  if (context_kind(*doc) != ContextKind::v2) {
    add("structure.context", CheckStatus::failed,
        "« @context » Open Badges 2.0 (https://w3id.org/openbadges/v2) absent",
        "Open Badges 2.0 \"@context\" (https://w3id.org/openbadges/v2) missing");
    return std::nullopt;
  }
  return doc;
}

bool Verifier::check_node(const json::object& node, Node kind) {
  const bool issuer = kind == Node::issuer;
  const std::string code = issuer ? "structure.issuer" : "structure.badge_class";
  const std::string fr = issuer ? "profil d'émetteur" : "BadgeClass";
  const std::string en = issuer ? "issuer profile" : "BadgeClass";
  const std::string id = str_of(node, "id");
  std::string problem;
  if (!check_types(node, issuer ? std::initializer_list<std::string_view>{"Issuer", "Profile"}
                                : std::initializer_list<std::string_view>{"BadgeClass"},
                   problem)) {
    add(code, CheckStatus::failed, fr + " : " + problem, en + ": wrong type", problem);
    return false;
  }
  std::vector<std::string> problems, notes;
  validate_node(node, issuer ? "Issuer" : "BadgeClass", issuer, problems, notes);
  if (!problems.empty()) {
    add(code, CheckStatus::failed, fr + " invalide : " + join(problems), "invalid " + en,
        join(problems));
    return false;
  }
  // Notes (an issuer id that is not an HTTP URL, …) are worth a warning on the issuer only:
  // a BadgeClass's notes repeat what its own fields already show.
  if (issuer && !notes.empty()) {
    add(code, CheckStatus::warning, fr + " : " + join(notes), en + ": " + join(notes), id);
  } else {
    add(code, CheckStatus::passed, fr + " valide", "valid " + en, id);
  }
  return true;
}

bool Verifier::common(const json::object& assertion, bool signed_form) {
  assertion_ = assertion;
  summarise(assertion);
  if (!check_assertion(assertion, signed_form)) return false;
  if (!check_badge_class(assertion)) return false;
  if (!check_issuer(assertion)) return false;
  note_endorsements(assertion);
  // Dates: the one validity rule (validity_window.h), with the options' clock skew.
  append_validity_checks(ob2_validity_window(assertion), now_, options_.max_clock_skew, r_);
  check_recipient(assertion);
  return true;
}

void Verifier::summarise(const json::object& assertion) {
  r_.credential.id = str_of(assertion, "id");
  r_.credential.valid_from = str_of(assertion, "issuedOn");
  r_.credential.valid_until = str_of(assertion, "expires");
  if (const json::value* rec = assertion.if_contains("recipient"); rec && rec->is_object())
    r_.credential.subject_id = str_of(rec->as_object(), "identity");

}

bool Verifier::check_assertion(const json::object& assertion, bool signed_form) {
  if (context_kind(assertion) != ContextKind::v2) {
    add("structure.context", CheckStatus::failed,
        "« @context » Open Badges 2.0 (https://w3id.org/openbadges/v2) absent",
        "Open Badges 2.0 \"@context\" missing");
    return false;
  }
  add("structure.context", CheckStatus::passed, "contexte Open Badges 2.0",
      "Open Badges 2.0 context");
  std::string problem;
  if (!check_types(assertion, {"Assertion"}, problem)) {
    add("structure.type", CheckStatus::failed, problem, "not an Assertion (type)");
    return false;
  }
  std::vector<std::string> problems, notes;
  validate_node(assertion, "Assertion", false, problems, notes);
  if (!problems.empty()) {
    add("structure.assertion", CheckStatus::failed, "assertion invalide : " + join(problems),
        "invalid assertion", join(problems));
    return false;
  }
  add("structure.assertion", notes.empty() ? CheckStatus::passed : CheckStatus::warning,
      notes.empty() ? "assertion bien formée" : "assertion : " + join(notes),
      notes.empty() ? "well-formed assertion" : "assertion: " + join(notes));
  if (!extensions(assertion, "assertion")) return false;
  if (signed_form) {
    std::string id = str_of(assertion, "id");
    if (!id.starts_with("urn:uuid:") && !is_http_url(id))
      add("structure.id", CheckStatus::warning,
          "identifiant d'assertion signée inhabituel (urn:uuid recommandé)",
          "unusual signed assertion id (urn:uuid recommended)", id);
  }

  return true;
}

bool Verifier::check_badge_class(const json::object& assertion) {
  // BadgeClass: an embedded copy may stand in when its online copy cannot be fetched.
  badge_ = resolve(*assertion.if_contains("badge"), "structure.badge_class", "BadgeClass",
                   "BadgeClass", true);
  if (!badge_) return false;
  if (!check_node(*badge_, Node::badge_class)) return false;
  if (!extensions(*badge_, "BadgeClass")) return false;
  r_.credential.achievement_id = str_of(*badge_, "id");
  r_.credential.achievement_name = str_of(*badge_, "name");

  return true;
}

bool Verifier::check_issuer(const json::object& assertion) {
  // Issuer Profile: always the published copy when it has an HTTP id (it carries the keys
  // and the hosted policy; an embedded copy could say anything).
  // A document cannot be its own BadgeClass or issuer: such a cycle proves nothing.
  const std::string own_id = str_of(assertion, "id");
  const std::string badge_id = str_of(*badge_, "id");
  if (!badge_id.empty() && badge_id == own_id) {
    add("structure.badge_class", CheckStatus::failed,
        "référence circulaire : l'assertion se désigne comme sa propre BadgeClass",
        "circular reference: the assertion names itself as its BadgeClass", badge_id);
    return false;
  }
  const json::value* iss = badge_->if_contains("issuer");
  if (iss) {
    std::string issuer_ref = ref_id(*iss);
    if (!issuer_ref.empty() && (issuer_ref == badge_id || issuer_ref == own_id)) {
      add("structure.issuer", CheckStatus::failed,
          "référence circulaire : l'émetteur désigné est la BadgeClass ou l'assertion elle-même",
          "circular reference: the issuer is the BadgeClass or the assertion itself",
          issuer_ref);
      return false;
    }
  }
  issuer_ = resolve(*iss, "structure.issuer", "profil de l'émetteur", "issuer profile", false);
  if (!issuer_) return false;
  if (std::string served = str_of(*issuer_, "id");
      !served.empty() && (served == badge_id || served == own_id)) {
    add("structure.issuer", CheckStatus::failed,
        "référence circulaire : le profil d'émetteur se réclame de la BadgeClass ou de l'assertion",
        "circular reference: the issuer profile claims the id of the BadgeClass or assertion",
        served);
    return false;
  }
  if (!check_node(*issuer_, Node::issuer)) return false;
  r_.credential.issuer_id = str_of(*issuer_, "id");
  r_.credential.issuer_name = str_of(*issuer_, "name");

  return true;
}

void Verifier::note_endorsements(const json::object& assertion) {
  // Endorsements (optional third-party claims) are not verified: say so, never imply it.
  if (assertion.contains("endorsement") || badge_->contains("endorsement") ||
      issuer_->contains("endorsement"))
    add("endorsement", CheckStatus::skipped,
        "recommandations (endorsements) présentes mais non vérifiées",
        "endorsements present but not verified");

}

void Verifier::check_recipient(const json::object& assertion) {
  // Recipient.
  if (!options_.recipient.empty()) {
    const auto& rec = assertion.at("recipient").as_object();
    Ob2IdentityObject id;
    id.type = str_of(rec, "type");
    const json::value* h = rec.if_contains("hashed");
    id.hashed = h && h->is_bool() ? h->as_bool() : str_of(rec, "identity").find('$') != std::string::npos;
    id.salt = str_of(rec, "salt");
    id.identity = str_of(rec, "identity");
    if (ob2_identity_matches(id, options_.recipient)) {
      add("recipient.match", CheckStatus::passed, "le badge a bien été décerné à ce destinataire",
          "the badge was awarded to this recipient");
    } else {
      add("recipient.mismatch", CheckStatus::failed,
          "le badge n'a pas été décerné à ce destinataire",
          "the badge was not awarded to this recipient");
    }
  }
}

void Verifier::signature(const DecodedJws& jws) {
  const json::value* ver = detail::verification_of(assertion_);
  std::string creator;
  if (ver && ver->is_object())
    if (const json::value* c = ver->as_object().if_contains("creator")) creator = ref_id(*c);
  std::vector<std::string> listed;
  if (const json::value* pk = issuer_->if_contains("publicKey")) {
    if (pk->is_array()) {
      for (const auto& e : pk->as_array()) listed.push_back(ref_id(e));
    } else {
      listed.push_back(ref_id(*pk));
    }
  }
  std::vector<std::string> candidates;
  if (!creator.empty()) {
    if (std::find(listed.begin(), listed.end(), creator) == listed.end()) {
      add("key.issuer_binding", CheckStatus::failed,
          "la clé « creator » n'est pas déclarée dans le « publicKey » de l'émetteur",
          "the creator key is not listed in the issuer's publicKey", creator);
      add("proof.signature", CheckStatus::failed, "signature non vérifiable avec une clé de l'émetteur",
          "signature cannot be checked with an issuer key");
      return;
    }
    candidates.push_back(creator);
  } else {
    candidates = listed;
    if (candidates.size() > 4) candidates.resize(4);
  }
  if (candidates.empty()) {
    add("key.resolution", CheckStatus::failed, "l'émetteur ne publie aucune clé (« publicKey »)",
        "the issuer publishes no key (publicKey)");
    add("proof.signature", CheckStatus::failed, "signature non vérifiable", "signature cannot be checked");
    return;
  }
  const std::string issuer_id = str_of(*issuer_, "id");
  for (const auto& key_id : candidates) {
    if (!is_http_url(key_id)) {
      add("key.resolution", CheckStatus::failed, "clé sans URL HTTP(S)", "key without an http(s) URL",
          key_id);
      continue;
    }
    auto key = fetch_json(key_id, "key.resolution", "clé publique", "public key");
    if (!key) continue;
    std::string problem;
    std::vector<std::string> problems, notes;
    validate_node(*key, "CryptographicKey", false, problems, notes);
    if (!problems.empty()) {
      add("key.resolution", CheckStatus::failed, "clé invalide : " + join(problems), "invalid key",
          key_id);
      continue;
    }
    std::string owner = str_of(*key, "owner");
    if (owner != issuer_id) {
      add("key.issuer_binding", CheckStatus::failed,
          "la clé appartient à un autre propriétaire que l'émetteur",
          "the key's owner is not the issuer", key_id + " owner=" + owner);
      continue;
    }
    add("key.issuer_binding", CheckStatus::passed, "clé déclarée par l'émetteur et liée à lui",
        "key listed by and owned by the issuer", key_id);
    auto pub = detail::rsa_public_key(str_of(*key, "publicKeyPem"));
    if (!pub) {
      add("key.resolution", CheckStatus::failed, "clé inutilisable : " + pub.error().message,
          "unusable key", pub.error().code + " " + key_id);
      continue;
    }
    if (jws_verify(jws, *pub)) {
      add("proof.signature", CheckStatus::passed, "signature RS256 valide", "valid RS256 signature",
          key_id);
      return;
    }
  }
  add("proof.signature", CheckStatus::failed,
      "signature invalide : l'assertion a été modifiée ou signée par une autre clé",
      "invalid signature: the assertion was altered or signed by another key");
}

void Verifier::revocation_list() {
  std::string list_id;
  if (const json::value* rl = issuer_->if_contains("revocationList")) list_id = ref_id(*rl);
  if (list_id.empty()) {
    add("status.revoked", CheckStatus::skipped,
        "l'émetteur ne publie pas de liste de révocation",
        "the issuer publishes no revocation list");
    return;
  }
  auto list = fetch_json(list_id, "status.unreachable", "liste de révocation", "revocation list");
  if (!list) return;  // failed check added: never "not revoked" without the list
  const json::value* entries = list->if_contains("revokedAssertions");
  if (!entries) {
    add("status.unreachable", CheckStatus::failed,
        "liste de révocation sans « revokedAssertions »",
        "revocation list without revokedAssertions", list_id);
    return;
  }
  const std::string id = str_of(assertion_, "id");
  const std::string uid = str_of(assertion_, "uid");
  std::vector<const json::value*> items;
  if (entries->is_array()) {
    for (const auto& e : entries->as_array()) items.push_back(&e);
  } else {
    items.push_back(entries);
  }
  for (const json::value* e : items) {
    bool match = false;
    std::string reason;
    if (e->is_string()) {
      match = !id.empty() && e->as_string() == id;
    } else if (e->is_object()) {
      const auto& o = e->as_object();
      match = (!id.empty() && str_of(o, "id") == id) || (!uid.empty() && str_of(o, "uid") == uid);
      const json::value* rv = o.if_contains("revoked");
      if (rv && rv->is_bool() && !rv->as_bool()) match = false;
      reason = str_of(o, "revocationReason");
    }
    if (match) {
      add("status.revoked", CheckStatus::failed,
          "badge révoqué par l'émetteur" + (reason.empty() ? "" : " : " + reason),
          "badge revoked by its issuer" + (reason.empty() ? "" : ": " + reason), list_id);
      return;
    }
  }
  add("status.revoked", CheckStatus::passed, "absent de la liste de révocation de l'émetteur",
      "not in the issuer's revocation list", list_id);
}

void Verifier::scope() {
  const std::string assertion_id = str_of(assertion_, "id");
  const std::string issuer_id = str_of(*issuer_, "id");
  std::vector<std::string> starts, allowed;
  bool explicit_policy = false;
  if (const json::value* v = issuer_->if_contains("verification"); v && v->is_object()) {
    starts = strings_of(v->as_object().if_contains("startsWith"));
    allowed = strings_of(v->as_object().if_contains("allowedOrigins"));
    explicit_policy = !starts.empty() || !allowed.empty();
  }
  if (!starts.empty() &&
      std::none_of(starts.begin(), starts.end(),
                   [&](const std::string& p) { return assertion_id.starts_with(p); })) {
    add("hosted.scope", CheckStatus::failed,
        "l'URL de l'assertion n'est pas dans le périmètre déclaré par l'émetteur (startsWith)",
        "the assertion URL is outside the issuer's declared scope (startsWith)", assertion_id);
    return;
  }
  auto issuer_url = detail::parse_http_url(issuer_id);
  if (allowed.empty()) {
    if (!issuer_url) {
      add("hosted.scope", CheckStatus::warning,
          "identifiant d'émetteur non HTTP : origine par défaut invérifiable",
          "non-HTTP issuer id: the default origin cannot be checked", issuer_id);
      add("proof.hosted", CheckStatus::passed, "assertion publiée à son URL",
          "assertion published at its URL", assertion_id);
      return;
    }
    allowed.push_back(issuer_url->authority);
  }
  auto in_allowed = [&](const std::string& url) {
    auto u = detail::parse_http_url(url);
    if (!u) return false;
    for (std::string a : allowed) {
      for (char& c : a) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (a == u->authority || a == u->host) return true;
    }
    return false;
  };
  if (!in_allowed(assertion_id)) {
    add("hosted.scope", CheckStatus::failed,
        "l'assertion n'est pas publiée sur une origine autorisée par l'émetteur",
        "the assertion is not published on an origin the issuer allows", assertion_id);
    return;
  }
  // Without a policy the BadgeClass must also live on the issuer's origin (OB 2.0
  // §HostedBadge Verification).
  std::string badge_id = str_of(*badge_, "id");
  if (!explicit_policy && is_http_url(badge_id) && !in_allowed(badge_id)) {
    add("hosted.scope", CheckStatus::failed,
        "la BadgeClass n'est pas publiée sur l'origine de l'émetteur",
        "the BadgeClass is not published on the issuer's origin", badge_id);
    return;
  }
  add("hosted.scope", CheckStatus::passed, "assertion publiée dans le périmètre de l'émetteur",
      "assertion published within the issuer's scope", assertion_id);
  add("proof.hosted", CheckStatus::passed, "assertion publiée par l'émetteur à son URL",
      "assertion published by its issuer at its URL", assertion_id);
}

void Verifier::validate_document(std::string_view text) {
  r_.source = "json";
  auto doc = read_ob2_json(text, "objet JSON attendu", "a JSON object is expected");
  if (!doc) return;
  add("structure.context", CheckStatus::passed, "contexte Open Badges 2.0",
      "Open Badges 2.0 context");
  std::string problem;
  if (!check_types(*doc, {}, problem)) {
    add("structure.type", CheckStatus::failed, problem, "invalid type", problem);
    return;
  }
  std::string cls;
  for (const auto& t : detail::types_of(*doc))
    if (known_classes().contains(t)) {
      cls = t;
      break;
    }
  add("structure.type", CheckStatus::passed, "type reconnu : " + (cls.empty() ? "extension" : cls),
      "known type");
  std::vector<std::string> problems, notes;
  validate_node(*doc, cls, false, problems, notes);
  // Every problem is reported: a BadgeClass's issuer is checked even when the BadgeClass
  // itself has problems, so a report names all of them.
  if (!problems.empty()) {
    add("structure.node", CheckStatus::failed, join(problems), "invalid document", join(problems));
  } else {
    add("structure.node", notes.empty() ? CheckStatus::passed : CheckStatus::warning,
        notes.empty() ? "document valide" : join(notes), "valid document");
  }
  extensions(*doc, cls.empty() ? "document" : cls);
  if (cls == "BadgeClass" && doc->contains("issuer")) {
    badge_ = *doc;
    issuer_ = resolve(doc->at("issuer"), "structure.issuer", "profil de l'émetteur",
                      "issuer profile", false);
    if (!issuer_) return;
    check_node(*issuer_, Node::issuer);
  }
}

}  // namespace

Ob2InputKind detect_ob2_input(std::string_view input) {
  if (auto fmt = sniff_image_format(input)) {
    auto baked = unbake_image(input);
    if (baked && !is_ob3(baked->kind)) return Ob2InputKind::ob2_baked;
    return Ob2InputKind::not_ob2;
  }
  std::string_view t = trim_input(input);
  if (looks_like_http_url(t)) return Ob2InputKind::url;
  if (looks_like_compact_jws(t)) {
    auto dot = t.find('.');
    auto dot2 = t.find('.', dot + 1);
    auto payload = detail::base64url_decode(t.substr(dot + 1, dot2 - dot - 1));
    if (!payload) return Ob2InputKind::not_ob2;
    auto o = parse_object(*payload);
    if (!o) return Ob2InputKind::not_ob2;
    if (context_kind(*o) == ContextKind::v2) return Ob2InputKind::ob2_jws;
    Ob2InputKind l = legacy_kind(*o);
    return l;
  }
  auto o = parse_object(t);
  if (!o) return Ob2InputKind::not_ob2;
  if (context_kind(*o) == ContextKind::v2) return Ob2InputKind::ob2_json;
  return legacy_kind(*o);
}

VerificationResult verify_ob2(std::string_view input, Fetcher& fetcher,
                              const Ob2VerifyOptions& options) {
  VerificationResult r;
  r.format = "ob2-hosted";
  r.source = "json";
  Verifier v(fetcher, options, r);
  try {
    v.run(input);
  } catch (const std::bad_alloc&) {
    r.add("structure.size", CheckStatus::failed, "mémoire insuffisante pour cette entrée",
          "out of memory for this input");
  }
  r.finish();
  return r;
}

VerificationResult validate_ob2_document(std::string_view json_text, Fetcher& fetcher,
                                         const Ob2VerifyOptions& options) {
  VerificationResult r;
  r.format = "ob2-hosted";
  Verifier v(fetcher, options, r);
  v.validate_document(json_text);
  r.verified = !r.has_failure();
  return r;
}

}  // namespace ecusson::ob2
