// Bulk issuance (`ecusson batch FILE.csv --out DIR`): a whole cohort or year from the batch
// CSV of design §2, exactly once, resumable after a crash at any moment.
//
// Input: UTF-8 (BOM or not), ',' or ';', RFC 4180 quoting (common/csv_reader.h); a header
// row with at least email, given_name, family_name, competence, level and optionally
// evidence_url, narrative, valid_until (any order, any case; other columns are ignored and
// reported). A row is an explicit award decided by the person who runs the batch (`by`):
// the audit log records it as that person's validation ("validation.batch"). The
// participant is matched by e-mail, or created with a pseudonymous ref derived from it.
// Issuance needs recorded consent (design §5): a participant whose consent is withdrawn is
// refused; one with no consent recorded is refused too, unless the operator states that
// consent was collected for every row (`consent_collected`), which is then recorded.
//
// Exactly once: a row's key is (e-mail, achievement) — "batch:" + award_key(...) — stored
// with its credential under a UNIQUE constraint. A row whose key is stored is not issued
// again: it is reported "already issued" and its outputs are written from the stored
// credential. Two rows of one file with the same key: the second is rejected as a
// duplicate. Changing other columns of an issued row does not issue a new badge.
//
// Outputs in `out` (each written under a temporary name and renamed when whole):
//   <participant>_<competence>_niveau<n>_<id>.png / .svg
//                              the baked badge of each credential (badge_images.h;
//                              written once: a file present is whole);
//   credentials.jsonl          one Data Integrity credential per line, in row order;
//   mailing.csv                e-mail, given name, family name, badge title, badge page
//                              URL, PNG file (for the team's mailing tool);
//   rejects.csv                header, then the line number, the row as read and a French
//                              reason, for each refused row.
// The three summary files are written as "<name>.part" and renamed at the end of a run
// that read the whole input: after a crash, running the same command again rebuilds them
// whole. A lock file in `out` stops two batches from writing the same folder; two batches
// writing different folders from the same store issue each key once.
//
// Memory: streaming, in chunks of rows; what grows with the input is one 16-byte digest
// per row (duplicate detection). Signing runs on `threads` threads (default: every core).
// Not thread-safe itself (one run per DataDir at a time).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "ecusson/assessment/grid.h"
#include "ecusson/issuance/issuer.h"
#include "ecusson/lang.h"
#include "ecusson/result.h"

namespace ecusson::issuance {

struct BatchProgress {
  std::size_t rows_done = 0;    // rows handled (issued, already issued or rejected)
  std::size_t rows_total = 0;   // data rows in the file (counted before starting)
  std::size_t issued = 0;
  std::size_t already_issued = 0;
  std::size_t rejected = 0;
  double elapsed_seconds = 0;
};

struct BatchOptions {
  std::filesystem::path input;  // the batch CSV
  std::filesystem::path out;    // output folder (created)
  const assessment::Grid* grid = nullptr;  // competence ids and levels (required)
  std::string by;               // who decided these awards (audit); required
  bool consent_collected = false;
  bool dry_run = false;         // check every row, issue nothing, write only rejects.csv
  unsigned threads = 0;         // signing threads; 0 = hardware concurrency
  std::size_t chunk_rows = 256; // rows signed between two store transactions
  /// Called after each chunk (and once at the end) from the calling thread.
  std::function<void(const BatchProgress&)> on_progress;
  /// Test hook: called after each chunk is committed, before its outputs are written
  /// (crash-resume tests stop a real process there; unset in production).
  std::function<void(std::size_t rows_done)> after_commit;
  Lang lang = Lang::fr;
};

/// Where the time went (seconds of the coordinating thread, per stage): for the bench
/// and for people wondering why a batch is slow.
struct BatchTimings {
  double read = 0;      // reading and checking rows
  double lookup = 0;    // keys, participants, consents
  double prepare = 0;   // transaction: participants, consents, status indices
  double sign = 0;      // parallel signing (wall time)
  double record = 0;    // transaction: credentials and audit
  double images = 0;    // parallel baking and writing of images (wall time)
  double outputs = 0;   // jsonl, mailing, rejects
  double publish = 0;   // status lists
};

struct BatchReport {
  BatchProgress totals;
  BatchTimings timings;
  std::vector<std::string> ignored_columns;  // header columns not used
  char delimiter = ',';
  std::filesystem::path credentials_jsonl, mailing_csv, rejects_csv;
  bool dry_run = false;
};

/// Runs the batch (see the header comment). Row problems are rejects, not errors. Fails
/// (nothing more is issued; what was committed stays, and a re-run resumes) with
/// issuance.batch_input (the file cannot be read, is not CSV, lacks a required column, or
/// has an unrecoverable CSV error: the message names file, line and column),
/// issuance.batch_busy (another batch holds the output folder), issuance.write (an output
/// cannot be written: disk full, read-only folder), issuance.store, issuance.sign,
/// issuance.bad_option (no grid, empty `by`).
[[nodiscard]] Result<BatchReport> run_batch(store::Store& store, const Issuer& issuer,
                                            const BatchOptions& options);

/// The participant ref Ecusson gives to a person first met in a batch: "P-" + 16 hex
/// digits of SHA-256 of the lower-cased e-mail (stable, and not the e-mail itself).
std::string participant_ref_for_email(std::string_view email);

}  // namespace ecusson::issuance
