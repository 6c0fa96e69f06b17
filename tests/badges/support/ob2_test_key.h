// One RSA-2048 key per test process (generation is slow enough to share it).
#pragma once

#include <string>

#include "ecusson/ob2/issue.h"

namespace ecusson::test {

inline const std::string& ob2_test_key() {
  static const std::string pem = ob2::generate_ob2_rsa_key().value();
  return pem;
}
inline const std::string& ob2_other_test_key() {
  static const std::string pem = ob2::generate_ob2_rsa_key().value();
  return pem;
}

}  // namespace ecusson::test
