#!/usr/bin/env bash
# Runs the browser tests against a fresh gongkai demo server.
#   GONGKAI_BIN   path to the gongkai binary (default: build/src/cli/gongkai under the repo root)
#   Extra arguments go to `node --test` (e.g. --test-name-pattern=phone).
# Screenshots are written to tests/browser/out/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${GONGKAI_BIN:-$root/build/src/cli/gongkai}"
case "$bin" in /*) ;; *) bin="$root/$bin" ;; esac
[[ -x "$bin" ]] || { echo "run.sh: no gongkai binary at $bin (build it or set GONGKAI_BIN)" >&2; exit 2; }
[[ -x /usr/bin/chromium || -n "${CHROMIUM_BIN:-}" ]] || { echo "run.sh: /usr/bin/chromium not found" >&2; exit 2; }

if [[ ! -d "$here/node_modules/playwright-core" ]]; then
  (cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null)
fi

work="$(mktemp -d -t gongkai-browser.XXXXXX)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$bin" --db "$work/demo.db" serve --demo --port 0 --no-access-log >"$work/server.log" 2>&1 &
server_pid=$!

url=""
for _ in $(seq 300); do
  url="$(sed -n 's|^gongkai is running at \(http://[^ ]*\).*|\1|p' "$work/server.log" | head -n1)"
  [[ -n "$url" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "run.sh: server exited:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$url" ]] || { echo "run.sh: server did not print its URL in 30s:" >&2; cat "$work/server.log" >&2; exit 1; }
echo "run.sh: gongkai at $url (pid $server_pid)"

mkdir -p "$here/out"
status=0
(cd "$here" && GONGKAI_URL="$url" GONGKAI_SCREENSHOTS="$here/out" \
  node --test --test-concurrency=1 --test-timeout=120000 "$@" ./*.test.mjs) || status=$?
if [[ $status -ne 0 ]]; then
  echo "run.sh: server log:" >&2
  cat "$work/server.log" >&2
fi
exit $status
