// Small grids and evaluation builders for the assessment tests.
//
// The scoring grid "t" has one competence C with 3 levels (never assume 4), rating ranks
// 0..3 with "2" and "3" meeting, a "NO" (non observé) value, and these indicators:
//   level 1: C.1.a, C.1.b, C.1.c            (weight 1 each)
//   level 2: C.2.a (critical), C.2.b, C.2.c (weight 1 each)
//   level 3: C.3.a (weight 3), C.3.b, C.3.c (weight 1 each): unbalanced on purpose
// Evaluators in every built evaluation: T (tutor), T2 (tutor), R (referent), S (self).
// Placement: 2025-03-03 .. 2025-03-14.
#pragma once

#include <string>
#include <vector>

#include "ecusson/assessment/evaluation.h"
#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/score.h"
#include "test_support.h"

namespace ecusson::assessment::testing {

inline const char* kTestGrid = R"(<?xml version="1.0" encoding="UTF-8"?>
<competenceGrid xmlns="urn:ecusson:grid:1" id="t" version="1.0.0" lang="fr">
  <levelScale id="s3">
    <level n="1" label="Un"/><level n="2" label="Deux"/><level n="3" label="Trois"/>
  </levelScale>
  <ratingScale id="r">
    <value code="NO" label="Non observé" observed="false"/>
    <value code="0" label="Non démontré" rank="0"/>
    <value code="1" label="Avec aide" rank="1"/>
    <value code="2" label="Démontré" rank="2" meets="true"/>
    <value code="3" label="Régulier" rank="3" meets="true"/>
  </ratingScale>
  <domain id="D" label="Domaine">
    <competence id="C" label="Compétence" levelScale="s3">
      <level n="1">
        <indicator id="C.1.a">a1</indicator><indicator id="C.1.b">b1</indicator><indicator id="C.1.c">c1</indicator>
      </level>
      <level n="2">
        <indicator id="C.2.a" critical="true">a2</indicator><indicator id="C.2.b">b2</indicator><indicator id="C.2.c">c2</indicator>
      </level>
      <level n="3">
        <indicator id="C.3.a" weight="3">a3</indicator><indicator id="C.3.b">b3</indicator><indicator id="C.3.c">c3</indicator>
      </level>
    </competence>
  </domain>
  <contextualisation rome="K2204">
    <indicatorOverride ref="C.1.a">a1 pour le nettoyage</indicatorOverride>
  </contextualisation>
</competenceGrid>
)";

struct Obs {
  std::string indicator;
  std::string by;
  std::string rating;
  std::string date = "2025-03-10";
  std::string extra = {};  // more attributes, e.g. R"(arbitration="true")"
};

/// An evaluation of grid t@1.0.0 holding `obs`; `placement_extra` adds placement attributes.
inline std::string eval_xml(const std::vector<Obs>& obs, const std::string& phase = "exit",
                            const std::string& placement_extra = {},
                            const std::string& grid_version = "1.0.0") {
  std::string x = R"(<?xml version="1.0" encoding="UTF-8"?>
<evaluation xmlns="urn:ecusson:eval:1" id="EV-T" grid="t" gridVersion=")" + grid_version +
                  R"(" phase=")" + phase + R"(">
  <participant ref="P-TEST"/>
  <placement kind="pmsmp" start="2025-03-03" end="2025-03-14" )" + placement_extra + R"(/>
  <evaluators>
    <evaluator id="T" role="tutor"/><evaluator id="T2" role="tutor"/>
    <evaluator id="R" role="referent"/><evaluator id="S" role="self"/>
  </evaluators>
  <observations>
)";
  for (const auto& o : obs)
    x += "    <obs indicator=\"" + o.indicator + "\" by=\"" + o.by + "\" date=\"" + o.date +
         "\" rating=\"" + o.rating + "\" " + o.extra + "/>\n";
  x += "  </observations>\n</evaluation>\n";
  return x;
}

inline Grid test_grid() { return parse_grid(kTestGrid, "t.grid.xml").value(); }

/// Scores `obs` on grid t with `policy` (default policy when omitted).
inline AssessmentResult score_obs(const std::vector<Obs>& obs,
                                  const ScoringPolicy& policy = ScoringPolicy::defaults(),
                                  const std::string& placement_extra = {}) {
  Grid g = test_grid();
  Evaluation e = parse_evaluation(eval_xml(obs, "exit", placement_extra), "e.eval.xml").value();
  return score(e, g, policy).value();
}

/// The single competence of grid t.
inline const CompetenceResult& comp(const AssessmentResult& r) { return r.competences.at(0); }
inline const LevelBasis& lvl(const AssessmentResult& r, int n) {
  return r.competences.at(0).levels.at(static_cast<std::size_t>(n - 1));
}
inline const IndicatorOutcome& ind(const AssessmentResult& r, const std::string& id) {
  for (const auto& i : r.competences.at(0).indicators)
    if (i.id == id) return i;
  throw std::runtime_error("no indicator " + id);
}

/// All three indicators of a level rated `rating` by `by`.
inline std::vector<Obs> level_all(int n, const std::string& by, const std::string& rating) {
  std::string l = std::to_string(n);
  return {{"C." + l + ".a", by, rating}, {"C." + l + ".b", by, rating}, {"C." + l + ".c", by, rating}};
}

inline std::vector<Obs> operator+(std::vector<Obs> a, const std::vector<Obs>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace ecusson::assessment::testing
