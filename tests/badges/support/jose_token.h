// Tokens made the way an independent JOSE library (the `jose` npm package) makes them:
// any protected header, any payload, signed with a badges::Key. Lets the tests build the
// tokens of issue 9 (legacy `vc` claim, typ/cty variants, bare kid, hostile NumericDates)
// that `ecusson sign` never produces. Header-only; for badges and cli tests.
#pragma once

#include <string>

#include <boost/json.hpp>

#include "ecusson/common/base64url.h"
#include "ecusson/crypto/key.h"

namespace ecusson::test {

/// "b64url(header).b64url(payload).b64url(sig)"; `header` must hold `alg`. The payload
/// is taken as text so tests can write numbers Boost.JSON would not produce (1e300).
inline std::string jose_sign(const boost::json::object& header, const std::string& payload_text,
                             const crypto::Key& key) {
  std::string input = ecusson::base64url_encode(boost::json::serialize(header)) + "." +
                      ecusson::base64url_encode(payload_text);
  return input + "." + ecusson::base64url_encode(key.sign(input).value());
}

inline std::string jose_sign(const boost::json::object& header, const boost::json::object& payload,
                             const crypto::Key& key) {
  return jose_sign(header, boost::json::serialize(payload), key);
}

}  // namespace ecusson::test
