#include "issuing.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include <CLI/CLI.hpp>

#include "output.h"

namespace ecusson::cli {

std::string system_user(Lang lang) {
  if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name && *pw->pw_name)
    return pw->pw_name;
  if (const char* user = std::getenv("USER"); user && *user) return user;
  return std::string(tr(lang, "inconnu", "unknown"));
}

std::optional<issuance::DataDir> open_dir(Context& ctx, const std::string& dir, bool read_only) {
  auto d = issuance::open_data_dir({.dir = dir, .read_only = read_only, .lang = ctx.lang});
  if (!d) {
    ctx.exit_code = fail(ctx, d.error());
    return std::nullopt;
  }
  return std::move(*d);
}

int exit_code_for(const Error& e) {
  return e.code == "issuance.status_conflict" || e.code == "issuance.suspension_unsupported"
             ? kExitNo
             : kExitUnusable;
}

int fail(const Context& ctx, const Error& e) {
  print_error(ctx.lang, e);
  return exit_code_for(e);
}

void add_dir_and_json(CLI::App* cmd, const Context& ctx, std::string& dir, bool& json) {
  cmd->add_option("--dir", dir, T(ctx, "Dossier de données (défaut : var)",
                                  "Data directory (default: var)"));
  cmd->add_flag("--json", json, T(ctx, "Sortie JSON", "JSON output"));
}

assessment::AssessOptions assess_options(const Context& ctx) {
  assessment::AssessOptions options;
  options.lang = ctx.lang;
  options.grids_dir = std::filesystem::path(ctx.templates_dir) / "grids";
  return options;
}

}  // namespace ecusson::cli
