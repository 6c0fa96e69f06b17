// Writing files so that a reader (a server publishing a folder, a user opening a report)
// never sees half of one: the bytes go to a new, uniquely named file beside the target,
// which is then renamed over it (or linked, to never replace). Stateless; thread-safe;
// two writers of the same target end with one whole file, the last one renamed.
#pragma once

#include <filesystem>
#include <string_view>

#include "ecusson/result.h"

namespace ecusson {

/// Writes `bytes` to a new file beside `target` ("<target>.tmp-<random hex>", created
/// exclusively with `mode` before the umask) and returns its path; the caller renames or
/// links it, or removes it. The folder must exist.
/// Errors: "file.write" (message: the system's reason; where: the temporary's target).
/// Example: `auto tmp = write_temporary_beside("var/keys/k.pem", pem, 0600);`
[[nodiscard]] Result<std::filesystem::path> write_temporary_beside(
    const std::filesystem::path& target, std::string_view bytes, int mode);

/// Replaces (or creates) `target` with `bytes` in one rename, creating its folder when
/// missing. On failure nothing is left behind and `target` is unchanged.
/// Errors: "file.write" (message: the system's reason; where: `target` or its folder).
/// Example: `if (auto w = replace_file("out/report.html", html); !w) print(w.error());`
[[nodiscard]] Result<void> replace_file(const std::filesystem::path& target,
                                        std::string_view bytes, int mode = 0666);

}  // namespace ecusson
