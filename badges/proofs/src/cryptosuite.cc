// The EdDSA cryptosuites' Transformation, Proof Configuration and Hashing algorithms
// (W3C vc-di-eddsa §3.2.3–3.2.5, §3.3.3–3.3.5, §A.2.1.3–A.2.1.5).
#include "ecusson/proofs/cryptosuite.h"

#include <boost/json.hpp>

#include "ecusson/common/digest.h"
#include "ecusson/rdf/jcs.h"
#include "ecusson/rdf/jsonld.h"

namespace ecusson::proofs {

using rdf::JsonLdOptions;
using rdf::bundled_document_loader;
using rdf::canonicalize;
using rdf::jcs_serialize;
using rdf::to_rdf;
namespace {

namespace json = boost::json;

Error config_error(std::string msg) { return fail("proof.config", std::move(msg), "/proof"); }

// Checks shared by every suite's Proof Configuration: type, cryptosuite, created.
Result<void> check_options(const json::object& proof, std::string_view type, std::string_view suite) {
  const auto* t = proof.if_contains("type");
  if (!t || !t->is_string() || t->get_string() != type) {
    return config_error("type de preuve inattendu / unexpected proof type");
  }
  const auto* c = proof.if_contains("cryptosuite");
  if (!suite.empty() && (!c || !c->is_string() || c->get_string() != suite)) {
    return config_error("cryptosuite inattendue / unexpected cryptosuite");
  }
  if (const auto* created = proof.if_contains("created")) {
    if (!created->is_string() || !is_xsd_date_time(created->get_string())) {
      return config_error("'created' n'est pas une date xsd:dateTime / 'created' is not an xsd:dateTime");
    }
  }
  return {};
}

Result<std::string> rdfc_nquads(const json::value& doc, const SuiteOptions& o) {
  JsonLdOptions jo;
  jo.loader = o.loader ? o.loader : &bundled_document_loader();
  jo.limits = o.jsonld;
  // What toRdf leaves out is not signed: refuse it rather than sign or verify a part.
  jo.safe = true;
  auto ds = to_rdf(doc, jo);
  if (!ds) return ds.error();
  auto c = canonicalize(*ds, o.rdfc);
  if (!c) return c.error();
  return std::move(c->nquads);
}

// eddsa-rdfc-2022, its draft name eddsa-2022, and Ed25519Signature2020: RDFC-1.0 of the
// document and of the proof configuration carrying the document's @context.
class RdfcSuite final : public Cryptosuite {
 public:
  RdfcSuite(std::string_view type, std::string_view name, bool create)
      : type_(type), name_(name), create_(create) {}
  std::string_view proof_type() const override { return type_; }
  std::string_view name() const override { return name_; }
  bool can_create() const override { return create_; }

  Result<std::string> canonical_proof_config(const json::value& unsecured_v,
                                             const json::object& proof_options,
                                             const SuiteOptions& options) const override {
    if (auto r = check_options(proof_options, type_, name_); !r) return r.error();
    json::value config_v(proof_options);  // Proof Configuration step 1
    json::object& config = config_v.get_object();
    config.erase("proofValue");
    const auto* ctx = unsecured_v.is_object() ? unsecured_v.get_object().if_contains("@context")
                                              : nullptr;
    if (ctx) {
      config["@context"] = *ctx;  // step 4
    } else {
      config.erase("@context");
    }
    return rdfc_nquads(config_v, options);
  }

  Result<std::string> canonical_document(const json::value& unsecured_v, const json::object&,
                                         const SuiteOptions& options) const override {
    return rdfc_nquads(unsecured_v, options);
  }

  std::string transformation_key(const json::object&) const override { return "rdfc"; }

 private:
  std::string_view type_, name_;
  bool create_;
};

// eddsa-jcs-2022: JCS of the document and of the proof configuration. A proof carrying
// `@context` (always, when Ecusson creates it: §3.3.1 step 2) binds the document's context:
// the document's @context must start with the proof's (§3.3.2 step 4).
class JcsSuite final : public Cryptosuite {
 public:
  std::string_view proof_type() const override { return "DataIntegrityProof"; }
  std::string_view name() const override { return "eddsa-jcs-2022"; }
  bool can_create() const override { return true; }

  Result<std::string> canonical_proof_config(const json::value&,
                                             const json::object& proof_options,
                                             const SuiteOptions&) const override {
    if (auto r = check_options(proof_options, proof_type(), name()); !r) return r.error();
    json::object config = proof_options;
    config.erase("proofValue");
    return jcs_serialize(json::value(std::move(config)));
  }

  Result<std::string> canonical_document(const json::value& unsecured_v,
                                         const json::object& proof_options,
                                         const SuiteOptions&) const override {
    const json::object& unsecured = unsecured_v.get_object();
    const json::object* doc = &unsecured;
    json::object replaced;
    if (const auto* pctx = proof_options.if_contains("@context")) {
      const auto* dctx = unsecured.if_contains("@context");
      if (!dctx || !context_starts_with(*dctx, *pctx)) {
        return config_error(
            "le @context de la preuve ne correspond pas à celui du document / the proof's "
            "@context is not a prefix of the document's");
      }
      replaced = unsecured;
      replaced["@context"] = *pctx;
      doc = &replaced;
    }
    return jcs_serialize(json::value(*doc));
  }

  std::string transformation_key(const json::object& proof_options) const override {
    std::string key = "jcs";
    if (const auto* pctx = proof_options.if_contains("@context")) {
      key += ' ';
      key += jcs_serialize(*pctx);
    }
    return key;
  }

 private:
  static bool context_starts_with(const json::value& doc_ctx, const json::value& proof_ctx) {
    auto as_list = [](const json::value& v) {
      if (v.is_array()) return v.get_array();
      json::array a;
      a.push_back(v);
      return a;
    };
    const json::array d = as_list(doc_ctx), p = as_list(proof_ctx);
    if (p.size() > d.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (p[i] != d[i]) return false;
    }
    return true;
  }
};

const RdfcSuite kEddsaRdfc2022("DataIntegrityProof", "eddsa-rdfc-2022", true);
const RdfcSuite kEddsa2022("DataIntegrityProof", "eddsa-2022", false);
const RdfcSuite kEd25519Signature2020("Ed25519Signature2020", "", false);
const JcsSuite kEddsaJcs2022;

bool digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return false;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}
int num(std::string_view s, std::size_t pos, std::size_t n) {
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

}  // namespace

Result<VerifyData> Cryptosuite::create_verify_data(const json::value& unsecured,
                                                   const json::object& proof_options,
                                                   const SuiteOptions& options) const {
  if (!unsecured.is_object()) return config_error("le document n'est pas un objet / not an object");
  auto config = canonical_proof_config(unsecured, proof_options, options);
  if (!config) return config.error();
  auto doc = canonical_document(unsecured, proof_options, options);
  if (!doc) return doc.error();
  VerifyData out;
  out.canonical_proof_config = std::move(*config);
  out.canonical_document = std::move(*doc);
  out.hash_data = sha256(out.canonical_proof_config) + sha256(out.canonical_document);
  return out;
}

const Cryptosuite* find_cryptosuite(std::string_view type, std::string_view cryptosuite) {
  if (type == "DataIntegrityProof") {
    if (cryptosuite == "eddsa-rdfc-2022") return &kEddsaRdfc2022;
    if (cryptosuite == "eddsa-jcs-2022") return &kEddsaJcs2022;
    if (cryptosuite == "eddsa-2022") return &kEddsa2022;
    return nullptr;
  }
  if (type == "Ed25519Signature2020" && cryptosuite.empty()) return &kEd25519Signature2020;
  return nullptr;
}

bool is_xsd_date_time(std::string_view s) {
  // Year: optional '-', at least 4 digits (no leading zero when more than 4).
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  const std::size_t ys = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  const std::size_t ylen = i - ys;
  if (ylen < 4 || (ylen > 4 && s[ys] == '0')) return false;
  if (!(i < s.size() && s[i] == '-' && digits(s, i + 1, 2) && i + 3 < s.size() && s[i + 3] == '-' &&
        digits(s, i + 4, 2) && i + 6 < s.size() && s[i + 6] == 'T' && digits(s, i + 7, 2) &&
        i + 9 < s.size() && s[i + 9] == ':' && digits(s, i + 10, 2) && i + 12 < s.size() &&
        s[i + 12] == ':' && digits(s, i + 13, 2))) {
    return false;
  }
  const int month = num(s, i + 1, 2), day = num(s, i + 4, 2);
  const int hour = num(s, i + 7, 2), minute = num(s, i + 10, 2), second = num(s, i + 13, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31 || minute > 59 || second > 59) return false;
  i += 15;
  bool fraction_nonzero = false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t fs = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      fraction_nonzero = fraction_nonzero || s[i] != '0';
      ++i;
    }
    if (i == fs) return false;
  }
  // 24:00:00 is allowed only exactly.
  if (hour > 24 || (hour == 24 && (minute != 0 || second != 0 || fraction_nonzero))) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[month - 1]) return false;
  if (i == s.size()) return true;
  if (s[i] == 'Z') return i + 1 == s.size();
  if ((s[i] == '+' || s[i] == '-') && digits(s, i + 1, 2) && i + 3 < s.size() && s[i + 3] == ':' &&
      digits(s, i + 4, 2) && i + 6 == s.size()) {
    const int th = num(s, i + 1, 2), tm = num(s, i + 4, 2);
    return tm <= 59 && (th < 14 || (th == 14 && tm == 0));
  }
  return false;
}

}  // namespace ecusson::proofs
