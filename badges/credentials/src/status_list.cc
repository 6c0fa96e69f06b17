#include "ecusson/credentials/status_list.h"

#include <zlib.h>

#include <array>

#include <boost/json.hpp>

#include "ecusson/common/base64url.h"

namespace ecusson::credentials {

Result<std::string> decode_bitstring(std::string_view encoded, const BitstringLimits& limits) {
  if (encoded.size() > limits.max_encoded_bytes)
    return fail("status.too_large", "liste de statuts encodée trop volumineuse");
  if (encoded.empty() || encoded.front() != 'u')
    return fail("status.bad_encoding", "encodedList doit être en multibase base64url (préfixe « u »)");
  // Lenient (padding allowed, trailing bits ignored): status lists come from many issuers
  // and carry no signature of their own encoding.
  auto decoded = base64_decode_lenient(encoded.substr(1), Base64Alphabet::url);
  if (!decoded) return fail("status.bad_encoding", "encodedList : base64url invalide");
  std::string& gz = *decoded;
  if (gz.size() < 18 || static_cast<unsigned char>(gz[0]) != 0x1f ||
      static_cast<unsigned char>(gz[1]) != 0x8b)
    return fail("status.bad_encoding", "encodedList n'est pas compressé en GZIP");

  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
    return fail("status.bad_encoding", "zlib indisponible");
  zs.next_in = reinterpret_cast<Bytef*>(gz.data());
  zs.avail_in = static_cast<uInt>(gz.size());
  std::string out;
  std::array<char, 64 * 1024> buf;
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buf.data());
    zs.avail_out = static_cast<uInt>(buf.size());
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      return fail("status.bad_encoding", "encodedList : flux GZIP corrompu");
    }
    std::size_t produced = buf.size() - zs.avail_out;
    if (out.size() + produced > limits.max_decoded_bytes) {
      inflateEnd(&zs);  // stop inflating at once: a zlib bomb never gets further
      return fail("status.too_large", "liste de statuts décompressée trop volumineuse (plus de " +
                                          std::to_string(limits.max_decoded_bytes) + " octets)");
    }
    out.append(buf.data(), produced);
    if (rc == Z_OK && produced == 0 && zs.avail_in == 0) {
      inflateEnd(&zs);
      return fail("status.bad_encoding", "encodedList : flux GZIP tronqué");
    }
  }
  inflateEnd(&zs);
  return out;
}

std::string encode_bitstring(std::string_view bits) {
  z_stream zs{};
  deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string gz(deflateBound(&zs, static_cast<uLong>(bits.size())) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bits.data()));
  zs.avail_in = static_cast<uInt>(bits.size());
  zs.next_out = reinterpret_cast<Bytef*>(gz.data());
  zs.avail_out = static_cast<uInt>(gz.size());
  deflate(&zs, Z_FINISH);
  gz.resize(zs.total_out);
  deflateEnd(&zs);
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out = "u";
  std::uint32_t acc = 0;
  int n = 0;
  for (unsigned char c : gz) {
    acc = (acc << 8) | c;
    n += 8;
    while (n >= 6) {
      n -= 6;
      out.push_back(kAlphabet[(acc >> n) & 63]);
    }
  }
  if (n > 0) out.push_back(kAlphabet[(acc << (6 - n)) & 63]);
  return out;
}

Result<std::uint32_t> bitstring_value(std::string_view bits, std::uint64_t index, unsigned size,
                                      std::size_t min_entries) {
  if (size == 0 || size > 32) return fail("status.range", "statusSize invalide");
  std::uint64_t total_bits = static_cast<std::uint64_t>(bits.size()) * 8;
  if (total_bits / size < min_entries)
    return fail("status.too_short", "liste de statuts trop courte (" +
                                        std::to_string(total_bits / size) + " entrées, minimum " +
                                        std::to_string(min_entries) + ")");
  if (index > total_bits / size || (index + 1) * size > total_bits)
    return fail("status.range", "statusListIndex hors de la liste");
  std::uint32_t value = 0;
  for (unsigned i = 0; i < size; ++i) {
    std::uint64_t pos = index * size + i;
    unsigned char byte = static_cast<unsigned char>(bits[pos / 8]);
    value = (value << 1) | ((byte >> (7 - pos % 8)) & 1u);
  }
  return value;
}

void bitstring_set(std::string& bits, std::uint64_t index, bool value) {
  if (index / 8 >= bits.size()) return;
  auto& byte = reinterpret_cast<unsigned char&>(bits[index / 8]);
  unsigned char mask = static_cast<unsigned char>(0x80u >> (index % 8));
  byte = value ? (byte | mask) : (byte & ~mask);
}

Result<bool> revoked_in_1edtech_list(const boost::json::value& list,
                                     std::string_view credential_id) {
  const auto* obj = list.if_object();
  const boost::json::value* entries = obj ? obj->if_contains("revokedCredential") : nullptr;
  if (!entries || !entries->is_array())
    return fail("status.invalid_list", "liste de révocation sans tableau « revokedCredential »");
  for (const auto& e : entries->get_array()) {
    const auto* eo = e.if_object();
    if (!eo) continue;
    const auto* id = eo->if_contains("id");
    if (!id || !id->is_string() || id->get_string() != credential_id) continue;
    const auto* revoked = eo->if_contains("revoked");
    if (!revoked || (revoked->is_bool() && revoked->get_bool())) return true;
  }
  return false;
}

}  // namespace ecusson::credentials
