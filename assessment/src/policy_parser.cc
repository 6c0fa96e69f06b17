// <scoringPolicy>: in a grid or in its own file (docs/formats.md §3).
#include "ecusson/assessment/messages.h"
#include "ecusson/assessment/scoring_policy.h"
#include "parsers.h"

namespace ecusson::assessment {
namespace detail {
namespace {

// A share is a rational in [0, 1].
Result<void> share(const XmlReader& r, pugi::xml_node n, const char* name, Rational& out) {
  auto v = r.rational(n, name);
  if (!v) return v.error();
  if (!*v) return {};
  if (**v > Rational(1))
    return r.error("policy.bad_value", r.at(n.attribute(name)),
                   {n.attribute(name).value(), name,
                    r.tr("une part entre 0 et 1 (ex. 0.5 ou 2/3)", "a share from 0 to 1 (e.g. 0.5 or 2/3)")});
  out = **v;
  return {};
}

Result<void> weight(const XmlReader& r, pugi::xml_node n, const char* name, Rational& out) {
  auto v = r.rational(n, name);
  if (!v) return v.error();
  if (*v) out = **v;
  return {};
}

Result<void> integer(const XmlReader& r, pugi::xml_node n, const char* name, int& out, int min,
                     int max) {
  auto v = r.integer(n, name);
  if (!v) return v.error();
  if (!*v) return {};
  if (**v < min || **v > max)
    return r.error("policy.bad_value", r.at(n.attribute(name)),
                   {n.attribute(name).value(), name,
                    r.tr("un entier de ", "an integer from ") + std::to_string(min) +
                        r.tr(" à ", " to ") + std::to_string(max)});
  out = **v;
  return {};
}

Result<void> boolean(const XmlReader& r, pugi::xml_node n, const char* name, bool& out) {
  auto v = r.boolean(n, name, out);
  if (!v) return v.error();
  out = *v;
  return {};
}

}  // namespace

Result<ScoringPolicy> read_policy(const XmlReader& r, pugi::xml_node node) {
  ScoringPolicy p;
  p.source_file = r.file();
  p.pos = r.pos(node);
  ECUSSON_TRY(r.check_attributes(node, {"id", "version"}));
  ECUSSON_TRY(r.check_children(node, {"evaluatorWeights", "perEvaluator", "consolidate",
                                      "disagreement", "indicatorMet", "levelAttained",
                                      "cumulative", "partial", "cap", "confidence",
                                      "requirements"}));
  auto id = r.required_id(node, "id");
  if (!id) return id.error();
  p.id = *id;
  auto version = r.required(node, "version");
  if (!version) return version.error();
  p.version = *version;

  auto child = [&](const char* name) { return r.optional_child(node, name); };

  if (auto c = child("evaluatorWeights"); !c) {
    return c.error();
  } else if (*c) {
    ECUSSON_TRY(r.check_attributes(*c, {"tutor", "referent", "self"}));
    ECUSSON_TRY(weight(r, *c, "tutor", p.tutor_weight));
    ECUSSON_TRY(weight(r, *c, "referent", p.referent_weight));
    ECUSSON_TRY(weight(r, *c, "self", p.self_weight));
    if (p.tutor_weight.is_zero() && p.referent_weight.is_zero() && p.self_weight.is_zero())
      return r.error("policy.bad_value", r.at(*c),
                     {"0", "evaluatorWeights",
                      r.tr("au moins un rôle de poids non nul", "at least one role with a non-zero weight")});
    ECUSSON_TRY(r.check_children(*c, {}));
  }
  if (auto c = child("perEvaluator"); !c) {
    return c.error();
  } else if (*c) {
    ECUSSON_TRY(r.check_attributes(*c, {"latestOnly"}));
    ECUSSON_TRY(boolean(r, *c, "latestOnly", p.latest_only));
    ECUSSON_TRY(r.check_children(*c, {}));
  }
  if (auto c = child("consolidate"); !c) {
    return c.error();
  } else if (*c) {
    ECUSSON_TRY(r.check_attributes(*c, {"method", "tieBreak", "rolePriority"}));
    ECUSSON_TRY(r.check_children(*c, {}));
    if (auto a = c->attribute("method")) {
      std::string_view v = a.value();
      if (v == "weighted-median") p.method = Consolidation::weighted_median;
      else if (v == "min") p.method = Consolidation::min;
      else if (v == "max") p.method = Consolidation::max;
      else if (v == "role-priority") p.method = Consolidation::role_priority;
      else
        return r.error("policy.bad_value", r.at(a),
                       {v, "method", "weighted-median | min | max | role-priority"});
    }
    if (auto a = c->attribute("tieBreak")) {
      std::string_view v = a.value();
      if (v == "lower") p.tie_break = TieBreak::lower;
      else if (v == "upper") p.tie_break = TieBreak::upper;
      else return r.error("policy.bad_value", r.at(a), {v, "tieBreak", "lower | upper"});
    }
    if (auto a = c->attribute("rolePriority")) {
      p.role_priority.clear();
      std::string list = collapse_whitespace(a.value());
      std::size_t start = 0;
      while (start < list.size()) {
        std::size_t end = list.find(' ', start);
        if (end == std::string::npos) end = list.size();
        std::string_view item(list.data() + start, end - start);
        auto role = parse_evaluator_role(item);
        if (!role)
          return r.error("policy.bad_value", r.at(a),
                         {item, "rolePriority", r.tr("des rôles parmi tutor referent self",
                                                   "roles among tutor referent self")});
        p.role_priority.push_back(*role);
        start = end + 1;
      }
      if (p.role_priority.empty())
        return r.error("policy.bad_value", r.at(a),
                       {"", "rolePriority", r.tr("au moins un rôle", "at least one role")});
    }
  }
  if (auto c = child("disagreement"); !c) {
    return c.error();
  } else if (*c) {
    ECUSSON_TRY(r.check_attributes(*c, {"maxRankGap", "onExceed"}));
    ECUSSON_TRY(r.check_children(*c, {}));
    ECUSSON_TRY(integer(r, *c, "maxRankGap", p.max_rank_gap, 0, 1000));
    if (auto a = c->attribute("onExceed")) {
      std::string_view v = a.value();
      if (v == "flag-and-hold") p.on_exceed = DivergenceAction::flag_and_hold;
      else if (v == "flag-only") p.on_exceed = DivergenceAction::flag_only;
      else return r.error("policy.bad_value", r.at(a), {v, "onExceed", "flag-and-hold | flag-only"});
    }
  }
  if (auto c = child("indicatorMet"); !c) {
    return c.error();
  } else if (*c) {
    ECUSSON_TRY(r.check_attributes(*c, {"minRank"}));
    ECUSSON_TRY(r.check_children(*c, {}));
    auto v = r.integer(*c, "minRank");
    if (!v) return v.error();
    p.met_min_rank = *v;
  }
  if (auto c = child("levelAttained"); !c) {
    return c.error();
  } else if (*c) {
    ECUSSON_TRY(r.check_attributes(*c, {"minCoverage", "minObserved", "minMetShare", "criticalMustBeMet"}));
    ECUSSON_TRY(r.check_children(*c, {}));
    ECUSSON_TRY(share(r, *c, "minCoverage", p.min_coverage));
    ECUSSON_TRY(integer(r, *c, "minObserved", p.min_observed, 1, 1000));
    ECUSSON_TRY(share(r, *c, "minMetShare", p.min_met_share));
    ECUSSON_TRY(boolean(r, *c, "criticalMustBeMet", p.critical_must_be_met));
  }
  if (auto c = child("cumulative"); !c) {
    return c.error();
  } else if (*c) {
    ECUSSON_TRY(r.check_attributes(*c, {"requireLowerLevels", "allowGapFill"}));
    ECUSSON_TRY(r.check_children(*c, {}));
    ECUSSON_TRY(boolean(r, *c, "requireLowerLevels", p.require_lower_levels));
    if (auto a = c->attribute("allowGapFill")) {
      std::string_view v = a.value();
      if (v == "evidence-of-higher") p.gap_fill = GapFill::evidence_of_higher;
      else if (v == "none") p.gap_fill = GapFill::none;
      else return r.error("policy.bad_value", r.at(a), {v, "allowGapFill", "evidence-of-higher | none"});
    }
  }
  if (auto c = child("partial"); !c) {
    return c.error();
  } else if (*c) {
    ECUSSON_TRY(r.check_attributes(*c, {"minMetShare"}));
    ECUSSON_TRY(r.check_children(*c, {}));
    ECUSSON_TRY(share(r, *c, "minMetShare", p.partial_min_met_share));
  }
  if (auto c = child("cap"); !c) {
    return c.error();
  } else if (*c) {
    ECUSSON_TRY(r.check_attributes(*c, {"byPlacement"}));
    ECUSSON_TRY(r.check_children(*c, {}));
    ECUSSON_TRY(boolean(r, *c, "byPlacement", p.cap_by_placement));
  }
  if (auto c = child("confidence"); !c) {
    return c.error();
  } else if (*c) {
    ECUSSON_TRY(r.check_attributes(*c, {"singleEvaluatorFactor"}));
    ECUSSON_TRY(r.check_children(*c, {}));
    ECUSSON_TRY(share(r, *c, "singleEvaluatorFactor", p.single_evaluator_factor));
  }
  if (auto c = child("requirements"); !c) {
    return c.error();
  } else if (*c) {
    ECUSSON_TRY(r.check_attributes(*c, {"minEvaluatorRoles", "missedHoursFlagShare"}));
    ECUSSON_TRY(r.check_children(*c, {}));
    ECUSSON_TRY(integer(r, *c, "minEvaluatorRoles", p.min_evaluator_roles, 1, 3));
    ECUSSON_TRY(share(r, *c, "missedHoursFlagShare", p.missed_hours_flag_share));
  }
  return p;
}

}  // namespace detail

Result<ScoringPolicy> parse_policy(std::string_view xml, std::string_view file_name,
                                   const ParseOptions& options) {
  detail::XmlReader r(file_name, options);
  auto loaded = r.load(xml, "scoringPolicy", detail::kGridNamespace);
  if (!loaded) return loaded.error();
  return detail::read_policy(r, r.root());
}

Result<ScoringPolicy> load_policy(const std::string& path, const ParseOptions& options) {
  auto text = detail::read_file_capped(path, options);
  if (!text) return text.error();
  return parse_policy(*text, path, options);
}

}  // namespace ecusson::assessment
