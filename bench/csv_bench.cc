// CSV reading throughput: a 100,000-row participant file as French Excel writes it (BOM,
// ';', CRLF, one quoted field in three, accents), read with CsvReader from an in-memory
// stream. Reference: counting the lines of the same text with memchr, the floor for any
// reader that looks at every byte. Figures and the command are in bench/README.md.
#include <benchmark/benchmark.h>

#include <cstring>
#include <sstream>
#include <string>

#include "ecusson/common/csv_reader.h"

namespace {

const std::string& batch_file() {
  static const std::string text = [] {
    std::string s = "\xEF\xBB\xBF" "courriel;nom;prénom;date;commentaire\r\n";
    for (int i = 0; i < 100000; ++i) {
      std::string n = std::to_string(i);
      s += "personne" + n + "@example.fr;Lefèvre-" + n + ";Hélène;2025-03-14;";
      s += i % 3 == 0 ? "\"très bien; \"\"assidue\"\"\"\r\n" : "RAS\r\n";
    }
    return s;
  }();
  return text;
}

void BM_CsvReader100kRows(benchmark::State& state) {
  const std::string& text = batch_file();
  for (auto _ : state) {
    std::istringstream in(text);
    ecusson::CsvReader reader(in);
    ecusson::CsvRecord rec;
    std::size_t rows = 0;
    while (reader.next(rec).value()) ++rows;
    benchmark::DoNotOptimize(rows);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_CsvReader100kRows)->Unit(benchmark::kMillisecond);

void BM_ReferenceCountLines(benchmark::State& state) {
  const std::string& text = batch_file();
  for (auto _ : state) {
    std::size_t lines = 0;
    for (const char *p = text.data(), *end = p + text.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))));
         ++p)
      ++lines;
    benchmark::DoNotOptimize(lines);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReferenceCountLines)->Unit(benchmark::kMillisecond);

}  // namespace
