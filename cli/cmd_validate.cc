// `ecusson validate EVAL.xml|EVAL-ID --by NOM [--level COMP=N]... [--comment TEXTE]
//  [--dir var] [--json]`: a named person confirms (or lowers) the levels an evaluation
// proposes. An evaluation file is scored and recorded first when it is not yet (the
// participant must have been imported); an id names an evaluation recorded earlier.
// A thin adapter over issuance::record_evaluation and issuance::validate_evaluation.
// Exit codes: 0 at least one level is validated (or was already), 1 nothing to validate
// (no level attained: each competence says why), 2 unusable input (file, id, --level
// above the proposal, unknown participant…), nothing validated then.
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include "command.h"
#include "ecusson/issuance/workflow.h"
#include "issuing.h"
#include "output.h"

namespace ecusson::cli {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

struct ValidateArgs {
  std::string input;
  std::string by;
  std::vector<std::string> levels;
  std::string comment;
  std::string dir = "var";
  bool json = false;
};

// "ORG.ACT=2" -> {"ORG.ACT", 2}; false when malformed.
bool parse_level(std::string_view text, std::string& competence, int& level) {
  auto eq = text.rfind('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 >= text.size()) return false;
  competence = std::string(text.substr(0, eq));
  level = 0;
  for (char c : text.substr(eq + 1)) {
    if (c < '0' || c > '9' || level > 100) return false;
    level = level * 10 + (c - '0');
  }
  return true;
}

int run_validate(Context& ctx, const ValidateArgs& a) {
  issuance::ValidateOptions options;
  options.by = a.by;
  options.comment = a.comment;
  for (const auto& text : a.levels) {
    std::string competence;
    int level = 0;
    if (!parse_level(text, competence, level)) {
      std::cerr << T(ctx, "erreur : --level attend COMPÉTENCE=NIVEAU (par exemple ORG.ACT=2), pas « ",
                     "error: --level expects COMPETENCE=LEVEL (for example ORG.ACT=2), not \"")
                << text << T(ctx, " »\n", "\"\n");
      return kExitUnusable;
    }
    options.levels[competence] = level;
  }

  std::string evaluation_id = a.input;
  std::error_code ec;
  const bool is_file = fs::is_regular_file(a.input, ec);
  std::optional<assessment::AssessmentResult> scored;
  if (is_file) {
    assessment::Assessor assessor(assess_options(ctx));
    auto r = assessor.assess_file(a.input);
    if (!r) return fail(ctx, r.error());
    scored = std::move(*r);
    evaluation_id = scored->evaluation_id;
  } else if (a.input.ends_with(".xml") || a.input.find('/') != std::string::npos) {
    std::cerr << T(ctx, "erreur : ", "error: ") << a.input
              << T(ctx, " : fichier introuvable\n", ": file not found\n");
    return kExitUnusable;
  }

  auto dir = open_dir(ctx, a.dir);
  if (!dir) return ctx.exit_code;
  bool recorded_now = false;
  if (scored) {
    if (scored->no_result) {
      std::cerr << T(ctx, "L'évaluation ", "The evaluation ") << evaluation_id
                << T(ctx, " ne donne aucun résultat (participant absent) : rien à valider\n",
                     " gives no result (participant absent): nothing to validate\n");
      return kExitNo;
    }
    auto rec = issuance::record_evaluation(*dir->store, *dir->issuer, *scored, a.by, ctx.lang);
    if (!rec) return fail(ctx, rec.error());
    recorded_now = rec->created;
  }
  auto outcomes =
      issuance::validate_evaluation(*dir->store, *dir->issuer, evaluation_id, options, ctx.lang);
  if (!outcomes) return fail(ctx, outcomes.error());

  int validated = 0;
  for (const auto& o : *outcomes) validated += o.validated.has_value();
  if (a.json) {
    json::array list;
    for (const auto& o : *outcomes)
      list.push_back(json::object{
          {"competence", o.competence_id},
          {"proposed", o.proposed ? json::value(*o.proposed) : json::value(nullptr)},
          {"validated", o.validated ? json::value(*o.validated) : json::value(nullptr)},
          {"decision", o.decision},
          {"note", o.note}});
    std::cout << json::serialize(json::object{{"evaluation", evaluation_id},
                                              {"recorded", recorded_now},
                                              {"by", a.by},
                                              {"competences", std::move(list)}})
              << "\n";
  } else {
    if (recorded_now)
      std::cout << T(ctx, "Évaluation enregistrée : ", "Evaluation recorded: ") << evaluation_id
                << "\n";
    std::cout << T(ctx, "Validation de ", "Validation of ") << evaluation_id
              << T(ctx, " par ", " by ") << a.by << "\n";
    for (const auto& o : *outcomes) {
      std::cout << "  " << o.competence_id << " : ";
      if (!o.proposed) {
        std::cout << T(ctx, "rien à valider — ", "nothing to validate — ") << o.note << "\n";
        continue;
      }
      std::cout << T(ctx, "proposé ", "proposed ") << *o.proposed << " → "
                << T(ctx, "validé ", "validated ") << *o.validated;
      if (o.decision == "lower") std::cout << T(ctx, " (abaissé)", " (lowered)");
      if (o.decision == "unchanged") std::cout << T(ctx, " (déjà validé)", " (already validated)");
      std::cout << "\n";
    }
    if (validated == 0)
      std::cerr << T(ctx, "Aucun niveau à valider : aucune compétence n'a de niveau atteint\n",
                     "No level to validate: no competence has a level attained\n");
  }
  return validated > 0 ? kExitOk : kExitNo;
}

void add_validate_command(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "validate", T(ctx, "Valider (confirmer ou abaisser) les niveaux proposés d'une évaluation",
                    "Validate (confirm or lower) the levels an evaluation proposes"));
  cmd->add_option("EVAL", a->input, T(ctx, "Fichier *.eval.xml ou identifiant d'évaluation enregistrée",
                                      "*.eval.xml file or id of a recorded evaluation"))
      ->required();
  cmd->add_option("--by", a->by, T(ctx, "Nom de la personne qui valide (obligatoire)",
                                   "Name of the person who validates (required)"))
      ->required();
  cmd->add_option("--level", a->levels,
                  T(ctx, "Abaisser un niveau : COMPÉTENCE=N (répétable)",
                    "Lower a level: COMPETENCE=N (repeatable)"));
  cmd->add_option("--comment", a->comment, T(ctx, "Commentaire (journal d'audit)",
                                             "Comment (audit log)"));
  add_dir_and_json(cmd, ctx, a->dir, a->json);
  cmd->callback([&ctx, a] { ctx.exit_code = run_validate(ctx, *a); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_validate_command);

}  // namespace ecusson::cli
