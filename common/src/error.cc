#include "ecusson/error.h"

#include <cstdlib>
#include <string_view>

#include "ecusson/lang.h"
#include "ecusson/result.h"

namespace ecusson {

std::string Error::to_string() const {
  std::string out;
  if (!where.empty()) {
    out += where;
    out += ": ";
  }
  out += message;
  if (!code.empty()) {
    out += " [";
    out += code;
    out += "]";
  }
  return out;
}

void throw_exception_from_error(const Error& e, const boost::source_location&) {
  throw ErrorException(e);
}

Lang lang_from(std::string_view explicit_value) {
  if (explicit_value == "en") return Lang::en;
  if (explicit_value == "fr") return Lang::fr;
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v != nullptr && *v != '\0') {
      return std::string_view(v).starts_with("en") ? Lang::en : Lang::fr;
    }
  }
  return Lang::fr;
}

}  // namespace ecusson
