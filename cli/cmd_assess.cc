// `ecusson assess EVAL|DIR [--grid G] [--policy P] [--entry E] [--format json|html|csv]
//  [-o OUT] [--csv-sep ';'|',']`: scores evaluations and writes a report.
//
// EVAL is one *.eval.xml file: the report is that participant's (with --entry, the entry
// evaluation is paired to show progression). DIR is a folder of evaluations: the report is
// the cohort ("club compétences": participant × competence, entry paired with exit). The
// grid is found from each evaluation's grid id and version among templates/grids unless
// --grid imposes one. Exit codes (design §3): 0 report written; 2 unusable input (a file
// that cannot be read, parsed or checked against its grid, with file:line:column) or bad
// usage; for a folder, 1 when some files were unusable: they are skipped, listed in the
// report and in rejects.csv beside it, and the others are reported.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "command.h"
#include "ecusson/assessment/assessor.h"
#include "ecusson/assessment/cohort.h"
#include "ecusson/assessment/csv_writer.h"
#include "ecusson/assessment/report_csv.h"
#include "ecusson/assessment/report_html.h"
#include "ecusson/assessment/report_json.h"
#include "output.h"
#include "assess_support.h"

namespace ecusson::cli {

namespace {

namespace as = ecusson::assessment;
namespace fs = std::filesystem;

struct AssessArgs {
  std::string input;
  std::string grid;
  std::string policy;
  std::string entry;
  std::string format = "json";
  std::string output;
  std::string csv_sep = ";";
};

// The report, written whole or not at all (a reader never sees half a report).
bool write_report(const std::string& path, const std::string& data, Lang lang) {
  return write_into_folder(path, data, lang, "le rapport", "the report");
}

// Warnings of one kind in one file are grouped: the first is printed whole (with its
// file:line:column), the others are counted, so that eight observations of an entry
// interview dated before the placement give two lines, not eight.
void print_warnings(const std::vector<as::AssessmentResult>& results, Lang lang) {
  for (const as::AssessmentResult& r : results) {
    std::vector<std::pair<const Error*, int>> kinds;
    for (const Error& w : r.warnings) {
      auto it = std::find_if(kinds.begin(), kinds.end(),
                             [&](const auto& k) { return k.first->code == w.code; });
      if (it == kinds.end()) {
        kinds.emplace_back(&w, 1);
      } else {
        ++it->second;
      }
    }
    for (const auto& [w, count] : kinds) {
      std::cerr << tr(lang, "avertissement : ", "warning: ") << w->to_string() << "\n";
      if (count > 1) {
        std::cerr << "  " << tr(lang, "… et ", "… and ") << (count - 1)
                  << tr(lang, " autre(s) avertissement(s) du même type dans ce fichier\n",
                        " more warning(s) of the same kind in this file\n");
      }
    }
  }
}

// rejects.csv: one row per unusable evaluation (French Excel: BOM, ';', CRLF).
std::string rejects_csv(const std::vector<Error>& rejected, Lang lang) {
  as::CsvWriter w;
  w.text(tr(lang, "Fichier", "File"))
      .text(tr(lang, "Position", "Position"))
      .text(tr(lang, "Code", "Code"))
      .text(tr(lang, "Message", "Message"))
      .end_row();
  for (const Error& e : rejected) {
    // "dir/file.eval.xml:12:7" -> file "dir/file.eval.xml", position "12:7".
    std::string file = e.where, position;
    if (auto xml = file.find(".xml:"); xml != std::string::npos) {
      position = file.substr(xml + 5);
      file = file.substr(0, xml + 4);
    }
    w.text(file).text(position).text(e.code).text(e.message).end_row();
  }
  return w.str();
}

int run_assess(const AssessArgs& args, const Context& ctx) {
  const Lang lang = ctx.lang;
  const as::AssessOptions options = assess_options(ctx, args.grid, args.policy);
  as::Assessor assessor(options);

  std::error_code ec;
  const bool is_dir = fs::is_directory(args.input, ec);
  if (is_dir && !args.entry.empty()) {
    std::cerr << tr(lang, "erreur : --entry s'utilise avec un seul fichier d'évaluation\n",
                    "error: --entry applies to a single evaluation file\n");
    return kExitUnusable;
  }
  std::vector<std::string> files;
  if (is_dir) {
    auto list = as::list_evaluation_files(args.input, lang);
    if (!list) {
      print_error(lang, list.error());
      return kExitUnusable;
    }
    for (const fs::path& p : *list) files.push_back(p.string());
    if (files.empty()) {
      std::cerr << args.input
                << tr(lang, " : aucune évaluation (*.eval.xml) dans ce dossier\n",
                      ": no evaluation (*.eval.xml) in this folder\n");
      return kExitUnusable;
    }
  } else {
    files.push_back(args.input);
    if (!args.entry.empty()) files.push_back(args.entry);
  }

  // Score everything first; report every unusable file, then stop without writing.
  std::vector<as::AssessmentResult> results;
  std::vector<Error> rejected;
  int failures = 0;
  const bool progress = is_dir && files.size() > 1 && stderr_is_tty();
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (progress) {
      std::cerr << "\r" << tr(lang, "Évaluations : ", "Evaluations: ") << (i + 1) << "/"
                << files.size() << std::flush;
    }
    auto r = assessor.assess_file(files[i]);
    if (!r) {
      if (progress) std::cerr << "\n";
      for (Error& e : print_problems(lang, r.error(), assessor.last_problems(),
                                     options.max_problems)) {
        rejected.push_back(std::move(e));
      }
      ++failures;
      continue;
    }
    results.push_back(std::move(*r));
  }
  if (progress) std::cerr << "\n";
  // A single file must be usable. In a folder, unusable files are skipped and listed (in
  // the report and in rejects.csv beside it); the others are reported, and the exit code
  // says "not everything" (1).
  if (failures > 0 && (!is_dir || results.empty())) {
    std::cerr << failures
              << tr(lang, " évaluation(s) inutilisable(s) : aucun rapport écrit\n",
                    " unusable evaluation(s): no report written\n");
    return kExitUnusable;
  }
  print_warnings(results, lang);

  const std::string main_id = results.front().evaluation_id;
  as::Cohort cohort = as::build_cohort(results, assessor.grids(), lang);
  cohort.rejected = rejected;
  for (const Error& w : cohort.warnings) {
    std::cerr << tr(lang, "avertissement : ", "warning: ") << w.to_string() << "\n";
  }

  std::string report;
  if (is_dir) {
    if (args.format == "json") report = as::cohort_to_json(cohort, lang);
    if (args.format == "html") report = as::cohort_to_html(cohort, lang);
  } else {
    if (cohort.groups.size() != 1 || cohort.groups[0].participants.size() != 1) {
      print_entry_mismatch(lang);
      return kExitUnusable;
    }
    const as::CohortGroup& group = cohort.groups[0];
    const as::ParticipantRecord& record = group.participants[0];
    if (args.format == "json") {
      const as::AssessmentResult* shown = nullptr;
      for (const auto* r : {record.later ? &*record.later : nullptr,
                            record.entry ? &*record.entry : nullptr}) {
        if (r && r->evaluation_id == main_id) shown = r;
      }
      if (shown == nullptr) shown = record.current();
      report = as::result_to_json(*shown, group.grid, lang);
    }
    if (args.format == "html") report = as::participant_to_html(record, group.grid, lang);
  }
  if (args.format == "csv") {
    as::CsvOptions csv;
    csv.separator = args.csv_sep == "," ? ',' : ';';
    report = as::cohort_to_csv(cohort, csv, lang);
  }
  if (!write_report(args.output, report, lang)) return kExitUnusable;
  if (!rejected.empty()) {
    std::cerr << rejected.size()
              << tr(lang, " évaluation(s) écartée(s), listée(s) dans le rapport",
                    " evaluation(s) left out, listed in the report");
    if (!args.output.empty() && args.output != "-") {
      const fs::path rejects = fs::path(args.output).parent_path() / "rejects.csv";
      if (!write_report(rejects.string(), rejects_csv(rejected, lang), lang)) return kExitUnusable;
      std::cerr << tr(lang, " et dans ", " and in ") << rejects.string();
    }
    std::cerr << "\n";
  }
  if (!args.output.empty() && args.output != "-") {
    std::cerr << tr(lang, "Rapport écrit : ", "Report written: ") << args.output << " ("
              << results.size() << tr(lang, " évaluation(s))\n", " evaluation(s))\n");
  }
  return rejected.empty() ? kExitOk : kExitNo;
}

void add_assess_command(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<AssessArgs>();
  CLI::App* cmd = app.add_subcommand(
      "assess",
      "Calcule les niveaux d'une évaluation ou d'un dossier (cohorte) et écrit un rapport / "
      "score an evaluation or a folder (cohort) and write a report");
  cmd->add_option("EVAL", args->input, "Fichier *.eval.xml ou dossier d'évaluations")
      ->required();
  cmd->add_option("--grid", args->grid,
                  "Grille à utiliser (sinon trouvée dans templates/grids par id et version)");
  cmd->add_option("--policy", args->policy, "Politique de calcul (sinon celle de la grille)");
  cmd->add_option("--entry", args->entry,
                  "Évaluation d'entrée à comparer (pour un seul fichier)");
  cmd->add_option("--format", args->format, "json (défaut), html ou csv")
      ->check(CLI::IsMember({"json", "html", "csv"}));
  cmd->add_option("-o,--output", args->output, "Fichier de sortie (défaut : sortie standard)");
  cmd->add_option("--csv-sep", args->csv_sep,
                  "Séparateur CSV : ';' (Excel français, virgule décimale, défaut) ou ','")
      ->check(CLI::IsMember({";", ","}));
  cmd->callback([args, &ctx] { ctx.exit_code = run_assess(*args, ctx); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_assess_command);

}  // namespace ecusson::cli
