// Importing participants (`ecusson participants import people.csv`, and the server's
// upload): a CSV of pseudonymous refs with names, e-mail and an optional DID becomes
// participant records, created or updated by ref.
//
// The file: a header row naming the columns (any order, case-insensitive): `ref`,
// `given_name`, `family_name`, `email` (required), `did` (optional); other columns are
// ignored and reported. UTF-8 with or without BOM, `,` or `;`, RFC 4180 quoting (read by
// ecusson::CsvReader). Each data row is checked on its own: a row that is refused (wrong
// number of fields, empty ref, invalid e-mail or DID, neither e-mail nor DID, a ref or
// e-mail already seen in the file, an e-mail used by another participant in the store, a
// row that is not UTF-8) is listed with its line number and a French (or English) reason,
// and the others are imported. All writes of one file are one transaction, each change
// with its audit entry ("participant.create" / "participant.update", actor = the person
// who imports; the detail names the fields changed, never their values: identity lives
// only in the participant records, design §5). A row identical to the stored record
// changes nothing.
//
// A free function over a Store (not thread-safe, like the Store); no SQL here.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "ecusson/error.h"
#include "ecusson/lang.h"
#include "ecusson/result.h"
#include "ecusson/store/store.h"

namespace ecusson::issuance {

struct ImportOptions {
  std::string actor;   // who imports (audit log); required
  std::string source;  // the file name, for messages ("personnes.csv:4")
  std::string at;      // empty → now (UTC)
  Lang lang = Lang::fr;
};

/// One refused row.
struct ImportRejection {
  std::size_t line = 0;  // 1-based physical line where the row starts
  std::string raw;       // the row as read (cut at 64 KiB)
  Error error;           // where = "source:line[:column]"; message in options.lang
};

struct ImportReport {
  std::vector<std::string> created;    // refs, in file order
  std::vector<std::string> updated;    // refs whose record changed
  std::vector<std::string> unchanged;  // refs already stored as given
  std::vector<ImportRejection> rejected;
  std::vector<std::string> ignored_columns;  // header names that are not ours
  std::size_t rows = 0;  // data rows read (accepted + refused; emptied rows ";;;" skipped)
};

/// Imports the participants CSV read from `csv` (see the header comment). Per-row problems
/// are in the report, never an Error. Fails, writing nothing, with
/// issuance.bad_csv (empty file, a required column missing from the header, a column
/// named twice, or an unreadable file: unbalanced quote, a field or row too large),
/// issuance.bad_option (empty actor), issuance.store (the store cannot be read or
/// written: nothing of the file is kept then).
/// Example:
///   std::ifstream in("personnes.csv", std::ios::binary);
///   auto r = import_participants(*dir.store, in, {.actor = "cm", .source = "personnes.csv"});
///   if (r) std::cout << r->created.size() << " créé(s)\n";
[[nodiscard]] Result<ImportReport> import_participants(store::Store& store, std::istream& csv,
                                                       const ImportOptions& options);

/// A light e-mail check: one '@', a non-empty local part, a domain with a dot, no space
/// or control character, at most 254 bytes.
/// Example: plausible_email("camille.martin@example.fr") == true
bool plausible_email(std::string_view email);

}  // namespace ecusson::issuance
