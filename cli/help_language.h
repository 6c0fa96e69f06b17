// CLI11's own texts (help layout, usage errors) in the user's language.
//
// CLI11 writes its help and its parse errors in English ("Print this help message and
// exit", "A subcommand is required", "--format: pdf not in {json,html,csv}"). Under the
// French default, `--help` and usage errors must read French: a formatter with French labels
// and section titles, French help/version flag texts, and a failure message that translates
// CLI11's error sentences (`--lang en` keeps CLI11's English). Must be called on the root app
// before any subcommand is added (subcommands copy the formatter and help flag).
#pragma once

#include <string>

#include "ecusson/lang.h"

namespace CLI {
class App;
}

namespace ecusson::cli {

/// Installs the formatter, flag texts and failure message for `lang` on `app`.
/// Example: CLI::App app{"…"}; use_help_language(app, ctx.lang); add subcommands…
void use_help_language(CLI::App& app, Lang lang);

/// One CLI11 error sentence in French ("--output is required" → "--output est obligatoire");
/// unknown sentences are returned unchanged. Exposed for tests.
std::string translate_cli11_message(const std::string& english);

}  // namespace ecusson::cli
