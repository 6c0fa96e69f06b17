// <evaluation> (urn:ecusson:eval:1): reading and self-consistency checks
// (docs/formats.md §4). Checks against a grid are in evaluation_validate.cc.
#include <algorithm>
#include <map>

#include "ecusson/assessment/evaluation.h"
#include "ecusson/assessment/messages.h"
#include "parsers.h"

namespace ecusson::assessment {
namespace detail {
namespace {

// Bounds the evaluator × indicator work of scoring on hostile files (docs/formats.md §4).
constexpr std::size_t kMaxEvaluators = 1000;

bool all_digits(std::string_view v) {
  return std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class EvaluationParser {
 public:
  explicit EvaluationParser(const XmlReader& r) : r_(r) {}

  Result<Evaluation> run() {
    pugi::xml_node root = r_.root();
    Evaluation e;
    e.source_file = r_.file();
    e.pos = r_.pos(root);
    ECUSSON_TRY(r_.check_attributes(root, {"id", "grid", "gridVersion", "phase"}));
    ECUSSON_TRY(r_.check_children(root, {"participant", "placement", "evaluators", "observations"}));
    auto id = r_.required_id(root, "id");
    if (!id) return id.error();
    e.id = *id;
    auto grid = r_.required_id(root, "grid");
    if (!grid) return grid.error();
    e.grid = *grid;
    auto gv = r_.required(root, "gridVersion");
    if (!gv) return gv.error();
    e.grid_version = *gv;
    e.grid_pos = r_.value_pos(root.attribute("grid"));
    e.grid_version_pos = r_.value_pos(root.attribute("gridVersion"));
    auto phase_text = r_.required(root, "phase");
    if (!phase_text) return phase_text.error();
    auto phase = parse_phase(*phase_text);
    if (!phase)
      return r_.error("xml.bad_value", r_.at(root.attribute("phase")),
                      {*phase_text, "phase", "entry | intermediate | exit | follow-up"});
    e.phase = *phase;

    auto participant = r_.required_child(root, "participant");
    if (!participant) return participant.error();
    ECUSSON_TRY(r_.check_attributes(*participant, {"ref"}));
    ECUSSON_TRY(r_.check_children(*participant, {}));
    auto ref = r_.required_id(*participant, "ref");
    if (!ref) return ref.error();
    e.participant = Participant{*ref, r_.pos(*participant)};

    auto placement = r_.optional_child(root, "placement");
    if (!placement) return placement.error();
    if (*placement) {
      auto p = read_placement(*placement);
      if (!p) return p.error();
      e.placement = std::move(*p);
    }

    auto evaluators = r_.optional_child(root, "evaluators");
    if (!evaluators) return evaluators.error();
    if (*evaluators) ECUSSON_TRY(read_evaluators(*evaluators, e));

    auto observations = r_.optional_child(root, "observations");
    if (!observations) return observations.error();
    if (*observations) ECUSSON_TRY(read_observations(*observations, e));
    return e;
  }

 private:
  Result<void> claim(const std::string& id, pugi::xml_node n, const char* attr) {
    auto [it, inserted] = ids_.emplace(id, r_.pos(n));
    if (!inserted)
      return r_.error("evaluation.duplicate_id", r_.at(n.attribute(attr)),
                      {id, std::to_string(it->second.line)});
    return {};
  }

  Result<Date> date(pugi::xml_node n, const char* name, bool required) {
    pugi::xml_attribute a = n.attribute(name);
    if (!a) {
      if (required) return r_.error("xml.missing_attribute", r_.at(n), {name, n.name()});
      return Date{};
    }
    auto d = Date::parse(a.value());
    if (!d)
      return r_.error("xml.bad_value", r_.at(a),
                      {a.value(), name, r_.tr("une date réelle AAAA-MM-JJ", "a real date YYYY-MM-DD")});
    return *d;
  }

  Result<Placement> read_placement(pugi::xml_node n) {
    ECUSSON_TRY(r_.check_attributes(n, {"kind", "objective", "conventionRef", "start", "end", "hoursPlanned",
                                        "hoursMissed", "completion", "lastDayOfPresence",
                                        "maxObservableLevel"}));
    ECUSSON_TRY(r_.check_children(n, {"host", "job", "tasks"}));
    Placement p;
    p.pos = r_.pos(n);
    auto kind = r_.required(n, "kind");
    if (!kind) return kind.error();
    p.kind = *kind;
    p.objective = r_.optional(n, "objective");
    p.convention_ref = r_.optional(n, "conventionRef");
    auto start = date(n, "start", true);
    if (!start) return start.error();
    p.start = *start;
    auto end = date(n, "end", true);
    if (!end) return end.error();
    p.end = *end;
    if (p.end < p.start)
      return r_.error("evaluation.end_before_start", r_.at(n.attribute("end")),
                      {p.end.to_string(), p.start.to_string()});
    auto planned = r_.rational(n, "hoursPlanned");
    if (!planned) return planned.error();
    p.hours_planned = *planned;
    auto missed = r_.rational(n, "hoursMissed");
    if (!missed) return missed.error();
    p.hours_missed = *missed;
    if (p.hours_planned && p.hours_missed && *p.hours_missed > *p.hours_planned)
      return r_.error("evaluation.bad_hours", r_.at(n.attribute("hoursMissed")),
                      {p.hours_missed->to_decimal(2), p.hours_planned->to_decimal(2)});
    if (auto a = n.attribute("completion")) {
      auto c = parse_completion(a.value());
      if (!c)
        return r_.error("xml.bad_value", r_.at(a),
                        {a.value(), "completion", "completed | partially-completed | did-not-show"});
      p.completion = *c;
    }
    if (n.attribute("lastDayOfPresence")) {
      auto d = date(n, "lastDayOfPresence", true);
      if (!d) return d.error();
      if (*d < p.start || *d > p.end)
        return r_.error("evaluation.last_day_outside_placement", r_.at(n.attribute("lastDayOfPresence")),
                        {d->to_string(), p.start.to_string(), p.end.to_string()});
      p.last_day_of_presence = *d;
    }
    auto cap = r_.integer(n, "maxObservableLevel");
    if (!cap) return cap.error();
    if (*cap && **cap < 1)
      return r_.error("xml.bad_value", r_.at(n.attribute("maxObservableLevel")),
                      {"0", "maxObservableLevel", r_.tr("un entier à partir de 1", "an integer from 1")});
    p.max_observable_level = *cap;
    if (*cap) p.max_level_pos = r_.value_pos(n.attribute("maxObservableLevel"));

    auto host = r_.optional_child(n, "host");
    if (!host) return host.error();
    if (*host) {
      ECUSSON_TRY(r_.check_attributes(*host, {"siret", "name", "naf"}));
      ECUSSON_TRY(r_.check_children(*host, {}));
      p.host.siret = r_.optional(*host, "siret");
      if (!p.host.siret.empty() && (p.host.siret.size() != 14 || !all_digits(p.host.siret)))
        return r_.error("xml.bad_value", r_.at(host->attribute("siret")),
                        {p.host.siret, "siret", r_.tr("14 chiffres", "14 digits")});
      p.host.name = r_.optional(*host, "name");
      p.host.naf = r_.optional(*host, "naf");
    }
    auto job = r_.optional_child(n, "job");
    if (!job) return job.error();
    if (*job) {
      ECUSSON_TRY(r_.check_attributes(*job, {"rome", "appellation", "label"}));
      ECUSSON_TRY(r_.check_children(*job, {}));
      p.job.rome = r_.optional(*job, "rome");
      if (!p.job.rome.empty() &&
          (p.job.rome.size() != 5 || p.job.rome[0] < 'A' || p.job.rome[0] > 'N' ||
           !all_digits(std::string_view(p.job.rome).substr(1))))
        return r_.error("xml.bad_value", r_.at(job->attribute("rome")),
                        {p.job.rome, "rome", r_.tr("un code ROME (ex. K2204)", "a ROME code (e.g. K2204)")});
      p.job.appellation = r_.optional(*job, "appellation");
      if (!p.job.appellation.empty() &&
          (p.job.appellation.size() < 5 || p.job.appellation.size() > 6 || !all_digits(p.job.appellation)))
        return r_.error("xml.bad_value", r_.at(job->attribute("appellation")),
                        {p.job.appellation, "appellation",
                         r_.tr("un code d'appellation ROME (5 ou 6 chiffres)", "a ROME appellation code (5 or 6 digits)")});
      p.job.label = r_.optional(*job, "label");
    }
    auto tasks = r_.optional_child(n, "tasks");
    if (!tasks) return tasks.error();
    if (*tasks) {
      ECUSSON_TRY(r_.check_attributes(*tasks, {}));
      auto t = r_.text(*tasks);
      if (!t) return t.error();
      p.tasks = *t;
    }
    return p;
  }

  Result<void> read_evaluators(pugi::xml_node n, Evaluation& e) {
    ECUSSON_TRY(r_.check_attributes(n, {}));
    ECUSSON_TRY(r_.check_children(n, {"evaluator"}));
    ECUSSON_TRY(r_.check_count(n, "evaluator", kMaxEvaluators));
    for (pugi::xml_node v : n.children("evaluator")) {
      ECUSSON_TRY(r_.check_attributes(v, {"id", "role", "org", "name"}));
      ECUSSON_TRY(r_.check_children(v, {}));
      Evaluator ev;
      ev.pos = r_.pos(v);
      auto id = r_.required_id(v, "id");
      if (!id) return id.error();
      ECUSSON_TRY(claim(*id, v, "id"));
      ev.id = *id;
      auto role_text = r_.required(v, "role");
      if (!role_text) return role_text.error();
      auto role = parse_evaluator_role(*role_text);
      if (!role)
        return r_.error("xml.bad_value", r_.at(v.attribute("role")), {*role_text, "role", "tutor | referent | self"});
      ev.role = *role;
      ev.org = r_.optional(v, "org");
      ev.name = r_.optional(v, "name");
      evaluator_index_.emplace(ev.id, e.evaluators.size());
      e.evaluators.push_back(std::move(ev));
    }
    return {};
  }

  std::string declared_evaluators(const Evaluation& e) const {
    std::string out;
    for (const auto& ev : e.evaluators) {
      if (!out.empty()) out += ", ";
      out += ev.id;
    }
    return out.empty() ? std::string("-") : out;
  }

  Result<void> read_observations(pugi::xml_node n, Evaluation& e) {
    ECUSSON_TRY(r_.check_attributes(n, {}));
    ECUSSON_TRY(r_.check_children(n, {"obs"}));
    if (n.child("obs") && e.placement && e.placement->completion == Completion::did_not_show)
      return r_.error("evaluation.did_not_show_with_observations", r_.at(n.child("obs")));
    std::vector<std::pair<pugi::xml_node, std::size_t>> arbitrations;
    for (pugi::xml_node o : n.children("obs")) {
      ECUSSON_TRY(r_.check_attributes(o, {"id", "indicator", "by", "date", "rating", "arbitration", "overrides"}));
      ECUSSON_TRY(r_.check_children(o, {"situation", "comment", "evidence"}));
      Observation ob;
      ob.pos = r_.pos(o);
      if (o.attribute("id")) {
        auto id = r_.required_id(o, "id");
        if (!id) return id.error();
        ECUSSON_TRY(claim(*id, o, "id"));
        ob.id = *id;
        observation_index_.emplace(ob.id, e.observations.size());
      }
      auto ind = r_.required_id(o, "indicator");
      if (!ind) return ind.error();
      ob.indicator = *ind;
      ob.indicator_pos = r_.value_pos(o.attribute("indicator"));
      auto by = r_.required(o, "by");
      if (!by) return by.error();
      auto ev_it = evaluator_index_.find(*by);
      const Evaluator* ev = ev_it == evaluator_index_.end() ? nullptr : &e.evaluators[ev_it->second];
      if (ev == nullptr)
        return r_.error("evaluation.unknown_evaluator", r_.at(o.attribute("by")), {*by, declared_evaluators(e)});
      ob.by = *by;
      auto d = date(o, "date", true);
      if (!d) return d.error();
      ob.date = *d;
      auto rating = r_.required(o, "rating");
      if (!rating) return rating.error();
      ob.rating = *rating;
      ob.rating_pos = r_.value_pos(o.attribute("rating"));
      auto arb = r_.boolean(o, "arbitration", false);
      if (!arb) return arb.error();
      ob.arbitration = *arb;
      if (ob.arbitration && ev->role != EvaluatorRole::referent)
        return r_.error("evaluation.arbitration_not_referent", r_.at(o.attribute("by")),
                        {ob.id.empty() ? ob.indicator : ob.id, to_string(ev->role)});
      if (o.attribute("overrides")) {
        if (!ob.arbitration)
          return r_.error("xml.bad_value", r_.at(o.attribute("overrides")),
                          {o.attribute("overrides").value(), "overrides",
                           r_.tr("seulement sur une observation arbitration=\"true\"",
                              "only on an observation with arbitration=\"true\"")});
        std::string list = collapse_whitespace(o.attribute("overrides").value());
        std::size_t start = 0;
        while (start < list.size()) {
          std::size_t end = list.find(' ', start);
          if (end == std::string::npos) end = list.size();
          ob.overrides.emplace_back(list.substr(start, end - start));
          start = end + 1;
        }
        arbitrations.emplace_back(o, e.observations.size());
      }
      for (pugi::xml_node c : o.children()) {
        if (c.type() != pugi::node_element) continue;
        std::string_view cname = c.name();
        if (cname == "situation" || cname == "comment") {
          ECUSSON_TRY(r_.check_attributes(c, {}));
          auto t = r_.text(c);
          if (!t) return t.error();
          std::string& target = cname == "situation" ? ob.situation : ob.comment;
          if (!target.empty()) return r_.error("xml.duplicate_element", r_.at(c), {cname, "obs"});
          target = *t;
        } else {
          ECUSSON_TRY(r_.check_attributes(c, {"kind", "ref"}));
          Evidence ev_item;
          ev_item.pos = r_.pos(c);
          ev_item.kind = r_.optional(c, "kind");
          ev_item.ref = r_.optional(c, "ref");
          auto t = r_.text(c);
          if (!t) return t.error();
          ev_item.text = *t;
          ob.evidence.push_back(std::move(ev_item));
        }
      }
      // Dates outside the placement: a warning, an error for an exit evaluation
      // (rectec.md §4.5 case 7: an exit result must rest on the placement itself).
      if (e.placement && (ob.date < e.placement->start || ob.date > e.placement->end)) {
        Error err = r_.error("evaluation.date_outside_placement", r_.at(o.attribute("date")),
                             {ob.date.to_string(), e.placement->start.to_string(), e.placement->end.to_string()});
        if (e.phase == Phase::exit) return err;
        e.warnings.push_back(std::move(err));
      }
      e.observations.push_back(std::move(ob));
    }
    // Arbitration references resolve to observations of the same indicator.
    for (const auto& [node, index] : arbitrations) {
      const Observation& arb = e.observations[index];
      for (const auto& ref : arb.overrides) {
        auto it = observation_index_.find(ref);
        if (it == observation_index_.end() || e.observations[it->second].indicator != arb.indicator ||
            it->second == index)
          return r_.error("evaluation.unknown_observation", r_.at(node.attribute("overrides")), {ref});
      }
    }
    return {};
  }

  const XmlReader& r_;
  std::map<std::string, SourcePos, std::less<>> ids_;
  std::map<std::string, std::size_t, std::less<>> evaluator_index_, observation_index_;
};

}  // namespace
}  // namespace detail

Result<Evaluation> parse_evaluation(std::string_view xml, std::string_view file_name,
                                    const ParseOptions& options) {
  detail::XmlReader r(file_name, options);
  auto loaded = r.load(xml, "evaluation", detail::kEvalNamespace);
  if (!loaded) return loaded.error();
  return detail::EvaluationParser(r).run();
}

Result<Evaluation> load_evaluation(const std::string& path, const ParseOptions& options) {
  auto text = detail::read_file_capped(path, options);
  if (!text) return text.error();
  return parse_evaluation(*text, path, options);
}

}  // namespace ecusson::assessment
