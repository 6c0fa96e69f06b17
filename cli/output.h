// Output helpers shared by the `ecusson` subcommands: writing a result file (or stdout)
// and printing a library Error in the user's language.
//
// Every subcommand reports library errors the same way ("erreur : where: message [code]")
// and writes its output through one temporary file renamed into place, so a reader (a
// script, a web server serving the folder) never sees half a file. Free functions over
// std::cout / std::cerr; not meant for concurrent use (the CLI is single-threaded).
#pragma once

#include <string>
#include <string_view>

#include "ecusson/error.h"
#include "ecusson/lang.h"

namespace ecusson::cli {

/// Writes `bytes` to stdout when `path` is "" or "-", else to "<path>.tmp" renamed to
/// `path` (the folder must exist). Returns false when nothing complete could be written;
/// the temporary is then removed.
/// Example: if (!write_output(args.output, report)) return kExitUnusable;
[[nodiscard]] bool write_output(const std::string& path, std::string_view bytes);

/// Prints "erreur : <e.to_string()>" (or "error: …" in English) on stderr.
/// Example: print_error(ctx.lang, key.error());
void print_error(Lang lang, const Error& e);

/// Like print_error, but in English with the baking catalogue's message
/// (baking::baking_message) when there is one: "error: where: message [code]".
/// Example: print_baking_error(ctx.lang, unbaked.error());
void print_baking_error(Lang lang, const Error& e);

}  // namespace ecusson::cli
