// Internals shared by the verification pipeline's translation units (not installed).
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "ecusson/net/http_fetcher.h"
#include "ecusson/credentials/verification_policy.h"
#include "ecusson/crypto/key_resolver.h"
#include "ecusson/proofs/vc_jwt.h"
#include "ecusson/verify/verify.h"

namespace ecusson::verify::detail {

inline constexpr auto kPassed = credentials::CheckStatus::passed;
inline constexpr auto kFailed = credentials::CheckStatus::failed;
inline constexpr auto kSkipped = credentials::CheckStatus::skipped;
inline constexpr auto kWarning = credentials::CheckStatus::warning;

using credentials::VerificationResult;
using crypto::KeyResolver;
using net::FetchOptions;
using net::FetchResponse;
using net::Fetcher;
using proofs::JwtVerifyOptions;
using proofs::VcJwt;

/// The fetcher of one verification: forwards to `inner` until `budget` fetches were made
/// (the policy's max_fetches), then fails with fetch.budget. Not thread-safe (one call).
class BudgetFetcher final : public Fetcher {
 public:
  BudgetFetcher(Fetcher& inner, int budget) : inner_(inner), budget_(budget) {}
  [[nodiscard]] Result<FetchResponse> fetch(std::string_view url,
                                            const FetchOptions& options) override;

 private:
  Fetcher& inner_;
  int budget_;
  int used_ = 0;
};

/// State of one verify_credential() call (borrowed pieces; copied for nested lists).
struct Run {
  const VerifyOptions& opt;
  Fetcher& fetcher;   // the call's BudgetFetcher
  KeyResolver& keys;
  std::chrono::sys_seconds now;  // opt.instant(), read once for the whole call
  int depth = 0;  // 0 = the badge; 1 = its status list; …

  /// GET under the outbound policy of the options (ob2::fetch_options: private network,
  /// timeout, redirects, body ≤ max_document_bytes unless `max_body_bytes` is given).
  Result<FetchResponse> fetch(const std::string& url, std::string_view accept,
                              std::optional<std::size_t> max_body_bytes = std::nullopt);
};

/// Options of a lower verifier (JwtVerifyOptions, Ob2VerifyOptions) holding this run's
/// policy whole — every limit of VerifyOptions, none copied one by one — at the run's
/// instant; their own fields keep their defaults.
template <class Options>
Options with_policy(const Run& run) {
  Options o;
  static_cast<credentials::VerificationPolicy&>(o) =
      static_cast<const credentials::VerificationPolicy&>(run.opt);
  o.now = run.now;
  return o;
}

/// Verifies a fetched status list credential (JSON or VC-JWT) into `sub` and returns it,
/// or nullopt when it is not a credential at all.
std::optional<boost::json::object> verify_status_list(Run& run, std::string_view body,
                                                      VerificationResult& sub);

/// The VC-JWT options of this run: its policy (with_policy); dates are left to the
/// pipeline's validity step.
JwtVerifyOptions jwt_options(const Run& run);

/// The VC-JWT proof step: appends jwt.*, proof.*, key.* checks for the read `token`.
void check_vc_jwt(Run& run, const VcJwt& token, VerificationResult& r);

/// The status step (status_checks.cc): every `credentialStatus` entry of `cred` —
/// BitstringStatusListEntry (the list fetched and verified through this pipeline, to
/// options.max_status_depth) or 1EdTechRevocationList — appends status.revoked,
/// status.suspended, status.unreachable or status.unsupported. A status that cannot be
/// checked is a failure, never "not revoked".
void check_status(Run& run, const boost::json::object& cred, VerificationResult& r);

/// Hands an OB 2.0 input (the original bytes) to the OB 2.0 verifier; replaces `r`.
void verify_ob2_input(Run& run, std::string_view bytes, VerificationResult& r);

/// True when `bytes` (JSON, JWS or image) is an OB 2.0 (or older) badge.
bool is_ob2_input(std::string_view bytes);

}  // namespace ecusson::verify::detail
