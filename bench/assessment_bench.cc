// Assessment throughput: parsing and scoring a full evaluation on the shipped RECTEC-style
// grid (12 competences, 110 indicators), and writing its reports.
//
// The "full evaluation" is built in memory: every indicator of the grid observed by the
// tutor and by the referent (220 observations, ratings cycling through the scale), plus the
// placement block of the examples. Figures and the command are in bench/README.md.
#include <string>

#include <benchmark/benchmark.h>

#include "ecusson/assessment/cohort.h"
#include "ecusson/assessment/evaluation.h"
#include "ecusson/assessment/grid.h"
#include "ecusson/assessment/report_csv.h"
#include "ecusson/assessment/report_html.h"
#include "ecusson/assessment/report_json.h"
#include "ecusson/assessment/score.h"

namespace {

namespace as = ecusson::assessment;

const as::Grid& shipped_grid() {
  static const as::Grid grid =
      as::load_grid(std::string(ECUSSON_TEMPLATES_DIR) + "/grids/rectec-style.grid.xml").value();
  return grid;
}

std::string full_evaluation_xml(const as::Grid& grid) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<evaluation xmlns=\"urn:ecusson:eval:1\" id=\"EV-BENCH\" grid=\"" + grid.id +
      "\" gridVersion=\"" + grid.version + "\" phase=\"exit\">\n"
      "  <participant ref=\"P-BENCH\"/>\n"
      "  <placement kind=\"pmsmp\" objective=\"confirmer-projet\" start=\"2025-03-03\" "
      "end=\"2025-03-14\" hoursPlanned=\"70\" hoursMissed=\"0\" completion=\"completed\">\n"
      "    <host siret=\"12345678900012\" name=\"Propreté Services (exemple)\"/>\n"
      "    <job rome=\"K2204\" appellation=\"12345\" label=\"Agent / Agente de propreté\"/>\n"
      "  </placement>\n"
      "  <evaluators>\n    <evaluator id=\"E1\" role=\"tutor\"/>\n"
      "    <evaluator id=\"E2\" role=\"referent\"/>\n  </evaluators>\n  <observations>\n";
  const char* ratings[] = {"3", "2", "2", "1", "3", "NO"};
  int k = 0;
  for (const as::Domain& d : grid.domains) {
    for (const as::Competence& c : d.competences) {
      for (const as::Level& l : c.levels) {
        for (const as::Indicator& i : l.indicators) {
          for (const char* by : {"E1", "E2"}) {
            xml += "    <obs indicator=\"" + i.id + "\" by=\"" + by +
                   "\" date=\"2025-03-12\" rating=\"" + ratings[k++ % 6] + "\"/>\n";
          }
        }
      }
    }
  }
  xml += "  </observations>\n</evaluation>\n";
  return xml;
}

void BM_AssessmentParseEvaluation(benchmark::State& state) {
  const std::string xml = full_evaluation_xml(shipped_grid());
  for (auto _ : state) {
    auto e = as::parse_evaluation(xml, "bench.eval.xml");
    benchmark::DoNotOptimize(e);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(xml.size()));
}
BENCHMARK(BM_AssessmentParseEvaluation);

void BM_AssessmentScore(benchmark::State& state) {
  const as::Grid& grid = shipped_grid();
  const as::Evaluation e = as::parse_evaluation(full_evaluation_xml(grid), "bench.eval.xml").value();
  const as::ScoringPolicy policy = grid.effective_policy();
  for (auto _ : state) {
    auto r = as::score(e, grid, policy);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AssessmentScore);

// Parse + score: evaluations per second per core, the figure recorded in bench/README.md.
void BM_AssessmentParseAndScore(benchmark::State& state) {
  const as::Grid& grid = shipped_grid();
  const std::string xml = full_evaluation_xml(grid);
  const as::ScoringPolicy policy = grid.effective_policy();
  for (auto _ : state) {
    auto e = as::parse_evaluation(xml, "bench.eval.xml");
    auto r = as::score(*e, grid, policy);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AssessmentParseAndScore);

// Reference for the parse: pugixml-free floor = one pass over the bytes (a checksum).
void BM_AssessmentReferenceScanBytes(benchmark::State& state) {
  const std::string xml = full_evaluation_xml(shipped_grid());
  for (auto _ : state) {
    unsigned sum = 0;
    for (unsigned char c : xml) sum = sum * 31 + c;
    benchmark::DoNotOptimize(sum);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(xml.size()));
}
BENCHMARK(BM_AssessmentReferenceScanBytes);

void BM_AssessmentReports(benchmark::State& state) {
  const as::Grid& grid = shipped_grid();
  const as::Evaluation e = as::parse_evaluation(full_evaluation_xml(grid), "bench.eval.xml").value();
  as::AssessmentResult r = as::score(e, grid, grid.effective_policy()).value();
  as::Cohort cohort = as::build_cohort({r}, {grid});
  const int which = static_cast<int>(state.range(0));
  for (auto _ : state) {
    std::string out;
    if (which == 0) out = as::result_to_json(r, grid);
    if (which == 1) out = as::participant_to_html(cohort.groups[0].participants[0], grid);
    if (which == 2) out = as::cohort_to_csv(cohort);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(which == 0 ? "json" : which == 1 ? "html" : "csv");
}
BENCHMARK(BM_AssessmentReports)->Arg(0)->Arg(1)->Arg(2);

}  // namespace
