// Importing participants from a CSV: see ecusson/issuance/participants.h.
#include "ecusson/issuance/participants.h"

#include <array>
#include <chrono>
#include <istream>
#include <map>
#include <optional>
#include <set>

#include <boost/json.hpp>

#include "ecusson/common/csv_reader.h"
#include "ecusson/common/datetime.h"
#include "ecusson/common/text.h"
#include "ecusson/issuance/messages.h"

namespace ecusson::issuance {
namespace {

namespace json = boost::json;

constexpr std::array kRequired{"ref", "given_name", "family_name", "email"};

std::string now_utc() {
  auto s = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return format_datetime(s.count());
}

std::string where_of(const ImportOptions& o, std::size_t line, std::string_view column = {}) {
  std::string w = o.source.empty() ? std::string() : o.source + ":";
  w += std::to_string(line);
  if (!column.empty()) w += ":" + std::string(column);
  return w;
}

// Column name -> index in the row.
struct Header {
  std::map<std::string, std::size_t> index;
  std::size_t width = 0;
  const std::string* field(const std::vector<std::string>& row, std::string_view name) const {
    auto it = index.find(std::string(name));
    return it == index.end() ? nullptr : &row[it->second];
  }
};

bool plausible_did(std::string_view did) {
  // did:<method>:<method-specific id>, ASCII without spaces.
  if (!did.starts_with("did:")) return false;
  auto second = did.find(':', 4);
  if (second == std::string_view::npos || second == 4 || second + 1 >= did.size()) return false;
  for (char c : did)
    if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f)
      return false;
  return true;
}

}  // namespace

bool plausible_email(std::string_view email) {
  if (email.empty() || email.size() > 254) return false;
  auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos)
    return false;
  std::string_view domain = email.substr(at + 1);
  auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  for (char c : email)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == ',' || c == ';' || c == '<' ||
        c == '>')
      return false;
  return true;
}

Result<ImportReport> import_participants(store::Store& store, std::istream& csv,
                                         const ImportOptions& options) {
  const Lang lang = options.lang;
  if (trim(options.actor).empty())
    return make_error("issuance.bad_option", "--by", lang,
                      {"by", tr(lang, "le nom de la personne qui importe est obligatoire",
                                "the name of the person who imports is required")});
  auto bad_csv = [&](std::string where, std::string_view why) {
    return make_error("issuance.bad_csv", std::move(where), lang,
                      {options.source.empty() ? "-" : options.source, why});
  };

  auto store_error = [&](const Error& e) {
    return make_error("issuance.store", options.source, lang, {store.backend(), e.to_string()});
  };

  CsvReader reader(csv, {.source = options.source, .lang = lang});
  CsvRecord rec;
  ImportReport report;

  // The header row.
  Header header;
  for (;;) {
    auto more = reader.next(rec);
    if (!more) return bad_csv(more.error().where, more.error().message);
    if (!*more)
      return bad_csv(options.source, tr(lang, "fichier vide (une ligne d'en-tête est attendue : "
                                              "ref;given_name;family_name;email;did)",
                                        "empty file (a header row is expected: "
                                        "ref,given_name,family_name,email,did)"));
    break;
  }
  header.width = rec.fields.size();
  for (std::size_t i = 0; i < rec.fields.size(); ++i) {
    std::string name = ascii_lower(trim(rec.fields[i]));
    if (name != "ref" && name != "given_name" && name != "family_name" && name != "email" &&
        name != "did") {
      report.ignored_columns.push_back(std::string(trim(rec.fields[i])));
      continue;
    }
    if (!header.index.emplace(name, i).second)
      return bad_csv(where_of(options, rec.line),
                     std::string(tr(lang, "colonne « ", "column \"")) + name +
                         std::string(tr(lang, " » présente deux fois dans l'en-tête",
                                        "\" appears twice in the header")));
  }
  std::vector<std::string> missing;
  for (const char* name : kRequired)
    if (!header.index.contains(name)) missing.emplace_back(name);
  if (!missing.empty())
    return bad_csv(where_of(options, rec.line),
                   std::string(tr(lang, "colonne(s) manquante(s) dans l'en-tête : ",
                                  "column(s) missing from the header: ")) +
                       join(missing, ", ") +
                       std::string(tr(lang, " (attendu : ref, given_name, family_name, email, did)",
                                      " (expected: ref, given_name, family_name, email, did)")));

  // The rows: checked one by one; writes are collected and applied in one transaction.
  struct Change {
    std::size_t line;
    std::string raw;
    store::Participant participant;
    bool create;
    std::vector<std::string> changed;
  };
  std::vector<Change> changes;
  std::set<std::string> refs_seen;
  std::map<std::string, std::string> emails_seen;  // lower-case e-mail -> ref
  const std::string at = options.at.empty() ? now_utc() : options.at;

  auto reject = [&](std::size_t line, std::string raw, std::string where, std::string why) {
    report.rejected.push_back({.line = line,
                               .raw = std::move(raw),
                               .error = make_error("issuance.bad_row", std::move(where), lang,
                                                   {why})});
  };

  for (;;) {
    auto more = reader.next(rec);
    if (!more) {
      if (reader.failed()) return bad_csv(more.error().where, more.error().message);
      ++report.rows;
      report.rejected.push_back({.line = rec.line, .raw = rec.raw, .error = more.error()});
      continue;
    }
    if (!*more) break;
    ++report.rows;
    // Excel's emptied rows (";;;;") are not rows.
    bool blank = true;
    for (const auto& f : rec.fields) blank = blank && trim(f).empty();
    if (blank) {
      --report.rows;
      continue;
    }
    if (rec.fields.size() != header.width) {
      reject(rec.line, rec.raw, where_of(options, rec.line),
             std::to_string(rec.fields.size()) +
                 std::string(tr(lang, " champ(s) au lieu de ", " field(s) instead of ")) +
                 std::to_string(header.width) +
                 std::string(tr(lang, " (séparateur ou guillemets mal placés ?)",
                                " (misplaced separator or quotes?)")));
      continue;
    }
    store::Participant p;
    p.ref = std::string(trim(*header.field(rec.fields, "ref")));
    p.given_name = std::string(trim(*header.field(rec.fields, "given_name")));
    p.family_name = std::string(trim(*header.field(rec.fields, "family_name")));
    p.email = std::string(trim(*header.field(rec.fields, "email")));
    if (const std::string* did = header.field(rec.fields, "did"); did && !trim(*did).empty())
      p.did = std::string(trim(*did));
    p.created_at = at;

    if (p.ref.empty()) {
      reject(rec.line, rec.raw, where_of(options, rec.line, "ref"),
             std::string(tr(lang, "référence (ref) vide", "empty ref")));
      continue;
    }
    if (p.given_name.empty() && p.family_name.empty()) {
      reject(rec.line, rec.raw, where_of(options, rec.line, "family_name"),
             std::string(tr(lang, "ni prénom ni nom pour ", "neither given nor family name for ")) +
                 p.ref);
      continue;
    }
    if (!p.email.empty() && !plausible_email(p.email)) {
      reject(rec.line, rec.raw, where_of(options, rec.line, "email"),
             std::string(tr(lang, "adresse e-mail invalide : « ", "invalid e-mail address: \"")) +
                 p.email + std::string(tr(lang, " »", "\"")));
      continue;
    }
    if (p.did && !plausible_did(*p.did)) {
      reject(rec.line, rec.raw, where_of(options, rec.line, "did"),
             std::string(tr(lang, "DID invalide (attendu did:méthode:identifiant) : « ",
                            "invalid DID (expected did:method:identifier): \"")) +
                 *p.did + std::string(tr(lang, " »", "\"")));
      continue;
    }
    if (p.email.empty() && !p.did) {
      reject(rec.line, rec.raw, where_of(options, rec.line, "email"),
             std::string(tr(lang, "ni e-mail ni DID : aucun badge ne pourrait être émis pour ",
                            "no e-mail and no DID: no badge could be issued for ")) +
                 p.ref);
      continue;
    }
    if (!refs_seen.insert(p.ref).second) {
      reject(rec.line, rec.raw, where_of(options, rec.line, "ref"),
             std::string(tr(lang, "référence déjà présente plus haut dans le fichier : ",
                            "ref already given earlier in the file: ")) +
                 p.ref);
      continue;
    }
    if (!p.email.empty()) {
      auto [it, fresh] = emails_seen.emplace(ascii_lower(p.email), p.ref);
      if (!fresh) {
        reject(rec.line, rec.raw, where_of(options, rec.line, "email"),
               std::string(tr(lang, "e-mail déjà donné plus haut dans le fichier pour ",
                              "e-mail already given earlier in the file for ")) +
                   it->second);
        continue;
      }
      auto owner = store.find_participant_by_email(p.email);
      if (!owner) return store_error(owner.error());
      if (*owner && (*owner)->ref != p.ref) {
        reject(rec.line, rec.raw, where_of(options, rec.line, "email"),
               std::string(tr(lang, "e-mail déjà utilisé par le participant ",
                              "e-mail already used by the participant ")) +
                   (*owner)->ref);
        continue;
      }
    }
    auto existing = store.get_participant(p.ref);
    if (!existing && existing.error().code != "store.not_found")
      return store_error(existing.error());
    if (!existing) {
      changes.push_back({rec.line, rec.raw, p, true, {}});
      continue;
    }
    std::vector<std::string> changed;
    if (existing->given_name != p.given_name) changed.emplace_back("given_name");
    if (existing->family_name != p.family_name) changed.emplace_back("family_name");
    if (existing->email != p.email) changed.emplace_back("email");
    if (existing->did != p.did) changed.emplace_back("did");
    if (changed.empty()) {
      report.unchanged.push_back(p.ref);
      continue;
    }
    p.created_at = existing->created_at;
    changes.push_back({rec.line, rec.raw, p, false, std::move(changed)});
  }

  // One transaction for the file; a row the store refuses (a constraint the checks above
  // did not foresee) is rolled back alone (savepoint) and listed.
  std::vector<std::string> created, updated;
  std::vector<ImportRejection> refused_by_store;
  auto tx = store.transact([&](store::Store& s) -> Result<void> {
    created.clear();
    updated.clear();
    refused_by_store.clear();
    for (const Change& c : changes) {
      auto one = s.transact([&](store::Store& inner) -> Result<void> {
        auto w = c.create ? inner.add_participant(c.participant)
                          : inner.update_participant(c.participant);
        if (!w) return w.error();
        json::object detail{{"source", options.source}, {"line", c.line}};
        if (!c.create) {
          json::array fields;
          for (const auto& f : c.changed) fields.emplace_back(f);
          detail["changed"] = std::move(fields);
        }
        auto a = inner.append_audit({.at = at,
                                     .actor = options.actor,
                                     .action = c.create ? "participant.create"
                                                        : "participant.update",
                                     .subject = "participant:" + c.participant.ref,
                                     .detail = json::serialize(detail)});
        if (!a) return a.error();
        return {};
      });
      if (!one) {
        if (one.error().code != "store.constraint") return one.error();
        refused_by_store.push_back(
            {.line = c.line,
             .raw = c.raw,
             .error = make_error("issuance.bad_row", where_of(options, c.line), lang,
                                 {one.error().message})});
        continue;
      }
      (c.create ? created : updated).push_back(c.participant.ref);
    }
    return {};
  });
  if (!tx) return store_error(tx.error());
  report.created = std::move(created);
  report.updated = std::move(updated);
  for (auto& r : refused_by_store) report.rejected.push_back(std::move(r));
  std::stable_sort(report.rejected.begin(), report.rejected.end(),
                   [](const ImportRejection& a, const ImportRejection& b) {
                     return a.line < b.line;
                   });
  return report;
}

}  // namespace ecusson::issuance
