// Internals shared by the verification pipeline's translation units (not installed).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "ecusson/net/http_fetcher.h"
#include "ecusson/crypto/key_resolver.h"
#include "ecusson/proofs/vc_jwt.h"
#include "ecusson/verify/verify.h"

namespace ecusson::verify::detail {

using credentials::VerificationResult;
using crypto::KeyResolver;
using net::FetchOptions;
using net::FetchResponse;
using net::Fetcher;
using proofs::JwtVerifyOptions;
using proofs::VcJwt;

/// State of one verify_credential() call (borrowed pieces; copied for nested lists).
struct Run {
  const VerifyOptions& opt;
  Fetcher& fetcher;
  KeyResolver& keys;
  std::chrono::sys_seconds now;
  int depth = 0;  // 0 = the badge; 1 = its status list; …

  /// GET under the outbound policy of the options (document size limit).
  Result<FetchResponse> fetch(const std::string& url, std::string_view accept);
};

/// The outbound policy of the options (private network, document size, timeout,
/// redirects): every fetch of a run — documents, status lists, keys — uses it.
FetchOptions fetch_options(const VerifyOptions& options);

/// Verifies a fetched status list credential (JSON or VC-JWT) into `sub` and returns it,
/// or nullopt when it is not a credential at all.
std::optional<boost::json::object> verify_status_list(Run& run, std::string_view body,
                                                      VerificationResult& sub);

/// The VC-JWT options of this run: its clock, skew and JSON limits; dates are left to
/// the pipeline's validity step.
JwtVerifyOptions jwt_options(const Run& run);

/// The VC-JWT proof step: appends jwt.*, proof.*, key.* checks for the read `token`.
void check_vc_jwt(Run& run, const VcJwt& token, VerificationResult& r);

/// Hands an OB 2.0 input (the original bytes) to the OB 2.0 verifier; replaces `r`.
void verify_ob2_input(Run& run, std::string_view bytes, VerificationResult& r);

/// True when `bytes` (JSON, JWS or image) is an OB 2.0 (or older) badge.
bool is_ob2_input(std::string_view bytes);

}  // namespace ecusson::verify::detail
