// From a scored evaluation to awarded badges: see ecusson/issuance/workflow.h.
#include "ecusson/issuance/workflow.h"

#include <chrono>

#include <boost/json.hpp>

#include "ecusson/common/datetime.h"
#include "ecusson/issuance/messages.h"

namespace ecusson::issuance {
namespace {

namespace json = boost::json;
using assessment::CompetenceStatus;

std::string now_utc() {
  auto s = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return format_datetime(s.count());
}

Error store_err(const Issuer& issuer, const Error& e, Lang lang) {
  return store_failure(issuer, e, lang);
}

// Why a competence with this stored status gives no badge, in plain words.
std::string status_reason(std::string_view status, Lang lang) {
  if (status == "in-progress")
    return std::string(tr(lang, "niveau 1 en cours d'acquisition : aucun niveau n'est encore atteint",
                          "level 1 in progress: no level is attained yet"));
  if (status == "insufficient-evidence")
    return std::string(tr(lang, "observations insuffisantes pour conclure (ce n'est pas un échec)",
                          "not enough observations to conclude (not a failure)"));
  if (status == "not-demonstrated")
    return std::string(tr(lang, "le niveau 1 n'a pas été démontré", "level 1 was not demonstrated"));
  if (status == "divergent-held")
    return std::string(tr(lang, "évaluateurs en désaccord : un arbitrage est attendu",
                          "evaluators disagree: an arbitration is expected"));
  return std::string(tr(lang, "aucun niveau atteint", "no level attained"));
}

}  // namespace

std::string_view to_string(AwardDecision::Kind k) {
  switch (k) {
    case AwardDecision::Kind::issued: return "issued";
    case AwardDecision::Kind::already_issued: return "already_issued";
    case AwardDecision::Kind::refused: return "refused";
  }
  return "?";
}

Result<RecordedEvaluation> record_evaluation(store::Store& store, const Issuer& issuer,
                                             const assessment::AssessmentResult& result,
                                             const std::string& actor, Lang lang) {
  if (result.no_result)
    return make_error("issuance.no_result", result.source_file, lang, {result.evaluation_id});
  auto participant = store.get_participant(result.participant_ref);
  if (!participant) {
    if (participant.error().code == "store.not_found")
      return make_error("issuance.unknown_participant", result.source_file, lang,
                        {result.participant_ref, result.evaluation_id});
    return store_err(issuer, participant.error(), lang);
  }
  RecordedEvaluation out;
  auto existing = store.get_evaluation(result.evaluation_id);
  if (existing) {
    if (existing->file_digest != result.input_digest)
      return make_error("issuance.evaluation_changed", result.source_file, lang,
                        {result.evaluation_id, existing->recorded_at});
    out.evaluation = *existing;
    auto results = store.list_results(result.evaluation_id);
    if (!results) return store_err(issuer, results.error(), lang);
    out.results = std::move(*results);
    return out;
  }
  if (existing.error().code != "store.not_found") return store_err(issuer, existing.error(), lang);

  out.evaluation = {.id = result.evaluation_id,
                    .participant_ref = result.participant_ref,
                    .grid_id = result.grid_id,
                    .grid_version = result.grid_version,
                    .phase = std::string(assessment::to_string(result.phase)),
                    .file_digest = result.input_digest,
                    .recorded_at = now_utc()};
  json::object proposals;
  for (const auto& c : result.competences) {
    store::CompetenceResult r{.evaluation_id = result.evaluation_id,
                              .competence_id = c.competence,
                              .proposed_level = std::nullopt,
                              .status = std::string(assessment::to_string(c.status))};
    if (c.status == CompetenceStatus::attained && c.level >= 1) r.proposed_level = c.level;
    proposals[c.competence] = r.proposed_level ? json::value(*r.proposed_level) : json::value(nullptr);
    out.results.push_back(std::move(r));
  }
  auto tx = store.transact([&](store::Store& s) -> Result<void> {
    if (auto a = s.add_evaluation(out.evaluation, out.results); !a) return a.error();
    auto a = s.append_audit({.at = out.evaluation.recorded_at,
                             .actor = actor,
                             .action = "evaluation.record",
                             .subject = "evaluation:" + result.evaluation_id,
                             .detail = json::serialize(json::object{
                                 {"digest", result.input_digest},
                                 {"grid", result.grid_id + "@" + result.grid_version},
                                 {"proposed", proposals}})});
    if (!a) return a.error();
    return {};
  });
  if (!tx) return store_err(issuer, tx.error(), lang);
  out.created = true;
  return out;
}

Result<std::vector<ValidationOutcome>> validate_evaluation(store::Store& store,
                                                           const Issuer& issuer,
                                                           const std::string& evaluation_id,
                                                           const ValidateOptions& options,
                                                           Lang lang) {
  if (options.by.find_first_not_of(" \t") == std::string::npos)
    return make_error("issuance.bad_option", "--by", lang,
                      {"by", tr(lang, "le nom de la personne qui valide est obligatoire",
                                "the name of the person who validates is required")});
  auto evaluation = store.get_evaluation(evaluation_id);
  if (!evaluation) {
    if (evaluation.error().code == "store.not_found")
      return make_error("issuance.not_found", evaluation_id, lang,
                        {std::string(tr(lang, "évaluation", "evaluation")), evaluation_id});
    return store_err(issuer, evaluation.error(), lang);
  }
  auto results = store.list_results(evaluation_id);
  if (!results) return store_err(issuer, results.error(), lang);
  // Every --level is checked before anything is written.
  for (const auto& [competence, level] : options.levels) {
    const store::CompetenceResult* found = nullptr;
    for (const auto& r : *results)
      if (r.competence_id == competence) found = &r;
    std::string why;
    if (!found) why = std::string(tr(lang, "compétence absente de l'évaluation",
                                     "competence not in the evaluation"));
    else if (!found->proposed_level)
      why = std::string(tr(lang, "aucun niveau proposé à valider (", "no proposed level to validate (")) +
            status_reason(found->status, lang) + ")";
    else if (level < 1 || level > *found->proposed_level)
      why = std::string(tr(lang, "le niveau validé doit être entre 1 et le niveau proposé (",
                           "the validated level must be between 1 and the proposed level (")) +
            std::to_string(*found->proposed_level) + ")";
    if (!why.empty())
      return make_error("issuance.bad_option", "--level " + competence, lang,
                        {"level " + competence + "=" + std::to_string(level), why});
  }
  const std::string at = options.at.empty() ? now_utc() : options.at;
  std::vector<ValidationOutcome> outcomes;
  auto tx = store.transact([&](store::Store& s) -> Result<void> {
    outcomes.clear();
    for (const auto& r : *results) {
      ValidationOutcome o;
      o.competence_id = r.competence_id;
      o.proposed = r.proposed_level;
      if (!r.proposed_level) {
        o.decision = "none";
        o.note = status_reason(r.status, lang);
        outcomes.push_back(std::move(o));
        continue;
      }
      auto it = options.levels.find(r.competence_id);
      const int level = it == options.levels.end() ? *r.proposed_level : it->second;
      const auto decision =
          level < *r.proposed_level ? store::Decision::lower : store::Decision::confirm;
      auto current = s.current_validation(evaluation_id, r.competence_id);
      if (!current) return current.error();
      if (*current && (*current)->level == level && (*current)->decision == decision) {
        o.validated = level;
        o.decision = "unchanged";
        outcomes.push_back(std::move(o));
        continue;
      }
      store::Validation v{.evaluation_id = evaluation_id,
                          .competence_id = r.competence_id,
                          .by = options.by,
                          .at = at,
                          .decision = decision,
                          .level = level,
                          .comment = options.comment};
      if (auto w = s.record_validation(v); !w) return w.error();
      json::object detail{{"competence", r.competence_id},
                          {"proposed", *r.proposed_level},
                          {"validated", level}};
      if (*current) detail["previous"] = (*current)->level;
      if (!options.comment.empty()) detail["comment"] = options.comment;
      auto a = s.append_audit({.at = at,
                               .actor = options.by,
                               .action = std::string("validation.") +
                                         std::string(store::to_string(decision)),
                               .subject = "evaluation:" + evaluation_id + "/" + r.competence_id,
                               .detail = json::serialize(detail)});
      if (!a) return a.error();
      o.validated = level;
      o.decision = std::string(store::to_string(decision));
      outcomes.push_back(std::move(o));
    }
    return {};
  });
  if (!tx) return store_err(issuer, tx.error(), lang);
  return outcomes;
}

Result<store::Consent> record_consent(store::Store& store, const Issuer& issuer,
                                      const std::string& participant_ref,
                                      store::ConsentState state, const std::string& how,
                                      const std::string& actor, Lang lang) {
  auto p = store.get_participant(participant_ref);
  if (!p) {
    if (p.error().code == "store.not_found")
      return make_error("issuance.not_found", participant_ref, lang,
                        {std::string(tr(lang, "participant", "participant")), participant_ref});
    return store_err(issuer, p.error(), lang);
  }
  store::Consent c{.participant_ref = participant_ref,
                   .state = state,
                   .at = now_utc(),
                   .how = how,
                   .recorded_by = actor};
  auto tx = store.transact([&](store::Store& s) -> Result<void> {
    if (auto r = s.record_consent(c); !r) return r.error();
    auto a = s.append_audit({.at = c.at,
                             .actor = actor,
                             .action = std::string("consent.") + std::string(store::to_string(state)),
                             .subject = "participant:" + participant_ref,
                             .detail = json::serialize(json::object{{"how", how}})});
    if (!a) return a.error();
    return {};
  });
  if (!tx) return store_err(issuer, tx.error(), lang);
  return c;
}

std::string evidence_narrative(const assessment::Grid& grid,
                               const assessment::CompetenceResult& result, int level, Lang lang) {
  const assessment::Competence* competence = grid.find_competence(result.competence);
  const assessment::Level* l = competence ? competence->find_level(level) : nullptr;
  if (!l) return {};
  std::string out(tr(lang, "Observé en situation de travail :", "Observed at work:"));
  int count = 0;
  for (const auto& indicator : l->indicators)
    for (const auto& outcome : result.indicators)
      if (outcome.id == indicator.id && outcome.met) {
        out += "\n- ";
        out += grid.indicator_label(indicator);
        ++count;
      }
  if (count == 0) return {};
  return out;
}

Result<std::vector<AwardDecision>> award_evaluation(store::Store& store, const Issuer& issuer,
                                                    const assessment::Grid& grid,
                                                    const assessment::AssessmentResult& result,
                                                    const AwardOptions& options, Lang lang) {
  using Kind = AwardDecision::Kind;
  auto evaluation = store.get_evaluation(result.evaluation_id);
  if (!evaluation) {
    if (evaluation.error().code == "store.not_found")
      return make_error("issuance.not_found", result.evaluation_id, lang,
                        {std::string(tr(lang, "évaluation", "evaluation")), result.evaluation_id});
    return store_err(issuer, evaluation.error(), lang);
  }
  if (evaluation->file_digest != result.input_digest)
    return make_error("issuance.evaluation_changed", result.source_file, lang,
                      {result.evaluation_id, evaluation->recorded_at});
  auto synced = sync_catalogue(store, grid, {.base_url = issuer.base.url, .lang = lang});
  if (!synced) return synced.error();
  auto participant = store.get_participant(evaluation->participant_ref);
  if (!participant) return store_err(issuer, participant.error(), lang);
  auto consent = store.current_consent(evaluation->participant_ref);
  if (!consent) return store_err(issuer, consent.error(), lang);
  auto stored = store.list_results(result.evaluation_id);
  if (!stored) return store_err(issuer, stored.error(), lang);

  std::string person_refusal, person_code;
  if (!*consent) {
    person_code = "no_consent";
    person_refusal = std::string(tr(lang, "consentement du participant non recueilli (ecusson consent ",
                                    "the participant's consent is not recorded (ecusson consent ")) +
                     evaluation->participant_ref + " --given)";
  } else if ((*consent)->state == store::ConsentState::withdrawn) {
    person_code = "consent_withdrawn";
    person_refusal = std::string(tr(lang, "consentement retiré le ", "consent withdrawn on ")) +
                     (*consent)->at;
  } else if (participant->email.empty() && !participant->did) {
    person_code = "no_recipient";
    person_refusal = std::string(tr(lang, "ni e-mail ni DID connu pour le participant",
                                    "no e-mail and no DID known for the participant"));
  }

  std::vector<AwardDecision> decisions;
  for (const auto& r : *stored) {
    auto refuse = [&](int level, std::string code, std::string reason) {
      AwardDecision d;
      d.competence_id = r.competence_id;
      d.level = level;
      d.kind = Kind::refused;
      d.reason = std::move(reason);
      d.reason_code = std::move(code);
      decisions.push_back(std::move(d));
    };
    if (r.status != "attained" || !r.proposed_level) {
      refuse(0, "status", status_reason(r.status, lang));
      continue;
    }
    auto validation = store.current_validation(result.evaluation_id, r.competence_id);
    if (!validation) return store_err(issuer, validation.error(), lang);
    if (!*validation) {
      refuse(*r.proposed_level, "not_validated",
             std::string(tr(lang, "niveau proposé non validé (ecusson validate ",
                            "proposed level not validated (ecusson validate ")) +
                 result.evaluation_id + " --by NOM)");
      continue;
    }
    const int validated = (*validation)->level;
    if (!person_refusal.empty()) {
      refuse(validated, person_code, person_refusal);
      continue;
    }
    const assessment::CompetenceResult* scored = result.find(r.competence_id);
    for (int level : levels_to_award(validated, options.policy)) {
      auto achievement = store.find_achievement(evaluation->grid_id, evaluation->grid_version,
                                                r.competence_id, level);
      if (!achievement) return store_err(issuer, achievement.error(), lang);
      if (!*achievement) {
        refuse(level, "no_achievement",
               std::string(tr(lang, "niveau absent du catalogue de la grille",
                              "level missing from the grid's catalogue")));
        continue;
      }
      AwardRequest request;
      request.participant_ref = participant->ref;
      request.recipient_email = participant->email;
      request.recipient_did = participant->did;
      request.achievement = **achievement;
      request.evaluation_id = result.evaluation_id;
      request.idempotency_key =
          store::award_key(participant->ref, (*achievement)->id, result.evaluation_id);
      if (scored) request.narrative = evidence_narrative(grid, *scored, level, lang);
      request.valid_until = options.valid_until;
      auto awarded = award(store, issuer, std::move(request), options.actor, lang);
      if (!awarded) return awarded.error();
      AwardDecision d;
      d.competence_id = r.competence_id;
      d.level = level;
      d.kind = awarded->created ? Kind::issued : Kind::already_issued;
      d.credential = awarded->credential;
      decisions.push_back(std::move(d));
    }
  }
  return decisions;
}

}  // namespace ecusson::issuance
