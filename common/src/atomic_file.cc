#include "ecusson/common/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include "ecusson/common/digest.h"

namespace ecusson {

namespace {

Error write_failure(const std::filesystem::path& where, int err) {
  return fail("file.write", err != 0 ? std::strerror(err) : "écriture impossible",
              where.string());
}

}  // namespace

Result<std::filesystem::path> write_temporary_beside(const std::filesystem::path& target,
                                                     std::string_view bytes, int mode) {
  auto nonce = random_bytes(6);
  if (!nonce) return nonce.error();
  std::filesystem::path tmp = target;
  tmp += ".tmp-" + hex_encode(*nonce);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) return write_failure(target, errno);
  int err = 0;
  for (std::size_t done = 0; err == 0 && done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) err = n < 0 ? errno : EIO;
    else done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err != 0) {
    ::unlink(tmp.c_str());
    return write_failure(target, err);
  }
  return tmp;
}

Result<void> replace_file(const std::filesystem::path& target, std::string_view bytes,
                          int mode) {
  if (target.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
    if (ec) return fail("file.write", ec.message(), target.parent_path().string());
  }
  auto tmp = write_temporary_beside(target, bytes, mode);
  if (!tmp) return tmp.error();
  if (::rename(tmp->c_str(), target.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp->c_str());
    return write_failure(target, err);
  }
  return {};
}

}  // namespace ecusson
