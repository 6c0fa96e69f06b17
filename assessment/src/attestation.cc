#include "ecusson/assessment/attestation.h"

#include <set>

#include "ecusson/assessment/explain.h"
#include "report_common.h"

namespace ecusson::assessment {

namespace {

std::string lower_first(std::string s) {
  // Level labels start a sentence in the grid ("Avec une part d'autonomie"); after a colon
  // they read better in lower case. ASCII only: an accented capital stays as written.
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

std::string level_phrase(const Grid& grid, const Competence& comp, int n, Lang lang) {
  const LevelScale* scale = grid.level_scale_for(comp);
  const Level* level = comp.find_level(n);
  std::string out = std::string(tr(lang, "niveau ", "level ")) + std::to_string(n);
  if (scale) out += std::string(tr(lang, " sur ", " of ")) + std::to_string(scale->max_level());
  std::string label = level && !level->label.empty() ? level->label : std::string();
  if (label.empty() && scale) {
    if (const LevelScale::Step* s = scale->find(n)) label = s->label;
  }
  if (!label.empty()) out += std::string(tr(lang, " : ", ": ")) + lower_first(label);
  return out;
}

bool shown_as_reached(const CompetenceResult& c) {
  return c.status == CompetenceStatus::attained && c.level >= 1;
}

// The evaluators' own words about one competence: situations and comments written by the
// tutor or the referent (the participant's self-assessment stays in the team's report).
std::vector<Spans> notes_for(const Competence& comp, const Evaluation& evaluation, Lang lang) {
  std::set<std::string> indicator_ids;
  for (const Level& l : comp.levels) {
    for (const Indicator& i : l.indicators) indicator_ids.insert(i.id);
  }
  std::vector<Spans> notes;
  std::set<std::string> seen;
  for (const Observation& o : evaluation.observations) {
    if (!indicator_ids.contains(o.indicator)) continue;
    if (o.situation.empty() && o.comment.empty()) continue;
    const Evaluator* ev = evaluation.find_evaluator(o.by);
    if (ev == nullptr || ev->role == EvaluatorRole::self) continue;
    std::string said;
    if (!o.situation.empty()) said += o.situation;
    if (!o.comment.empty()) said += (said.empty() ? "" : " ") + o.comment;
    if (!seen.insert(said).second) continue;
    std::string who = std::string(ev->role == EvaluatorRole::tutor
                                      ? tr(lang, "tuteur ou tutrice", "tutor")
                                      : tr(lang, "référent·e de parcours", "referent"));
    if (!ev->name.empty()) who = ev->name + ", " + who;
    Span quote = text("« " + said + " »");
    quote.italic = true;
    notes.push_back({muted(std::string(tr(lang, "Noté en situation : ", "Noted at work: "))), quote,
                     muted(" (" + who + ", " + detail::display_date(o.date, lang) + ")")});
  }
  return notes;
}

Block key_value_table(std::vector<std::pair<std::string, std::string>> rows) {
  Block b;
  b.kind = Block::Kind::table;
  b.key_value = true;
  b.columns = {1, 3.2};
  for (auto& [k, v] : rows) {
    if (v.empty()) continue;
    b.rows.push_back({Cell{{bold(k)}}, Cell{{text(v)}}});
  }
  return b;
}

std::string kind_label(std::string_view kind, Lang lang) {
  if (kind == "pmsmp") {
    return std::string(tr(lang, "Période de mise en situation en milieu professionnel (PMSMP)",
                          "Work placement (PMSMP)"));
  }
  if (kind == "stage") return std::string(tr(lang, "Stage", "Internship"));
  return std::string(kind);
}

}  // namespace

Date evaluation_date(const AssessmentResult& result) {
  Date latest;
  for (const CompetenceResult& c : result.competences) {
    for (const IndicatorOutcome& i : c.indicators) {
      for (const RatingContribution& r : i.contributions) {
        if (r.date > latest) latest = r.date;
      }
    }
  }
  if (!latest.valid() && result.placement) latest = result.placement->end;
  return latest;
}

std::string objective_label(std::string_view objective, Lang lang) {
  if (objective == "decouvrir-metier") {
    return std::string(tr(lang, "Découvrir un métier ou un secteur d'activité",
                          "Discover a job or a sector"));
  }
  if (objective == "confirmer-projet") {
    return std::string(tr(lang, "Confirmer un projet professionnel", "Confirm a career plan"));
  }
  if (objective == "initier-recrutement") {
    return std::string(tr(lang, "Initier une démarche de recrutement", "Start a recruitment"));
  }
  return std::string(objective);
}

PrintDocument build_attestation(const AssessmentResult& result, const Evaluation& evaluation,
                                const Grid& grid, const AssessmentResult* entry,
                                const AttestationOptions& options) {
  const Lang lang = options.lang;
  PrintDocument doc;
  doc.lang = lang;
  doc.title = std::string(tr(lang, "Attestation de compétences", "Competence attestation"));
  doc.header_left = options.structure_name;
  doc.logo_slot = options.logo_slot;
  doc.footer = std::string(tr(lang, "Attestation de compétences — ", "Competence attestation — ")) +
               (options.participant_name.empty() ? result.participant_ref
                                                 : options.participant_name);
  auto& blocks = doc.blocks;

  Block title;
  title.kind = Block::Kind::title;
  title.spans = {text(doc.title)};
  blocks.push_back(title);

  // Who and where.
  const std::string name = options.participant_name.empty()
                               ? std::string(tr(lang, "…………………………………………", "…………………………………………"))
                               : options.participant_name;
  const std::string structure = options.structure_name.empty()
                                    ? std::string(tr(lang, "…………………………………………", "…………………………………………"))
                                    : options.structure_name;
  const Placement* p = result.placement ? &*result.placement : nullptr;
  Spans intro = {text(std::string(tr(lang, "La structure ", "The organisation "))), bold(structure),
                 text(std::string(tr(lang, " atteste que ", " certifies that "))), bold(name)};
  if (options.participant_name.empty()) {
    intro.push_back(muted(std::string(tr(lang, " (référence ", " (reference ")) +
                          result.participant_ref + ")"));
  }
  if (p) {
    intro.push_back(text(std::string(tr(lang, " a effectué une immersion professionnelle",
                                        " completed a work placement"))));
    if (!p->host.name.empty()) {
      intro.push_back(text(std::string(tr(lang, " chez ", " at "))));
      intro.push_back(bold(p->host.name));
    }
    if (p->start.valid() && p->end.valid()) {
      intro.push_back(text(std::string(tr(lang, " du ", " from ")) +
                           detail::display_date(p->start, lang) +
                           std::string(tr(lang, " au ", " to ")) +
                           detail::display_date(p->end, lang)));
    }
    intro.push_back(text(std::string(
        tr(lang, " et y a mis en œuvre les compétences décrites ci-dessous, telles qu'elles ont "
                 "été observées sur le poste de travail.",
           " and used there the competences described below, as observed at work."))));
  } else {
    intro.push_back(text(std::string(
        tr(lang, " a mis en œuvre les compétences décrites ci-dessous, lors d'un entretien de "
                 "positionnement.",
           " showed the competences described below during a positioning interview."))));
  }
  blocks.push_back(paragraph(intro));

  if (p) {
    blocks.push_back(heading(std::string(tr(lang, "L'immersion", "The placement"))));
    std::string period;
    if (p->start.valid() && p->end.valid()) {
      period = std::string(tr(lang, "du ", "from ")) + detail::display_date(p->start, lang) +
               std::string(tr(lang, " au ", " to ")) + detail::display_date(p->end, lang);
    }
    if (p->hours_planned) {
      Rational done = *p->hours_planned;
      if (p->hours_missed) done = done - *p->hours_missed;
      std::string hours = done.to_decimal_fr(1);
      if (hours.ends_with(",0")) hours.resize(hours.size() - 2);
      period += (period.empty() ? "" : ", ") + hours +
                std::string(tr(lang, " heures de présence", " hours attended"));
    }
    std::string host = p->host.name;
    std::string job = p->job.label;
    blocks.push_back(key_value_table({
        {std::string(tr(lang, "Type", "Kind")), kind_label(p->kind, lang)},
        {std::string(tr(lang, "Entreprise d'accueil", "Host company")), host},
        {std::string(tr(lang, "Métier", "Job")), job},
        {std::string(tr(lang, "Période", "Period")), period},
        {std::string(tr(lang, "Objectif", "Objective")), objective_label(p->objective, lang)},
        {std::string(tr(lang, "Activités", "Activities")), p->tasks},
    }));
  }

  // Competences reached, in grid order.
  const std::string rome = p ? p->job.rome : std::string();
  std::vector<const Competence*> in_progress;
  int reached = 0;
  std::set<std::string> scales_used;
  std::vector<Block> competence_blocks;
  for (const Domain& d : grid.domains) {
    for (const Competence& comp : d.competences) {
      const CompetenceResult* c = result.find(comp.id);
      if (c == nullptr) continue;
      if (!shown_as_reached(*c)) {
        if (c->status == CompetenceStatus::in_progress) in_progress.push_back(&comp);
        continue;
      }
      ++reached;
      scales_used.insert(comp.level_scale);
      Spans head = {text(comp.label), text(" — "), text(level_phrase(grid, comp, c->level, lang))};
      if (c->next_level && c->next_outcome == LevelOutcome::partial) {
        head.push_back(muted(std::string(tr(lang, " (niveau ", " (level ")) +
                             std::to_string(*c->next_level) +
                             std::string(tr(lang, " en cours)", " in progress)"))));
      }
      competence_blocks.push_back(subheading(head));
      Block list;
      list.kind = Block::Kind::bullets;
      for (const IndicatorOutcome& io : c->indicators) {
        if (!io.met) continue;
        auto ref = grid.find_indicator(io.id);
        if (!ref) continue;
        list.items.push_back({text(std::string(grid.indicator_label(*ref->indicator, rome)))});
      }
      for (Spans& note : notes_for(comp, evaluation, lang)) list.items.push_back(std::move(note));
      if (!list.items.empty()) competence_blocks.push_back(std::move(list));
      for (const AttestationOptions::BadgeLink& b : options.badges) {
        // Hook: a QR code of b.url will be drawn here once badges are linked to evaluations.
        if (b.competence == comp.id) {
          competence_blocks.push_back(paragraph(
              {muted(std::string(tr(lang, "Badge vérifiable : ", "Verifiable badge: "))),
               text(b.url)}));
        }
      }
    }
  }

  blocks.push_back(heading(std::string(tr(lang, "Compétences mises en œuvre", "Competences shown"))));
  if (reached > 0) {
    blocks.push_back(paragraph({muted(std::string(
        tr(lang, "Pour chaque compétence : le niveau atteint, puis ce que la personne a montré "
                 "en situation de travail.",
           "For each competence: the level reached, then what the person showed at work.")))}));
  }
  if (reached == 0) {
    blocks.push_back(paragraph({text(std::string(
        tr(lang, "Aucune compétence n'est encore établie à partir de ces observations.",
           "No competence is established from these observations yet.")))}));
  }
  for (Block& b : competence_blocks) blocks.push_back(std::move(b));
  if (!in_progress.empty()) {
    std::string names;
    for (std::size_t i = 0; i < in_progress.size(); ++i) {
      names += (i ? ", " : "") + in_progress[i]->label;
    }
    blocks.push_back(paragraph({bold(std::string(tr(lang, "En cours d'acquisition : ",
                                                    "Being acquired: "))),
                                text(names + ".")}));
  }

  // How to read the levels: each scale used, once.
  if (!scales_used.empty()) {
    Spans legend = {bold(std::string(tr(lang, "Lire les niveaux. ", "Reading the levels. ")))};
    legend.push_back(text(std::string(
        tr(lang, "Chaque niveau décrit le degré d'autonomie et de responsabilité montré en "
                 "situation de travail. ",
           "Each level describes the autonomy and responsibility shown at work. "))));
    for (const std::string& id : scales_used) {
      const LevelScale* s = grid.find_level_scale(id);
      if (s == nullptr) continue;
      std::string line;
      for (const LevelScale::Step& step : s->levels) {
        line += (line.empty() ? "" : " ; ") + std::to_string(step.n) + " " + lower_first(step.label);
      }
      legend.push_back(text(line + ". "));
    }
    blocks.push_back(small_print(legend));
  }

  // Progression since the entry interview.
  if (entry != nullptr) {
    Block table;
    table.kind = Block::Kind::table;
    table.columns = {3.2, 1, 1};
    Date entry_date = evaluation_date(*entry);
    table.header_row = {
        Cell{{text(std::string(tr(lang, "Compétence", "Competence")))}},
        Cell{{text(std::string(tr(lang, "À l'entrée", "At entry")) +
                   (entry_date.valid() ? " (" + detail::display_date(entry_date, lang) + ")" : ""))}},
        Cell{{text(std::string(tr(lang, "Aujourd'hui", "Now")))}}};
    for (const Domain& d : grid.domains) {
      for (const Competence& comp : d.competences) {
        const CompetenceResult* c = result.find(comp.id);
        if (c == nullptr || !c->progression || !c->progression->comparable) continue;
        if (c->progression->delta <= 0 && !shown_as_reached(*c)) continue;
        auto lvl = [&](int n) {
          return n == 0 ? std::string(tr(lang, "pas encore", "not yet"))
                        : std::string(tr(lang, "niveau ", "level ")) + std::to_string(n);
        };
        table.rows.push_back({Cell{{text(comp.label)}}, Cell{{text(lvl(c->progression->entry_level))}},
                              Cell{{bold(lvl(c->progression->exit_level))}}});
      }
    }
    if (!table.rows.empty()) {
      blocks.push_back(heading(std::string(tr(lang, "Progression depuis l'entrée",
                                              "Progress since entry"))));
      blocks.push_back(std::move(table));
    }
  }

  // Validation: a person signs, the engine only proposes (rectec.md §3.5).
  blocks.push_back(heading(std::string(tr(lang, "Validation", "Validation"))));
  blocks.push_back(paragraph({text(std::string(
      tr(lang, "Niveaux proposés à partir des observations et validés par la personne qui "
               "signe ci-dessous.",
         "Levels proposed from the observations and validated by the person signing below.")))}));
  Block sign;
  sign.kind = Block::Kind::signatures;
  const std::string blank = "……………………………………";
  sign.items.push_back(
      {bold(std::string(tr(lang, "Validé par : ", "Validated by: "))),
       text(options.validated_by.empty() ? blank : options.validated_by),
       text(std::string(tr(lang, "\nFonction : ", "\nRole: ")) + blank),
       text(std::string(tr(lang, "\nLe : ", "\nDate: ")) + "……… / ……… / ………………"),
       text(std::string(tr(lang, "\nSignature :", "\nSignature:")))});
  sign.items.push_back(
      {bold(std::string(tr(lang, "La personne concernée", "The participant"))),
       text(std::string(tr(lang, "\nLu le : ", "\nRead on: ")) + "……… / ……… / ………………"),
       text(std::string(tr(lang, "\nSignature :", "\nSignature:")))});
  blocks.push_back(std::move(sign));

  Spans foot = {muted(std::string(tr(lang, "Grille « ", "Grid \"")) + grid.title +
                      std::string(tr(lang, " », version ", "\", version ")) + grid.version)};
  if (!grid.source_name.empty()) {
    foot.push_back(muted(std::string(tr(lang, ", inspirée de ", ", inspired by ")) + grid.source_name));
  }
  foot.push_back(muted(std::string(tr(lang, ". Évaluation ", ". Evaluation ")) + result.evaluation_id + "."));
  blocks.push_back(small_print(foot));
  return doc;
}

}  // namespace ecusson::assessment
