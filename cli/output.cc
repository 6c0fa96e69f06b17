#include "output.h"

#include <cstdio>
#include <fstream>
#include <iostream>

#include "ecusson/baking/baking_messages.h"
#include "ecusson/common/atomic_file.h"

namespace ecusson::cli {

bool write_output(const std::string& path, std::string_view bytes) {
  if (path.empty() || path == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(std::cout.flush());
  }
  return replace_file(path, bytes).has_value();
}

void print_error(Lang lang, const Error& e) {
  std::cerr << tr(lang, "erreur : ", "error: ") << e.to_string() << "\n";
}

void print_baking_error(Lang lang, const Error& e) {
  std::string_view en = baking::baking_message(e.code, Lang::en);
  if (lang != Lang::en || en.empty()) return print_error(lang, e);
  std::cerr << "error: " << (e.where.empty() ? "" : e.where + ": ") << en << " [" << e.code
            << "]\n";
}

}  // namespace ecusson::cli
