// The one place where assessment codes get their French and English texts.
#include "ecusson/assessment/messages.h"

#include <algorithm>
#include <array>

namespace ecusson::assessment {
namespace {

// Keep sorted by code (binary search; checked by tests/assessment/messages_test.cc).
constexpr std::array kCatalogue = {
    MessageEntry{"evaluation.arbitration_not_referent",
                 "l'arbitrage de l'observation {1} doit venir d'un évaluateur de rôle « referent », pas « {2} »",
                 "the arbitration in observation {1} must come from an evaluator with role \"referent\", not \"{2}\""},
    MessageEntry{"evaluation.bad_hours",
                 "heures manquées ({1}) supérieures aux heures prévues ({2})",
                 "missed hours ({1}) exceed planned hours ({2})"},
    MessageEntry{"evaluation.date_outside_placement",
                 "observation datée du {1}, hors de la période d'immersion ({2} au {3})",
                 "observation dated {1}, outside the placement period ({2} to {3})"},
    MessageEntry{"evaluation.did_not_show_with_observations",
                 "l'immersion est marquée « did-not-show » (personne absente) mais contient des observations",
                 "the placement is marked \"did-not-show\" but the evaluation contains observations"},
    MessageEntry{"evaluation.duplicate_id",
                 "identifiant « {1} » en double (déjà utilisé ligne {2})",
                 "duplicate id \"{1}\" (already used on line {2})"},
    MessageEntry{"evaluation.end_before_start",
                 "la date de fin ({1}) est antérieure à la date de début ({2})",
                 "the end date ({1}) is before the start date ({2})"},
    MessageEntry{"evaluation.grid_mismatch",
                 "l'évaluation est écrite pour la grille « {1} », mais la grille fournie est « {2} »",
                 "the evaluation was written for grid \"{1}\", but the grid given is \"{2}\""},
    MessageEntry{"evaluation.grid_version_drift",
                 "l'évaluation vise la version {1} de la grille, notée avec la version {2} (accepté sur demande)",
                 "the evaluation targets grid version {1}, scored with version {2} (accepted on request)"},
    MessageEntry{"evaluation.grid_version_mismatch",
                 "l'évaluation vise la version {1} de la grille « {2} », mais la grille fournie est en version {3}",
                 "the evaluation targets version {1} of grid \"{2}\", but the grid given is version {3}"},
    MessageEntry{"evaluation.last_day_outside_placement",
                 "le dernier jour de présence ({1}) est hors de la période d'immersion ({2} au {3})",
                 "the last day of presence ({1}) is outside the placement period ({2} to {3})"},
    MessageEntry{"evaluation.max_level_out_of_range",
                 "maxObservableLevel={1} : attendu un entier entre 1 et {2}",
                 "maxObservableLevel={1}: expected an integer from 1 to {2}"},
    MessageEntry{"evaluation.rating_not_in_scale",
                 "la note « {1} » n'existe pas dans l'échelle « {2} » de l'indicateur {3} ; valeurs attendues : {4}",
                 "rating \"{1}\" is not in rating scale \"{2}\" of indicator {3}; expected one of: {4}"},
    MessageEntry{"evaluation.unknown_evaluator",
                 "évaluateur « {1} » inconnu : déclarez-le dans <evaluators> (déclarés : {2})",
                 "unknown evaluator \"{1}\": declare it in <evaluators> (declared: {2})"},
    MessageEntry{"evaluation.unknown_indicator",
                 "indicateur « {1} » inconnu dans la grille {2}",
                 "unknown indicator \"{1}\" in grid {2}"},
    MessageEntry{"evaluation.unknown_observation",
                 "l'arbitrage renvoie à l'observation « {1} », absente ou portant sur un autre indicateur",
                 "the arbitration refers to observation \"{1}\", which is missing or about another indicator"},
    MessageEntry{"grid.bad_scale",
                 "échelle « {1} » invalide : {2}",
                 "invalid scale \"{1}\": {2}"},
    MessageEntry{"grid.bad_version",
                 "version de grille « {1} » invalide : attendu une version sémantique comme 1.0.0",
                 "invalid grid version \"{1}\": expected a semantic version such as 1.0.0"},
    MessageEntry{"grid.bad_weight",
                 "poids « {1} » invalide : attendu un nombre décimal strictement positif (ex. 1 ou 0.5, 6 décimales au plus)",
                 "invalid weight \"{1}\": expected a decimal number greater than 0 (e.g. 1 or 0.5, at most 6 decimals)"},
    MessageEntry{"grid.duplicate_id",
                 "identifiant « {1} » en double (déjà utilisé ligne {2})",
                 "duplicate id \"{1}\" (already used on line {2})"},
    MessageEntry{"grid.empty_level",
                 "le niveau {1} de la compétence {2} n'a aucun indicateur : au moins un est attendu",
                 "level {1} of competence {2} has no indicator: at least one is expected"},
    MessageEntry{"grid.level_mismatch",
                 "compétence {1} : {2}",
                 "competence {1}: {2}"},
    MessageEntry{"grid.no_competence",
                 "la grille ne contient aucune compétence : au moins un <domain> avec une <competence> est attendu",
                 "the grid has no competence: at least one <domain> with a <competence> is expected"},
    MessageEntry{"grid.not_found",
                 "grille « {1} » version {2} introuvable dans {3}",
                 "grid \"{1}\" version {2} not found in {3}"},
    MessageEntry{"grid.unknown_framework",
                 "référentiel « {1} » non déclaré : déclarez-le dans <frameworks> avant de l'utiliser",
                 "framework \"{1}\" is not declared: declare it in <frameworks> before using it"},
    MessageEntry{"grid.unknown_indicator",
                 "la surcharge renvoie à l'indicateur « {1} », inconnu dans la grille",
                 "the override refers to indicator \"{1}\", which is not in the grid"},
    MessageEntry{"grid.unknown_level_scale",
                 "échelle de niveaux « {1} » non déclarée (déclarez <levelScale id=\"{1}\"> avant les domaines)",
                 "level scale \"{1}\" is not declared (declare <levelScale id=\"{1}\"> before the domains)"},
    MessageEntry{"grid.unknown_rating_scale",
                 "échelle de notation « {1} » non déclarée (déclarez <ratingScale id=\"{1}\"> avant les domaines)",
                 "rating scale \"{1}\" is not declared (declare <ratingScale id=\"{1}\"> before the domains)"},
    MessageEntry{"io.not_found",
                 "fichier introuvable",
                 "file not found"},
    MessageEntry{"io.unreadable",
                 "impossible de lire le fichier : {1}",
                 "cannot read the file: {1}"},
    MessageEntry{"policy.bad_value",
                 "valeur « {1} » invalide pour {2} : attendu {3}",
                 "invalid value \"{1}\" for {2}: expected {3}"},
    MessageEntry{"progression.grid_mismatch",
                 "progression impossible : l'entrée utilise la grille « {1} », la sortie « {2} »",
                 "no progression: the entry uses grid \"{1}\", the later result \"{2}\""},
    MessageEntry{"progression.not_entry",
                 "progression impossible : l'évaluation de référence {1} est en phase « {2} », pas « entry »",
                 "no progression: the reference evaluation {1} has phase \"{2}\", not \"entry\""},
    MessageEntry{"progression.participant_mismatch",
                 "progression impossible : participants différents ({1} et {2})",
                 "no progression: different participants ({1} and {2})"},
    MessageEntry{"xml.bad_value",
                 "valeur « {1} » invalide pour {2} : attendu {3}",
                 "invalid value \"{1}\" for {2}: expected {3}"},
    MessageEntry{"xml.doctype",
                 "les déclarations DOCTYPE et les entités ne sont pas acceptées",
                 "DOCTYPE declarations and entities are not accepted"},
    MessageEntry{"xml.duplicate_element",
                 "élément <{1}> en double : un seul est attendu dans <{2}>",
                 "duplicate element <{1}>: only one is expected in <{2}>"},
    MessageEntry{"xml.empty",
                 "le fichier est vide",
                 "the file is empty"},
    MessageEntry{"xml.invalid_char",
                 "caractère interdit en XML (code {1})",
                 "character not allowed in XML (code {1})"},
    MessageEntry{"xml.invalid_utf8",
                 "le fichier n'est pas en UTF-8 valide (octet 0x{1})",
                 "the file is not valid UTF-8 (byte 0x{1})"},
    MessageEntry{"xml.malformed",
                 "XML mal formé : {1}",
                 "malformed XML: {1}"},
    MessageEntry{"xml.missing_attribute",
                 "attribut « {1} » manquant sur <{2}>",
                 "missing attribute \"{1}\" on <{2}>"},
    MessageEntry{"xml.missing_element",
                 "élément <{1}> manquant dans <{2}>",
                 "missing element <{1}> in <{2}>"},
    MessageEntry{"xml.too_deep",
                 "imbrication trop profonde (plus de {1} niveaux d'éléments)",
                 "nesting too deep (more than {1} levels of elements)"},
    MessageEntry{"xml.too_large",
                 "fichier trop volumineux ({1} octets) : la limite est de {2} octets",
                 "file too large ({1} bytes): the limit is {2} bytes"},
    MessageEntry{"xml.too_many",
                 "trop d'éléments <{1}> dans <{2}> : {3} au plus",
                 "too many <{1}> elements in <{2}>: at most {3}"},
    MessageEntry{"xml.unexpected_text",
                 "texte inattendu dans <{1}> : seuls des éléments sont attendus ici",
                 "unexpected text in <{1}>: only elements are expected here"},
    MessageEntry{"xml.unknown_attribute",
                 "attribut « {1} » inconnu sur <{2}> ; attributs attendus : {3}",
                 "unknown attribute \"{1}\" on <{2}>; expected attributes: {3}"},
    MessageEntry{"xml.unknown_element",
                 "élément <{1}> inattendu dans <{2}> ; éléments attendus : {3}",
                 "unexpected element <{1}> in <{2}>; expected elements: {3}"},
    MessageEntry{"xml.wrong_namespace",
                 "espace de noms « {1} » : attendu xmlns=\"{2}\"",
                 "namespace \"{1}\": expected xmlns=\"{2}\""},
    MessageEntry{"xml.wrong_root",
                 "élément racine <{1}> : attendu <{2}>",
                 "root element <{1}>: expected <{2}>"},
};

std::string fill(std::string_view text, std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9' &&
        text[i + 2] == '}') {
      std::size_t k = static_cast<std::size_t>(text[i + 1] - '1');
      if (k < args.size()) out += *(args.begin() + k);
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace

std::span<const MessageEntry> message_catalogue() { return kCatalogue; }

std::string message(std::string_view code, Lang lang, std::initializer_list<std::string_view> args) {
  auto it = std::lower_bound(kCatalogue.begin(), kCatalogue.end(), code,
                             [](const MessageEntry& e, std::string_view c) { return e.code < c; });
  if (it == kCatalogue.end() || it->code != code) {
    std::string out(code);
    for (auto a : args) {
      out += ' ';
      out += a;
    }
    return out;
  }
  return fill(lang == Lang::en ? it->en : it->fr, args);
}

Error make_error(std::string_view code, Lang lang, std::string at,
                 std::initializer_list<std::string_view> args) {
  return Error(std::string(code), message(code, lang, args), std::move(at));
}

}  // namespace ecusson::assessment
