// VerificationPolicy → FetchOptions / BakingLimits (policy_limits.h).
#include "ecusson/ob2/policy_limits.h"

#include <algorithm>

namespace ecusson::ob2 {

net::FetchOptions fetch_options(const credentials::VerificationPolicy& policy) {
  net::FetchOptions fo;
  fo.allow_private_network = policy.allow_private_network;
  fo.total_timeout = policy.fetch_timeout;
  fo.connect_timeout = std::min(fo.connect_timeout, policy.fetch_timeout);
  fo.max_redirects = policy.max_redirects;
  fo.max_body_bytes = policy.max_document_bytes;
  return fo;
}

baking::BakingLimits baking_limits(const credentials::VerificationPolicy& policy) {
  baking::BakingLimits limits;
  limits.max_image_bytes = policy.max_input_bytes;
  limits.max_payload_bytes = policy.max_json_bytes;
  return limits;
}

}  // namespace ecusson::ob2
