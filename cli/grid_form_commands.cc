// `ecusson grid show GRID [--json] [--competences …] [--rome CODE]`: every indicator of a grid
// with its wording, by competence and level (to write an evaluation without reading XML).
// `ecusson grid form GRID [--competences …] [--rome CODE] [--format pdf|html|csv] -o OUT`:
// the blank observation form for the company tutor (assessment/tutor_form.h).
//
// Exit codes (design §3): 0 done; 1 the grid is invalid or a competence id is unknown;
// 2 the file cannot be used at all, or the output cannot be written.
#include "grid_form_commands.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/tutor_form.h"
#include "assess_support.h"
#include "output.h"
#include "pdf_render.h"

namespace ecusson::cli {

namespace {

namespace as = ecusson::assessment;
namespace fs = std::filesystem;

struct FormArgs {
  std::string file;
  std::vector<std::string> competences;
  std::string rome;
  std::string format;
  std::string output;
  bool json = false;
};

int load_error_exit(const Error& e) {
  return e.code.starts_with("grid.") || e.code.starts_with("policy.") ? kExitNo : kExitUnusable;
}

std::string show_json(const as::Grid& g, const std::vector<const as::Competence*>& comps,
                      const std::string& rome) {
  boost::json::array competences;
  for (const as::Competence* c : comps) {
    boost::json::array levels;
    for (const as::Level& l : c->levels) {
      boost::json::array indicators;
      for (const as::Indicator& i : l.indicators) {
        indicators.emplace_back(boost::json::object{{"id", i.id},
                                                    {"label", g.indicator_label(i, rome)},
                                                    {"critical", i.critical},
                                                    {"weight", i.weight.to_decimal(6)}});
      }
      std::string label = l.label;
      if (label.empty()) {
        const as::LevelScale* s = g.level_scale_for(*c);
        if (const as::LevelScale::Step* st = s ? s->find(l.n) : nullptr) label = st->label;
      }
      levels.emplace_back(boost::json::object{
          {"n", l.n}, {"label", label}, {"indicators", std::move(indicators)}});
    }
    const as::Domain* d = g.domain_of(c->id);
    const as::RatingScale* rs = g.rating_scale_for(*c);
    boost::json::array ratings;
    if (rs) {
      for (const as::RatingValue& v : rs->values) {
        ratings.emplace_back(boost::json::object{{"code", v.code}, {"label", v.label}});
      }
    }
    competences.emplace_back(boost::json::object{{"id", c->id},
                                                 {"label", c->label},
                                                 {"domain", d ? d->id : ""},
                                                 {"ratings", std::move(ratings)},
                                                 {"levels", std::move(levels)}});
  }
  return boost::json::serialize(boost::json::object{{"id", g.id},
                                                    {"version", g.version},
                                                    {"title", g.title},
                                                    {"competences", std::move(competences)}});
}

void show_text(const as::Grid& g, const std::vector<const as::Competence*>& comps,
               const std::string& rome, Lang lang) {
  std::cout << g.title << " (" << g.id << " " << g.version << ")\n";
  const as::RatingScale* last_scale = nullptr;
  for (const as::Competence* c : comps) {
    const as::RatingScale* rs = g.rating_scale_for(*c);
    if (rs && rs != last_scale) {
      last_scale = rs;
      std::cout << "\n" << tr(lang, "Notes possibles : ", "Ratings: ");
      for (std::size_t i = 0; i < rs->values.size(); ++i) {
        std::cout << (i ? " · " : "") << rs->values[i].code << " = " << rs->values[i].label;
      }
      std::cout << "\n";
    }
    std::cout << "\n" << c->id << "  " << c->label << "\n";
    const as::LevelScale* s = g.level_scale_for(*c);
    for (const as::Level& l : c->levels) {
      std::string label = l.label;
      if (const as::LevelScale::Step* st = s ? s->find(l.n) : nullptr; label.empty() && st) {
        label = st->label;
      }
      std::cout << "  " << tr(lang, "Niveau ", "Level ") << l.n << " — " << label << "\n";
      for (const as::Indicator& i : l.indicators) {
        std::cout << "    " << i.id << "  " << g.indicator_label(i, rome);
        if (i.critical) std::cout << tr(lang, " [essentiel]", " [essential]");
        std::cout << "\n";
      }
    }
  }
}

int run_show(const FormArgs& args, const Context& ctx) {
  as::ParseOptions parse;
  parse.lang = ctx.lang;
  auto g = as::load_grid(args.file, parse);
  if (!g) {
    print_error(ctx.lang, g.error());
    return load_error_exit(g.error());
  }
  auto comps = as::select_competences(*g, args.competences, ctx.lang);
  if (!comps) {
    print_error(ctx.lang, comps.error());
    return kExitNo;
  }
  if (args.json) {
    std::cout << show_json(*g, *comps, args.rome) << "\n";
  } else {
    show_text(*g, *comps, args.rome, ctx.lang);
  }
  return kExitOk;
}

int run_form(const FormArgs& args, const Context& ctx) {
  const Lang lang = ctx.lang;
  as::ParseOptions parse;
  parse.lang = lang;
  auto g = as::load_grid(args.file, parse);
  if (!g) {
    print_error(lang, g.error());
    return load_error_exit(g.error());
  }
  as::TutorFormOptions options;
  options.lang = lang;
  options.competences = args.competences;
  options.rome = args.rome;
  const std::string format = output_format(args.format, args.output);
  std::string bytes;
  if (format == "csv") {
    auto csv = as::tutor_form_to_csv(*g, options);
    if (!csv) {
      print_error(lang, csv.error());
      return kExitNo;
    }
    bytes = std::move(*csv);
  } else {
    auto doc = as::build_tutor_form(*g, options);
    if (!doc) {
      print_error(lang, doc.error());
      return kExitNo;
    }
    if (format == "pdf") {
      std::string error;
      if (!render_pdf(*doc, bytes, error)) {
        std::cerr << tr(lang, "erreur : PDF non produit : ", "error: PDF not produced: ")
                  << error << "\n";
        return kExitUnusable;
      }
    } else {
      bytes = as::print_document_to_html(*doc);
    }
  }
  if (!write_into_folder(args.output, bytes, lang, "la fiche", "the form")) return kExitUnusable;
  if (!args.output.empty() && args.output != "-") {
    std::cerr << tr(lang, "Fiche écrite : ", "Form written: ") << args.output << "\n";
  }
  return kExitOk;
}

}  // namespace

void add_grid_show_and_form(CLI::App& grid, Context& ctx) {
  auto show_args = std::make_shared<FormArgs>();
  CLI::App* show = grid.add_subcommand(
      "show", "Liste les indicateurs d'une grille avec leur formulation / list a grid's "
              "indicators with their wording");
  show->add_option("GRID", show_args->file, "Fichier *.grid.xml")->required();
  show->add_flag("--json", show_args->json, "Sortie JSON / JSON output");
  show->add_option("--competences", show_args->competences,
                   "Compétences ou domaines à lister (identifiants séparés par des virgules)")
      ->delimiter(',');
  show->add_option("--rome", show_args->rome, "Formulation propre à un métier (code ROME)");
  show->callback([show_args, &ctx] { ctx.exit_code = run_show(*show_args, ctx); });

  auto form_args = std::make_shared<FormArgs>();
  CLI::App* form = grid.add_subcommand(
      "form", "Fiche d'observation vierge pour le tuteur (PDF, HTML ou CSV) / blank tutor form");
  form->add_option("GRID", form_args->file, "Fichier *.grid.xml")->required();
  form->add_option("--competences", form_args->competences,
                   "Compétences ou domaines à inclure (identifiants séparés par des virgules)")
      ->delimiter(',');
  form->add_option("--rome", form_args->rome, "Formulation propre à un métier (code ROME)");
  form->add_option("--format", form_args->format, "pdf, html ou csv (sinon d'après l'extension de -o)")
      ->check(CLI::IsMember({"pdf", "html", "csv"}));
  form->add_option("-o,--output", form_args->output, "Fichier de sortie (.pdf, .html ou .csv)")
      ->required();
  form->callback([form_args, &ctx] { ctx.exit_code = run_form(*form_args, ctx); });
}

}  // namespace ecusson::cli
