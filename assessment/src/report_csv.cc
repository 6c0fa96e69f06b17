#include "ecusson/assessment/report_csv.h"

#include "ecusson/assessment/explain.h"
#include "report_common.h"

namespace ecusson::assessment {


std::string cohort_to_csv(const Cohort& cohort, const CsvOptions& options, Lang lang) {
  CsvWriter w(options);
  const char* headers_fr[] = {
      "Grille", "Participant", "Évaluation d'entrée", "Évaluation finale", "Phase finale",
      "Heures prévues", "Heures manquées",
      "Domaine", "Code compétence", "Compétence", "Statut à l'entrée", "Niveau à l'entrée",
      "Statut final", "Niveau final", "Progression", "Remarque sur la progression",
      "Confiance", "Indicateurs observés", "Indicateurs démontrés",
      "Indicateurs divergents", "Évaluateurs", "Plafonné", "À revoir"};
  const char* headers_en[] = {
      "Grid", "Participant", "Entry evaluation", "Final evaluation", "Final phase",
      "Hours planned", "Hours missed",
      "Domain", "Competence code", "Competence", "Entry status", "Entry level",
      "Final status", "Final level", "Progression", "Progression note",
      "Confidence", "Indicators observed", "Indicators met",
      "Indicators divergent", "Evaluators", "Capped", "To review"};
  for (const char* h : lang == Lang::en ? headers_en : headers_fr) w.text(h);
  w.end_row();
  std::string_view yes = tr(lang, "oui", "yes"), no = tr(lang, "non", "no");

  for (const CohortGroup& g : cohort.groups) {
    for (const ParticipantRecord& p : g.participants) {
      const AssessmentResult* entry = p.entry ? &*p.entry : nullptr;
      const AssessmentResult* later = p.later ? &*p.later : nullptr;
      for (const Domain& d : g.grid.domains) {
        for (const Competence& comp : d.competences) {
          const CompetenceResult* ce = entry ? entry->find(comp.id) : nullptr;
          const CompetenceResult* cl = later ? later->find(comp.id) : nullptr;
          // The basis shown is the final one when there is a later evaluation.
          const CompetenceResult* shown = cl ? cl : ce;
          w.text(g.grid.key()).text(p.participant);
          if (entry) w.text(entry->evaluation_id); else w.empty();
          if (later) w.text(later->evaluation_id); else w.empty();
          if (later) w.text(detail::phase_label(later->phase, lang)); else w.empty();
          const AssessmentResult* current = later ? later : entry;
          const Placement* placement =
              current && current->placement ? &*current->placement : nullptr;
          if (placement && placement->hours_planned) {
            w.decimal(placement->hours_planned->to_decimal(1));
          } else {
            w.empty();
          }
          if (placement && placement->hours_missed) {
            w.decimal(placement->hours_missed->to_decimal(1));
          } else {
            w.empty();
          }
          w.text(d.label.empty() ? d.id : d.label).text(comp.id).text(comp.label);
          for (const CompetenceResult* c : {ce, cl}) {
            if (c == nullptr) {
              w.empty().empty();
              continue;
            }
            w.text(status_label(c->status, lang));
            if (detail::level_established(*c)) w.integer(c->level); else w.empty();
          }
          if (current && current->no_result) {
            w.empty().text(tr(lang, "immersion non effectuée : aucun niveau proposé",
                              "placement did not take place: no level proposed"));
          } else if (cl && cl->progression && cl->progression->comparable) {
            w.integer(cl->progression->delta).empty();
          } else if (cl && cl->progression) {
            w.empty().text(detail::progression_reason_label(cl->progression->reason, lang));
          } else if (later && entry == nullptr) {
            w.empty().text(tr(lang, "pas d'évaluation d'entrée", "no entry evaluation"));
          } else if (entry && later == nullptr) {
            w.empty().text(tr(lang, "pas encore d'évaluation finale", "no final evaluation yet"));
          } else {
            w.empty().empty();
          }
          if (shown) {
            w.decimal(shown->confidence.to_decimal(2))
                .integer(shown->basis.observed)
                .integer(shown->basis.met)
                .integer(shown->basis.divergent)
                .text(detail::evaluators_text(*shown, lang))
                .text(shown->capped ? yes : no)
                .text(shown->inconsistent || shown->status == CompetenceStatus::divergent_held
                          ? yes
                          : no);
          } else {
            for (int i = 0; i < 7; ++i) w.empty();
          }
          w.end_row();
        }
      }
    }
  }
  return w.str();
}

}  // namespace ecusson::assessment
