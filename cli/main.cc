// Entry point of the `ecusson` command: global options, then the registered subcommands.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "command.h"
#include "help_language.h"
#include "ecusson/common/templates.h"

namespace ecusson::cli {

std::vector<CommandAdder>& command_registry() {
  static std::vector<CommandAdder> registry;
  return registry;
}

bool stderr_is_tty() { return ::isatty(STDERR_FILENO) != 0; }

bool read_input(const std::string& path, std::string& out, std::string& error,
                std::size_t max_bytes) {
  std::istream* in = nullptr;
  std::ifstream file;
  if (path == "-") {
    in = &std::cin;
  } else {
    file.open(path, std::ios::binary);
    if (!file) {
      error = path + ": cannot open file";
      return false;
    }
    in = &file;
  }
  out.clear();
  char buf[65536];
  while (*in) {
    in->read(buf, sizeof buf);
    std::streamsize n = in->gcount();
    if (n <= 0) break;
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) {
      error = path + ": file larger than " + std::to_string(max_bytes >> 20) + " MiB";
      return false;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace ecusson::cli

int main(int argc, char** argv) {
  using namespace ecusson::cli;
  Context ctx;
  ecusson::set_templates_dir(ECUSSON_TEMPLATES_DIR);
  ctx.templates_dir = ecusson::templates_dir().string();

  CLI::App app{"Ecusson — évaluations d'immersion et Open Badges vérifiables", "ecusson"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("ecusson ") + ECUSSON_VERSION,
                       "Affiche la version et quitte / print the version and exit");
  app.add_option("--lang", ctx.lang_option, "Langue des messages : fr (défaut) ou en")
      ->check(CLI::IsMember({"fr", "en"}));
  app.fallthrough();

  // Language is known before any subcommand callback runs: pre-scan argv.
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--lang" && i + 1 < argc) ctx.lang_option = argv[i + 1];
    if (a.starts_with("--lang=")) ctx.lang_option = std::string(a.substr(7));
  }
  ctx.lang = ecusson::lang_from(ctx.lang_option);
  use_help_language(app, ctx.lang);  // before subcommands: they copy the formatter

  for (CommandAdder add : command_registry()) add(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUnusable;
  }
  return ctx.exit_code;
}
