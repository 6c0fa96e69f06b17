// Bulk issuance: see ecusson/issuance/batch.h.
//
// One coordinating thread owns the store and the outputs; signing runs on worker threads,
// chunk by chunk:
//   read a chunk of rows → check each → look keys up (already issued?) → one transaction:
//   participants, consents, status indices → sign in parallel → one transaction: the
//   credentials and their audit entries → outputs of the chunk, in row order.
// A crash anywhere leaves the store consistent (each transaction is whole) and outputs
// either absent or whole; the next run finds the committed keys and only writes outputs.
#include "ecusson/issuance/batch.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <thread>
#include <unordered_map>

#include <boost/json.hpp>

#include "ecusson/assessment/csv_writer.h"
#include "ecusson/common/csv_reader.h"
#include "ecusson/common/datetime.h"
#include "ecusson/common/digest.h"
#include "ecusson/common/templates.h"
#include "ecusson/common/text.h"
#include "ecusson/credentials/ob3_credential.h"
#include "ecusson/issuance/award.h"
#include "ecusson/issuance/badge_images.h"
#include "ecusson/issuance/catalogue.h"
#include "ecusson/issuance/messages.h"
#include "ecusson/issuance/revocation.h"
#include "ecusson/issuance/participants.h"

namespace ecusson::issuance {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using Clock = std::chrono::steady_clock;

std::string now_utc() {
  auto s = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return format_datetime(s.count());
}

// ---- columns -------------------------------------------------------------------------

struct Columns {
  int email = -1, given = -1, family = -1, competence = -1, level = -1;
  int evidence_url = -1, narrative = -1, valid_until = -1;
  std::size_t count = 0;
};

const char* const kRequired[] = {"email", "given_name", "family_name", "competence", "level"};

Result<Columns> read_header(const std::vector<std::string>& fields, const std::string& source,
                            std::vector<std::string>& ignored, Lang lang) {
  Columns c;
  c.count = fields.size();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::string name = ascii_lower(trim(fields[i]));
    int* slot = name == "email" || name == "e-mail" || name == "courriel" ? &c.email
                : name == "given_name"                                    ? &c.given
                : name == "family_name"                                   ? &c.family
                : name == "competence"                                    ? &c.competence
                : name == "level"                                         ? &c.level
                : name == "evidence_url"                                  ? &c.evidence_url
                : name == "narrative"                                     ? &c.narrative
                : name == "valid_until"                                   ? &c.valid_until
                                                                          : nullptr;
    if (!slot) {
      ignored.push_back(fields[i]);
      continue;
    }
    if (*slot >= 0)
      return make_error("issuance.batch_input", source + ":1", lang,
                        {source, std::string(tr(lang, "colonne en double : ", "duplicate column: ")) + name});
    *slot = static_cast<int>(i);
  }
  const int* required[] = {&c.email, &c.given, &c.family, &c.competence, &c.level};
  std::string missing;
  for (int i = 0; i < 5; ++i)
    if (*required[i] < 0) missing += (missing.empty() ? "" : ", ") + std::string(kRequired[i]);
  if (!missing.empty())
    return make_error("issuance.batch_input", source + ":1", lang,
                      {source, std::string(tr(lang, "colonnes obligatoires absentes de l'en-tête : ",
                                              "required columns missing from the header: ")) +
                                   missing +
                                   std::string(tr(lang, " (attendu : email, given_name, family_name, "
                                                        "competence, level)",
                                                  " (expected: email, given_name, family_name, "
                                                  "competence, level)"))});
  return c;
}

// ---- rows ----------------------------------------------------------------------------

enum class RowState { rejected, already_issued, to_issue, issued };

struct Row {
  std::size_t line = 0;
  std::string raw;
  std::string email, given, family, competence, evidence_url, narrative, valid_until;
  int level = 0;
  const store::Achievement* achievement = nullptr;
  std::string key;
  std::string participant_ref;
  bool new_participant = false;
  bool record_consent = false;
  RowState state = RowState::rejected;
  std::string reason;
  std::optional<PreparedAward> prepared;
  std::optional<SignedAward> signed_award;
  std::optional<Error> sign_error;
  store::Credential credential;  // issued or found
};

std::string field(const CsvRecord& r, int i) {
  return i >= 0 && static_cast<std::size_t>(i) < r.fields.size() ? std::string(trim(r.fields[i]))
                                                                  : std::string();
}

struct Catalogue {
  std::map<std::pair<std::string, int>, store::Achievement> by_level;
};

// Checks one record; fills the row or its reason.
void check_row(const CsvRecord& rec, const Columns& cols, const assessment::Grid& grid,
               const Catalogue& catalogue, std::int64_t now, Row& row, Lang lang) {
  row.line = rec.line;
  row.raw = rec.raw;
  auto reject = [&](std::string reason) {
    row.state = RowState::rejected;
    row.reason = std::move(reason);
  };
  if (rec.fields.size() != cols.count) {
    bool only_empty_extra = rec.fields.size() > cols.count;
    for (std::size_t i = cols.count; only_empty_extra && i < rec.fields.size(); ++i)
      only_empty_extra = trim(rec.fields[i]).empty();
    if (!only_empty_extra)
      return reject(std::string(tr(lang, "nombre de colonnes : ", "column count: ")) +
                    std::to_string(rec.fields.size()) +
                    std::string(tr(lang, " au lieu de ", " instead of ")) +
                    std::to_string(cols.count));
  }
  row.email = field(rec, cols.email);
  row.given = field(rec, cols.given);
  row.family = field(rec, cols.family);
  row.competence = field(rec, cols.competence);
  row.evidence_url = field(rec, cols.evidence_url);
  row.narrative = field(rec, cols.narrative);
  row.valid_until = field(rec, cols.valid_until);
  if (!plausible_email(row.email))
    return reject(std::string(tr(lang, "adresse e-mail invalide : « ", "invalid e-mail address: \"")) +
                  row.email + std::string(tr(lang, " »", "\"")));
  if (row.given.empty() || row.family.empty())
    return reject(std::string(tr(lang, "prénom ou nom de famille vide", "empty given or family name")));
  const assessment::Competence* competence = grid.find_competence(row.competence);
  if (!competence)
    return reject(std::string(tr(lang, "compétence inconnue dans la grille ", "unknown competence in the grid ")) +
                  grid.id + " " + grid.version + " : « " + row.competence + " »");
  std::string level_text = field(rec, cols.level);
  int level = 0;
  bool digits = !level_text.empty() && level_text.size() <= 3 &&
                level_text.find_first_not_of("0123456789") == std::string::npos;
  if (digits) level = std::stoi(level_text);
  if (!digits || !competence->find_level(level))
    return reject(std::string(tr(lang, "niveau « ", "level \"")) + level_text +
                  std::string(tr(lang, " » inexistant pour ", "\" does not exist for ")) +
                  row.competence + " (1 " + std::string(tr(lang, "à", "to")) + " " +
                  std::to_string(competence->levels.size()) + ")");
  row.level = level;
  auto it = catalogue.by_level.find({row.competence, level});
  if (it == catalogue.by_level.end())
    return reject(std::string(tr(lang, "niveau absent du catalogue", "level missing from the catalogue")));
  row.achievement = &it->second;
  if (!row.evidence_url.empty() && !row.evidence_url.starts_with("https://") &&
      !row.evidence_url.starts_with("http://"))
    return reject(std::string(tr(lang, "evidence_url doit être une adresse http(s)://",
                                 "evidence_url must be an http(s):// address")));
  if (row.narrative.size() > 4000)
    return reject(std::string(tr(lang, "narrative trop longue (4000 octets au plus)",
                                 "narrative too long (4000 bytes at most)")));
  if (!row.valid_until.empty()) {
    auto t = parse_datetime(row.valid_until, {.date_only = true, .iso8601 = false});
    if (!t)
      return reject(std::string(tr(lang, "valid_until n'est pas une date (AAAA-MM-JJ) : « ",
                                   "valid_until is not a date (YYYY-MM-DD): \"")) +
                    row.valid_until + std::string(tr(lang, " »", "\"")));
    std::int64_t end = t->seconds;
    if (row.valid_until.size() == 10) end += 86399;  // a date: valid until its last second
    if (end <= now)
      return reject(std::string(tr(lang, "valid_until est déjà passée : ", "valid_until is already past: ")) +
                    row.valid_until);
    row.valid_until = format_datetime(end);
  }
  row.key = "batch:" + store::award_key(ascii_lower(row.email), row.achievement->id, "");
  row.state = RowState::to_issue;
}

// ---- outputs -------------------------------------------------------------------------

// An output file written as "<name>.part", renamed when the run completes.
class PartFile {
 public:
  Result<void> open(const fs::path& final_path, std::string_view header, Lang lang) {
    final_ = final_path;
    part_ = final_path;
    part_ += ".part";
    out_.open(part_, std::ios::binary | std::ios::trunc);
    if (!out_) return fail(lang);
    return write(header, lang);
  }
  Result<void> write(std::string_view bytes, Lang lang) {
    out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out_) return fail(lang);
    return {};
  }
  Result<void> commit(Lang lang) {
    out_.flush();
    if (!out_) return fail(lang);
    out_.close();
    if (::rename(part_.c_str(), final_.c_str()) != 0) return fail(lang);
    return {};
  }
  void discard() {
    if (out_.is_open()) out_.close();
    std::error_code ec;
    fs::remove(part_, ec);
  }

 private:
  Result<void> fail(Lang lang) {
    std::string why = errno ? std::strerror(errno) : "I/O error";
    return make_error("issuance.write", part_.string(), lang, {part_.string(), why});
  }
  fs::path final_, part_;
  std::ofstream out_;
};

std::string csv_row(std::initializer_list<std::string_view> cells) {
  assessment::CsvWriter w({.separator = ';', .bom = false});
  for (auto c : cells) w.text(c);
  w.end_row();
  return w.str();
}

// A row as read, made fit for a UTF-8 CSV: invalid bytes and NUL become U+FFFD.
std::string printable_row(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  while (!raw.empty()) {
    std::size_t bad = find_invalid_utf8(raw);
    std::string_view good = raw.substr(0, bad);
    for (char c : good) {
      if (c == '\0') out += "\xEF\xBF\xBD";
      else out += c;
    }
    if (bad == std::string_view::npos) break;
    out += "\xEF\xBF\xBD";
    raw.remove_prefix(bad + 1);
  }
  return out;
}

std::string uuid_of(const std::string& urn) {
  return urn.starts_with("urn:uuid:") ? urn.substr(9) : urn;
}

// Exclusive lock on the output folder, released when the process ends (even by SIGKILL).
class FolderLock {
 public:
  ~FolderLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  Result<void> acquire(const fs::path& dir, Lang lang) {
    const fs::path p = dir / ".ecusson-batch.lock";
    fd_ = ::open(p.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
    if (fd_ < 0) return make_error("issuance.write", p.string(), lang, {p.string(), std::strerror(errno)});
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0)
      return make_error("issuance.batch_busy", dir.string(), lang, {dir.string()});
    return {};
  }

 private:
  int fd_ = -1;
};

// Runs fn(i) for i in [0, n) on `threads` threads (the caller's included).
template <class Fn>
void parallel_for(std::size_t n, unsigned threads, Fn fn) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) fn(i);
  };
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads && t < n; ++t) pool.emplace_back(work);
  work();
}

}  // namespace

std::string participant_ref_for_email(std::string_view email) {
  return "P-" + hex_encode(sha256(ascii_lower(email))).substr(0, 16);
}

Result<BatchReport> run_batch(store::Store& store, const Issuer& issuer, const BatchOptions& o) {
  const Lang lang = o.lang;
  const auto started = Clock::now();
  if (!o.grid)
    return make_error("issuance.bad_option", "--grid", lang,
                      {"grid", tr(lang, "une grille est requise", "a grid is required")});
  if (o.by.find_first_not_of(" \t") == std::string::npos)
    return make_error("issuance.bad_option", "--by", lang,
                      {"by", tr(lang, "le nom de la personne qui décide ces attributions est "
                                      "obligatoire",
                                "the name of the person who decides these awards is required")});
  const std::string source = o.input.string();
  std::ifstream in(o.input, std::ios::binary);
  if (!in)
    return make_error("issuance.batch_input", source, lang,
                      {source, std::string(tr(lang, "fichier illisible ou absent", "missing or unreadable file"))});

  // Count data rows first (progress and ETA); unrecoverable CSV errors stop here, before
  // anything is issued.
  BatchReport report;
  report.dry_run = o.dry_run;
  BatchProgress& p = report.totals;
  CsvRecord rec;
  {
    CsvReader counter(in, {.max_raw_bytes = 0, .source = source, .lang = lang});
    std::size_t records = 0;
    for (;;) {
      auto more = counter.next(rec);
      if (!more && counter.failed())
        return make_error("issuance.batch_input", more.error().where, lang,
                          {source, more.error().message});
      if (more && !*more) break;
      ++records;
    }
    if (records == 0)
      return make_error("issuance.batch_input", source, lang,
                        {source, std::string(tr(lang, "fichier vide", "empty file"))});
    p.rows_total = records - 1;
  }
  in.clear();
  in.seekg(0);
  CsvReader reader(in, {.source = source, .lang = lang});
  auto header = reader.next(rec);
  if (!header || !*header)
    return make_error("issuance.batch_input", source + ":1", lang,
                      {source, header ? std::string("?") : header.error().message});
  auto cols = read_header(rec.fields, source, report.ignored_columns, lang);
  if (!cols) return cols.error();
  report.delimiter = reader.delimiter();

  // The grid's catalogue, synchronised once.
  if (!o.dry_run) {
    auto synced = sync_catalogue(store, *o.grid, {.base_url = issuer.base.url, .lang = lang});
    if (!synced) return synced.error();
  }
  Catalogue catalogue;
  {
    auto built = build_catalogue(*o.grid, {.base_url = issuer.base.url, .lang = lang});
    if (!built) return built.error();
    auto stored = store.list_achievements(o.grid->id, o.grid->version);
    if (!stored) return store_failure(issuer, stored.error(), lang);
    for (auto& a : *stored) catalogue.by_level[{a.competence_id, a.level}] = a;
    if (o.dry_run)  // a dry run writes nothing, not even the catalogue
      for (const auto& e : *built)
        if (!catalogue.by_level.contains({e.competence_id, e.level})) {
          auto doc = achievement_document(e);
          if (!doc) return doc.error();
          catalogue.by_level[{e.competence_id, e.level}] =
              store::Achievement{e.achievement.id, e.grid_id, e.grid_version, e.competence_id,
                                 e.level, e.achievement.name, json::serialize(*doc), ""};
        }
  }

  // Outputs.
  std::error_code ec;
  fs::create_directories(o.out, ec);
  if (ec)
    return make_error("issuance.write", o.out.string(), lang, {o.out.string(), ec.message()});
  FolderLock lock;
  if (auto l = lock.acquire(o.out, lang); !l) return l.error();
  // Temporaries of an earlier run killed while writing ("<file>.tmp-<random>", see
  // common/atomic_file.h): never whole, safe to drop under the lock.
  for (const auto& entry : fs::directory_iterator(o.out, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.find(".tmp-") != std::string::npos) fs::remove(entry.path(), ec);
  }
  report.credentials_jsonl = o.out / "credentials.jsonl";
  report.mailing_csv = o.out / "mailing.csv";
  report.rejects_csv = o.out / "rejects.csv";
  PartFile jsonl, mailing, rejects;
  const std::string bom = "\xEF\xBB\xBF";
  if (auto r = rejects.open(report.rejects_csv,
                            bom + csv_row({tr(lang, "ligne", "line"), tr(lang, "contenu", "row"),
                                           tr(lang, "motif", "reason")}),
                            lang);
      !r)
    return r.error();
  if (!o.dry_run) {
    if (auto r = jsonl.open(report.credentials_jsonl, "", lang); !r) return r.error();
    if (auto r = mailing.open(report.mailing_csv,
                              bom + csv_row({"email", tr(lang, "prenom", "given_name"),
                                             tr(lang, "nom", "family_name"),
                                             tr(lang, "badge", "badge"),
                                             tr(lang, "page_du_badge", "badge_page"),
                                             tr(lang, "fichier_png", "png_file")}),
                              lang);
        !r)
      return r.error();
  }
  BadgeArtCache art_cache({.templates_dir = templates_dir(), .lang = lang});
  // The picture files of a row, named as `ecusson award` names them.
  auto write_images = [&](const Row& row) -> Result<void> {
    const store::Credential& c = row.credential;
    const std::string stem =
        badge_file_stem(c.participant_ref, row.competence, row.level, c.id);
    std::error_code exists_ec;
    if (fs::exists(o.out / (stem + ".png"), exists_ec) &&
        fs::exists(o.out / (stem + ".svg"), exists_ec))
      return {};  // written whole by an earlier run (temporary, then rename)
    auto art = art_cache.art(*o.grid, row.competence, row.level);
    if (!art) return make_error("issuance.art", row.competence, lang,
                                {row.competence + " " + std::to_string(row.level), art.error().message});
    auto di = c.documents.find("ob3-di");
    if (di == c.documents.end())
      return make_error("issuance.bake", c.id, lang, {c.id, "no ob3-di document"});
    auto baked = bake_badge(**art, di->second);
    if (!baked) return make_error("issuance.bake", c.id, lang, {c.id, baked.error().message});
    auto written = write_baked_badge(*baked, o.out, stem, lang);
    if (!written) return written.error();
    return {};
  };

  const unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t chunk_rows = std::max<std::size_t>(1, o.chunk_rows);
  std::unordered_map<std::string, std::size_t> seen;  // 16-byte key digest -> line
  const std::int64_t now_s = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
  std::vector<Row> rows;
  bool end = false;
  BatchTimings& tm = report.timings;
  auto lap = [mark = Clock::now()](double& into) mutable {
    auto t = Clock::now();
    into += std::chrono::duration<double>(t - mark).count();
    mark = t;
  };
  while (!end) {
    // 1. Read and check a chunk.
    rows.clear();
    while (rows.size() < chunk_rows) {
      auto more = reader.next(rec);
      if (!more) {
        if (reader.failed())
          return make_error("issuance.batch_input", more.error().where, lang,
                            {source, more.error().message});
        Row row;
        row.line = rec.line;
        row.raw = rec.raw;
        row.reason = more.error().message;
        rows.push_back(std::move(row));
        continue;
      }
      if (!*more) {
        end = true;
        break;
      }
      Row row;
      check_row(rec, *cols, *o.grid, catalogue, now_s, row, lang);
      if (row.state == RowState::to_issue) {
        auto [it, fresh] = seen.emplace(sha256(row.key).substr(0, 16), row.line);
        if (!fresh) {
          row.state = RowState::rejected;
          row.reason = std::string(tr(lang, "ligne en double : même personne et même badge qu'à la ligne ",
                                      "duplicate row: same person and badge as line ")) +
                       std::to_string(it->second);
        }
      }
      rows.push_back(std::move(row));
    }

    lap(tm.read);
    // 2. Already issued? Who is it? (reads)
    for (auto& row : rows) {
      if (row.state != RowState::to_issue) continue;
      auto existing = store.find_credential_by_key(row.key);
      if (!existing) return store_failure(issuer, existing.error(), lang);
      if (*existing) {
        row.credential = std::move(**existing);
        row.state = RowState::already_issued;
        continue;
      }
      auto person = store.find_participant_by_email(row.email);
      if (!person) return store_failure(issuer, person.error(), lang);
      if (*person) {
        row.participant_ref = (*person)->ref;
        auto consent = store.current_consent(row.participant_ref);
        if (!consent) return store_failure(issuer, consent.error(), lang);
        if (*consent && (*consent)->state == store::ConsentState::withdrawn) {
          row.state = RowState::rejected;
          row.reason = std::string(tr(lang, "consentement retiré le ", "consent withdrawn on ")) +
                       (*consent)->at;
          continue;
        }
        row.record_consent = !*consent;
      } else {
        row.participant_ref = participant_ref_for_email(row.email);
        row.new_participant = true;
        row.record_consent = true;
      }
      if (row.record_consent && !o.consent_collected) {
        row.state = RowState::rejected;
        row.reason = std::string(tr(lang, "consentement non enregistré : ecusson consent ",
                                    "consent not recorded: ecusson consent ")) +
                     row.participant_ref +
                     std::string(tr(lang, " --given, ou relancez le lot avec --consent-collected "
                                          "si chaque personne a donné son accord",
                                    " --given, or run the batch again with --consent-collected "
                                    "if every person agreed"));
      }
    }

    lap(tm.lookup);
    if (!o.dry_run) {
      // 3. Participants, consents and status indices: one transaction.
      const std::string at = now_utc();
      StatusAllocator allocator(issuer, chunk_rows, lang);
      auto prepared = store.transact([&](store::Store& s) -> Result<void> {
        for (auto& row : rows) {
          if (row.state != RowState::to_issue) continue;
          if (row.new_participant) {
            // Created once: a second row for the same person in this chunk finds it.
            auto again = s.find_participant_by_email(row.email);
            if (!again) return again.error();
            if (!*again) {
              auto added = s.add_participant({.ref = row.participant_ref,
                                              .given_name = row.given,
                                              .family_name = row.family,
                                              .email = row.email,
                                              .did = std::nullopt,
                                              .created_at = at});
              if (!added) return added.error();
              auto a = s.append_audit({.at = at, .actor = o.by, .action = "participant.create",
                                       .subject = "participant:" + row.participant_ref,
                                       .detail = json::serialize(json::object{
                                           {"source", "batch"}, {"file", source},
                                           {"line", row.line}})});
              if (!a) return a.error();
            } else {
              row.participant_ref = (*again)->ref;
            }
          }
          if (row.record_consent) {
            auto current = s.current_consent(row.participant_ref);
            if (!current) return current.error();
            if (!*current) {
              std::string how = std::string(tr(lang, "attesté par ", "stated by ")) + o.by +
                                std::string(tr(lang, " lors du lot ", " in the batch ")) + source;
              auto c = s.record_consent({.participant_ref = row.participant_ref,
                                         .state = store::ConsentState::given,
                                         .at = at, .how = how, .recorded_by = o.by});
              if (!c) return c.error();
              auto a = s.append_audit({.at = at, .actor = o.by, .action = "consent.given",
                                       .subject = "participant:" + row.participant_ref,
                                       .detail = json::serialize(json::object{{"how", how}})});
              if (!a) return a.error();
            }
          }
          PreparedAward prepared_award;
          auto id = credentials::random_urn_uuid();
          if (!id) return make_error("issuance.sign", "", lang, {id.error().message});
          prepared_award.credential_id = *id;
          auto entry = allocator.next(s, store::StatusPurpose::revocation);
          if (!entry) return entry.error();
          prepared_award.status.push_back(*entry);
          AwardRequest& request = prepared_award.request;
          request.participant_ref = row.participant_ref;
          request.recipient_email = row.email;
          request.achievement = *row.achievement;
          request.idempotency_key = row.key;
          request.narrative = row.narrative;
          request.evidence_url = row.evidence_url;
          request.valid_until = row.valid_until;
          row.prepared = std::move(prepared_award);
        }
        return {};
      });
      if (!prepared) {
        if (prepared.error().code.starts_with("issuance.")) return prepared.error();
        return store_failure(issuer, prepared.error(), lang);
      }

      lap(tm.prepare);
      // 4. Sign on every core.
      parallel_for(rows.size(), threads, [&](std::size_t i) {
        Row& row = rows[i];
        if (row.state != RowState::to_issue || !row.prepared) return;
        auto s = sign_award(issuer, *row.prepared, lang);
        if (s) row.signed_award = std::move(*s);
        else row.sign_error = s.error();
      });
      for (auto& row : rows)
        if (row.sign_error) return *row.sign_error;

      lap(tm.sign);
      // 5. Record: one transaction for the chunk.
      auto recorded = store.transact([&](store::Store& s) -> Result<void> {
        for (auto& row : rows) {
          if (row.state != RowState::to_issue || !row.signed_award) continue;
          const store::Credential& c = row.signed_award->credential;
          auto inserted = s.insert_credential(c);
          if (!inserted) return inserted.error();
          row.credential = inserted->credential;
          if (!inserted->created) {  // another batch issued it meanwhile
            row.state = RowState::already_issued;
            continue;
          }
          row.state = RowState::issued;
          json::object detail{{"file", source}, {"line", row.line},
                              {"competence", row.competence}, {"level", row.level},
                              {"key", row.key}};
          auto v = s.append_audit({.at = c.issued_at, .actor = o.by, .action = "validation.batch",
                                   .subject = "participant:" + row.participant_ref + "/" +
                                              row.achievement->id,
                                   .detail = json::serialize(detail)});
          if (!v) return v.error();
          auto a = s.append_audit({.at = c.issued_at, .actor = o.by, .action = "credential.issue",
                                   .subject = "credential:" + c.id,
                                   .detail = json::serialize(json::object{
                                       {"participant", c.participant_ref},
                                       {"achievement", c.achievement_id},
                                       {"key", c.idempotency_key}})});
          if (!a) return a.error();
        }
        return {};
      });
      if (!recorded) return store_failure(issuer, recorded.error(), lang);
      if (o.after_commit) o.after_commit(p.rows_done + rows.size());
      lap(tm.record);
    }

    // 6. Outputs, in row order; images baked in parallel first.
    if (!o.dry_run) {
      std::vector<std::optional<Error>> image_errors(rows.size());
      parallel_for(rows.size(), threads, [&](std::size_t i) {
        Row& row = rows[i];
        if (row.state != RowState::issued && row.state != RowState::already_issued) return;
        auto w = write_images(row);
        if (!w) image_errors[i] = w.error();
      });
      for (auto& e : image_errors)
        if (e) return *e;
      lap(tm.images);
    }
    for (auto& row : rows) {
      ++p.rows_done;
      switch (row.state) {
        case RowState::rejected: {
          ++p.rejected;
          if (auto w = rejects.write(csv_row({std::to_string(row.line), printable_row(row.raw), row.reason}), lang); !w)
            return w.error();
          break;
        }
        case RowState::to_issue:  // dry run
          ++p.issued;
          break;
        case RowState::issued:
        case RowState::already_issued: {
          (row.state == RowState::issued ? p.issued : p.already_issued)++;
          const auto& c = row.credential;
          auto di = c.documents.find("ob3-di");
          if (di == c.documents.end()) break;
          if (auto w = jsonl.write(di->second + "\n", lang); !w) return w.error();
          const std::string uuid = uuid_of(c.id);
          const std::string title = row.achievement ? row.achievement->name : c.achievement_id;
          const std::string stem =
              badge_file_stem(c.participant_ref, row.competence, row.level, c.id);
          if (auto w = mailing.write(csv_row({row.email, row.given, row.family, title,
                                              issuer.base.url + "/credentials/" + uuid,
                                              (o.out / (stem + ".png")).string()}),
                                     lang);
              !w)
            return w.error();
          break;
        }
      }
      // A row's own text is not kept past its chunk.
      row.raw.clear();
    }
    p.elapsed_seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (o.on_progress) o.on_progress(p);
    lap(tm.outputs);
  }

  if (!o.dry_run) {
    auto published = publish_status(store, issuer, lang);
    if (!published) return published.error();
    lap(tm.publish);
    if (auto c = jsonl.commit(lang); !c) return c.error();
    if (auto c = mailing.commit(lang); !c) return c.error();
  }
  if (auto c = rejects.commit(lang); !c) return c.error();
  p.elapsed_seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return report;
}

}  // namespace ecusson::issuance
