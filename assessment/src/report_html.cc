#include "ecusson/assessment/report_html.h"

#include <filesystem>

#include "ecusson/assessment/attestation.h"
#include "ecusson/assessment/explain.h"
#include "ecusson/assessment/html_page.h"
#include "ecusson/assessment/radar_chart.h"
#include "report_common.h"

namespace ecusson::assessment {

namespace {

std::string esc(std::string_view s) { return escape_xml(s); }

std::string status_chip(CompetenceStatus s, Lang lang) {
  return "<span class=\"status status-" + std::string(to_string(s)) + "\">" +
         esc(status_label(s, lang)) + "</span>";
}

// A level is "known" unless the engine could not decide (insufficient evidence, held).
std::optional<double> chart_value(const CompetenceResult* c) {
  if (c == nullptr || !detail::level_established(*c)) return std::nullopt;
  return static_cast<double>(c->level);
}

std::string level_text(const CompetenceResult* c, Lang lang) {
  if (c == nullptr) return "—";
  if (!chart_value(c)) return "—";
  return std::to_string(c->level);
}

std::string progression_cell(const CompetenceResult* later, bool has_entry, Lang lang) {
  if (later == nullptr || !has_entry) return "<td class=\"num\"></td>";
  if (!later->progression) return "<td class=\"num\">—</td>";
  const Progression& p = *later->progression;
  if (!p.comparable) {
    return "<td class=\"num muted\" title=\"" +
           esc(detail::progression_reason_label(p.reason, lang)) + "\">" +
           esc(tr(lang, "non comparable", "not comparable")) + "</td>";
  }
  if (p.delta > 0) return "<td class=\"num up\">+" + std::to_string(p.delta) + "</td>";
  if (p.delta < 0) return "<td class=\"num down\">−" + std::to_string(-p.delta) + "</td>";
  return "<td class=\"num\">=</td>";
}

std::string placement_table(const Placement& p, Lang lang) {
  std::string out = "<table class=\"placement\">\n<tbody>\n";
  auto row = [&](std::string_view label, const std::string& value) {
    if (value.empty()) return;
    out += "<tr><th>" + esc(label) + "</th><td>" + value + "</td></tr>\n";
  };
  std::string host = esc(p.host.name);
  if (!p.host.siret.empty()) host += " <span class=\"muted\">(SIRET " + esc(p.host.siret) + ")</span>";
  row(tr(lang, "Structure d'accueil", "Host"), host);
  std::string job = esc(p.job.label);
  if (!p.job.rome.empty()) job += " <span class=\"muted\">(ROME " + esc(p.job.rome) + ")</span>";
  row(tr(lang, "Métier", "Job"), job);
  std::string dates;
  if (p.start.valid() && p.end.valid()) {
    dates = esc(tr(lang, "du ", "from ")) + esc(detail::display_date(p.start, lang)) +
            esc(tr(lang, " au ", " to ")) + esc(detail::display_date(p.end, lang));
  }
  row(tr(lang, "Période", "Period"), dates);
  row(tr(lang, "Objectif", "Objective"), esc(objective_label(p.objective, lang)));
  // "70 h", "3,5 h": no ",0" on whole hours.
  auto h = [](const Rational& r) {
    std::string t = r.to_decimal_fr(1);
    if (t.ends_with(",0")) t.resize(t.size() - 2);
    return t;
  };
  std::string hours;
  if (p.hours_planned) {
    hours = esc(h(*p.hours_planned)) + " h " + esc(tr(lang, "prévues", "planned"));
    if (p.hours_missed) {
      hours += ", " + esc(h(*p.hours_missed)) + " h " + esc(tr(lang, "manquées", "missed"));
    }
  }
  row(tr(lang, "Heures", "Hours"), hours);
  if (p.completion) {
    std::string_view c;
    switch (*p.completion) {
      case Completion::completed: c = tr(lang, "menée à son terme", "completed"); break;
      case Completion::partially_completed:
        c = tr(lang, "interrompue avant la fin", "partially completed");
        break;
      case Completion::did_not_show: c = tr(lang, "non effectuée", "did not show"); break;
    }
    row(tr(lang, "Déroulement", "Completion"), esc(c));
  }
  if (p.max_observable_level) {
    row(tr(lang, "Niveau maximal observable", "Highest observable level"),
        std::to_string(*p.max_observable_level));
  }
  row(tr(lang, "Tâches", "Tasks"), esc(p.tasks));
  out += "</tbody>\n</table>\n";
  return out;
}

std::string levels_table(const CompetenceResult& c, const Grid& grid, Lang lang) {
  const Competence* comp = grid.find_competence(c.competence);
  const LevelScale* scale = comp ? grid.level_scale_for(*comp) : nullptr;
  std::string out = "<table class=\"levels\">\n<thead><tr><th>" + esc(tr(lang, "Niveau", "Level")) +
                    "</th><th>" + esc(tr(lang, "Résultat", "Outcome")) + "</th><th class=\"num\">" +
                    esc(tr(lang, "Observés", "Observed")) + "</th><th class=\"num\">" +
                    esc(tr(lang, "Démontrés", "Met")) + "</th><th class=\"num\">" +
                    esc(tr(lang, "Avis divergents", "Divergent")) + "</th><th class=\"num\">" +
                    esc(tr(lang, "Part observée", "Coverage")) + "</th><th class=\"num\">" +
                    esc(tr(lang, "Part démontrée", "Met share")) + "</th></tr></thead>\n<tbody>\n";
  for (const LevelBasis& l : c.levels) {
    const LevelScale::Step* step = scale ? scale->find(l.n) : nullptr;
    std::string name = std::to_string(l.n);
    if (step && !step->label.empty()) name += " — " + esc(step->label);
    std::string outcome = esc(outcome_label(l.outcome, lang));
    if (l.above_cap) outcome += esc(tr(lang, " (au-delà du plafond)", " (above the cap)"));
    if (l.gap_filled) outcome += esc(tr(lang, " (déduit du niveau supérieur)", " (filled from a higher level)"));
    out += "<tr><td>" + name + "</td><td>" + outcome + "</td><td class=\"num\">" +
           std::to_string(l.observed) + " / " + std::to_string(l.indicators) +
           "</td><td class=\"num\">" + std::to_string(l.met) + "</td><td class=\"num\">" +
           std::to_string(l.divergent) + "</td><td class=\"num\">" +
           std::to_string(detail::percent(l.coverage)) + " %</td><td class=\"num\">" +
           (l.observed > 0 ? std::to_string(detail::percent(l.met_share)) + " %" : "—") +
           "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
  return out;
}

std::string participant_section(const ParticipantRecord& rec, const Grid& grid, Lang lang,
                                 std::string_view heading_tag) {
  const AssessmentResult* entry = rec.entry ? &*rec.entry : nullptr;
  const AssessmentResult* later = rec.later ? &*rec.later : nullptr;
  const AssessmentResult* current = rec.current();
  std::string out = "<section class=\"participant\" id=\"p-" + esc(rec.participant) + "\">\n";
  out += "<" + std::string(heading_tag) + ">" + esc(tr(lang, "Participant·e ", "Participant ")) +
         esc(rec.participant) + "</" + std::string(heading_tag) + ">\n";
  out += "<p class=\"meta\">" + esc(tr(lang, "Grille : ", "Grid: ")) + esc(grid.title) + " (" +
         esc(grid.id) + " " + esc(grid.version) + ")";
  auto eval_meta = [&](const AssessmentResult* r) {
    if (r == nullptr) return;
    out += " · " + esc(detail::phase_label(r->phase, lang)) + esc(tr(lang, " : ", ": ")) +
           esc(r->evaluation_id);
    // The evaluation's own date (its latest observation), not the placement's end: an
    // entry interview is usually held before the placement.
    if (Date d = evaluation_date(*r); d.valid()) {
      out += " (" + esc(detail::display_date(d, lang)) + ")";
    }
  };
  eval_meta(entry);
  eval_meta(later);
  out += "</p>\n";
  if (!rec.other_evaluations.empty()) {
    out += "<p class=\"meta\">" +
           esc(tr(lang, "Autres évaluations non utilisées ici : ",
                  "Other evaluations not used here: "));
    for (std::size_t i = 0; i < rec.other_evaluations.size(); ++i) {
      if (i) out += ", ";
      out += esc(rec.other_evaluations[i]);
    }
    out += "</p>\n";
  }
  if (current && current->placement) {
    out += "<h3>" + esc(tr(lang, "Immersion", "Placement")) + "</h3>\n";
    out += placement_table(*current->placement, lang);
  }
  // Flags and warnings of both evaluations: points of attention, never penalties.
  // Warnings are grouped per kind in one sentence each; their file positions go to the
  // technical details at the end of the section.
  std::vector<std::string> notes;
  std::string positions;
  for (const AssessmentResult* r : {entry, later}) {
    if (r == nullptr) continue;
    for (const std::string& f : r->flags) notes.push_back(esc(flag_label(f, lang)));
    std::vector<const Error*> warnings;
    for (const Error& e : r->warnings) warnings.push_back(&e);
    for (const detail::WarningGroup& g : detail::group_warnings(warnings, lang)) {
      notes.push_back(esc(detail::phase_label(r->phase, lang)) + esc(tr(lang, " : ", ": ")) +
                      esc(g.summary));
      for (const Error* e : g.items) {
        positions += "<li>" + esc(detail::short_where(e->where)) +
                     (e->where.empty() ? "" : " : ") + esc(e->message) + " <code>" +
                     esc(e->code) + "</code></li>\n";
      }
    }
  }
  if (!notes.empty()) {
    out += "<h3>" + esc(tr(lang, "Points d'attention", "Points of attention")) + "</h3>\n<ul>\n";
    for (const std::string& n : notes) out += "<li>" + n + "</li>\n";
    out += "</ul>\n";
  }
  if (current && current->no_result) {
    out += "<p class=\"proposal\">" +
           esc(tr(lang, "Immersion non effectuée : aucun niveau n'est proposé.",
                  "The placement did not take place: no level is proposed.")) +
           "</p>\n</section>\n";
    return out;
  }

  // Radar chart: one axis per competence of the grid, in grid order.
  RadarChart chart;
  chart.title = std::string(tr(lang, "Niveau par compétence", "Level per competence"));
  chart.missing_text = std::string(tr(lang, "non établi", "not established"));
  RadarSeries s_entry, s_later;
  if (entry) {
    s_entry.name = std::string(detail::phase_label(entry->phase, lang));
    s_entry.dashed = true;
    s_entry.color = "#8a94a6";
  }
  if (later) {
    s_later.name = std::string(detail::phase_label(later->phase, lang));
    s_later.color = "#0b6bcb";
  }
  for (const Domain& d : grid.domains) {
    for (const Competence& comp : d.competences) {
      const LevelScale* scale = grid.level_scale_for(comp);
      chart.axes.push_back({comp.label.empty() ? comp.id : comp.label,
                            scale ? scale->max_level() : 1});
      if (entry) s_entry.values.push_back(chart_value(entry->find(comp.id)));
      if (later) s_later.values.push_back(chart_value(later->find(comp.id)));
    }
  }
  if (entry) chart.series.push_back(std::move(s_entry));
  if (later) chart.series.push_back(std::move(s_later));
  out += "<h3>" + esc(tr(lang, "Niveaux proposés", "Proposed levels")) + "</h3>\n";
  out += "<div class=\"chart\">\n" + render_radar_svg(chart) + "</div>\n";
  out += "<p class=\"meta\">" +
         esc(tr(lang,
                "Trait plein : dernière évaluation ; pointillés : entrée. Cercle vide près du "
                "centre : niveau non établi (ce n'est pas un niveau 0).",
                "Solid line: latest evaluation; dashed: entry. Hollow circle near the centre: "
                "level not established (not a level 0).")) +
         "</p>\n";

  // Summary table.
  out += "<table class=\"summary\">\n<thead><tr><th>" + esc(tr(lang, "Domaine", "Domain")) +
         "</th><th>" + esc(tr(lang, "Compétence", "Competence")) + "</th>";
  if (entry) out += "<th class=\"num\">" + esc(detail::phase_label(entry->phase, lang)) + "</th>";
  if (later) out += "<th class=\"num\">" + esc(detail::phase_label(later->phase, lang)) + "</th>";
  if (entry && later) out += "<th class=\"num\">" + esc(tr(lang, "Progression", "Progression")) + "</th>";
  out += "<th>" + esc(tr(lang, "Statut", "Status")) + "</th><th class=\"num\">" +
         esc(tr(lang, "Fiabilité", "Reliability")) + "</th></tr></thead>\n<tbody>\n";
  for (const Domain& d : grid.domains) {
    for (const Competence& comp : d.competences) {
      const CompetenceResult* ce = entry ? entry->find(comp.id) : nullptr;
      const CompetenceResult* cl = later ? later->find(comp.id) : nullptr;
      const CompetenceResult* shown = cl ? cl : ce;
      out += "<tr><td>" + esc(d.label) + "</td><td><a href=\"#c-" + esc(rec.participant) + "-" +
             esc(comp.id) + "\">" + esc(comp.label) + "</a></td>";
      if (entry) out += "<td class=\"num\">" + level_text(ce, lang) + "</td>";
      if (later) out += "<td class=\"num\">" + level_text(cl, lang) + "</td>";
      if (entry && later) out += progression_cell(cl, true, lang);
      out += "<td>" + (shown ? status_chip(shown->status, lang) : std::string()) + "</td>";
      out += "<td class=\"num\">" +
             (shown ? std::to_string(detail::percent(shown->confidence)) + " %" : std::string()) +
             "</td></tr>\n";
    }
  }
  out += "</tbody>\n</table>\n";
  out += "<p class=\"meta\">" +
         esc(tr(lang,
                "Fiabilité : part des indicateurs du niveau retenu et du suivant qui ont été "
                "observés, réduite quand les évaluateurs divergent ou qu'un seul a compté. "
                "« — » : niveau non établi (pas assez d'observations, ou arbitrage en attente).",
                "Reliability: share of the indicators of the level and the next one that were "
                "observed, reduced when evaluators disagree or only one counted. \"—\": level "
                "not established (not enough observations, or arbitration pending).")) +
         "</p>\n";

  // Detail per competence: the basis in plain words, then the figures per level.
  out += "<h3>" + esc(tr(lang, "Sur quoi reposent les niveaux", "What the levels rest on")) +
         "</h3>\n";
  for (const Domain& d : grid.domains) {
    for (const Competence& comp : d.competences) {
      const CompetenceResult* c = current ? current->find(comp.id) : nullptr;
      if (c == nullptr) continue;
      out += "<div class=\"competence\" id=\"c-" + esc(rec.participant) + "-" + esc(comp.id) +
             "\">\n<h3>" + esc(comp.label) + " <span class=\"muted\">(" + esc(comp.id) +
             ")</span> " + status_chip(c->status, lang) + "</h3>\n";
      out += "<ul>\n";
      for (const std::string& sentence : explain(*c, grid, lang)) {
        out += "<li>" + esc(sentence) + "</li>\n";
      }
      std::string shown_met;
      const std::string rome =
          current->placement ? current->placement->job.rome : std::string();
      for (const IndicatorOutcome& io : c->indicators) {
        if (!io.met) continue;
        auto ref = grid.find_indicator(io.id);
        if (!ref) continue;
        shown_met += (shown_met.empty() ? "" : " ; ") +
                     std::string(grid.indicator_label(*ref->indicator, rome));
      }
      if (!shown_met.empty()) {
        out += "<li>" + esc(tr(lang, "Démontré : ", "Demonstrated: ")) + esc(shown_met) + "</li>\n";
      }
      out += "</ul>\n";
      std::string evaluators = detail::evaluators_text(*c, lang);
      out += "<details class=\"technical\"><summary>" +
             esc(tr(lang, "Détails techniques", "Technical details")) + "</summary>\n<p>" +
             esc(tr(lang, "Évaluateurs (identifiants) : ", "Evaluators (ids): ")) +
             (evaluators.empty() ? esc(tr(lang, "aucun", "none")) : esc(evaluators)) +
             "</p>\n<p class=\"meta\">" +
             esc(tr(lang,
                    "Part observée : poids des indicateurs observés sur le total du niveau ; "
                    "part démontrée : poids des indicateurs démontrés sur ceux observés ; avis "
                    "divergents : évaluateurs trop éloignés, à arbitrer.",
                    "Coverage: weight observed over the level's total; met share: weight met "
                    "over weight observed; divergent: evaluators too far apart, to arbitrate.")) +
             "</p>\n";
      out += levels_table(*c, grid, lang);
      out += "</details>\n</div>\n";
    }
  }
  if (!positions.empty()) {
    out += "<details class=\"technical\"><summary>" +
           esc(tr(lang, "Détails techniques : avertissements et positions dans les fichiers",
                  "Technical details: warnings and file positions")) +
           "</summary>\n<ul>\n" + positions + "</ul>\n</details>\n";
  }
  out += "</section>\n";
  return out;
}

std::string proposal_banner(Lang lang) {
  return "<p class=\"proposal\">" +
         esc(tr(lang,
                "Proposition à valider : ces niveaux sont calculés par Ecusson à partir des "
                "observations. Une personne nommée doit les valider avant toute délivrance de "
                "badge.",
                "Proposal to be validated: these levels are computed by Ecusson from the "
                "observations. A named person must validate them before any badge is issued.")) +
         "</p>\n";
}

std::string footer(const std::vector<const AssessmentResult*>& results, Lang lang) {
  std::string out = "<footer>\n<p>" + esc(tr(lang, "Produit par Ecusson", "Produced by Ecusson"));
  if (!results.empty()) {
    out += " · " + esc(results.front()->engine_version) + " · " +
           esc(tr(lang, "politique ", "policy ")) + esc(results.front()->policy_id) + " " +
           esc(results.front()->policy_version);
  }
  out += "</p>\n<details class=\"technical\"><summary>" +
         esc(tr(lang, "Détails techniques : empreintes des données",
                "Technical details: input digests")) +
         "</summary>\n<p>" +
         esc(tr(lang,
                "L'empreinte identifie exactement la grille, la politique et les observations "
                "utilisées : deux rapports de même empreinte reposent sur les mêmes données.",
                "The digest identifies the exact grid, policy and observations used: two "
                "reports with the same digest rest on the same data.")) +
         "</p>\n";
  for (const AssessmentResult* r : results) {
    out += "<p>" + esc(r->evaluation_id) + esc(tr(lang, " — empreinte des données : ", " — input digest: ")) +
           "<code>" + esc(r->input_digest) + "</code></p>\n";
  }
  out += "</details>\n</footer>\n";
  return out;
}

std::string matrix_cell(const ParticipantRecord& p, std::string_view competence, Lang lang) {
  const CompetenceResult* ce = p.entry ? p.entry->find(competence) : nullptr;
  const CompetenceResult* cl = p.later ? p.later->find(competence) : nullptr;
  std::string text, cls = "num", title;
  if (ce && cl && !chart_value(ce) && !chart_value(cl)) {
    text = "—";
    if (cl->progression && !cl->progression->comparable) {
      title = detail::progression_reason_label(cl->progression->reason, lang);
    }
  } else if (ce && cl) {
    text = level_text(ce, lang) + " → " + level_text(cl, lang);
    if (cl->progression && cl->progression->comparable) {
      if (cl->progression->delta > 0) cls += " up";
      if (cl->progression->delta < 0) cls += " down";
    } else if (cl->progression) {
      title = detail::progression_reason_label(cl->progression->reason, lang);
    }
  } else if (cl || ce) {
    text = level_text(cl ? cl : ce, lang);
  }
  const CompetenceResult* shown = cl ? cl : ce;
  if (shown) {
    if (!title.empty()) title += " — ";
    title += std::string(status_label(shown->status, lang));
  }
  return "<td class=\"" + cls + "\" title=\"" + esc(title) + "\">" + esc(text) + "</td>";
}

}  // namespace

std::string participant_to_html(const ParticipantRecord& record, const Grid& grid, Lang lang) {
  std::string body = proposal_banner(lang);
  body += participant_section(record, grid, lang, "h1");
  std::vector<const AssessmentResult*> results;
  if (record.entry) results.push_back(&*record.entry);
  if (record.later) results.push_back(&*record.later);
  body += footer(results, lang);
  std::string title = std::string(tr(lang, "Évaluation des compétences — ", "Competence assessment — ")) +
                      record.participant;
  return render_html_page(title, body, lang);
}

std::string cohort_to_html(const Cohort& cohort, Lang lang) {
  std::string body = "<h1>" + esc(tr(lang, "Club compétences — synthèse de la cohorte",
                                     "Competence club — cohort summary")) + "</h1>\n";
  std::size_t participants = 0;
  for (const CohortGroup& g : cohort.groups) participants += g.participants.size();
  body += "<p class=\"meta\">" + std::to_string(cohort.evaluation_count) +
          esc(tr(lang, " évaluations, ", " evaluations, ")) + std::to_string(participants) +
          esc(tr(lang, " participant·es", " participants")) + "</p>\n";
  body += proposal_banner(lang);
  if (!cohort.warnings.empty()) {
    body += "<ul>\n";
    for (const Error& e : cohort.warnings) {
      body += "<li>" + esc(detail::short_where(e.where)) + (e.where.empty() ? "" : " : ") +
              esc(e.message) + "</li>\n";
    }
    body += "</ul>\n";
  }
  if (!cohort.rejected.empty()) {
    body += "<h2>" + esc(tr(lang, "Fichiers écartés", "Files left out")) + "</h2>\n<p class=\"meta\">" +
            esc(tr(lang,
                   "Ces évaluations n'ont pas pu être lues ; elles ne comptent pas dans la "
                   "synthèse. Corrigez-les puis relancez le rapport.",
                   "These evaluations could not be read and are not counted. Fix them and run "
                   "the report again.")) +
            "</p>\n<ul>\n";
    for (const Error& e : cohort.rejected) {
      body += "<li>" + esc(detail::short_where(e.where)) + (e.where.empty() ? "" : " : ") +
              esc(e.message) + "</li>\n";
    }
    body += "</ul>\n";
  }
  std::vector<const AssessmentResult*> all;
  for (const CohortGroup& g : cohort.groups) {
    body += "<h2>" + esc(g.grid.title) + " <span class=\"muted\">(" + esc(g.grid.id) + " " +
            esc(g.grid.version) + ")</span></h2>\n";
    body += "<p class=\"meta\">" +
            esc(tr(lang,
                   "Niveau à l'entrée → niveau final ; « — » : niveau non établi (éléments "
                   "insuffisants ou arbitrage en attente). Survolez une case pour le statut.",
                   "Entry level → final level; \"—\": level not established (insufficient "
                   "evidence or arbitration pending). Hover a cell for the status.")) +
            "</p>\n";
    body += "<table class=\"matrix\">\n<thead><tr><th>" +
            esc(tr(lang, "Participant·e", "Participant")) + "</th>";
    std::vector<const Competence*> comps;
    for (const Domain& d : g.grid.domains) {
      for (const Competence& c : d.competences) {
        comps.push_back(&c);
        body += "<th class=\"num\" title=\"" + esc(c.label) + "\">" + esc(c.id) + "</th>";
      }
    }
    body += "</tr></thead>\n<tbody>\n";
    std::vector<int> up(comps.size(), 0), comparable(comps.size(), 0);
    for (const ParticipantRecord& p : g.participants) {
      body += "<tr><th><a href=\"#p-" + esc(p.participant) + "\">" + esc(p.participant) +
              "</a></th>";
      const AssessmentResult* current = p.current();
      if (current && current->no_result) {
        body += "<td colspan=\"" + std::to_string(comps.size()) + "\" class=\"muted\">" +
                esc(tr(lang, "immersion non effectuée : aucun niveau proposé",
                       "placement did not take place: no level proposed")) +
                "</td></tr>\n";
        if (p.entry) all.push_back(&*p.entry);
        if (p.later) all.push_back(&*p.later);
        continue;
      }
      for (std::size_t i = 0; i < comps.size(); ++i) {
        body += matrix_cell(p, comps[i]->id, lang);
        const CompetenceResult* cl = p.later ? p.later->find(comps[i]->id) : nullptr;
        if (cl && cl->progression && cl->progression->comparable) {
          ++comparable[i];
          if (cl->progression->delta > 0) ++up[i];
        }
      }
      body += "</tr>\n";
      if (p.entry) all.push_back(&*p.entry);
      if (p.later) all.push_back(&*p.later);
    }
    body += "<tr><th>" + esc(tr(lang, "En progression", "Progressing")) + "</th>";
    for (std::size_t i = 0; i < comps.size(); ++i) {
      body += "<td class=\"num\">" + std::to_string(up[i]) + " / " +
              std::to_string(comparable[i]) + "</td>";
    }
    body += "</tr>\n</tbody>\n</table>\n";
    body += "<table class=\"legend\">\n<thead><tr><th>" + esc(tr(lang, "Code", "Code")) +
            "</th><th>" + esc(tr(lang, "Compétence", "Competence")) + "</th><th>" +
            esc(tr(lang, "Domaine", "Domain")) + "</th></tr></thead>\n<tbody>\n";
    for (const Domain& d : g.grid.domains) {
      for (const Competence& c : d.competences) {
        body += "<tr><td>" + esc(c.id) + "</td><td>" + esc(c.label) + "</td><td>" +
                esc(d.label) + "</td></tr>\n";
      }
    }
    body += "</tbody>\n</table>\n";
  }
  for (const CohortGroup& g : cohort.groups) {
    for (const ParticipantRecord& p : g.participants) {
      body += participant_section(p, g.grid, lang, "h2");
    }
  }
  body += footer(all, lang);
  return render_html_page(tr(lang, "Club compétences — synthèse de la cohorte",
                             "Competence club — cohort summary"),
                          body, lang);
}

}  // namespace ecusson::assessment
