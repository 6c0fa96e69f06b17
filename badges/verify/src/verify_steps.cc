// The proof steps that come from other parts of badges/: VC-JWT (vc_jwt.h) and OB 2.0
// (ob2_verify.h).
#include "ecusson/ob2/verify.h"
#include "ecusson/proofs/vc_jwt.h"
#include "verify_internal.h"

namespace ecusson::verify::detail {

using credentials::VerificationResult;
using ob2::Ob2InputKind;
using ob2::Ob2VerifyOptions;
using ob2::detect_ob2_input;
using ob2::verify_ob2;
using proofs::JwtVerifyOptions;
using proofs::VcJwt;
using proofs::verify_vc_jwt;

JwtVerifyOptions jwt_options(const Run& run) {
  auto o = with_policy<JwtVerifyOptions>(run);
  o.check_validity_dates = false;  // the pipeline checks dates itself, after the proof
  return o;
}

void check_vc_jwt(Run& run, const VcJwt& token, VerificationResult& r) {
  verify_vc_jwt(token, run.keys, jwt_options(run), r);
}

void verify_ob2_input(Run& run, std::string_view bytes, VerificationResult& r) {
  std::string source = r.source;
  r = verify_ob2(bytes, run.fetcher, with_policy<Ob2VerifyOptions>(run));
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
