// verify_badge FILE: verifies an Open Badge (JSON, JWT, PNG or SVG) offline with the
// installed Ecusson package, prints each check, exits 0 when the badge is authentic.
#include <fstream>
#include <iostream>
#include <sstream>

#include "ecusson/common/templates.h"
#include "ecusson/verify/verify.h"

int main(int argc, char** argv) {
  if (argc != 2) return std::cerr << "usage: verify_badge FILE\n", 2;
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) return std::cerr << "cannot read " << argv[1] << "\n", 2;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  ecusson::set_templates_dir(ECUSSON_TEMPLATES_DIR);  // the bundled JSON-LD contexts
  std::string text = bytes.str();
  auto result = ecusson::verify::verify_credential({text, {}, argv[1]}, {});
  for (const auto& check : result.checks)
    std::cout << check.code << " " << ecusson::credentials::to_string(check.status) << "\n";
  std::cout << (result.verified ? "verified" : "refused") << "\n";
  return result.verified ? 0 : 1;
}
