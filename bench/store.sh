#!/usr/bin/env bash
# The same service-level workload on SQLite and PostgreSQL (bench/store_bench.cc), in one run, and the
# ratio PostgreSQL/SQLite. Starts a throwaway PostgreSQL with scripts/pg-test-server unless
# GONGKAI_BENCH_PG_URL is set; writes a Markdown section to STORE_RESULTS (default: stdout).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
bin="${STORE_BENCH:-$root/build/bench/store_bench}"
[[ -x "$bin" ]] || { echo "store.sh: no store_bench at $bin" >&2; exit 2; }
work="$(mktemp -d -t gongkai-store-bench.XXXXXX)"
started=0
cleanup() {
  [[ $started -eq 1 ]] && "$root/scripts/pg-test-server" stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
if [[ -z "${GONGKAI_BENCH_PG_URL:-}" ]]; then
  GONGKAI_BENCH_PG_URL="$("$root/scripts/pg-test-server" 2>/dev/null)"
  started=1
fi
export GONGKAI_BENCH_PG_URL
timeout 600 "$bin" --benchmark_min_time=0.5 --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_out_format=json --benchmark_out="$work/store.json" >&2
python3 - "$work/store.json" <<'PY' > "${STORE_RESULTS:-/dev/stdout}"
import json, sys
runs = json.load(open(sys.argv[1]))["benchmarks"]
name = lambda r: r["run_name"].replace("/real_time", "")
med = {name(r): r["real_time"] for r in runs if r.get("aggregate_name") == "median"}
unit = {name(r): r["time_unit"] for r in runs if r.get("aggregate_name") == "median"}
scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}
print("## Storage backends (`store_bench`): the same workload on SQLite and PostgreSQL\n")
print("Wall time per operation through the service layer (median of 3 repetitions), one client thread, "
      "SQLite on a local file (WAL), PostgreSQL 15 on loopback (a throwaway server with fsync off, so its "
      "writes are cheaper than in production). The anchor is SQLite; ratio = PostgreSQL / SQLite.\n")
print("| Operation | SQLite µs/op | PostgreSQL µs/op | Ratio PG/SQLite |")
print("|---|---:|---:|---:|")
names = {"BM_EditAgency": "edit an agency (read, version-guarded update, audit entry)",
         "BM_AgencyTree": "read the agency tree (a portal page's data)",
         "BM_ResolveSession": "resolve a session (every logged-in request)"}
for key, label in names.items():
    s = med.get(f"{key}/sqlite"); p = med.get(f"{key}/postgresql")
    su = s * scale[unit[f"{key}/sqlite"]] if s else None
    pu = p * scale[unit[f"{key}/postgresql"]] if p else None
    ratio = f"{pu / su:.2f}" if su and pu else "—"
    print(f"| {label} | {su:.1f} | {pu:.1f} | {ratio} |" if pu else f"| {label} | {su:.1f} | — | — |")
print()
PY
