// The proof steps that come from other parts of badges/: VC-JWT (vc_jwt.h) and OB 2.0
// (ob2_verify.h).
#include "verify_internal.h"

namespace ecusson::badges::detail {

void check_vc_jwt(Run& run, std::string_view jws, const boost::json::object& credential,
                  VerificationResult& r) {
  r.add("proof.unsupported", CheckStatus::failed, "Vérification VC-JWT non disponible dans cette version",
        "VC-JWT verification not available in this build");
}

void verify_ob2_input(Run& run, std::string_view bytes, VerificationResult& r) {
  r.add("structure.context", CheckStatus::failed,
        "Open Badges 2.0 : vérification non disponible dans cette version",
        "Open Badges 2.0: verification not available in this build");
}

}  // namespace ecusson::badges::detail
