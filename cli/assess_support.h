// Helpers shared by the commands that score evaluations (`assess`, `attest`) or write a
// document (`grid form`): assessor options from the command line, every problem of an
// unusable evaluation at once (issue 13: "a file with three mistakes reports only one"),
// the entry/exit pairing message, and writing an output file into a folder created on demand.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "command.h"
#include "ecusson/assessment/assessor.h"
#include "ecusson/error.h"
#include "ecusson/lang.h"

namespace ecusson::cli {

/// Assessor options: grids from templates/grids unless `grid_file`, the grid's own policy
/// unless `policy_file`, messages in the context's language.
assessment::AssessOptions assess_options(const Context& ctx, const std::string& grid_file,
                                         const std::string& policy_file);

/// Prints `all` (or `first` alone when `all` is empty) as "erreur : …" lines, then, when
/// there are several, "N problèmes dans ce fichier" (noting when `cap` was reached).
/// Returns the problems printed, to list them elsewhere (rejects.csv).
/// Example: auto shown = print_problems(lang, r.error(), assessor.last_problems(), 20);
std::vector<Error> print_problems(Lang lang, const Error& first, const std::vector<Error>& all,
                                  std::size_t cap);

/// "erreur : l'évaluation d'entrée ne concerne pas le même participant ou la même grille".
void print_entry_mismatch(Lang lang);

/// Writes `bytes` to `path` (stdout for "" or "-"), creating its folder first; on failure
/// prints "<path> : impossible d'écrire <what>" and returns false.
/// Example: if (!write_into_folder(out, pdf, lang, "l'attestation", "the attestation")) …
[[nodiscard]] bool write_into_folder(const std::string& path, std::string_view bytes, Lang lang,
                                     std::string_view what_fr, std::string_view what_en);

}  // namespace ecusson::cli
