// `ecusson verify FILE|URL|- [--json] [--at TIME] [--recipient EMAIL]
//                 [--allow-private-network]` (design §3).
// Exit 0 verified, 1 refused (including input that is not a badge at all), 2 usage or an
// unreadable file. The report is verify_credential()'s VerificationResult: as JSON on
// stdout with --json, otherwise a French (or English) summary.
#include <filesystem>
#include <iostream>
#include <string>

#include <boost/json.hpp>
#include <CLI/CLI.hpp>

#include "command.h"
#include "ecusson/verify/verify.h"

namespace ecusson::cli {
namespace {


struct VerifyArgs {
  std::string input;
  bool json = false;
  std::string at;
  std::string recipient;
  bool allow_private_network = false;
};

const char* mark(credentials::CheckStatus s) {
  switch (s) {
    case credentials::CheckStatus::passed: return "✓";
    case credentials::CheckStatus::failed: return "✗";
    case credentials::CheckStatus::skipped: return "–";
    case credentials::CheckStatus::warning: return "!";
  }
  return "?";
}

void print_human(const credentials::VerificationResult& r, Lang lang) {
  auto t = [&](std::string_view fr, std::string_view en) { return std::string(tr(lang, fr, en)); };
  std::ostream& out = std::cout;
  if (r.verified)
    out << "✓ " << t("Badge vérifié", "Badge verified") << "\n";
  else
    out << "✗ " << t("Badge refusé", "Badge refused") << "\n";
  const auto& c = r.credential;
  auto line = [&](std::string_view label, const std::string& name, const std::string& id) {
    if (name.empty() && id.empty()) return;
    out << "  " << label << " : " << name;
    if (!id.empty()) out << (name.empty() ? "" : " ") << (name.empty() ? id : "(" + id + ")");
    out << "\n";
  };
  line(t("Émetteur", "Issuer"), c.issuer_name, c.issuer_id);
  line(t("Badge", "Badge"), c.achievement_name, c.achievement_id);
  line(t("Titulaire", "Holder"), "", c.subject_id);
  if (!c.valid_from.empty()) out << "  " << t("Valide à partir du", "Valid from") << " : " << c.valid_from << "\n";
  if (!c.valid_until.empty()) out << "  " << t("Valide jusqu'au", "Valid until") << " : " << c.valid_until << "\n";
  if (!r.format.empty() || !r.source.empty())
    out << "  " << t("Format", "Format") << " : " << (r.format.empty() ? "?" : r.format) << " ("
        << r.source << ")\n";
  out << t("Vérifications :", "Checks:") << "\n";
  for (const auto& ch : r.checks) {
    const std::string& msg = lang == Lang::en && !ch.message_en.empty() ? ch.message_en : ch.message;
    out << "  " << mark(ch.status) << " " << ch.code << " — " << msg;
    if (!ch.evidence.empty()) out << " [" << ch.evidence << "]";
    out << "\n";
  }
}

int run_verify(const VerifyArgs& a, Context& ctx) {
  auto t = [&](std::string_view fr, std::string_view en) { return std::string(tr(ctx.lang, fr, en)); };
  verify::VerifyOptions opts;
  opts.allow_private_network = a.allow_private_network;
  opts.recipient = a.recipient;
  if (!a.at.empty()) {
    std::string at = a.at;
    // Accept "2025-01-02T03:04:05" without a zone on the command line: UTC.
    if (at.size() == 19 && at[10] == 'T') at += "Z";
    auto when = verify::parse_date_time(at);
    if (!when) {
      std::cerr << "--at : " << t("date invalide (attendu : 2025-01-31T12:00:00Z ou 2025-01-31)",
                                  "invalid date (expected 2025-01-31T12:00:00Z or 2025-01-31)")
                << " : " << a.at << "\n";
      return kExitUnusable;
    }
    opts.now = *when;
  }

  std::string bytes;
  verify::VerifyInput input;
  input.name = a.input;
  bool is_url = a.input.starts_with("https://") || a.input.starts_with("http://");
  credentials::VerificationResult result;
  bool done = false;
  if (is_url) {
    input.hint = verify::InputHint::url;
    input.bytes = a.input;
  } else {
    std::size_t cap = opts.max_input_bytes;
    if (a.input != "-") {
      std::error_code ec;
      auto st = std::filesystem::status(a.input, ec);
      if (ec || !std::filesystem::exists(st)) {
        std::cerr << a.input << " : " << t("fichier introuvable", "file not found") << "\n";
        return kExitUnusable;
      }
      if (std::filesystem::is_directory(st)) {
        std::cerr << a.input << " : " << t("est un dossier, pas un fichier", "is a directory, not a file") << "\n";
        return kExitUnusable;
      }
      auto size = std::filesystem::file_size(a.input, ec);
      if (!ec && size > cap) {
        // Refused before reading a single byte: no badge is that large.
        result.add("input.too_large", credentials::CheckStatus::failed,
                   "Fichier trop volumineux pour un badge (" + std::to_string(size) + " octets)",
                   "File too large for a badge (" + std::to_string(size) + " bytes)");
        result.finish();
        done = true;
      }
    }
    if (!done) {
      std::string error;
      // Read one byte more than the cap so that an oversized stdin is seen as such.
      if (!read_input(a.input, bytes, error, cap + 1)) {
        if (a.input == "-" && bytes.size() >= cap) {
          result.add("input.too_large", credentials::CheckStatus::failed,
                     "Entrée trop volumineuse pour un badge", "Input too large for a badge");
          result.finish();
          done = true;
        } else {
          std::cerr << error << "\n";
          return kExitUnusable;
        }
      }
      input.bytes = bytes;
    }
  }
  if (!done) result = verify::verify_credential(input, opts);

  if (a.json) {
    std::cout << boost::json::serialize(credentials::to_json(result, ctx.lang == Lang::en)) << "\n";
  } else {
    print_human(result, ctx.lang);
  }
  return result.verified ? kExitOk : kExitNo;
}

void add_verify_command(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<VerifyArgs>();
  auto* cmd = app.add_subcommand(
      "verify", "Vérifier un badge (JSON, JWT, image PNG/SVG ou URL) / verify a badge");
  cmd->add_option("input", args->input, "FICHIER, URL ou - (entrée standard)")->required();
  cmd->add_flag("--json", args->json, "Rapport JSON sur la sortie standard");
  cmd->add_option("--at", args->at, "Vérifier à cette date (2025-01-31T12:00:00Z)");
  cmd->add_option("--recipient", args->recipient, "Adresse e-mail attendue du titulaire");
  cmd->add_flag("--allow-private-network", args->allow_private_network,
                "Autoriser les adresses privées/locales (et http:// vers elles)");
  cmd->callback([args, &ctx] { ctx.exit_code = run_verify(*args, ctx); });
}

}  // namespace

ECUSSON_REGISTER_COMMAND(add_verify_command);

}  // namespace ecusson::cli
