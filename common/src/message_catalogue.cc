#include "ecusson/common/message_catalogue.h"

#include <algorithm>

namespace ecusson {

std::string format_message(std::span<const MessageEntry> catalogue, std::string_view code,
                           Lang lang, std::initializer_list<std::string_view> args) {
  auto it = std::lower_bound(catalogue.begin(), catalogue.end(), code,
                             [](const MessageEntry& e, std::string_view c) { return e.code < c; });
  if (it == catalogue.end() || it->code != code) {
    std::string out(code);
    for (auto a : args) (out += ' ') += a;
    return out;
  }
  std::string_view text = lang == Lang::en ? it->en : it->fr;
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9' &&
        text[i + 2] == '}') {
      std::size_t k = static_cast<std::size_t>(text[i + 1] - '1');
      if (k < args.size()) out += *(args.begin() + k);
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace ecusson
