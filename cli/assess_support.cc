#include "assess_support.h"

#include <filesystem>
#include <iostream>

#include "output.h"

namespace ecusson::cli {

assessment::AssessOptions assess_options(const Context& ctx, const std::string& grid_file,
                                         const std::string& policy_file) {
  assessment::AssessOptions options;
  options.lang = ctx.lang;
  options.grids_dir = std::filesystem::path(ctx.templates_dir) / "grids";
  options.grid_file = grid_file;
  options.policy_file = policy_file;
  return options;
}

std::vector<Error> print_problems(Lang lang, const Error& first, const std::vector<Error>& all,
                                  std::size_t cap) {
  std::vector<Error> shown = all.empty() ? std::vector<Error>{first} : all;
  for (const Error& e : shown) print_error(lang, e);
  if (shown.size() > 1) {
    std::cerr << "  " << shown.size()
              << tr(lang, " problèmes dans ce fichier", " problems in this file");
    if (shown.size() >= cap) {
      std::cerr << tr(lang, " (les premiers seulement : corrigez-les puis relancez)",
                      " (the first ones only: fix them and run again)");
    }
    std::cerr << "\n";
  }
  return shown;
}

void print_entry_mismatch(Lang lang) {
  std::cerr << tr(lang,
                  "erreur : l'évaluation d'entrée ne concerne pas le même participant ou la "
                  "même grille\n",
                  "error: the entry evaluation is not for the same participant or grid\n");
}

bool write_into_folder(const std::string& path, std::string_view bytes, Lang lang,
                       std::string_view what_fr, std::string_view what_en) {
  std::error_code ec;
  if (std::filesystem::path p(path); p.has_parent_path()) {
    std::filesystem::create_directories(p.parent_path(), ec);
  }
  if (write_output(path, bytes)) return true;
  std::cerr << path << tr(lang, " : impossible d'écrire ", ": cannot write ")
            << tr(lang, what_fr, what_en) << "\n";
  return false;
}

}  // namespace ecusson::cli
