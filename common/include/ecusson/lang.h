// Lang: the language of messages shown to people. French first (users are French).
#pragma once

#include <string_view>

namespace ecusson {

enum class Lang { fr, en };

/// Picks the language: an explicit "--lang" value wins ("fr"/"en"), else the LANG /
/// LC_ALL / LC_MESSAGES environment starting with "en", else French.
Lang lang_from(std::string_view explicit_value = {});

/// Returns `fr` or `en` according to `lang`. Small helper for message catalogues.
inline std::string_view tr(Lang lang, std::string_view fr, std::string_view en) {
  return lang == Lang::en ? en : fr;
}

}  // namespace ecusson
