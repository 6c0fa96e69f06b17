// E-mail address checks shared by init, participant import and batches (internal).
#pragma once

#include <string_view>

namespace ecusson::issuance::detail {

/// A plausible single address: one '@' with text on both sides, a dot in the domain, no
/// spaces, commas, semicolons or angle brackets (a pasted "Name <a@b>" or a list).
/// Example: valid_email("camille.martin@example.fr") is true; valid_email("a@b") is false.
inline bool valid_email(std::string_view e) {
  auto at = e.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= e.size()) return false;
  if (e.find('@', at + 1) != std::string_view::npos) return false;
  if (e.find_first_of(" \t\r\n<>,;\"") != std::string_view::npos) return false;
  auto domain = e.substr(at + 1);
  auto dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

}  // namespace ecusson::issuance::detail
