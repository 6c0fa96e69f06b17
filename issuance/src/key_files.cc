#include "key_files.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "ecusson/issuance/messages.h"

namespace ecusson::issuance::detail {

std::string mode_string(unsigned mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", mode & 07777u);
  return buf;
}

Result<crypto::Key> load_private_key_file(const std::filesystem::path& path,
                                         crypto::KeyType type, Lang lang) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0)
    return make_error("issuance.key_unreadable", path.string(), lang,
                      {path.string(), std::strerror(errno)});
  if (!S_ISREG(st.st_mode))
    return make_error("issuance.key_not_file", path.string(), lang, {path.string()});
  if ((st.st_mode & 077) != 0)
    return make_error("issuance.key_mode", path.string(), lang,
                      {path.string(), mode_string(st.st_mode)});
  auto key = crypto::Key::load_pem_file(path);
  if (!key)
    return make_error("issuance.key_unreadable", path.string(), lang,
                      {path.string(), key.error().message + " [" + key.error().code + "]"});
  if (!key->has_private() || key->type() != type)
    return make_error(
        "issuance.key_unreadable", path.string(), lang,
        {path.string(), std::string(tr(lang, "une clé privée ", "a private ")) +
                            crypto::to_string(type) +
                            std::string(tr(lang, " est attendue", " key is expected"))});
  return key;
}

}  // namespace ecusson::issuance::detail
