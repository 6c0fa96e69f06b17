// The proof steps that come from other parts of badges/: VC-JWT (vc_jwt.h) and OB 2.0
// (ob2_verify.h).
#include <chrono>

#include "ecusson/ob2/verify.h"
#include "ecusson/proofs/vc_jwt.h"
#include "verify_internal.h"

namespace ecusson::verify::detail {

using credentials::CredentialSummary;
using credentials::VerificationResult;
using ob2::Ob2InputKind;
using ob2::Ob2VerifyOptions;
using ob2::detect_ob2_input;
using ob2::verify_ob2;
using proofs::JwtVerifyOptions;
using proofs::verify_vc_jwt;

void check_vc_jwt(Run& run, std::string_view jws, const boost::json::object& credential,
                  VerificationResult& r) {
  JwtVerifyOptions o;
  o.now = run.now.time_since_epoch().count();
  o.max_clock_skew = run.opt.max_clock_skew.count();
  o.check_validity_dates = false;  // the pipeline checks dates itself, after the proof
  o.max_bytes = run.opt.max_json_bytes;
  // verify_vc_jwt fills format/source/credential for a top-level badge; keep ours.
  std::string format = r.format, source = r.source;
  CredentialSummary summary = r.credential;
  verify_vc_jwt(jws, run.keys, o, r);
  if (!format.empty()) r.format = format;
  if (!source.empty()) r.source = source;
  if (!summary.id.empty() || !summary.issuer_id.empty()) r.credential = summary;
}

void verify_ob2_input(Run& run, std::string_view bytes, VerificationResult& r) {
  Ob2VerifyOptions o;
  o.at = run.now;
  o.max_clock_skew = run.opt.max_clock_skew;
  o.recipient = run.opt.recipient;
  o.allow_private_network = run.opt.allow_private_network;
  o.max_input_bytes = run.opt.max_input_bytes;
  o.fetch_timeout = run.opt.fetch_timeout;
  o.max_redirects = run.opt.max_redirects;
  std::string source = r.source;
  r = verify_ob2(bytes, run.fetcher, o);
  if (source == "url") r.source = source;  // the badge came from the URL given
}

bool is_ob2_input(std::string_view bytes) {
  switch (detect_ob2_input(bytes)) {
    case Ob2InputKind::ob2_json:
    case Ob2InputKind::ob2_jws:
    case Ob2InputKind::ob2_baked:
    case Ob2InputKind::ob1_legacy:
    case Ob2InputKind::ob05_legacy:
      return true;
    default:
      return false;
  }
}

}  // namespace ecusson::verify::detail
