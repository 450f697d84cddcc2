#!/bin/bash
# Runs every fuzzer for a bounded time over its seed corpus; exits non-zero if any crashed.
# Usage: tests/fuzz/run.sh BUILD_DIR SECONDS
set -u
build_dir=${1:?usage: run.sh BUILD_DIR SECONDS}
seconds=${2:?usage: run.sh BUILD_DIR SECONDS}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failed=0
root=$(cd "$here/../.." && pwd)
# Report readers start from our fixtures (and the real seed report beside the project, if present).
declare -A extra_seeds=(
  [report_text]="$root/tests/fixtures/reports/text $root/../shared/fixtures"
  [report_html]="$root/tests/fixtures/reports/html"
  [report_html_parsers]="$root/tests/fixtures/reports/html"
  [report_docx]="$root/tests/fixtures/reports/docx"
  [report_pdf]="$root/tests/fixtures/reports/pdf $root/tests/fixtures/reports/pdf-made")
for name in urlencoded multipart percent router report_text report_html report_html_parsers \
    report_docx report_pdf html_sanitize; do
  binary=$(find "$build_dir" -type f -name "fuzz_$name" -perm -u+x | head -n 1)
  if [[ -z "$binary" ]]; then
    echo "fuzz_$name: binary not found under $build_dir" >&2
    failed=1
    continue
  fi
  # New inputs go to a temp dir; the committed seeds stay untouched.
  mkdir -p "$work/$name" "$work/artifacts-$name"
  seeds=()
  for dir in "$here/corpus/$name" ${extra_seeds[$name]:-}; do
    [[ -d "$dir" ]] && seeds+=("$dir")
  done
  echo "== fuzz_$name for ${seconds}s"
  if ! "$binary" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
      -artifact_prefix="$work/artifacts-$name/" "$work/$name" "${seeds[@]}" \
      > "$work/$name.log" 2>&1; then
    echo "fuzz_$name FAILED; log tail:" >&2
    tail -n 40 "$work/$name.log" >&2
    mkdir -p "$build_dir/fuzz-artifacts"
    cp -r "$work/artifacts-$name" "$build_dir/fuzz-artifacts/" 2>/dev/null
    failed=1
  else
    grep -E "^#[0-9]+ *DONE" "$work/$name.log" || tail -n 1 "$work/$name.log"
  fi
done
exit $failed
