#include "help_language.h"

#include <memory>
#include <regex>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

namespace ecusson::cli {

namespace {

// Section titles CLI11 prints from group names rather than labels.
std::string frenchify_sections(std::string text) {
  const std::pair<const char*, const char*> sections[] = {
      {"\nSubcommands:\n", "\nSous-commandes :\n"},
      {"\nOptions:\n", "\nOptions :\n"},
      {"\nArguments:\n", "\nArguments :\n"},
  };
  for (const auto& [en, fr] : sections) {
    for (std::size_t p = text.find(en); p != std::string::npos; p = text.find(en, p + 1)) {
      text.replace(p, std::string(en).size(), fr);
    }
  }
  for (std::size_t p = text.find(" REQUIRED "); p != std::string::npos;
       p = text.find(" REQUIRED ", p + 1)) {
    text.replace(p, 10, " OBLIGATOIRE ");
  }
  return text;
}

class FrenchFormatter : public CLI::Formatter {
 public:
  FrenchFormatter() {
    label("Usage", "Utilisation ");  // CLI11 appends ":"
    label("OPTIONS", "OPTIONS");
    label("SUBCOMMAND", "SOUS-COMMANDE");
    label("SUBCOMMANDS", "SOUS-COMMANDES");
    label("REQUIRED", "OBLIGATOIRE");
    label("Positionals", "Arguments");
    label("TEXT", "TEXTE");
    label("INT", "ENTIER");
    label("UINT", "ENTIER");
    label("FLOAT", "NOMBRE");
    label("Needs", "Nécessite");
    label("Excludes", "Exclut");
    column_width(34);
  }
  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
    return frenchify_sections(CLI::Formatter::make_help(app, std::move(name), mode));
  }
};

}  // namespace

std::string translate_cli11_message(const std::string& english) {
  struct Rule {
    std::regex pattern;
    const char* french;
  };
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> r;
    auto add = [&](const char* re, const char* fr) { r.push_back({std::regex(re), fr}); };
    add(R"(^A subcommand is required$)", "Une sous-commande est nécessaire");
    add(R"(^Requires at most (\d+) subcommands?$)", "Au plus $1 sous-commande(s)");
    add(R"(^(\S+) is required$)", "$1 est obligatoire");
    add(R"(^(.+): (.+) not in \{(.*)\}$)", "$1 : « $2 » n'est pas une valeur possible ({$3})");
    add(R"(^The following arguments? (?:was|were) not expected: (.*)$)", "Argument(s) inattendu(s) : $1");
    add(R"(^(\S+): (\d+) required (\S+) missing$)", "$1 : valeur manquante");
    add(R"(^(\S+): Too many positional arguments.*$)", "$1 : trop d'arguments");
    add(R"(^(\S+) requires (.*)$)", "$1 nécessite $2");
    add(R"(^(\S+) excludes (.*)$)", "$1 exclut $2");
    add(R"(^(\S+): File does not exist: (.*)$)", "$1 : fichier introuvable : $2");
    add(R"(^Could not convert: (.*)$)", "Valeur non reconnue : $1");
    add(R"(^(.*) is not a valid number$)", "$1 n'est pas un nombre valide");
    return r;
  }();
  for (const Rule& rule : rules) {
    if (std::regex_match(english, rule.pattern)) {
      return std::regex_replace(english, rule.pattern, rule.french);
    }
  }
  return english;
}

void use_help_language(CLI::App& app, Lang lang) {
  if (lang == Lang::en) return;
  app.formatter(std::make_shared<FrenchFormatter>());
  app.set_help_flag("-h,--help", "Affiche cette aide et quitte");
  app.failure_message([](const CLI::App* failed, const CLI::Error& e) {
    std::string out = "erreur : " + translate_cli11_message(e.what()) + "\n";
    if (failed->get_help_ptr() != nullptr) {
      out += "Lancez avec " + failed->get_help_ptr()->get_name() + " pour plus d'informations.\n";
    }
    return out;
  });
}

}  // namespace ecusson::cli
