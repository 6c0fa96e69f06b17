// Participants, consents, evaluations, results and validations in the SQLite store.
#include "sqlite_store_impl.h"

namespace ecusson::store::detail {
namespace {

constexpr std::string_view kParticipantColumns =
    "ref, given_name, family_name, coalesce(email, ''), did, created_at";

Participant read_participant(const Statement& st) {
  return {st.text(0), st.text(1), st.text(2), st.text(3), st.optional_text(4), st.text(5)};
}

std::optional<std::string> null_if_empty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

Consent read_consent(const Statement& st) {
  return {st.text(0), st.text(1) == "withdrawn" ? ConsentState::withdrawn : ConsentState::given,
          st.text(2), st.text(3), st.text(4)};
}
constexpr std::string_view kConsentColumns = "participant_ref, state, at, how, recorded_by";

constexpr std::string_view kEvaluationColumns =
    "id, participant_ref, grid_id, grid_version, phase, file_digest, recorded_at";
Evaluation read_evaluation(const Statement& st) {
  return {st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)};
}

constexpr std::string_view kValidationColumns =
    "evaluation_id, competence_id, by, at, decision, level, comment";
Validation read_validation(const Statement& st) {
  return {st.text(0),
          st.text(1),
          st.text(2),
          st.text(3),
          st.text(4) == "lower" ? Decision::lower : Decision::confirm,
          static_cast<int>(st.integer(5)),
          st.text(6)};
}

template <class T, class Read>
Result<std::vector<T>> collect(Statement& st, Read read) {
  std::vector<T> out;
  for (;;) {
    auto row = st.step();
    if (!row) return row.error();
    if (!*row) return out;
    out.push_back(read(st));
  }
}

}  // namespace

// --- Participants ---------------------------------------------------------------------------

Result<void> SqliteStore::add_participant(const Participant& p) {
  return write([&]() -> Result<void> {
    ECUSSON_STORE_ASSIGN(st, db_.prepare("INSERT INTO participants (ref, given_name, family_name,"
                                         " email, did, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    st.bind(1, p.ref).bind(2, p.given_name).bind(3, p.family_name).bind(4, null_if_empty(p.email));
    st.bind(5, p.did).bind(6, p.created_at);
    return st.run();
  });
}

Result<void> SqliteStore::update_participant(const Participant& p) {
  return write([&]() -> Result<void> {
    ECUSSON_STORE_ASSIGN(st, db_.prepare("UPDATE participants SET given_name = ?2,"
                                         " family_name = ?3, email = ?4, did = ?5 WHERE ref = ?1"));
    st.bind(1, p.ref).bind(2, p.given_name).bind(3, p.family_name).bind(4, null_if_empty(p.email));
    st.bind(5, p.did);
    ECUSSON_STORE_CHECK(st.run());
    if (db_.changes() == 0) return not_found("participant", p.ref);
    return {};
  });
}

Result<Participant> SqliteStore::get_participant(const std::string& ref) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kParticipantColumns) +
                                       " FROM participants WHERE ref = ?1"));
  st.bind(1, ref);
  ECUSSON_STORE_ASSIGN(row, st.step());
  if (!row) return not_found("participant", ref);
  return read_participant(st);
}

Result<std::optional<Participant>> SqliteStore::find_participant_by_email(
    const std::string& email) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kParticipantColumns) +
                                       " FROM participants WHERE email = ?1 COLLATE NOCASE"));
  st.bind(1, email);
  ECUSSON_STORE_ASSIGN(row, st.step());
  if (!row || email.empty()) return std::optional<Participant>();
  return std::optional<Participant>(read_participant(st));
}

Result<std::vector<Participant>> SqliteStore::list_participants() {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kParticipantColumns) +
                                       " FROM participants ORDER BY ref"));
  return collect<Participant>(st, read_participant);
}

// --- Consents ---------------------------------------------------------------------------------

Result<void> SqliteStore::record_consent(const Consent& c) {
  return write([&]() -> Result<void> {
    ECUSSON_STORE_ASSIGN(st, db_.prepare("INSERT INTO consents (" + std::string(kConsentColumns) +
                                         ") VALUES (?1, ?2, ?3, ?4, ?5)"));
    st.bind(1, c.participant_ref).bind(2, to_string(c.state)).bind(3, c.at).bind(4, c.how);
    st.bind(5, c.recorded_by);
    return st.run();
  });
}

Result<std::optional<Consent>> SqliteStore::current_consent(const std::string& participant_ref) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kConsentColumns) +
                                       " FROM consents WHERE participant_ref = ?1"
                                       " ORDER BY at DESC, seq DESC LIMIT 1"));
  st.bind(1, participant_ref);
  ECUSSON_STORE_ASSIGN(row, st.step());
  if (!row) return std::optional<Consent>();
  return std::optional<Consent>(read_consent(st));
}

Result<std::vector<Consent>> SqliteStore::consent_history(const std::string& participant_ref) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kConsentColumns) +
                                       " FROM consents WHERE participant_ref = ?1"
                                       " ORDER BY at, seq"));
  st.bind(1, participant_ref);
  return collect<Consent>(st, read_consent);
}

// --- Evaluations and results -----------------------------------------------------------------

Result<void> SqliteStore::add_evaluation(const Evaluation& e,
                                         const std::vector<CompetenceResult>& results) {
  return write([&]() -> Result<void> {
    ECUSSON_STORE_ASSIGN(st, db_.prepare("INSERT INTO evaluations (" +
                                         std::string(kEvaluationColumns) +
                                         ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    st.bind(1, e.id).bind(2, e.participant_ref).bind(3, e.grid_id).bind(4, e.grid_version);
    st.bind(5, e.phase).bind(6, e.file_digest).bind(7, e.recorded_at);
    ECUSSON_STORE_CHECK(st.run());
    ECUSSON_STORE_ASSIGN(ins, db_.prepare("INSERT INTO results (evaluation_id, competence_id,"
                                          " proposed_level, status) VALUES (?1, ?2, ?3, ?4)"));
    for (const CompetenceResult& r : results) {
      if (!r.evaluation_id.empty() && r.evaluation_id != e.id)
        return store_error("store.invalid", db_.path(),
                           {"le résultat " + r.competence_id + " appartient à l'évaluation " +
                            r.evaluation_id + ", pas à " + e.id});
      ins.bind(1, e.id).bind(2, r.competence_id).bind(3, r.proposed_level).bind(4, r.status);
      ECUSSON_STORE_CHECK(ins.run());
      ECUSSON_STORE_CHECK(ins.reset());
    }
    return {};
  });
}

Result<Evaluation> SqliteStore::get_evaluation(const std::string& id) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kEvaluationColumns) +
                                       " FROM evaluations WHERE id = ?1"));
  st.bind(1, id);
  ECUSSON_STORE_ASSIGN(row, st.step());
  if (!row) return not_found("évaluation", id);
  return read_evaluation(st);
}

Result<std::vector<Evaluation>> SqliteStore::list_evaluations(const std::string& participant_ref) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kEvaluationColumns) +
                                       " FROM evaluations WHERE participant_ref = ?1"
                                       " ORDER BY recorded_at, id"));
  st.bind(1, participant_ref);
  return collect<Evaluation>(st, read_evaluation);
}

Result<std::vector<CompetenceResult>> SqliteStore::list_results(const std::string& evaluation_id) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT evaluation_id, competence_id, proposed_level,"
                                       " status FROM results WHERE evaluation_id = ?1"
                                       " ORDER BY competence_id"));
  st.bind(1, evaluation_id);
  return collect<CompetenceResult>(st, [](const Statement& s) {
    return CompetenceResult{s.text(0), s.text(1), s.optional_int(2), s.text(3)};
  });
}

// --- Validations -------------------------------------------------------------------------------

Result<void> SqliteStore::record_validation(const Validation& v) {
  return write([&]() -> Result<void> {
    ECUSSON_STORE_ASSIGN(q, db_.prepare("SELECT proposed_level FROM results"
                                        " WHERE evaluation_id = ?1 AND competence_id = ?2"));
    q.bind(1, v.evaluation_id).bind(2, v.competence_id);
    ECUSSON_STORE_ASSIGN(row, q.step());
    if (!row) return not_found("résultat", v.evaluation_id + "/" + v.competence_id);
    std::optional<int> proposed = q.optional_int(0);
    const std::string what = v.evaluation_id + "/" + v.competence_id;
    if (!proposed)
      return store_error("store.invalid", db_.path(),
                         {"aucun niveau proposé pour " + what + " : rien à valider"});
    if (v.level < 1)
      return store_error("store.invalid", db_.path(),
                         {"niveau validé " + std::to_string(v.level) + " pour " + what});
    if (v.decision == Decision::confirm && v.level != *proposed)
      return store_error("store.invalid", db_.path(),
                         {"confirmer " + what + " valide le niveau proposé " +
                          std::to_string(*proposed) + ", pas " + std::to_string(v.level)});
    if (v.decision == Decision::lower && v.level >= *proposed)
      return store_error("store.invalid", db_.path(),
                         {"abaisser " + what + " demande un niveau inférieur à " +
                          std::to_string(*proposed) + " (reçu " + std::to_string(v.level) + ")"});
    ECUSSON_STORE_ASSIGN(st, db_.prepare("INSERT INTO validations (" +
                                         std::string(kValidationColumns) +
                                         ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    st.bind(1, v.evaluation_id).bind(2, v.competence_id).bind(3, v.by).bind(4, v.at);
    st.bind(5, to_string(v.decision)).bind(6, v.level).bind(7, v.comment);
    return st.run();
  });
}

Result<std::optional<Validation>> SqliteStore::current_validation(
    const std::string& evaluation_id, const std::string& competence_id) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kValidationColumns) +
                                       " FROM validations WHERE evaluation_id = ?1 AND"
                                       " competence_id = ?2 ORDER BY at DESC, seq DESC LIMIT 1"));
  st.bind(1, evaluation_id).bind(2, competence_id);
  ECUSSON_STORE_ASSIGN(row, st.step());
  if (!row) return std::optional<Validation>();
  return std::optional<Validation>(read_validation(st));
}

Result<std::vector<Validation>> SqliteStore::list_validations(const std::string& evaluation_id) {
  ECUSSON_STORE_ASSIGN(st, db_.prepare("SELECT " + std::string(kValidationColumns) +
                                       " FROM validations WHERE evaluation_id = ?1"
                                       " ORDER BY at, seq"));
  st.bind(1, evaluation_id);
  return collect<Validation>(st, read_validation);
}

}  // namespace ecusson::store::detail
