#include "ecusson/common/templates.h"

#include <cstdlib>
#include <mutex>

namespace ecusson {

namespace {

std::mutex& templates_mutex() {
  static std::mutex m;
  return m;
}

std::filesystem::path& registered_dir() {
  static std::filesystem::path dir;
  return dir;
}

}  // namespace

void set_templates_dir(std::filesystem::path dir) {
  std::lock_guard lock(templates_mutex());
  registered_dir() = std::move(dir);
}

std::filesystem::path templates_dir() {
  const char* env = std::getenv("ECUSSON_TEMPLATES");
  if (env != nullptr && *env != '\0') return env;
  std::lock_guard lock(templates_mutex());
  if (!registered_dir().empty()) return registered_dir();
  return "templates";
}

}  // namespace ecusson
