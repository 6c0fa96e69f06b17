// The one place where a VerificationPolicy (credentials/verification_policy.h) becomes the
// settings of the lower parts that cannot read it: a fetch (net::FetchOptions; net sits
// below credentials) and an unbaking (baking::BakingLimits). ob2 is the lowest part that
// knows all three, and both users — the OB 2.0 verifier and the verification pipeline
// (verify) — build their fetches and unbakings here, so the private-network flag, the
// deadline, the redirect limit and the size limits can never be dropped or defaulted
// differently on the way down.
// Stateless; thread-safe.
#pragma once

#include "ecusson/baking/baked_payload.h"
#include "ecusson/credentials/verification_policy.h"
#include "ecusson/net/http_fetcher.h"

namespace ecusson::ob2 {

/// The FetchOptions of `policy`: allow_private_network, total_timeout = fetch_timeout,
/// connect_timeout = the FetchOptions default capped by fetch_timeout, max_redirects,
/// max_body_bytes = max_document_bytes. Everything else (accept, return_error_status)
/// keeps the FetchOptions default; a caller sets those per request, and may raise
/// max_body_bytes up to max_input_bytes for a body that is a badge rather than a document.
/// Example: auto fo = fetch_options(options); fo.accept = "application/json";
[[nodiscard]] net::FetchOptions fetch_options(const credentials::VerificationPolicy& policy);

/// The BakingLimits of `policy`: max_image_bytes = max_input_bytes, max_payload_bytes =
/// max_json_bytes. Example: unbake_image(bytes, baking_limits(options)).
[[nodiscard]] baking::BakingLimits baking_limits(const credentials::VerificationPolicy& policy);

}  // namespace ecusson::ob2
