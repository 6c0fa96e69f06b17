// The reverse table of a text encoding's alphabet (base64, base64url, base58btc), built at
// compile time, so that each decoder maps a character to its value in one lookup.
// constexpr data; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace ecusson {

/// table[c] = position of byte c in `alphabet`, or -1 when c is not in it (alphabets of at
/// most 127 characters). Example: constexpr auto t = decode_table("01"); t['1'] == 1,
/// t['2'] == -1.
constexpr std::array<std::int8_t, 256> decode_table(std::string_view alphabet) {
  std::array<std::int8_t, 256> table{};
  for (auto& v : table) v = -1;
  for (std::size_t i = 0; i < alphabet.size(); ++i)
    table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
  return table;
}

}  // namespace ecusson
