// Reading the issuer's private key files (internal to issuance): one check for `init`
// and for every command that signs, so that a key readable by others is never used.
#pragma once

#include <filesystem>

#include "ecusson/crypto/key.h"
#include "ecusson/lang.h"
#include "ecusson/result.h"

namespace ecusson::issuance::detail {

/// "0644" for a mode.
std::string mode_string(unsigned mode);

/// Loads the private key at `path` after checking it is a regular file (not a symlink)
/// with no group or other permission, holding a private key of `type`. Fails with
/// issuance.key_unreadable, issuance.key_not_file, issuance.key_mode.
[[nodiscard]] Result<crypto::Key> load_private_key_file(const std::filesystem::path& path,
                                                       crypto::KeyType type, Lang lang);

}  // namespace ecusson::issuance::detail
