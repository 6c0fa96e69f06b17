// The one place where store codes get their French and English texts.
#include "ecusson/store/messages.h"

#include <algorithm>
#include <array>

namespace ecusson::store {
namespace {

// Keep sorted by code (binary search; checked by tests/store/messages_test.cc).
constexpr std::array kCatalogue = {
    MessageEntry{"store.busy",
                 "la base de données {1} est occupée par un autre processus plus longtemps que le délai d'attente : réessayez",
                 "the database {1} is busy with another process for longer than the timeout: try again"},
    MessageEntry{"store.conflict",
                 "opération impossible dans l'état actuel : {1}",
                 "operation not possible in the current state: {1}"},
    MessageEntry{"store.constraint",
                 "écriture refusée par une règle de la base de données (doublon, référence inconnue ou valeur interdite) : {1}",
                 "write refused by a database rule (duplicate, unknown reference or forbidden value): {1}"},
    MessageEntry{"store.corrupt",
                 "la base de données {1} est endommagée ({2}) : restaurez une sauvegarde",
                 "the database {1} is corrupt ({2}): restore a backup"},
    MessageEntry{"store.full",
                 "le disque est plein ou la taille de fichier maximale est atteinte : impossible d'écrire dans {1}",
                 "the disk is full or the file size limit is reached: cannot write to {1}"},
    MessageEntry{"store.internal",
                 "erreur inattendue de la base de données : {1}",
                 "unexpected database error: {1}"},
    MessageEntry{"store.invalid",
                 "valeur refusée : {1}",
                 "value refused: {1}"},
    MessageEntry{"store.io",
                 "erreur d'entrée-sortie sur la base de données {1} : {2}",
                 "input/output error on the database {1}: {2}"},
    MessageEntry{"store.not_found",
                 "{1} introuvable : {2}",
                 "{1} not found: {2}"},
    MessageEntry{"store.open",
                 "impossible d'ouvrir la base de données {1} : {2}",
                 "cannot open the database {1}: {2}"},
    MessageEntry{"store.readonly",
                 "la base de données {1} est en lecture seule : aucune écriture possible",
                 "the database {1} is read-only: nothing can be written"},
    MessageEntry{"store.schema_changed",
                 "la migration {2} enregistrée dans {1} diffère de celle de ce programme : une migration livrée a été modifiée, la base n'est pas ouverte",
                 "migration {2} recorded in {1} differs from this program's: a shipped migration was edited, the database is not opened"},
    MessageEntry{"store.schema_too_new",
                 "la base de données {1} est au schéma version {2}, plus récent que ce programme (version {3}) : mettez Ecusson à jour",
                 "the database {1} has schema version {2}, newer than this program (version {3}): upgrade Ecusson"},
    MessageEntry{"store.status_list_full",
                 "la liste de statut {1} est pleine ({2} entrées attribuées) : créez-en une nouvelle",
                 "the status list {1} is full ({2} entries given): create a new one"},
};

}  // namespace

std::span<const MessageEntry> message_catalogue() { return kCatalogue; }

std::string message(std::string_view code, Lang lang,
                    std::initializer_list<std::string_view> args) {
  return format_message(kCatalogue, code, lang, args);
}

Error make_error(std::string_view code, std::string where,
                 std::initializer_list<std::string_view> args) {
  return Error(std::string(code), message(code, Lang::fr, args), std::move(where));
}

}  // namespace ecusson::store
