// `ecusson attest EVAL [--entry ENTRY] [--participant-name NAME] [--structure NAME]
//  [--validated-by NAME] [--no-logo] [--grid G] [--policy P] [--format pdf|html] -o OUT`:
// writes the participant's "Attestation de compétences" (assessment/attestation.h), as an
// A4 PDF drawn in-process (pdf_render.h) or as a printable HTML page with the same layout.
//
// The format comes from --format, else from the output's extension (.pdf, .html), else
// HTML. Exit codes (design §3): 0 written; 2 unusable input (a file that cannot be read,
// parsed or checked against its grid, with file:line:column) or bad usage.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "command.h"
#include "ecusson/assessment/assessor.h"
#include "ecusson/assessment/attestation.h"
#include "ecusson/assessment/cohort.h"
#include "ecusson/assessment/evaluation.h"
#include "output.h"
#include "assess_support.h"
#include "pdf_render.h"

namespace ecusson::cli {

namespace {

namespace as = ecusson::assessment;
namespace fs = std::filesystem;

struct AttestArgs {
  std::string input;
  std::string entry;
  std::string grid;
  std::string policy;
  std::string format;
  std::string output;
  std::string participant_name;
  std::string structure;
  std::string validated_by;
  bool no_logo = false;
};

int run_attest(const AttestArgs& args, const Context& ctx) {
  const Lang lang = ctx.lang;
  const as::AssessOptions options = assess_options(ctx, args.grid, args.policy);
  as::Assessor assessor(options);

  as::ParseOptions parse;
  parse.lang = lang;
  auto evaluation = as::load_evaluation(args.input, parse);
  if (!evaluation) {
    print_error(lang, evaluation.error());
    return kExitUnusable;
  }
  std::vector<as::AssessmentResult> results;
  for (const std::string& file : {args.input, args.entry}) {
    if (file.empty()) continue;
    auto r = assessor.assess_file(file);
    if (!r) {
      (void)print_problems(lang, r.error(), assessor.last_problems(), options.max_problems);
      return kExitUnusable;
    }
    results.push_back(std::move(*r));
  }
  const std::string main_id = results.front().evaluation_id;
  as::Cohort cohort = as::build_cohort(results, assessor.grids(), lang);
  if (cohort.groups.size() != 1 || cohort.groups[0].participants.size() != 1) {
    print_entry_mismatch(lang);
    return kExitUnusable;
  }
  const as::ParticipantRecord& record = cohort.groups[0].participants[0];
  const as::AssessmentResult* shown = nullptr;
  const as::AssessmentResult* entry = nullptr;
  if (record.later && record.later->evaluation_id == main_id) {
    shown = &*record.later;
    if (record.entry) entry = &*record.entry;
  } else if (record.entry && record.entry->evaluation_id == main_id) {
    shown = &*record.entry;
  }
  if (shown == nullptr) {
    std::cerr << tr(lang, "erreur : l'évaluation d'entrée est plus récente que ", "error: the entry evaluation is newer than ")
              << args.input << "\n";
    return kExitUnusable;
  }
  if (shown->no_result) {
    std::cerr << tr(lang, "erreur : immersion non effectuée, aucune compétence à attester\n",
                    "error: the placement did not take place, nothing to attest\n");
    return kExitNo;
  }

  as::AttestationOptions opts;
  opts.lang = lang;
  opts.participant_name = args.participant_name;
  opts.structure_name = args.structure;
  opts.validated_by = args.validated_by;
  opts.logo_slot = !args.no_logo;
  as::PrintDocument doc =
      as::build_attestation(*shown, *evaluation, cohort.groups[0].grid, entry, opts);

  const std::string format = output_format(args.format, args.output);
  std::string bytes;
  PdfInfo info;
  if (format == "pdf") {
    std::string error;
    if (!render_pdf(doc, bytes, error, &info)) {
      std::cerr << tr(lang, "erreur : PDF non produit : ", "error: PDF not produced: ") << error
                << "\n";
      return kExitUnusable;
    }
  } else {
    bytes = as::print_document_to_html(doc);
  }
  if (!write_into_folder(args.output, bytes, lang, "l'attestation", "the attestation")) {
    return kExitUnusable;
  }
  if (!args.output.empty() && args.output != "-") {
    std::cerr << tr(lang, "Attestation écrite : ", "Attestation written: ") << args.output;
    if (format == "pdf") {
      std::cerr << " (" << info.pages << tr(lang, " page(s))", " page(s))");
    }
    std::cerr << "\n";
  }
  return kExitOk;
}

void add_attest_command(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<AttestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "attest",
      "Écrit l'attestation de compétences d'un participant (PDF ou HTML) / write a "
      "participant's competence attestation (PDF or HTML)");
  cmd->add_option("EVAL", args->input, "Évaluation de sortie (*.eval.xml)")->required();
  cmd->add_option("--entry", args->entry, "Évaluation d'entrée, pour montrer la progression");
  cmd->add_option("--participant-name", args->participant_name,
                  "Nom du participant (sinon une ligne à remplir et sa référence)");
  cmd->add_option("--structure", args->structure, "Nom de la structure qui délivre l'attestation");
  cmd->add_option("--validated-by", args->validated_by, "Nom de la personne qui valide");
  cmd->add_flag("--no-logo", args->no_logo, "Sans emplacement pour le logo");
  cmd->add_option("--grid", args->grid,
                  "Grille à utiliser (sinon trouvée dans templates/grids par id et version)");
  cmd->add_option("--policy", args->policy, "Politique de calcul (sinon celle de la grille)");
  cmd->add_option("--format", args->format, "pdf ou html (sinon d'après l'extension de -o)")
      ->check(CLI::IsMember({"pdf", "html"}));
  cmd->add_option("-o,--output", args->output, "Fichier de sortie (.pdf ou .html)")->required();
  cmd->callback([args, &ctx] { ctx.exit_code = run_attest(*args, ctx); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_attest_command);

}  // namespace ecusson::cli
