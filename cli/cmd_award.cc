// `ecusson award EVAL.xml|DOSSIER [--policy highest|every] [--by NOM] [--out DOSSIER]
//  [--dir var] [--json]`: issues the badges of evaluations — every validated level of a
// consenting participant not issued yet — and writes each new badge as a baked PNG and
// SVG into --out (default: <data directory>/badges), then publishes the status lists.
//
// Each evaluation is scored again (the same file must give the same digest) and recorded
// when it is not yet (so an award before validation says what is missing). A thin adapter
// over issuance::award_evaluation, issuance::BadgeArtCache / bake_badge and
// issuance::publish_status. Exit codes: 0 every validated level of a consenting
// participant is issued (or already was); 1 some levels refused (not validated, no
// consent, consent withdrawn, no recipient…), each with its reason; 2 unusable input
// (a file that cannot be scored, an unknown participant, the data directory), nothing
// issued when an evaluation file cannot be scored. Competences without an attained level
// (in progress, insufficient evidence, held) are listed but do not change the exit code:
// no badge is due for them.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include "command.h"
#include "ecusson/issuance/badge_images.h"
#include "ecusson/issuance/revocation.h"
#include "ecusson/issuance/workflow.h"
#include "issuing.h"
#include "output.h"

namespace ecusson::cli {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;
using Kind = issuance::AwardDecision::Kind;

struct AwardArgs {
  std::string input;
  std::string policy = "highest";
  std::string by;
  std::string out;
  std::string dir = "var";
  bool json = false;
};

struct Totals {
  int issued = 0, already = 0, refused = 0, not_due = 0, unusable = 0;
};

std::string kind_text(const Context& ctx, const issuance::AwardDecision& d) {
  switch (d.kind) {
    case Kind::issued: return T(ctx, "émis", "issued");
    case Kind::already_issued: return T(ctx, "déjà émis", "already issued");
    case Kind::refused:
      return d.reason_code == "status" ? T(ctx, "aucun badge", "no badge")
                                       : T(ctx, "refusé", "refused");
  }
  return {};
}

int run_award(Context& ctx, const AwardArgs& a) {
  auto policy = issuance::parse_award_policy(a.policy, ctx.lang);
  if (!policy) return fail(ctx, policy.error());

  // Score every file first: nothing is issued when one cannot be used.
  std::vector<std::string> files;
  std::error_code ec;
  if (fs::is_directory(a.input, ec)) {
    auto list = assessment::list_evaluation_files(a.input, ctx.lang);
    if (!list) return fail(ctx, list.error());
    for (const auto& p : *list) files.push_back(p.string());
    if (files.empty()) {
      std::cerr << T(ctx, "erreur : ", "error: ") << a.input
                << T(ctx, " : aucune évaluation (*.eval.xml) dans ce dossier\n",
                     ": no evaluation (*.eval.xml) in this folder\n");
      return kExitUnusable;
    }
  } else {
    files.push_back(a.input);
  }
  assessment::Assessor assessor(assess_options(ctx));
  std::vector<assessment::AssessmentResult> results;
  int unusable = 0;
  for (const auto& f : files) {
    auto r = assessor.assess_file(f);
    if (!r) {
      print_error(ctx.lang, r.error());
      ++unusable;
      continue;
    }
    results.push_back(std::move(*r));
  }
  if (unusable > 0) {
    std::cerr << unusable
              << T(ctx, " évaluation(s) inutilisable(s) : aucun badge émis\n",
                   " unusable evaluation(s): no badge issued\n");
    return kExitUnusable;
  }

  auto dir = open_dir(ctx, a.dir);
  if (!dir) return ctx.exit_code;
  const std::string actor = a.by.empty() ? system_user(ctx.lang) : a.by;
  const fs::path out_dir = a.out.empty() ? fs::path(a.dir) / "badges" : fs::path(a.out);
  issuance::BadgeArtCache art({.templates_dir = ctx.templates_dir, .lang = ctx.lang});

  Totals totals;
  json::array evaluations;
  for (const auto& result : results) {
    json::object ev{{"evaluation", result.evaluation_id},
                    {"participant", result.participant_ref},
                    {"file", result.source_file}};
    if (!a.json)
      std::cout << result.evaluation_id << " (" << result.participant_ref << ", "
                << result.source_file << ")\n";
    if (result.no_result) {
      ev["note"] = "no_result";
      if (!a.json)
        std::cout << T(ctx, "  aucun résultat (participant absent) : rien à attribuer\n",
                       "  no result (participant absent): nothing to award\n");
      evaluations.push_back(std::move(ev));
      continue;
    }
    const assessment::Grid* grid = assessor.grid_of(result);
    auto recorded = issuance::record_evaluation(*dir->store, *dir->issuer, result, actor, ctx.lang);
    // An evaluation the store refuses (unknown participant, changed file): said, counted
    // as unusable, and the others go on.
    auto unusable_evaluation = [&](const Error& e) {
      print_error(ctx.lang, e);
      ++totals.unusable;
      ev["error"] = json::object{{"code", e.code}, {"message", e.message}};
      evaluations.push_back(std::move(ev));
    };
    if (!recorded) {
      unusable_evaluation(recorded.error());
      continue;
    }
    auto decisions = issuance::award_evaluation(*dir->store, *dir->issuer, *grid, result,
                                                {.policy = *policy, .actor = actor, .valid_until = {}}, ctx.lang);
    if (!decisions) {
      unusable_evaluation(decisions.error());
      continue;
    }
    json::array list;
    for (const auto& d : *decisions) {
      json::object o{{"competence", d.competence_id},
                     {"level", d.level},
                     {"decision", issuance::to_string(d.kind)}};
      std::vector<fs::path> written;
      if (d.kind == Kind::refused) {
        o["reasonCode"] = d.reason_code;
        o["reason"] = d.reason;
        (d.reason_code == "status" ? totals.not_due : totals.refused)++;
      } else {
        (d.kind == Kind::issued ? totals.issued : totals.already)++;
        const store::Credential& c = *d.credential;
        o["credential"] = c.id;
        // The images of a new badge, and of an earlier one whose files are missing
        // (a run interrupted after recording): never a second credential.
        const std::string stem =
            issuance::badge_file_stem(c.participant_ref, d.competence_id, d.level, c.id);
        const bool missing = !fs::exists(out_dir / (stem + ".png"), ec) ||
                             !fs::exists(out_dir / (stem + ".svg"), ec);
        if (d.kind == Kind::issued || missing) {
          auto picture = art.art(*grid, d.competence_id, d.level);
          if (!picture) return fail(ctx, picture.error());
          if (auto p = issuance::publish_achievement_image(*dir->issuer, c.achievement_id,
                                                           **picture, ctx.lang);
              !p)
            return fail(ctx, p.error());
          auto baked = issuance::bake_badge(**picture, c.documents.at("ob3-di"));
          if (!baked) return fail(ctx, baked.error());
          auto files_written = issuance::write_baked_badge(*baked, out_dir, stem, ctx.lang);
          if (!files_written) return fail(ctx, files_written.error());
          written = std::move(*files_written);
        }
        json::array paths;
        for (const auto& p : written) paths.emplace_back(p.string());
        o["files"] = std::move(paths);
      }
      if (!a.json) {
        std::cout << "  " << d.competence_id;
        if (d.level > 0) std::cout << T(ctx, " niveau ", " level ") << d.level;
        std::cout << " : " << kind_text(ctx, d);
        if (d.credential) std::cout << " " << d.credential->id;
        if (d.kind == Kind::refused) std::cout << " — " << d.reason;
        std::cout << "\n";
        for (const auto& p : written) std::cout << "    " << p.string() << "\n";
      }
      list.push_back(std::move(o));
    }
    ev["decisions"] = std::move(list);
    evaluations.push_back(std::move(ev));
  }

  // Verifiers read the status lists: publish them (a no-op when nothing changed).
  auto published = issuance::publish_status(*dir->store, *dir->issuer, ctx.lang);
  if (!published) return fail(ctx, published.error());

  const int code = totals.unusable > 0  ? kExitUnusable
                   : totals.refused > 0 ? kExitNo
                                        : kExitOk;
  if (a.json) {
    json::array pub;
    for (const auto& p : published->written) pub.emplace_back(p.string());
    std::cout << json::serialize(json::object{
                     {"evaluations", std::move(evaluations)},
                     {"out", out_dir.string()},
                     {"issued", totals.issued},
                     {"alreadyIssued", totals.already},
                     {"refused", totals.refused},
                     {"published", std::move(pub)}})
              << "\n";
  } else {
    std::cout << T(ctx, "Bilan : ", "Summary: ") << totals.issued << T(ctx, " émis, ", " issued, ")
              << totals.already << T(ctx, " déjà émis, ", " already issued, ") << totals.refused
              << T(ctx, " refusé(s)", " refused");
    if (totals.issued > 0) std::cout << T(ctx, " — images dans ", " — images in ") << out_dir.string();
    std::cout << "\n";
  }
  return code;
}

void add_award_command(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<AwardArgs>();
  CLI::App* cmd = app.add_subcommand(
      "award", T(ctx, "Émettre les badges validés et consentis d'une évaluation ou d'un dossier",
                 "Issue the validated, consented badges of an evaluation or a folder"));
  cmd->add_option("EVAL", a->input, T(ctx, "Fichier *.eval.xml ou dossier d'évaluations",
                                      "*.eval.xml file or folder of evaluations"))
      ->required();
  cmd->add_option("--policy", a->policy,
                  T(ctx, "highest (le niveau atteint, défaut) ou every (chaque niveau jusqu'à lui)",
                    "highest (the level attained, default) or every (each level up to it)"))
      ->check(CLI::IsMember({"highest", "every"}));
  cmd->add_option("--by", a->by, T(ctx, "Qui émet (défaut : l'utilisateur du système)",
                                   "Who issues (default: the system user)"));
  cmd->add_option("--out", a->out, T(ctx, "Dossier des images PNG et SVG (défaut : <dir>/badges)",
                                     "Folder for the PNG and SVG images (default: <dir>/badges)"));
  add_dir_and_json(cmd, ctx, a->dir, a->json);
  cmd->callback([&ctx, a] { ctx.exit_code = run_award(ctx, *a); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_award_command);

}  // namespace ecusson::cli
