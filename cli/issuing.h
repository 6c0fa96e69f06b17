// Helpers shared by the issuing subcommands (participants, validate, consent, award,
// credentials, revoke/suspend/unsuspend, status): who acts, opening the data directory,
// scoring an evaluation file, and the exit code of a library Error.
//
// Exit codes (design §3), the same in every issuing command: a library Error is unusable
// input (2: an unknown participant, evaluation or credential id, a bad option, a key file
// with the wrong mode, an unusable store), except a status change the credential's state
// refuses (already revoked, not suspended: issuance.status_conflict), which is a "no" (1).
// Refusals that are answers (a badge not issued, nothing to validate) are 1.
// Free functions over std::cerr; the CLI is single-threaded.
#pragma once

#include <optional>
#include <string>

#include "command.h"
#include "ecusson/assessment/assessor.h"
#include "ecusson/error.h"
#include "ecusson/issuance/issuer.h"

namespace CLI {
class App;
}

namespace ecusson::cli {

/// The default actor for the audit log: the system user's name (getpwuid, else $USER,
/// else "inconnu"/"unknown").
std::string system_user(Lang lang);

/// Opens the data directory for issuing (or read-only), printing the error and setting
/// ctx.exit_code = 2 when it cannot be opened.
std::optional<issuance::DataDir> open_dir(Context& ctx, const std::string& dir,
                                          bool read_only = false);

/// The exit code of a library Error (see the header comment).
int exit_code_for(const Error& e);

/// Prints the error and returns its exit code.
int fail(const Context& ctx, const Error& e);

/// An Assessor over templates/grids, messages in ctx.lang.
assessment::AssessOptions assess_options(const Context& ctx);

/// Adds the options every issuing command shares: `--dir` (data directory, default var)
/// and `--json` (machine output on stdout).
void add_dir_and_json(CLI::App* cmd, const Context& ctx, std::string& dir, bool& json);

/// ctx's translation of a French/English pair, as a std::string.
inline std::string T(const Context& ctx, std::string_view fr, std::string_view en) {
  return std::string(tr(ctx.lang, fr, en));
}

}  // namespace ecusson::cli
