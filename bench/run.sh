#!/usr/bin/env bash
# Runs the benchmarks and writes bench/RESULTS.md. Builds nothing: build core_bench first with
#   cmake -S . -B build -G Ninja -DGONGKAI_BENCH=ON && cmake --build build --target core_bench -j2
#
#   CORE_BENCH       core_bench binary (default: build/bench/core_bench under the repo root)
#   GONGKAI_BIN      gongkai binary for web.sh (default: build/src/cli/gongkai)
#   BENCH_DURATION   wrk duration per measurement (default 10s)
#   RESULTS          output file (default: bench/RESULTS.md)
#   RENDER_BENCH     render_bench binary (default: build/bench/render_bench); its section is left out
#                    when it is absent
#
#   bench/run.sh --render-only   runs only render_bench and replaces the "Report rendering" section of
#                                RESULTS in place (quick; no wrk/nginx, no databases)
#   AUDIT_BENCH      audit_bench binary (default: build/bench/audit_bench); its section is left out when
#                    it is absent
#   bench/run.sh --audit-only    the same for audit_bench and the "Auditing published reports" section
#   TALLY_BENCH      tally_bench binary (default: build/bench/tally_bench); its section is left out when
#                    it is absent
#   bench/run.sh --tally-only    the same for tally_bench and the "Tables 三/四 from the records" section
#   SEARCH_BENCH     search_bench binary (default: build/bench/search_bench); its section is left out when
#                    it is absent
#   bench/run.sh --search-only   the same for search_bench and the "Portal search" section
#   SEARCH_DB        the 100,000-item database search_bench builds (default: a temporary file); an
#                    existing one is reused (and migrated)
#   bench/run.sh --web-only      runs only web.sh (wrk against gongkai and nginx) and replaces the
#                                "Web" section
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
core_bench="${CORE_BENCH:-$root/build/bench/core_bench}"
case "$core_bench" in /*) ;; *) core_bench="$root/$core_bench" ;; esac
out="${RESULTS:-$here/RESULTS.md}"
render_bench="${RENDER_BENCH:-$root/build/bench/render_bench}"
case "$render_bench" in /*) ;; *) render_bench="$root/$render_bench" ;; esac
audit_bench="${AUDIT_BENCH:-$root/build/bench/audit_bench}"
case "$audit_bench" in /*) ;; *) audit_bench="$root/$audit_bench" ;; esac

# audit_section MD: runs audit_bench and writes the "Auditing published reports" section to MD.
audit_section() {
  local md="$1" json
  json="$(dirname "$md")/audit.json"
  GONGKAI_SOURCE_DIR="$root" timeout 900 "$audit_bench" --benchmark_min_time=0.2 --benchmark_repetitions=3 \
    --benchmark_report_aggregates_only=true --benchmark_out_format=json --benchmark_out="$json"
  python3 - "$json" "$md" "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    "$(date -u '+%Y-%m-%d %H:%M UTC')" <<'PY'
import json, sys
src, md, commit, date = sys.argv[1:]
data = json.load(open(src))
median = {b["run_name"]: b for b in data["benchmarks"] if b.get("aggregate_name") == "median"}
def us(b):
    return b["cpu_time"] * {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b["time_unit"]]
anchor = us(median["BM_ScanBytes"])
L = ["## Auditing published reports (`audit_bench`)", "",
     "CPU time to audit one report from its bytes, as `gongkai audit` does per file: detect the kind, read, "
     "extract all 200 cells of Tables 二/三/四 and run every rule (`io::ReadPublishedReport` + "
     "`report::AuditBatch`). Inputs: the real seed report (`../shared/fixtures`, tab-separated text) and our "
     "seed-sized sample report rendered by our own renderers. PDF includes the `pdftotext` subprocess, so its "
     "CPU time (this process) understates it; the wall time is shown too. Median of 3 repetitions "
     f"(`--benchmark_min_time=0.2`), measured {date} at `{commit}`. The anchor in the same run is copying the "
     "text report's bytes and counting its lines; ratio = figure / anchor.", "",
     "| Input | bytes | µs/report (CPU) | µs/report (wall) | reports/s on one core | Ratio to anchor |",
     "|---|---:|---:|---:|---:|---:|"]
for name in ["seed_text", "text", "html", "docx", "pdf"]:
    b = median.get("BM_Audit/" + name)
    if b is None:
        L.append(f"| {name} | — | — | — | — | — |")
        continue
    wall = b["real_time"] * {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b["time_unit"]]
    per_s = 1e6 / max(us(b), wall) if name == "pdf" else 1e6 / us(b)
    L.append(f"| {name} | {int(b.get('bytes', 0)):,} | {us(b):,.1f} | {wall:,.1f} | {per_s:,.0f} | {us(b) / anchor:,.0f} |")
L += ["", f"Anchor: {anchor:.2f} µs. Issue 5's goal: at least 5,000 seed-sized text and HTML reports audited per "
      "second on one core (PDF's rate is by wall time).", ""]
open(md, "w", encoding="utf-8").write("\n".join(L) + "\n")
PY
}

# replace_section MD HEADING: puts MD in place of the "## HEADING" section of RESULTS, or appends it.
replace_section() {
  python3 - "$out" "$1" "$2" <<'PY'
import os, re, sys
out, md, heading = sys.argv[1:]
text = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
section = open(md, encoding="utf-8").read()
pattern = re.compile(r"^## " + re.escape(heading) + r".*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda m: section + "\n", text, count=1) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(out, "w", encoding="utf-8").write(text.rstrip("\n") + "\n")
PY
}

search_bench="${SEARCH_BENCH:-$root/build/bench/search_bench}"
case "$search_bench" in /*) ;; *) search_bench="$root/$search_bench" ;; esac

# search_section MD: runs search_bench (builds a 100,000-item SQLite database first) and writes the
# "Portal search" section to MD.
search_section() {
  local md="$1" json
  json="$(dirname "$md")/search.json"
  timeout 1800 "$search_bench" --items 100000 --reps 11 --db "${SEARCH_DB:-$(dirname "$md")/search.db}" --json "$json" >/dev/null
  python3 - "$json" "$md" "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    "$(date -u '+%Y-%m-%d %H:%M UTC')" <<'PY'
import json, sys
src, md, commit, date = sys.argv[1:]
d = json.load(open(src))
L = ["## Portal search (`search_bench`)", "",
     f"Wall time of `PublicationService::Search` (page 1, 20 hits, title matches first, snippets) over {d['items']:,} "
     "published items on SQLite (a local file, WAL), titles and bodies of 500–2,000 characters generated from a "
     "fixed vocabulary of township disclosure words. Each query runs once to warm up, then "
     f"{d['reps']} times. Search counts matches up to 1,000 (the page then says 1,000 条以上, and pages end "
     "there) and takes each page from one pass in id order that the index stops at the LIMIT, so a common word "
     "costs no more than a rare one. The anchor in the same run is the raw FTS5 `MATCH` count of every match of "
     "the same query plan (sqlite3 C API, same file): the engine alone, without ranking, paging or loading "
     "items; for very common words it is slower than Search, which stops early (ratio below 1). "
     f"Measured {date} at `{commit}`.", "",
     "| Query | kind | matching items | counted | p50 ms | p95 ms | FTS5 MATCH p50 ms | Ratio to anchor |",
     "|---|---|---:|---:|---:|---:|---:|---:|"]
for q in d["queries"]:
    ratio = f"{q['p50'] / q['fts_p50']:.1f}" if q["fts_p50"] else "—"
    counted = f"{q['hits']:,}" + ("+" if q.get("more") else "")
    L.append(f"| `{q['query']}` | {q['kind']} | {q.get('matches', q['hits']):,} | {counted} | {q['p50']:.1f} | "
             f"{q['p95']:.1f} | {q['fts_p50']:.2f} | {ratio} |")
L += ["", f"All queries together: p50 {d['p50']:.1f} ms, p95 {d['p95']:.1f} ms, p99 {d['p99']:.1f} ms "
      f"(anchor: {d['fts_p50']:.2f} / {d['fts_p95']:.2f} / {d['fts_p99']:.2f} ms). Issue 7's goal: p95 under 50 ms.", ""]
open(md, "w", encoding="utf-8").write("\n".join(L) + "\n")
PY
}

if [[ "${1:-}" == "--search-only" ]]; then
  [[ -x "$search_bench" ]] || { echo "run.sh: no search_bench at $search_bench" >&2; exit 2; }
  work="$(mktemp -d -t gongkai-bench.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
  search_section "$work/search.md"
  replace_section "$work/search.md" "Portal search"
  echo "updated the Portal search section of $out"
  exit 0
fi

# web_section TSV MD: writes the "Web" section to MD from web.sh's TSV results.
web_section() {
  python3 - "$1" "$2" "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(uptime | sed 's/.*load average: //')" <<'PY'
import sys
web_tsv, md, commit, date, load = sys.argv[1:]
web = []
meta = ""
for line in open(web_tsv, encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("#"):
        meta = line[1:].strip()
        continue
    if line:
        sc, server, conns, rps, p50, p99, err, non2xx = line.split("\t")
        web.append(dict(scenario=sc, server=server, conns=int(conns), rps=float(rps), p50=float(p50),
                        p99=float(p99), errors=int(err), non2xx=int(non2xx)))
meta_kv = dict(kv.split("=", 1) for kv in meta.split(" ") if "=" in kv)

def ratio(a, b):
    return f"{a / b:.2f}" if b else "—"

L = []
L.append("## Web (`bench/web.sh`): gongkai vs nginx serving the same bytes")
L.append("")
pin = meta_kv.get("pin", "none")
L.append(f"`wrk -t1 -d{meta_kv.get('duration', '?')} --latency` (after a 2 s warm-up), same settings for both, "
         f"in the same run. gongkai runs `serve --demo --no-access-log` on a fresh SQLite database (defaults: "
         f"1 I/O thread, 4 workers); nginx {meta_kv.get('nginx', '')} runs 1 worker process, access_log off, "
         f"serving the bytes fetched from gongkai with curl (home page {meta_kv.get('home_bytes', '?')} B, "
         f"`{meta_kv.get('css_path', '/static/app.css')}` {meta_kv.get('css_bytes', '?')} B) with the same "
         f"security headers. CPU pinning: `{pin}`" + (" (taskset), so each server gets one core whatever its "
         "thread count and wrk has its own." if pin != "none" else ".") +
         f" Measured {date} at `{commit}` (load average at the end: {load}).")
L.append("")
L.append("| Request | Connections | gongkai req/s | nginx req/s | Ratio gongkai/nginx | gongkai p50 / p99 ms "
         "| nginx p50 / p99 ms | p99 ratio | errors (gk / ngx) |")
L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
aid = meta_kv.get("agency_id", "4")
names = {"home": "`GET /` (portal home, page cache)", "css": f"`GET {meta_kv.get('css_path', '/static/app.css')}`",
         "column": f"`GET /agencies/{aid}/disclosure` (column, page cache)",
         "feed": f"`GET /agencies/{aid}/disclosure/feed.atom` (Atom, page cache)",
         "item": "`GET /publications/{id}` (item page, page cache)"}
seen = []
for r in web:
    key = (r["scenario"], r["conns"])
    if key in seen:
        continue
    seen.append(key)
    g = next(x for x in web if (x["scenario"], x["conns"], x["server"]) == (*key, "gongkai"))
    n = next(x for x in web if (x["scenario"], x["conns"], x["server"]) == (*key, "nginx"))
    L.append(f"| {names.get(key[0], key[0])} | {key[1]} | {g['rps']:,.0f} | {n['rps']:,.0f} | "
             f"{ratio(g['rps'], n['rps'])} | {g['p50']:.2f} / {g['p99']:.2f} | {n['p50']:.2f} / {n['p99']:.2f} | "
             f"{ratio(g['p99'], n['p99'])} | {g['errors'] + g['non2xx']} / {n['errors'] + n['non2xx']} |")
L.append("")
L.append("Ratio gongkai/nginx for req/s: higher is better (1.0 = as fast as nginx serving a file); for p99: "
         "lower is better. Errors are wrk socket errors plus non-2xx responses. Pages marked page cache are "
         f"answered from their stored wire form on the I/O thread (column page {meta_kv.get('column_bytes', '?')} B). "
         "Issue 7's goal: the column and item pages at least as fast as nginx serving the same bytes.")
L.append("")
open(md, "w", encoding="utf-8").write("\n".join(L) + "\n")
PY
}

if [[ "${1:-}" == "--web-only" ]]; then
  work="$(mktemp -d -t gongkai-bench.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
  WEB_RESULTS="$work/web.tsv" "$here/web.sh"
  web_section "$work/web.tsv" "$work/web.md"
  replace_section "$work/web.md" "Web"
  echo "updated the Web section of $out"
  exit 0
fi

tally_bench="${TALLY_BENCH:-$root/build/bench/tally_bench}"
case "$tally_bench" in /*) ;; *) tally_bench="$root/$tally_bench" ;; esac

# tally_section MD: runs tally_bench (builds a 1,000,000-case SQLite database first) and writes the
# "Tables 三/四 from the records" section to MD.
tally_section() {
  local md="$1" json
  json="$(dirname "$md")/tally.json"
  timeout 1800 "$tally_bench" --benchmark_min_time=0.5 --benchmark_repetitions=3 \
    --benchmark_report_aggregates_only=true --benchmark_out_format=json --benchmark_out="$json"
  python3 - "$json" "$md" "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    "$(date -u '+%Y-%m-%d %H:%M UTC')" <<'PY'
import json, sys
src, md, commit, date = sys.argv[1:]
data = json.load(open(src))
median = {b["run_name"].split("/")[0]: b for b in data["benchmarks"] if b.get("aggregate_name") == "median"}
def ms(b):
    return b["real_time"] * {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[b["time_unit"]]
t, anchor = median["BM_TallyYear"], median["BM_CountRows"]
cases = int(t.get("cases", 0))
L = ["## Tables 三/四 from the records (`tally_bench`)", "",
     f"Wall time to count Tables 三 and 四 of one agency's year from {cases:,} applications on SQLite (a local "
     "file, WAL), through `ApplicationService::TallyYear` as the report page does it: one grouped query "
     "(`Store::SummariseApplications`), the core tally and the review cases. Cases are received from mid-2024 "
     "to the end of 2025, a fifth still open, every applicant type and outcome. The anchor in the same run is "
     "the plainest pass over the same rows: `SELECT count(*)` of the agency's applications (a fresh "
     f"connection each time). Median of 3 repetitions, measured {date} at `{commit}`.", "",
     "| Figure | ms | Ratio to anchor |", "|---|---:|---:|",
     f"| Tables 三/四 for the year | {ms(t):,.0f} | {ms(t) / ms(anchor):.1f} |",
     f"| anchor: COUNT(*) of the same rows | {ms(anchor):,.0f} | 1.0 |", "",
     "Issue 6's goal: under a second on SQLite for an agency with 1,000,000 cases.", ""]
open(md, "w", encoding="utf-8").write("\n".join(L) + "\n")
PY
}

if [[ "${1:-}" == "--tally-only" ]]; then
  [[ -x "$tally_bench" ]] || { echo "run.sh: no tally_bench at $tally_bench" >&2; exit 2; }
  work="$(mktemp -d -t gongkai-bench.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
  tally_section "$work/tally.md"
  replace_section "$work/tally.md" "Tables 三/四 from the records"
  echo "updated the Tables 三/四 from the records section of $out"
  exit 0
fi

if [[ "${1:-}" == "--audit-only" ]]; then
  [[ -x "$audit_bench" ]] || { echo "run.sh: no audit_bench at $audit_bench" >&2; exit 2; }
  work="$(mktemp -d -t gongkai-bench.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
  audit_section "$work/audit.md"
  replace_section "$work/audit.md" "Auditing published reports"
  echo "updated the Auditing published reports section of $out"
  exit 0
fi

# render_section MD: runs render_bench and writes the "Report rendering" section to MD.
render_section() {
  local md="$1" json
  json="$(dirname "$md")/render.json"
  timeout 600 "$render_bench" --benchmark_min_time=0.2 --benchmark_repetitions=3 \
    --benchmark_report_aggregates_only=true --benchmark_out_format=json --benchmark_out="$json"
  python3 - "$json" "$md" "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    "$(date -u '+%Y-%m-%d %H:%M UTC')" <<'PY'
import json, sys
src, md, commit, date = sys.argv[1:]
data = json.load(open(src))
median = {b["run_name"].split("/", 1)[1]: b for b in data["benchmarks"] if b.get("aggregate_name") == "median"}
def us(b):
    scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b["time_unit"]]
    return b["cpu_time"] * scale
anchor = us(median["text"])
L = ["## Report rendering (`render_bench`)", "",
     f"CPU time to render one seed-sized annual report (2021 format, all 200 cells, a few narrative paragraphs; "
     f"`render/sample_report.h`) through `render::Render`, median of 3 repetitions (`--benchmark_min_time=0.2`), "
     f"measured {date} at `{commit}`. The anchor is the plain-text render in the same run; ratio = format / text "
     "(lower is better).", "",
     "| Format | µs/report | Output bytes | Ratio to text |", "|---|---:|---:|---:|"]
for name in ["text", "md", "html", "json", "docx", "pdf", "xlsx"]:
    b = median.get(name)
    if b is None:
        L.append(f"| {name} | — | — | — |")
        continue
    L.append(f"| {name} | {us(b):,.1f} | {int(b.get('bytes', 0)):,} | {us(b) / anchor:.1f} |")
L.append("")
open(md, "w", encoding="utf-8").write("\n".join(L) + "\n")
PY
}

if [[ "${1:-}" == "--render-only" ]]; then
  [[ -x "$render_bench" ]] || { echo "run.sh: no render_bench at $render_bench" >&2; exit 2; }
  work="$(mktemp -d -t gongkai-bench.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
  render_section "$work/render.md"
  # Replace the section (up to the next "## " heading) or append it.
  python3 - "$out" "$work/render.md" <<'PY'
import re, sys
out, md = sys.argv[1:]
text = open(out, encoding="utf-8").read() if __import__("os").path.exists(out) else ""
section = open(md, encoding="utf-8").read()
pattern = re.compile(r"^## Report rendering.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda m: section + "\n", text, count=1) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(out, "w", encoding="utf-8").write(text.rstrip("\n") + "\n")
PY
  echo "updated the Report rendering section of $out"
  exit 0
fi

[[ -x "$core_bench" ]] || { echo "run.sh: no core_bench at $core_bench (build it first, see the header)" >&2; exit 2; }

work="$(mktemp -d -t gongkai-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT

echo "== core_bench"
GONGKAI_SOURCE_DIR="$root" timeout 600 "$core_bench" --benchmark_min_time=0.2 --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true --benchmark_out_format=json --benchmark_out="$work/core.json"

echo "== web.sh"
WEB_RESULTS="$work/web.tsv" "$here/web.sh"

echo "== store.sh"
store_md="$work/store.md"
if [[ -x "${STORE_BENCH:-$root/build/bench/store_bench}" ]]; then
  STORE_RESULTS="$store_md" "$here/store.sh" || { echo "store.sh failed; storage section left out" >&2; rm -f "$store_md"; }
fi

echo "== render_bench"
render_md="$work/render.md"
if [[ -x "$render_bench" ]]; then
  render_section "$render_md" || { echo "render_bench failed; rendering section left out" >&2; rm -f "$render_md"; }
fi

echo "== audit_bench"
audit_md="$work/audit.md"
if [[ -x "$audit_bench" ]]; then
  audit_section "$audit_md" || { echo "audit_bench failed; auditing section left out" >&2; rm -f "$audit_md"; }
fi

echo "== tally_bench"
tally_md="$work/tally.md"
if [[ -x "$tally_bench" ]]; then
  tally_section "$tally_md" || { echo "tally_bench failed; tally section left out" >&2; rm -f "$tally_md"; }
fi

echo "== search_bench"
search_md="$work/search.md"
if [[ -x "$search_bench" ]]; then
  search_section "$search_md" || { echo "search_bench failed; search section left out" >&2; rm -f "$search_md"; }
fi

commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
dirty=""
if [[ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
  dirty=" (working tree had uncommitted changes)"
fi
cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)"
[[ -n "$cpu" ]] || cpu="$(uname -m)"

python3 - "$work/core.json" "$out" "$(nproc)" "$cpu" "$(date -u '+%Y-%m-%d %H:%M UTC')" \
  "$commit$dirty" "$(uptime | sed 's/.*load average: //')" <<'PY'
import json, sys
core_json, out, nproc, cpu, date, commit, load = sys.argv[1:]

core = json.load(open(core_json))
median = {}
for b in core["benchmarks"]:
    if b.get("aggregate_name") == "median":
        median[b["run_name"]] = b["cpu_time"] if b["time_unit"] == "ns" else None
lib = core.get("context", {}).get("library_build_type", "?")
build_type = core.get("context", {}).get("gongkai_build_type", "?")

def ns(name):
    v = median.get(name)
    if v is None:
        sys.exit(f"run.sh: core_bench did not report {name}")
    return v

pairs = [
    ("AddWorkingDays, 20 working days", "BM_AddWorkingDays/20", "weekday-only count, 20", "BM_WeekdayCount/20"),
    ("AddWorkingDays, 40 working days", "BM_AddWorkingDays/40", "weekday-only count, 40", "BM_WeekdayCount/40"),
    ("Classify(date)", "BM_Classify", "weekday from day number", "BM_WeekendCheck"),
    ("Date::Parse(\"YYYY-MM-DD\")", "BM_DateParse", "digits by position, no checks", "BM_ParseDigits"),
    ("ParseCalendarYear (one notice)", "BM_ParseCalendarYear", None, None),
]

L = []
L.append("# Benchmark results")
L.append("")
L.append("Generated by `bench/run.sh`. **The machines these run on are shared and noisy: compare the ratios "
         "to the anchor measured in the same run, not the absolute numbers**, which move by tens of percent "
         "between runs.")
L.append("")
L.append(f"- Date: {date}")
L.append(f"- Commit: `{commit}`")
L.append(f"- Machine: {nproc} CPUs, {cpu}; load average at the end of the run: {load}")
L.append(f"- core_bench build type: {build_type}; Google Benchmark library: {lib} build (Debian package; "
         "it only affects the harness, not the measured code)")
L.append("")
L.append("## Working-day calendar and dates (`core_bench`)")
L.append("")
L.append("CPU time per operation, median of 3 repetitions (`--benchmark_min_time=0.2`). Start dates cycle "
         "through every day of 2023-01-01..2026-12-31, with the 2023-2026 State Council notices loaded from "
         "`data/calendar/`. The anchor is a plain loop in the same binary doing the calendar-free version of "
         "the same work; ratio = figure / anchor (lower is better, 1.0 would be \"as cheap as ignoring "
         "holidays\").")
L.append("")
L.append("| Figure | ns/op | Anchor | anchor ns/op | Ratio |")
L.append("|---|---:|---|---:|---:|")
for label, name, alabel, aname in pairs:
    v = ns(name)
    if aname:
        a = ns(aname)
        L.append(f"| {label} | {v:.1f} | {alabel} | {a:.1f} | {v / a:.2f} |")
    else:
        L.append(f"| {label} | {v:.1f} | — | — | — |")
L.append("")
L.append("## Annual-report checks (`core_bench`)")
L.append("")
L.append("Every consistency rule (`report::CheckReport`) on one full 2021-format report plus last year's, 200 cells "
         "each; the narrative case adds sections 一/五/六 of a few hundred characters in both years, so the "
         "narrative rules (N-01 numbers stated versus the tables, N-05 copying last year) run too. Same run and "
         "anchor as above (weekday-only count of 20 days).")
L.append("")
L.append("| Figure | µs/report | reports/s on one core | Ratio to anchor |")
L.append("|---|---:|---:|---:|")
anchor = ns("BM_WeekdayCount/20")
for label, name in [("tables only", "BM_CheckReport"), ("tables and narrative", "BM_CheckReportWithNarrative")]:
    v = ns(name)
    L.append(f"| {label} | {v / 1000:.1f} | {1e9 / v:,.0f} | {v / anchor:,.0f} |")
L.append("")
L.append("Issue 4's goal: well over 10,000 reports checked per second on one core.")
L.append("")
L.append("## Application due dates (`core_bench`)")
L.append("")
L.append("`application::ComputeDeadline` on a pool of 4,096 legal case histories built through `Apply()` (plain, "
         "with a correction, a consultation, an approved extension or a paid fee; received on every day of "
         "2023-2025), cycled. Same run and anchor as above (weekday-only count of 20 days).")
L.append("")
L.append("| Figure | ns/case | 1,000,000 cases (s) | Ratio to anchor |")
L.append("|---|---:|---:|---:|")
for label, name in [("due date only (lists)", "BM_DueDate/0"), ("with the explanation (case page)", "BM_DueDate/1")]:
    v = ns(name)
    L.append(f"| {label} | {v:,.0f} | {v * 1e6 / 1e9:.2f} | {v / anchor:.1f} |")
L.append("")
L.append("## Search tokens (`core_bench`)")
L.append("")
L.append("`core/search` on a 5 KB Chinese document (an annual-report narrative with digits, full-width figures and "
         "punctuation) and on typical queries (docs/search.md). The anchor counts the characters of the same "
         "document in one pass; ratio = figure / anchor.")
L.append("")
L.append("| Figure | ns/op | Ratio to anchor |")
L.append("|---|---:|---:|")
anchor = ns("BM_SearchCountChars")
for label, name in [("IndexText(5 KB document)", "BM_SearchIndexText"), ("Normalize(5 KB document)", "BM_SearchNormalize"),
                    ("count characters (anchor)", "BM_SearchCountChars"), ("PlanQuery", "BM_SearchPlanQuery/0"),
                    ("PlanQuery + ToFts5Match + ToTsQuery", "BM_SearchPlanQuery/1"),
                    ("Snippet(80 characters, hit near the end)", "BM_SearchSnippet")]:
    v = ns(name)
    L.append(f"| {label} | {v:,.0f} | {v / anchor:.2f} |")
L.append("")
open(out, "w", encoding="utf-8").write("\n".join(L) + "\n")
print(f"wrote {out}")
PY
web_section "$work/web.tsv" "$work/web.md"
printf '\n' >> "$out"; cat "$work/web.md" >> "$out"
[[ -s "$store_md" ]] && cat "$store_md" >> "$out"
if [[ -s "$render_md" ]]; then printf '\n' >> "$out"; cat "$render_md" >> "$out"; fi
if [[ -s "$audit_md" ]]; then printf '\n' >> "$out"; cat "$audit_md" >> "$out"; fi
if [[ -s "$tally_md" ]]; then printf '\n' >> "$out"; cat "$tally_md" >> "$out"; fi
if [[ -s "$search_md" ]]; then printf '\n' >> "$out"; cat "$search_md" >> "$out"; fi
cat "$out"
