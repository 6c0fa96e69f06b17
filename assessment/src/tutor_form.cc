#include "ecusson/assessment/tutor_form.h"

#include <set>

#include "ecusson/assessment/messages.h"

namespace ecusson::assessment {

namespace {

std::vector<std::string> evaluator_columns(const TutorFormOptions& options) {
  if (!options.evaluators.empty()) return options.evaluators;
  return {std::string(tr(options.lang, "Tuteur·rice", "Tutor")),
          std::string(tr(options.lang, "Référent·e", "Referent")),
          std::string(tr(options.lang, "Participant·e", "Participant"))};
}

std::string scale_codes(const RatingScale& s) {
  std::string out;
  for (const RatingValue& v : s.values) out += (out.empty() ? "" : ", ") + v.code;
  return out;
}

std::string level_label(const Grid& grid, const Competence& comp, const Level& level) {
  if (!level.label.empty()) return level.label;
  const LevelScale* scale = grid.level_scale_for(comp);
  const LevelScale::Step* step = scale ? scale->find(level.n) : nullptr;
  return step ? step->label : std::string();
}

}  // namespace

Result<std::vector<const Competence*>> select_competences(const Grid& grid,
                                                          const std::vector<std::string>& ids,
                                                          Lang lang) {
  std::set<std::string> wanted(ids.begin(), ids.end());
  std::set<std::string> known;
  std::string available;
  for (const Domain& d : grid.domains) {
    known.insert(d.id);
    available += (available.empty() ? "" : ", ") + d.id;
    for (const Competence& c : d.competences) {
      known.insert(c.id);
      available += ", " + c.id;
    }
  }
  for (const std::string& id : ids) {
    if (!known.contains(id)) {
      return make_error("grid.unknown_competence", lang, grid.source_file, {id, available});
    }
  }
  std::vector<const Competence*> out;
  for (const Domain& d : grid.domains) {
    for (const Competence& c : d.competences) {
      if (wanted.empty() || wanted.contains(d.id) || wanted.contains(c.id)) out.push_back(&c);
    }
  }
  return out;
}

Result<PrintDocument> build_tutor_form(const Grid& grid, const TutorFormOptions& options) {
  const Lang lang = options.lang;
  auto selected = select_competences(grid, options.competences, lang);
  if (!selected) return selected.error();
  const std::vector<std::string> columns = evaluator_columns(options);

  PrintDocument doc;
  doc.lang = lang;
  doc.title = std::string(tr(lang, "Fiche d'observation en entreprise", "Workplace observation form"));
  doc.footer = grid.title + " — " + grid.id + " " + grid.version;
  Block title;
  title.kind = Block::Kind::title;
  title.spans = {text(doc.title)};
  doc.blocks.push_back(title);
  doc.blocks.push_back(paragraph(
      {muted(std::string(tr(lang, "Grille : ", "Grid: ")) + grid.title + " (" + grid.id + " " +
             grid.version + ")")}));

  // Who and where, to fill in.
  Block who;
  who.kind = Block::Kind::table;
  who.key_value = true;
  who.columns = {1.5, 3.2};
  const std::string blank = "………………………………………………………………………";
  for (std::string_view k :
       {tr(lang, "Participant·e (référence)", "Participant (reference)"),
        tr(lang, "Entreprise d'accueil", "Host company"), tr(lang, "Métier", "Job"),
        tr(lang, "Période", "Period"), tr(lang, "Tuteur·rice (nom)", "Tutor (name)"),
        tr(lang, "Référent·e (nom)", "Referent (name)")}) {
    std::string v = k == tr(lang, "Période", "Period")
                        ? std::string(tr(lang, "du ……/……/………… au ……/……/…………",
                                         "from ……/……/………… to ……/……/…………"))
                        : blank;
    who.rows.push_back({Cell{{bold(std::string(k))}}, Cell{{text(v)}}});
  }
  doc.blocks.push_back(who);

  // How to rate: the rating scales used, once each.
  doc.blocks.push_back(heading(std::string(tr(lang, "Comment noter", "How to rate"))));
  doc.blocks.push_back(paragraph({text(std::string(
      tr(lang, "Pour chaque indicateur, écrivez dans votre colonne la note de ce que vous avez vu "
               "faire pendant l'immersion. Si vous n'avez pas pu l'observer, notez « non observé » : "
               "ce n'est pas un échec, l'indicateur ne compte pas.",
         "For each indicator, write in your column the rating of what you saw during the "
         "placement. If you could not observe it, write \"not observed\": it is not a failure, "
         "the indicator does not count.")))}));
  std::set<std::string> scales;
  for (const Competence* c : *selected) {
    const RatingScale* s = grid.rating_scale_for(*c);
    if (s == nullptr || !scales.insert(s->id).second) continue;
    Block legend;
    legend.kind = Block::Kind::table;
    legend.columns = {1, 5};
    legend.header_row = {Cell{{text(std::string(tr(lang, "Note", "Rating")))}},
                         Cell{{text(std::string(tr(lang, "Signification", "Meaning")))}}};
    for (const RatingValue& v : s->values) {
      legend.rows.push_back({Cell{{bold(v.code)}}, Cell{{text(v.label)}}});
    }
    doc.blocks.push_back(legend);
  }
  std::string example_id = "…";
  if (!selected->empty() && !(*selected)[0]->levels.empty() &&
      !(*selected)[0]->levels[0].indicators.empty()) {
    example_id = (*selected)[0]->levels[0].indicators[0].id;
  }
  doc.blocks.push_back(small_print(
      {text(std::string(tr(lang, "« essentiel » : indicateur indispensable pour valider le niveau. ",
                           "\"essential\": required to reach the level. "))),
       text(std::string(tr(lang, "Les identifiants (ex. ", "Ids (e.g. ")) + example_id +
            std::string(tr(lang, ") servent à reporter les notes dans le fichier d'évaluation.",
                           ") are used to copy the ratings into the evaluation file.")))}));

  // One table per competence.
  const Domain* current_domain = nullptr;
  for (const Competence* comp : *selected) {
    const Domain* d = grid.domain_of(comp->id);
    if (d != current_domain) {
      current_domain = d;
      if (d) doc.blocks.push_back(heading(d->label));
    }
    doc.blocks.push_back(subheading({text(comp->label), muted(" (" + comp->id + ")")}));
    if (!comp->description.empty()) doc.blocks.push_back(small_print({text(comp->description)}));
    Block t;
    t.kind = Block::Kind::table;
    t.columns = {0.5, 5};
    t.header_row = {Cell{{text(std::string(tr(lang, "Niv.", "Lvl")))}},
                    Cell{{text(std::string(tr(lang, "Indicateur", "Indicator")))}}};
    for (const std::string& col : columns) {
      t.columns.push_back(1.35);
      t.header_row.push_back(Cell{{text(col)}});
    }
    for (const Level& level : comp->levels) {
      for (std::size_t k = 0; k < level.indicators.size(); ++k) {
        const Indicator& ind = level.indicators[k];
        std::vector<Cell> row;
        row.push_back(Cell{{text(k == 0 ? std::to_string(level.n) : std::string())}});
        Spans wording = {text(std::string(grid.indicator_label(ind, options.rome)))};
        if (ind.critical) wording.push_back(bold(std::string(tr(lang, " (essentiel)", " (essential)"))));
        wording.push_back(muted("\n" + ind.id));  // own line: ids never wrap
        row.push_back(Cell{wording});
        for (std::size_t c = 0; c < columns.size(); ++c) row.push_back(Cell{});
        t.rows.push_back(std::move(row));
      }
    }
    doc.blocks.push_back(t);
    Spans levels_legend = {muted(std::string(tr(lang, "Niveaux : ", "Levels: ")))};
    std::string ll;
    for (const Level& level : comp->levels) {
      ll += (ll.empty() ? "" : " ; ") + std::to_string(level.n) + " " + level_label(grid, *comp, level);
    }
    levels_legend.push_back(muted(ll));
    doc.blocks.push_back(small_print(levels_legend));
    Block lines;
    lines.kind = Block::Kind::lines;
    lines.line_count = 2;
    lines.spans = {muted(std::string(tr(lang, "Situations observées, commentaires (avec la date) :",
                                        "Situations observed, comments (with the date):")))};
    doc.blocks.push_back(lines);
  }

  doc.blocks.push_back(heading(std::string(tr(lang, "Signatures", "Signatures"))));
  Block sign;
  sign.kind = Block::Kind::signatures;
  sign.items.push_back({bold(std::string(tr(lang, "Tuteur·rice", "Tutor"))),
                        text(std::string(tr(lang, "\nLe : ……/……/…………", "\nDate: ……/……/…………")))});
  sign.items.push_back({bold(std::string(tr(lang, "Référent·e", "Referent"))),
                        text(std::string(tr(lang, "\nLe : ……/……/…………", "\nDate: ……/……/…………")))});
  doc.blocks.push_back(sign);
  return doc;
}

Result<std::string> tutor_form_to_csv(const Grid& grid, const TutorFormOptions& options,
                                      const CsvOptions& csv) {
  const Lang lang = options.lang;
  auto selected = select_competences(grid, options.competences, lang);
  if (!selected) return selected.error();
  const std::vector<std::string> columns = evaluator_columns(options);
  CsvWriter w(csv);
  w.text(tr(lang, "Domaine", "Domain"))
      .text(tr(lang, "Code compétence", "Competence code"))
      .text(tr(lang, "Compétence", "Competence"))
      .text(tr(lang, "Niveau", "Level"))
      .text(tr(lang, "Libellé du niveau", "Level label"))
      .text(tr(lang, "Indicateur", "Indicator"))
      .text(tr(lang, "Formulation", "Wording"))
      .text(tr(lang, "Essentiel", "Essential"))
      .text(tr(lang, "Notes possibles", "Possible ratings"));
  for (const std::string& c : columns) w.text(std::string(tr(lang, "Note ", "Rating ")) + c);
  w.text(tr(lang, "Date (AAAA-MM-JJ)", "Date (YYYY-MM-DD)"))
      .text(tr(lang, "Situation observée", "Situation observed"))
      .text(tr(lang, "Commentaire", "Comment"))
      .end_row();
  for (const Competence* comp : *selected) {
    const Domain* d = grid.domain_of(comp->id);
    const RatingScale* scale = grid.rating_scale_for(*comp);
    for (const Level& level : comp->levels) {
      for (const Indicator& ind : level.indicators) {
        w.text(d ? d->label : std::string())
            .text(comp->id)
            .text(comp->label)
            .integer(level.n)
            .text(level_label(grid, *comp, level))
            .text(ind.id)
            .text(grid.indicator_label(ind, options.rome))
            .text(ind.critical ? tr(lang, "oui", "yes") : tr(lang, "non", "no"))
            .text(scale ? scale_codes(*scale) : std::string());
        for (std::size_t c = 0; c < columns.size(); ++c) w.empty();
        w.empty().empty().empty().end_row();
      }
    }
  }
  return w.str();
}

}  // namespace ecusson::assessment
