#!/usr/bin/env bash
# Two `gongkai serve` processes on one PostgreSQL database behind nginx: a session made through one is
# valid on the other, data is shared, and two staff saving the same record through different servers get
# one success and one "changed by someone else" (409).
# Usage: tests/e2e/multi_server_test.sh GONGKAI_BINARY POSTGRES_URL   (URL of a maintenance database)
set -u
gk_bin=$(realpath "${1:?usage: multi_server_test.sh GONGKAI_BINARY POSTGRES_URL}")
pg_url=${2:?usage: multi_server_test.sh GONGKAI_BINARY POSTGRES_URL}
work=$(mktemp -d)
db="gk_multi_$$"
cleanup() {
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  # Servers are started inside $(…) subshells, so their pids are kept in a file, not a variable.
  [[ -f "$work/pids" ]] && while read -r p; do kill "$p" 2>/dev/null; done <"$work/pids"
  wait 2>/dev/null
  psql -q "$pg_url" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
n=0
fails=0
result() {  # result NAME CONDITION-STATUS
  n=$((n + 1))
  if [[ $2 -eq 0 ]]; then echo "ok $n - $1"; else fails=$((fails + 1)); echo "not ok $n - $1"; fi
}

psql -q "$pg_url" -c "CREATE DATABASE $db" || exit 1
app_url="${pg_url%/*}/$db"
"$gk_bin" --db "$app_url" demo >/dev/null || exit 1
start_server() {  # → port
  "$gk_bin" --db "$app_url" serve --port 0 --no-access-log --trusted-proxy 127.0.0.1 >"$work/s$1.log" 2>&1 &
  echo $! >>"$work/pids"
  for _ in $(seq 50); do
    port=$(sed -n 's|^gongkai is running at http://127.0.0.1:\([0-9]*\)/|\1|p' "$work/s$1.log")
    [[ -n "$port" ]] && { echo "$port"; return; }
    sleep 0.1
  done
  cat "$work/s$1.log" >&2
  return 1
}
p1=$(start_server 1) && p2=$(start_server 2) || exit 1
mkdir -p "$work/tmp"
# nginx cannot be told to pick a free port: try a few random ones (a busy machine may hold any one).
started=""
for attempt in 1 2 3 4 5 6 7 8; do
front=$((20000 + RANDOM % 20000))
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/tmp/body; proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fcgi; uwsgi_temp_path $work/tmp/uwsgi; scgi_temp_path $work/tmp/scgi;
  upstream gongkai { server 127.0.0.1:$p1; server 127.0.0.1:$p2; keepalive 16; }
  server {
    listen 127.0.0.1:$front;
    location / {
      proxy_pass http://gongkai;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Real-IP \$remote_addr;
    }
  }
}
CONF
if nginx -c "$work/nginx.conf" -p "$work" 2>>"$work/nginx-start.log"; then started=1; break; fi
done
[[ -n "$started" ]] || { cat "$work/nginx-start.log" "$work/nginx-error.log"; exit 1; }
sleep 0.3

jar="$work/cookies"
csrf=$(curl -s -c "$jar" "http://127.0.0.1:$front/login" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" -H "Origin: http://127.0.0.1:$front" \
  --data "_csrf=$csrf&username=cizhong.admin&password=gongkai-demo&next=%2Fadmin" "http://127.0.0.1:$front/login")
result "log in through nginx" $([[ $code == 303 ]]; echo $?)
for p in $p1 $p2; do
  curl -s -b "$jar" "http://127.0.0.1:$p/admin" | grep -q "陈立新（单位管理员）"
  result "the session is valid on the server at port $p" $?
done
for i in 1 2 3 4; do
  curl -s -b "$jar" "http://127.0.0.1:$front/admin" | grep -q "三门峡市湖滨区磁钟乡人民政府"
  result "request $i through nginx lands on either server, logged in" $?
done

agency=$(curl -s "http://127.0.0.1:$p1/api/v1/agencies" | grep -o '"id":[0-9]*,"leading_group":\[[^]]*\],"level":"township","name":"三门峡市湖滨区磁钟乡人民政府"' | grep -o '^"id":[0-9]*' | cut -d: -f2)
[[ -n "$agency" ]] || agency=4
form1=$(curl -s -b "$jar" "http://127.0.0.1:$p1/admin/agencies/$agency/edit")
form2=$(curl -s -b "$jar" "http://127.0.0.1:$p2/admin/agencies/$agency/edit")
v1=$(sed -n 's/.*name="version" value="\([0-9]*\)".*/\1/p' <<<"$form1")
v2=$(sed -n 's/.*name="version" value="\([0-9]*\)".*/\1/p' <<<"$form2")
csrf=$(sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' <<<"$form1" | head -1)
save() {  # save PORT VERSION PHONE → http code
  curl -s -o "$work/save.html" -w '%{http_code}' -b "$jar" -H "Origin: http://127.0.0.1:$1" \
    --data-urlencode "_csrf=$csrf" --data-urlencode "version=$2" --data-urlencode "name=三门峡市湖滨区磁钟乡人民政府" \
    --data-urlencode "office_name=党政综合办公室" --data-urlencode "office_phone=$3" "http://127.0.0.1:$1/admin/agencies/$agency"
}
c1=$(save "$p1" "$v1" 0398-1000001)
c2=$(save "$p2" "$v2" 0398-2000002)
result "the first save (server 1) succeeds" $([[ $c1 == 303 ]]; echo $?)
result "the second save with the same version (server 2) is refused with 409" $([[ $c2 == 409 ]]; echo $?)
grep -q "已被他人修改" "$work/save.html"
result "the refusal says the record was changed by someone else" $?
curl -s "http://127.0.0.1:$p2/api/v1/agencies/$agency" | grep -q '"phone":"0398-1000001"'
result "server 2 sees server 1's change" $?
"$gk_bin" --db "$app_url" audit-log verify | grep -q "audit log intact"
result "the shared audit log verifies" $?

echo "$((n - fails)) passed, $fails failed"
[[ $fails -eq 0 ]]
