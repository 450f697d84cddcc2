#!/usr/bin/env bash
# Measures gongkai's portal home page and a static asset with wrk, against nginx serving the same bytes
# in the same run with the same wrk settings. Starts and stops everything itself.
#
#   GONGKAI_BIN      gongkai binary (default: build/src/cli/gongkai under the repo root)
#   BENCH_DURATION   wrk duration per measurement (default 10s)
#   BENCH_PIN        1 (default, when nproc >= 2): servers on CPU 0, wrk on CPU 1, so each server gets
#                    one core whatever its thread count; 0: no pinning
#   WEB_RESULTS      write one TSV line per measurement here (default: only the summary on stdout)
#
# TSV columns: scenario server connections requests_per_s p50_ms p99_ms errors non2xx
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
bin="${GONGKAI_BIN:-$root/build/src/cli/gongkai}"
case "$bin" in /*) ;; *) bin="$root/$bin" ;; esac
duration="${BENCH_DURATION:-10s}"
nginx_bin="${NGINX_BIN:-/usr/sbin/nginx}"
results="${WEB_RESULTS:-}"
max_runtime="${BENCH_WEB_MAX_SECONDS:-300}"

for tool in "$bin" "$nginx_bin" "$(command -v wrk || true)" "$(command -v curl || true)"; do
  [[ -n "$tool" && -x "$tool" ]] || { echo "web.sh: missing tool: ${tool:-wrk/curl}" >&2; exit 2; }
done

pin_server=() pin_client=()
if [[ "${BENCH_PIN:-1}" == 1 ]] && command -v taskset >/dev/null && (( $(nproc) >= 2 )); then
  pin_server=(taskset -c 0) pin_client=(taskset -c 1)
fi

work="$(mktemp -d -t gongkai-web-bench.XXXXXX)"
chmod 755 "$work"
gongkai_pid="" nginx_pid="" watchdog_pid=""
stop() {  # stop PID: TERM, wait up to 5 s, then KILL
  local pid="$1"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  stop "$gongkai_pid"
  stop "$nginx_pid"
  [[ -n "$watchdog_pid" ]] && kill "$watchdog_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# Bound the whole run: the watchdog TERMs this script, whose trap stops the servers.
( sleep "$max_runtime"; echo "web.sh: exceeded ${max_runtime}s, stopping" >&2; kill -TERM $$ ) 2>/dev/null &
watchdog_pid=$!

pin_desc() {  # "servers:cpu0,wrk:cpu1" or "none", without spaces
  if ((${#pin_server[@]})); then echo "servers:cpu${pin_server[2]},wrk:cpu${pin_client[2]}"; else echo none; fi
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# --- gongkai ---
"${pin_server[@]}" "$bin" --db "$work/bench.db" serve --demo --port 0 --no-access-log >"$work/gongkai.log" 2>&1 &
gongkai_pid=$!
gk_url=""
for _ in $(seq 600); do
  gk_url="$(sed -n 's|^gongkai is running at \(http://[^ ]*\)/.*|\1|p' "$work/gongkai.log" | head -n1)"
  [[ -n "$gk_url" ]] && break
  kill -0 "$gongkai_pid" 2>/dev/null || { cat "$work/gongkai.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$gk_url" ]] || { echo "web.sh: gongkai did not start" >&2; cat "$work/gongkai.log" >&2; exit 1; }

# --- the same bytes for nginx ---
mkdir -p "$work/www/static" "$work/tmp"
curl -sf "$gk_url/" -o "$work/www/index.html"
css_path="$(grep -o '/static/app\.css?v=[0-9a-zA-Z]*' "$work/www/index.html" | head -n1)"
[[ -n "$css_path" ]] || { echo "web.sh: no /static/app.css?v=... link in the home page" >&2; exit 1; }
curl -sf "$gk_url$css_path" -o "$work/www/static/app.css"
chmod -R a+rX "$work/www"
home_bytes=$(stat -c %s "$work/www/index.html")
css_bytes=$(stat -c %s "$work/www/static/app.css")
# Portal pages served from the page cache: the first township's disclosure column, its Atom feed,
# and an item page when the branch has /publications/{id} (skipped while it answers 404).
agency_id="$(grep -o 'href="/agencies/[0-9]*"' "$work/www/index.html" | sed -n '4s/[^0-9]//gp')"
mkdir -p "$work/www/agencies/$agency_id/disclosure" "$work/www/publications"
curl -sf "$gk_url/agencies/$agency_id/disclosure" -o "$work/www/agencies/$agency_id/disclosure/index.html"
curl -sf "$gk_url/agencies/$agency_id/disclosure/feed.atom" -o "$work/www/agencies/$agency_id/disclosure/feed.atom"
item_id="$(grep -o 'href="/publications/[0-9]*"' "$work/www/agencies/$agency_id/disclosure/index.html" | head -n1 | tr -dc 0-9)"
item_path=""
if [[ -n "$item_id" ]] && curl -sf "$gk_url/publications/$item_id" -o "$work/www/publications/$item_id.html"; then
  item_path="/publications/$item_id"
fi
column_bytes=$(stat -c %s "$work/www/agencies/$agency_id/disclosure/index.html")

nginx_port="$(free_port)"
user_line=""
[[ "$(id -u)" == 0 ]] && user_line="user nobody nogroup;"
# The same security headers gongkai sends, so both responses are about the same size.
sec_headers='
      add_header Content-Security-Policy "default-src '"'"'self'"'"'; img-src '"'"'self'"'"' data:; style-src '"'"'self'"'"'; script-src '"'"'self'"'"'; object-src '"'"'none'"'"'; frame-ancestors '"'"'none'"'"'; base-uri '"'"'self'"'"'; form-action '"'"'self'"'"'" always;
      add_header X-Content-Type-Options nosniff always;
      add_header X-Frame-Options DENY always;
      add_header Referrer-Policy same-origin always;
      add_header Permissions-Policy "camera=(), microphone=(), geolocation=()" always;
      add_header Cross-Origin-Opener-Policy same-origin always;'
cat >"$work/nginx.conf" <<NGINX
$user_line
daemon off;
master_process on;
worker_processes 1;
worker_rlimit_nofile 8192;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  server_tokens off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  keepalive_timeout 65s;
  client_body_temp_path $work/tmp/body;
  proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi;
  scgi_temp_path $work/tmp/scgi;
  types { text/html html; text/css css; application/atom+xml atom; }
  charset utf-8;
  charset_types text/css;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    location = / {
      try_files /index.html =404;$sec_headers
    }
    location = /agencies/$agency_id/disclosure {
      default_type text/html;
      try_files /agencies/$agency_id/disclosure/index.html =404;$sec_headers
    }
    location = /agencies/$agency_id/disclosure/feed.atom {$sec_headers
    }
    location /publications/ {
      default_type text/html;
      try_files \$uri.html =404;$sec_headers
    }
    location /static/ {
      add_header Cache-Control "public, max-age=31536000, immutable" always;$sec_headers
    }
  }
}
NGINX
"${pin_server[@]}" "$nginx_bin" -e "$work/nginx-error.log" -p "$work" -c "$work/nginx.conf" &
nginx_pid=$!
ng_url="http://127.0.0.1:$nginx_port"
for _ in $(seq 100); do curl -sf -o /dev/null "$ng_url/" && break; sleep 0.1; done
cmp -s <(curl -sf "$ng_url/") "$work/www/index.html" || { echo "web.sh: nginx does not serve the same home page" >&2; cat "$work/nginx-error.log" >&2; exit 1; }
cmp -s <(curl -sf "$ng_url$css_path") "$work/www/static/app.css" || { echo "web.sh: nginx does not serve the same CSS" >&2; exit 1; }
cmp -s <(curl -sf "$ng_url/agencies/$agency_id/disclosure") "$work/www/agencies/$agency_id/disclosure/index.html" || { echo "web.sh: nginx does not serve the same column page" >&2; exit 1; }

# --- measurements ---
to_ms() {  # wrk latency "812.00us" / "1.23ms" / "1.02s" -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
run() {  # run SCENARIO SERVER CONNECTIONS URL
  local scenario="$1" server="$2" conns="$3" url="$4" out
  "${pin_client[@]}" timeout 30 wrk -t1 -c"$conns" -d2s "$url" >/dev/null 2>&1 || true  # warm-up
  out="$("${pin_client[@]}" timeout 120 wrk -t1 -c"$conns" -d"$duration" --timeout 5s --latency "$url" 2>&1)" || true
  local rps p50 p99 errors non2xx
  rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
  p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  errors="$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")"
  printf '%-14s %-8s %6s %12s %10s %10s %8s %8s\n' "$scenario" "$server" "$conns" "${rps:-?}" "$p50" "$p99" "${errors:-0}" "${non2xx:-0}"
  if [[ -n "$results" ]]; then
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$server" "$conns" "${rps:-0}" "$p50" "$p99" "${errors:-0}" "${non2xx:-0}" >>"$results"
  fi
}

[[ -n "$results" ]] && : >"$results"
echo "# home page: $home_bytes bytes; $css_path: $css_bytes bytes; wrk -t1, $duration per run;" \
  "pinning: ${pin_server[*]:-none} (servers) / ${pin_client[*]:-none} (wrk)"
printf '%-14s %-8s %6s %12s %10s %10s %8s %8s\n' scenario server conns req/s p50_ms p99_ms errors non2xx
specs=("home:50:/" "home:1000:/" "css:50:$css_path" "column:50:/agencies/$agency_id/disclosure"
       "feed:50:/agencies/$agency_id/disclosure/feed.atom")
[[ -n "$item_path" ]] && specs+=("item:50:$item_path")
for spec in "${specs[@]}"; do
  IFS=: read -r scenario conns path <<<"$spec"
  run "$scenario" gongkai "$conns" "$gk_url$path"
  run "$scenario" nginx "$conns" "$ng_url$path"
done
if [[ -n "$results" ]]; then
  { echo "# home_bytes=$home_bytes css_bytes=$css_bytes css_path=$css_path column_bytes=$column_bytes agency_id=$agency_id duration=$duration pin=$(pin_desc) nginx=$("$nginx_bin" -v 2>&1 | sed 's|.*/||')"; } >>"$results"
fi
