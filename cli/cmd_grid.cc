// `ecusson grid check FILE`: validates a competence grid and prints a summary (`grid show`
// and `grid form`: grid_form_commands.cc).
//
// Exit codes (design §3): 0 the grid is valid; 1 the grid is well-formed XML of the right
// kind but fails validation (duplicate ids, undeclared framework, bad weight…); 2 the file
// cannot be used at all (missing, too large, not UTF-8, malformed XML, wrong namespace…).
#include <iostream>
#include <map>
#include <string>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include "command.h"
#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/parse_options.h"
#include "grid_form_commands.h"

namespace ecusson::cli {

namespace {

namespace as = ecusson::assessment;

struct GridCounts {
  std::size_t domains = 0, competences = 0, levels = 0, indicators = 0, critical = 0;
};

GridCounts count(const as::Grid& g) {
  GridCounts c;
  c.domains = g.domains.size();
  for (const as::Domain& d : g.domains) {
    for (const as::Competence& comp : d.competences) {
      ++c.competences;
      c.levels += comp.levels.size();
      for (const as::Level& l : comp.levels) {
        c.indicators += l.indicators.size();
        for (const as::Indicator& i : l.indicators) c.critical += i.critical ? 1 : 0;
      }
    }
  }
  return c;
}

// Semantic (grid.*, policy.*) failures mean "this grid is not valid": exit 1. Anything
// else (io.*, xml.*) means the file could not be read as a grid at all: exit 2.
int exit_code_for(const Error& e) {
  if (e.code.starts_with("grid.") || e.code.starts_with("policy.")) return kExitNo;
  return kExitUnusable;
}

void print_summary(const as::Grid& g, Lang lang) {
  GridCounts c = count(g);
  std::cout << tr(lang, "Grille valide : ", "Valid grid: ") << g.title << " (" << g.id << " "
            << g.version << ", " << tr(lang, "langue ", "language ") << g.lang << ")\n";
  std::cout << "  " << c.domains
            << (c.domains == 1 ? tr(lang, " domaine, ", " domain, ") : tr(lang, " domaines, ", " domains, "))
            << c.competences
            << tr(lang, " compétences, ", " competences, ") << c.levels
            << tr(lang, " niveaux, ", " levels, ") << c.indicators
            << tr(lang, " indicateurs (dont ", " indicators (") << c.critical
            << tr(lang, " critiques)\n", " critical)\n");
  std::cout << "  " << tr(lang, "Échelles de niveaux : ", "Level scales: ");
  for (std::size_t i = 0; i < g.level_scales.size(); ++i) {
    const as::LevelScale& s = g.level_scales[i];
    std::cout << (i ? ", " : "") << s.id << " (" << s.levels.size()
              << tr(lang, " niveaux)", " levels)");
  }
  std::cout << "\n  " << tr(lang, "Échelles de notation : ", "Rating scales: ");
  for (std::size_t i = 0; i < g.rating_scales.size(); ++i) {
    const as::RatingScale& s = g.rating_scales[i];
    std::cout << (i ? ", " : "") << s.id << " (";
    for (std::size_t k = 0; k < s.values.size(); ++k) {
      std::cout << (k ? ", " : "") << s.values[k].code;
    }
    std::cout << ")";
  }
  if (!g.frameworks.empty()) {
    std::cout << "\n  " << tr(lang, "Référentiels : ", "Frameworks: ");
    for (std::size_t i = 0; i < g.frameworks.size(); ++i) {
      std::cout << (i ? ", " : "") << g.frameworks[i].name << " " << g.frameworks[i].version;
    }
  }
  as::ScoringPolicy p = g.effective_policy();
  std::cout << "\n  " << tr(lang, "Politique de calcul : ", "Scoring policy: ") << p.id << " "
            << p.version
            << (g.policy ? tr(lang, " (dans la grille)", " (in the grid)")
                         : tr(lang, " (par défaut)", " (default)"))
            << "\n";
  if (!g.contextualisations.empty()) {
    std::cout << "  " << tr(lang, "Contextualisations ROME : ", "ROME contextualisations: ");
    for (std::size_t i = 0; i < g.contextualisations.size(); ++i) {
      std::cout << (i ? ", " : "") << g.contextualisations[i].rome;
    }
    std::cout << "\n";
  }
  for (const as::Domain& d : g.domains) {
    std::cout << "  " << d.id << "  " << d.label << "\n";
    for (const as::Competence& comp : d.competences) {
      std::size_t indicators = 0;
      for (const as::Level& l : comp.levels) indicators += l.indicators.size();
      std::cout << "    " << comp.id << "  " << comp.label << " — " << comp.levels.size()
                << tr(lang, " niveaux, ", " levels, ") << indicators
                << tr(lang, " indicateurs\n", " indicators\n");
    }
  }
}

std::string summary_json(const as::Grid& g) {
  GridCounts c = count(g);
  boost::json::array domains;
  for (const as::Domain& d : g.domains) {
    boost::json::array comps;
    for (const as::Competence& comp : d.competences) {
      std::size_t indicators = 0;
      for (const as::Level& l : comp.levels) indicators += l.indicators.size();
      comps.emplace_back(boost::json::object{{"id", comp.id},
                                             {"label", comp.label},
                                             {"levels", comp.levels.size()},
                                             {"indicators", indicators}});
    }
    domains.emplace_back(
        boost::json::object{{"id", d.id}, {"label", d.label}, {"competences", std::move(comps)}});
  }
  boost::json::object o{{"valid", true},
                        {"id", g.id},
                        {"version", g.version},
                        {"lang", g.lang},
                        {"title", g.title},
                        {"domains", c.domains},
                        {"competences", c.competences},
                        {"levels", c.levels},
                        {"indicators", c.indicators},
                        {"critical_indicators", c.critical},
                        {"policy", g.effective_policy().id},
                        {"domain_list", std::move(domains)}};
  return boost::json::serialize(o);
}

void add_grid_command(CLI::App& app, Context& ctx) {
  CLI::App* grid = app.add_subcommand("grid", "Grilles de compétences / competence grids");
  grid->require_subcommand(1);
  CLI::App* check = grid->add_subcommand(
      "check", "Valide une grille et affiche un résumé / validate a grid and print a summary");
  struct Opts {
    std::string file;
    bool json = false;
  };
  auto opts = std::make_shared<Opts>();
  check->add_option("FILE", opts->file, "Fichier *.grid.xml")->required();
  check->add_flag("--json", opts->json, "Sortie JSON / JSON output");
  check->callback([opts, &ctx] {
    as::ParseOptions parse;
    parse.lang = ctx.lang;
    auto g = as::load_grid(opts->file, parse);
    if (!g) {
      ctx.exit_code = exit_code_for(g.error());
      if (opts->json) {
        std::cout << boost::json::serialize(boost::json::object{
                         {"valid", false},
                         {"error", boost::json::object{{"code", g.error().code},
                                                       {"where", g.error().where},
                                                       {"message", g.error().message}}}})
                  << "\n";
      }
      std::cerr << (ctx.exit_code == kExitNo ? tr(ctx.lang, "grille invalide : ", "invalid grid: ")
                                             : tr(ctx.lang, "erreur : ", "error: "))
                << g.error().to_string() << "\n";
      return;
    }
    if (opts->json) {
      std::cout << summary_json(*g) << "\n";
    } else {
      print_summary(*g, ctx.lang);
    }
    ctx.exit_code = kExitOk;
  });
  add_grid_show_and_form(*grid, ctx);
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_grid_command);

}  // namespace ecusson::cli
