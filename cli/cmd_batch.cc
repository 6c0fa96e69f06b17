// `ecusson batch FILE.csv --out DIR [--dir var] [--grid GRID.xml] [--by NAME]
//  [--consent-collected] [--dry-run] [--threads N] [--json]`: issue a whole cohort from the
// batch CSV, exactly once and resumable (issuance/batch.h does the work). Exit 0 when every
// row was issued (or had been), 1 when some rows were rejected (see rejects.csv), 2 when
// the file, the store or the output folder is unusable.
#include <pwd.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include "command.h"
#include "ecusson/assessment/grid.h"
#include "ecusson/issuance/batch.h"
#include "ecusson/issuance/issuer.h"
#include "output.h"

namespace ecusson::cli {
namespace {

namespace json = boost::json;

struct BatchCliOptions {
  std::string input;
  std::string out;
  std::string dir = "var";
  std::string grid;
  std::string by;
  bool consent_collected = false;
  bool dry_run = false;
  unsigned threads = 0;
  bool json = false;
};

std::string T(const Context& ctx, std::string_view fr, std::string_view en) {
  return std::string(tr(ctx.lang, fr, en));
}

std::string system_user() {
  if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name) return pw->pw_name;
  if (const char* u = std::getenv("USER")) return u;
  return "inconnu";
}

std::string duration_text(double seconds) {
  if (seconds < 0 || seconds > 1e7) return "?";
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) std::snprintf(buf, sizeof buf, "%ldh%02ld", s / 3600, (s % 3600) / 60);
  else if (s >= 60) std::snprintf(buf, sizeof buf, "%ldmin%02ld", s / 60, s % 60);
  else std::snprintf(buf, sizeof buf, "%lds", s);
  return buf;
}

// Progress: a bar redrawn in place on a terminal, a line every few seconds otherwise.
class ProgressPrinter {
 public:
  explicit ProgressPrinter(const Context& ctx) : ctx_(ctx), tty_(stderr_is_tty()) {}
  void operator()(const issuance::BatchProgress& p) {
    const bool last = p.rows_done >= p.rows_total;
    if (!tty_ && !last && p.elapsed_seconds - last_line_ < 5.0) return;
    last_line_ = p.elapsed_seconds;
    const double rate = p.elapsed_seconds > 0 ? p.rows_done / p.elapsed_seconds : 0;
    const double eta = rate > 0 ? (p.rows_total - p.rows_done) / rate : -1;
    std::ostringstream line;
    if (tty_) {
      constexpr int kWidth = 30;
      int filled = p.rows_total ? static_cast<int>(kWidth * p.rows_done / p.rows_total) : kWidth;
      line << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] ";
    }
    line << p.rows_done << "/" << p.rows_total << T(ctx_, " lignes", " rows") << "  "
         << static_cast<long>(rate) << T(ctx_, " lignes/s", " rows/s") << "  "
         << T(ctx_, "reste ", "ETA ") << duration_text(eta) << "  " << p.issued
         << T(ctx_, " émis", " issued") << ", " << p.already_issued
         << T(ctx_, " déjà émis", " already issued") << ", " << p.rejected
         << T(ctx_, " rejetés", " rejected");
    std::cerr << line.str() << (tty_ ? (last ? "\n" : "   ") : "\n") << std::flush;
  }

 private:
  const Context& ctx_;
  bool tty_;
  double last_line_ = -1e9;
};

json::object to_json(const issuance::BatchReport& r) {
  const auto& t = r.totals;
  const auto& tm = r.timings;
  json::array ignored;
  for (const auto& c : r.ignored_columns) ignored.push_back(json::string(c));
  return json::object{{"rows", t.rows_total},
                      {"issued", t.issued},
                      {"alreadyIssued", t.already_issued},
                      {"rejected", t.rejected},
                      {"dryRun", r.dry_run},
                      {"seconds", t.elapsed_seconds},
                      {"timings", json::object{{"read", tm.read}, {"lookup", tm.lookup},
                                               {"prepare", tm.prepare}, {"sign", tm.sign},
                                               {"record", tm.record}, {"images", tm.images},
                                               {"outputs", tm.outputs}, {"publish", tm.publish}}},
                      {"ignoredColumns", std::move(ignored)},
                      {"credentials", r.dry_run ? json::value(nullptr)
                                                : json::value(r.credentials_jsonl.string())},
                      {"mailing", r.dry_run ? json::value(nullptr)
                                            : json::value(r.mailing_csv.string())},
                      {"rejects", r.rejects_csv.string()}};
}

void run_batch_command(Context& ctx, const BatchCliOptions& o) {
  const std::string grid_path =
      o.grid.empty() ? ctx.templates_dir + "/grids/rectec-style.grid.xml" : o.grid;
  auto grid = assessment::load_grid(grid_path);
  if (!grid) {
    print_error(ctx.lang, grid.error());
    ctx.exit_code = kExitUnusable;
    return;
  }
  auto dir = issuance::open_data_dir({.dir = o.dir, .read_only = false, .lang = ctx.lang});
  if (!dir) {
    print_error(ctx.lang, dir.error());
    ctx.exit_code = kExitUnusable;
    return;
  }
  issuance::BatchOptions opt;
  opt.input = o.input;
  opt.out = o.out;
  opt.grid = &*grid;
  opt.by = o.by.empty() ? system_user() : o.by;
  opt.consent_collected = o.consent_collected;
  opt.dry_run = o.dry_run;
  opt.threads = o.threads;
  opt.lang = ctx.lang;
  ProgressPrinter progress(ctx);
  opt.on_progress = [&](const issuance::BatchProgress& p) { progress(p); };
  // Crash tests: a real SIGKILL of this process once that many rows are committed, before
  // their outputs are written (the worst moment for exactly-once).
  if (const char* at = std::getenv("ECUSSON_TEST_KILL_AFTER_ROWS"); at && *at) {
    const std::size_t limit = std::strtoull(at, nullptr, 10);
    opt.after_commit = [limit](std::size_t rows) {
      if (rows >= limit) ::kill(::getpid(), SIGKILL);
    };
  }
  auto report = issuance::run_batch(*dir->store, *dir->issuer, opt);
  if (!report) {
    print_error(ctx.lang, report.error());
    std::cerr << T(ctx, "Ce qui a été émis est enregistré : relancez la même commande pour "
                        "reprendre le lot.\n",
                   "What was issued is recorded: run the same command again to resume the "
                   "batch.\n");
    ctx.exit_code = kExitUnusable;
    return;
  }
  const auto& t = report->totals;
  if (o.json) {
    std::cout << json::serialize(to_json(*report)) << "\n";
  } else {
    if (report->dry_run)
      std::cout << T(ctx, "Essai à blanc : rien n'est émis. ", "Dry run: nothing issued. ")
                << t.issued << T(ctx, " badge(s) seraient émis, ", " badge(s) would be issued, ")
                << t.already_issued << T(ctx, " déjà émis, ", " already issued, ") << t.rejected
                << T(ctx, " ligne(s) rejetée(s).\n", " row(s) rejected.\n");
    else
      std::cout << t.issued << T(ctx, " badge(s) émis, ", " badge(s) issued, ")
                << t.already_issued << T(ctx, " déjà émis, ", " already issued, ") << t.rejected
                << T(ctx, " ligne(s) rejetée(s) en ", " row(s) rejected in ")
                << duration_text(t.elapsed_seconds) << ".\n";
    if (!report->dry_run) {
      std::cout << T(ctx, "Badges signés : ", "Signed credentials: ")
                << report->credentials_jsonl.string() << "\n";
      std::cout << T(ctx, "Publipostage : ", "Mailing list: ") << report->mailing_csv.string()
                << "\n";
    }
    if (t.rejected)
      std::cout << T(ctx, "Lignes rejetées et leurs motifs : ", "Rejected rows and why: ")
                << report->rejects_csv.string() << "\n";
    for (const auto& c : report->ignored_columns)
      std::cerr << T(ctx, "note : colonne ignorée : ", "note: column ignored: ") << c << "\n";
  }
  ctx.exit_code = t.rejected ? kExitNo : kExitOk;
}

void add_batch_command(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<BatchCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "batch", T(ctx, "Émettre les badges d'un fichier CSV (une ligne par badge), une seule "
                      "fois, avec reprise après interruption",
                 "Issue the badges of a CSV file (one row per badge), exactly once, resumable"));
  cmd->add_option("file", o->input, T(ctx, "Fichier CSV du lot", "Batch CSV file"))->required();
  cmd->add_option("-o,--out,--output", o->out,
                  T(ctx, "Dossier de sortie (images, credentials.jsonl, mailing.csv, rejects.csv)",
                    "Output folder (images, credentials.jsonl, mailing.csv, rejects.csv)"))
      ->required();
  cmd->add_option("--dir", o->dir, T(ctx, "Dossier de données (défaut : var)",
                                     "Data directory (default: var)"));
  cmd->add_option("--grid", o->grid,
                  T(ctx, "Grille des compétences (défaut : la grille fournie)",
                    "Competence grid (default: the shipped grid)"));
  cmd->add_option("--by", o->by,
                  T(ctx, "Qui décide ces attributions (journal ; défaut : l'utilisateur)",
                    "Who decides these awards (audit log; default: the system user)"));
  cmd->add_flag("--consent-collected", o->consent_collected,
                T(ctx, "Chaque personne du fichier a donné son accord : il est enregistré",
                  "Every person in the file agreed: their consent is recorded"));
  cmd->add_flag("--dry-run", o->dry_run,
                T(ctx, "Tout vérifier sans rien émettre", "Check everything, issue nothing"));
  cmd->add_option("--threads", o->threads,
                  T(ctx, "Fils de signature (défaut : tous les cœurs)",
                    "Signing threads (default: every core)"))
      ->check(CLI::Range(0u, 256u));
  cmd->add_flag("--json", o->json, T(ctx, "Sortie JSON", "JSON output"));
  cmd->callback([&ctx, o] { run_batch_command(ctx, *o); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_batch_command);

}  // namespace ecusson::cli
