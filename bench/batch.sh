#!/usr/bin/env bash
# bench/batch: bulk issuance speed (design §6). Generates a ROWS-row batch CSV (default
# 100,000), issues it to a fresh store with Data Integrity + VC-JWT and a baked PNG and SVG
# per row, then runs the same command again (every row already issued). Prints rows per
# second, peak resident memory and, measured in the same run, the raw Ed25519 signing rate
# × cores (Google Benchmark BM_Ed25519Sign) with the ratio.
#
#   bench/batch.sh                 # 100,000 rows, work files under build/bench-batch
#   ROWS=10000 bench/batch.sh      # quicker
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
rows="${ROWS:-100000}"
work="${WORK_DIR:-$build/bench-batch}"
cores="$(nproc)"

"$root/scripts/build" --target ecusson ecusson_bench >/dev/null
ecusson="$build/cli/ecusson"

rm -rf "$work" && mkdir -p "$work"
python3 - "$rows" "$work/lot.csv" <<'EOF'
import sys
rows, path = int(sys.argv[1]), sys.argv[2]
competences = ["ORG.ACT", "ORG.REG", "ORG.EQU"]
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write("\ufeffemail;given_name;family_name;competence;level;narrative\r\n")
    for i in range(rows):
        f.write(f"personne{i}@example.fr;Prénom{i};Nom{i};{competences[i % 3]};{1 + i % 4};"
                f"\"Observé en situation, semaine {i % 52 + 1}\"\r\n")
EOF

"$ecusson" init --dir "$work/var" >/dev/null 2>&1

# Reference: raw Ed25519 signing, one core, then × cores.
ref_json="$("$build/bench/ecusson_bench" --benchmark_filter='^BM_Ed25519Sign$' \
  --benchmark_min_time=1 --benchmark_format=json 2>/dev/null)"
ref_cpu_ns="$(python3 -c 'import json,sys; b=json.loads(sys.argv[1])["benchmarks"][0]; print(b["cpu_time"] * {"ns":1,"us":1e3,"ms":1e6}[b["time_unit"]])' "$ref_json")"

run() {  # $1 = label; prints "seconds peak_kb json"
  /usr/bin/time -f "%e %M" -o "$work/time-$1" "$ecusson" batch "$work/lot.csv" \
    --out "$work/out" --dir "$work/var" --consent-collected --by bench --json \
    >"$work/report-$1.json" 2>"$work/stderr-$1" || true
  cat "$work/time-$1"
}
read -r first_s first_kb < <(run first)
read -r again_s again_kb < <(run again)

python3 - "$rows" "$cores" "$ref_cpu_ns" "$first_s" "$first_kb" "$again_s" "$again_kb" \
  "$work/report-first.json" "$work/report-again.json" <<'EOF'
import json, sys
rows, cores = int(sys.argv[1]), int(sys.argv[2])
ref_ns, first_s, first_kb, again_s, again_kb = map(float, sys.argv[3:8])
first, again = (json.load(open(p)) for p in sys.argv[8:10])
raw_rate = cores * 1e9 / ref_ns
rate = rows / first_s
print(f"rows: {rows}, cores: {cores}")
print(f"issued: {first['issued']}, rejected: {first['rejected']}; re-run: "
      f"{again['alreadyIssued']} already issued, {again['issued']} issued")
print(f"| measure | value |\n|---|---|")
print(f"| raw Ed25519 sign × {cores} cores (reference) | {raw_rate:,.0f} /s |")
print(f"| batch, first run | {rate:,.0f} rows/s ({first_s:.1f} s) |")
print(f"| ratio to the reference [goal ≥ 0.15] | {rate / raw_rate:.3f} × |")
print(f"| peak resident memory [goal ≤ 256 MB] | {first_kb / 1024:.0f} MB |")
print(f"| re-run (all already issued) | {again_s:.1f} s = {100 * again_s / first_s:.1f} % of the first [goal < 5 %] |")
t = first["timings"]
print("stage seconds (first run): " + ", ".join(f"{k} {v:.1f}" for k, v in t.items()))
EOF
