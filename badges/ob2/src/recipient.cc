#include "ecusson/ob2/recipient.h"

#include <cctype>

#include <boost/json.hpp>

#include "internal.h"

namespace ecusson::ob2 {

namespace {
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}
}  // namespace

std::string ob2_identity_hash(std::string_view identity, std::string_view salt) {
  std::string input(identity);
  input += salt;
  return "sha256$" + detail::to_hex(detail::sha256(input));
}

std::string ob2_random_salt() { return detail::to_hex(detail::random_bytes(16)); }

Ob2IdentityObject make_ob2_recipient(std::string_view email) {
  Ob2IdentityObject o;
  o.type = "email";
  o.hashed = true;
  o.salt = ob2_random_salt();
  o.identity = ob2_identity_hash(lower(email), o.salt);
  return o;
}

bool ob2_identity_matches(const Ob2IdentityObject& object, std::string_view candidate) {
  if (candidate.empty()) return false;
  if (!object.hashed) return iequals(object.identity, candidate);
  std::string_view id = object.identity;
  auto dollar = id.find('$');
  if (dollar == std::string_view::npos) return false;
  std::string alg = lower(id.substr(0, dollar));
  std::string_view hex = id.substr(dollar + 1);
  auto compute = [&](std::string_view value) {
    std::string input(value);
    input += object.salt;
    if (alg == "sha256") return detail::to_hex(detail::sha256(input));
    if (alg == "md5") return detail::to_hex(detail::md5(input));
    return std::string();
  };
  for (const std::string& value : {std::string(candidate), lower(candidate)}) {
    std::string h = compute(value);
    if (!h.empty() && iequals(h, hex)) return true;
  }
  return false;
}

boost::json::object to_json(const Ob2IdentityObject& object) {
  boost::json::object o;
  o["type"] = object.type;
  o["hashed"] = object.hashed;
  if (!object.salt.empty()) o["salt"] = object.salt;
  o["identity"] = object.identity;
  return o;
}

}  // namespace ecusson::ob2
