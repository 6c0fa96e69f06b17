#include "ecusson/credentials/ob3_identity.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <boost/json.hpp>

namespace ecusson::credentials {

namespace json = boost::json;

namespace {

std::string to_hex(const unsigned char* p, std::size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(digits[p[i] >> 4]);
    out.push_back(digits[p[i] & 15]);
  }
  return out;
}

std::string digest_hex(const EVP_MD* md, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) != 1) return {};
  return to_hex(out, len);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && ascii_lower(a) == ascii_lower(b);
}

const json::value* field(const json::object& o, std::string_view k) { return o.if_contains(k); }

std::string_view str(const json::object& o, std::string_view k) {
  const json::value* v = field(o, k);
  return v && v->is_string() ? std::string_view(v->get_string()) : std::string_view();
}

}  // namespace

Result<std::string> random_salt() {
  unsigned char buf[16];
  if (RAND_bytes(buf, sizeof buf) != 1)
    return fail("ob3.random", "le générateur aléatoire d'OpenSSL a échoué");
  return to_hex(buf, sizeof buf);
}

std::string email_identity_hash(std::string_view email, std::string_view salt) {
  std::string input = ascii_lower(trim(email));
  input += salt;
  return "sha256$" + digest_hex(EVP_sha256(), input);
}

json::object make_email_identity(std::string_view email, std::string_view salt) {
  json::object o;
  o["type"] = "IdentityObject";
  o["identityHash"] = email_identity_hash(email, salt);
  o["identityType"] = "emailAddress";
  o["hashed"] = true;
  o["salt"] = salt;
  return o;
}

bool identity_matches(const json::value& identity, std::string_view email) {
  if (!identity.is_object()) return false;
  const json::object& o = identity.get_object();
  std::string_view value, type;
  if (o.contains("identityHash")) {  // OB 3.0 IdentityObject
    value = str(o, "identityHash");
    type = str(o, "identityType");
    if (type != "emailAddress") return false;
  } else {  // OB 2.0 recipient
    value = str(o, "identity");
    type = str(o, "type");
    if (type != "email") return false;
  }
  if (value.empty()) return false;
  std::string_view salt = str(o, "salt");
  const json::value* hashed_v = field(o, "hashed");
  bool hashed = hashed_v && hashed_v->is_bool()
                    ? hashed_v->get_bool()
                    : (value.starts_with("sha256$") || value.starts_with("md5$"));
  std::string_view given = trim(email);
  if (given.empty()) return false;
  if (!hashed) return iequals(trim(value), given);

  const EVP_MD* md = nullptr;
  std::string_view hex;
  if (value.starts_with("sha256$")) {
    md = EVP_sha256();
    hex = value.substr(7);
  } else if (value.starts_with("md5$")) {
    md = EVP_md5();
    hex = value.substr(4);
  } else {
    return false;
  }
  for (const std::string& candidate : {ascii_lower(given), std::string(given)}) {
    std::string h = digest_hex(md, candidate + std::string(salt));
    if (!h.empty() && iequals(h, hex)) return true;
  }
  return false;
}

bool identity_matches(std::string_view identity_json, std::string_view email) {
  boost::system::error_code ec;
  json::value v = json::parse(identity_json, ec);
  if (ec) return false;
  return identity_matches(v, email);
}

}  // namespace ecusson::credentials
