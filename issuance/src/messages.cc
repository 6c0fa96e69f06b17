#include "ecusson/issuance/messages.h"

#include <algorithm>
#include <array>

namespace ecusson::issuance {
namespace {

// Sorted by code (checked by tests/issuance/messages_test.cc).
constexpr std::array kCatalogue{
    MessageEntry{"issuance.art", "image du badge {1} impossible : {2}",
                 "cannot draw the badge {1}: {2}"},
    MessageEntry{"issuance.bad_award", "attribution impossible : {1}",
                 "cannot award: {1}"},
    MessageEntry{"issuance.bad_award_policy",
                 "politique d'attribution inconnue ({1}) : attendu highest (le niveau le plus "
                 "haut atteint) ou every (chaque niveau jusqu'à celui atteint)",
                 "unknown award policy ({1}): expected highest (the highest level attained) "
                 "or every (every level up to the one attained)"},
    MessageEntry{"issuance.bad_base_url",
                 "URL de base invalide ({1}) : attendu https://hôte[:port][/chemin], sans "
                 "identifiants, requête ni fragment",
                 "invalid base URL ({1}): expected https://host[:port][/path], without "
                 "credentials, query or fragment"},
    MessageEntry{"issuance.bad_csv", "fichier {1} inutilisable : {2}",
                 "unusable file {1}: {2}"},
    MessageEntry{"issuance.bad_grid",
                 "la grille {1} ne permet pas de construire le catalogue des badges : {2}",
                 "the grid {1} cannot give a badge catalogue: {2}"},
    MessageEntry{"issuance.bad_option", "option --{1} invalide : {2}",
                 "invalid option --{1}: {2}"},
    MessageEntry{"issuance.bad_row", "ligne refusée : {1}", "row refused: {1}"},
    MessageEntry{"issuance.bake", "impossible d'intégrer le badge {1} dans son image : {2}",
                 "cannot bake the credential {1} into its image: {2}"},
    MessageEntry{"issuance.base_url_changed",
                 "ce dossier est déjà initialisé pour l'URL de base {1} : elle fixe "
                 "l'identifiant de l'émetteur ({2}) et ne peut pas devenir {3}",
                 "this directory is already set up for the base URL {1}: it fixes the "
                 "issuer id ({2}) and cannot become {3}"},
    MessageEntry{"issuance.batch_busy",
                 "un autre lot écrit déjà dans le dossier {1} : attendez qu'il finisse ou "
                 "choisissez un autre dossier (--out)",
                 "another batch is writing into {1}: wait for it to finish or choose another "
                 "folder (--out)"},
    MessageEntry{"issuance.batch_input", "fichier de lot {1} inutilisable : {2}",
                 "unusable batch file {1}: {2}"},
    MessageEntry{"issuance.evaluation_changed",
                 "l'évaluation {1} est déjà enregistrée (le {2}) avec un autre contenu : un "
                 "fichier d'évaluation enregistré ne se modifie pas ; donnez un nouvel "
                 "identifiant à la nouvelle version",
                 "the evaluation {1} is already recorded (on {2}) with other contents: a "
                 "recorded evaluation file is not edited; give the new version a new id"},
    MessageEntry{"issuance.foreign_dir",
                 "le dossier {1} n'est pas vide et ne contient ni magasin ni clés Ecusson : "
                 "choisissez un dossier vide ou nouveau (--dir)",
                 "the directory {1} is not empty and holds no Ecusson store or keys: "
                 "choose an empty or new directory (--dir)"},
    MessageEntry{"issuance.insecure_base_url",
                 "URL de base refusée ({1}) : un émetteur public doit utiliser https:// "
                 "(http:// seulement vers 127.0.0.1 ou localhost, pour des essais)",
                 "base URL refused ({1}): a public issuer must use https:// (http:// only "
                 "towards 127.0.0.1 or localhost, for testing)"},
    MessageEntry{"issuance.key_mismatch",
                 "le fichier de clé {1} ne contient pas la clé {2} enregistrée dans le "
                 "magasin : rien n'est modifié",
                 "the key file {1} does not hold the key {2} recorded in the store: nothing "
                 "is changed"},
    MessageEntry{"issuance.key_missing",
                 "le magasin référence la clé {2}, mais son fichier {1} est absent : "
                 "restaurez-le depuis une sauvegarde (aucune nouvelle clé n'est créée, elle "
                 "invaliderait les badges déjà émis)",
                 "the store names the key {2}, but its file {1} is missing: restore it from "
                 "a backup (no new key is created: it would invalidate the badges issued)"},
    MessageEntry{"issuance.key_mode",
                 "le fichier de clé {1} a le mode {2} : d'autres utilisateurs peuvent le "
                 "lire ; la clé n'est pas utilisée (chmod 600 {1})",
                 "the key file {1} has mode {2}: other users can read it; the key is not "
                 "used (chmod 600 {1})"},
    MessageEntry{"issuance.key_not_file",
                 "{1} n'est pas un fichier ordinaire (lien symbolique ou dossier) : la clé "
                 "n'est pas utilisée",
                 "{1} is not a regular file (symbolic link or directory): the key is not "
                 "used"},
    MessageEntry{"issuance.key_unreadable", "le fichier de clé {1} est inutilisable : {2}",
                 "the key file {1} cannot be used: {2}"},
    MessageEntry{"issuance.no_result",
                 "l'évaluation {1} ne donne aucun résultat (participant absent ?) : rien à "
                 "enregistrer",
                 "the evaluation {1} gives no result (participant absent?): nothing to "
                 "record"},
    MessageEntry{"issuance.not_a_directory", "{1} existe et n'est pas un dossier",
                 "{1} exists and is not a directory"},
    MessageEntry{"issuance.not_found", "{1} inconnu(e) : {2}", "unknown {1}: {2}"},
    MessageEntry{"issuance.not_initialised",
                 "le dossier {1} n'est pas un dossier d'émetteur Ecusson : lancez d'abord "
                 "ecusson init --dir {1}",
                 "the directory {1} is not an Ecusson issuer directory: run ecusson init "
                 "--dir {1} first"},
    MessageEntry{"issuance.several_issuers",
                 "le magasin {1} contient plusieurs émetteurs : init n'en gère qu'un",
                 "the store {1} holds several issuers: init handles only one"},
    MessageEntry{"issuance.sign", "signature impossible de {1} : {2}",
                 "cannot sign {1}: {2}"},
    MessageEntry{"issuance.status_conflict", "statut du badge {1} inchangé : {2}",
                 "status of the credential {1} unchanged: {2}"},
    MessageEntry{"issuance.store", "magasin {1} : {2}", "store {1}: {2}"},
    MessageEntry{"issuance.suspension_unsupported",
                 "le badge {1} ne peut pas être suspendu : un badge Open Badges 3.0 porte une "
                 "seule entrée de statut, celle de la révocation (définitive) ; révoquez-le "
                 "et émettez-en un nouveau si besoin",
                 "the credential {1} cannot be suspended: an Open Badges 3.0 credential "
                 "carries a single status entry, for revocation (final); revoke it and issue "
                 "a new one if needed"},
    MessageEntry{"issuance.unknown_participant",
                 "le participant {1} (évaluation {2}) n'est pas dans le magasin : importez-le "
                 "d'abord (ecusson participants import personnes.csv)",
                 "the participant {1} (evaluation {2}) is not in the store: import them "
                 "first (ecusson participants import people.csv)"},
    MessageEntry{"issuance.write", "impossible d'écrire {1} : {2}", "cannot write {1}: {2}"},
};

}  // namespace

std::span<const MessageEntry> message_catalogue() { return kCatalogue; }

std::string message(std::string_view code, Lang lang,
                    std::initializer_list<std::string_view> args) {
  return format_message(kCatalogue, code, lang, args);
}

Error make_error(std::string_view code, std::string where, Lang lang,
                 std::initializer_list<std::string_view> args) {
  return Error(std::string(code), message(code, lang, args), std::move(where));
}

}  // namespace ecusson::issuance
