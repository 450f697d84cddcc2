#!/usr/bin/env bash
# The gongkai command as an administrator uses it: every subcommand, bad input with clear errors and
# the documented exit codes, nothing half-written, and tamper detection in the audit log.
# Usage: tests/e2e/cli_test.sh PATH/TO/gongkai      Prints "ok N - …" / "not ok N - …" lines.
set -u
gk_bin=$(realpath "${1:?usage: cli_test.sh GONGKAI_BINARY}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GONGKAI_DB="$work/cli.db"
n=0
fails=0
gk() { "$gk_bin" --log-level warn "$@"; }

# check NAME EXPECTED_EXIT PATTERN -- COMMAND...: runs COMMAND, checks exit code and that output matches.
check() {
  local name=$1 want=$2 pattern=$3
  shift 4
  local out status
  out=$("$@" 2>&1)
  status=$?
  n=$((n + 1))
  if [[ $status -eq $want ]] && grep -qE -- "$pattern" <<<"$out"; then
    echo "ok $n - $name"
  else
    fails=$((fails + 1))
    echo "not ok $n - $name (exit $status, wanted $want; output follows)"
    sed 's/^/    /' <<<"$out" | head -n 15
  fi
}

check "init creates the database and loads bundled calendars" 0 "loaded calendar 2026" -- gk init
check "init twice is harmless" 0 "ready at migration" -- gk init
check "db status" 0 "backend: sqlite" -- gk db status
check "--help lists the commands" 0 "audit-log" -- gk --help
check "agency --help" 0 "add" -- gk agency --help
check "calendar check a make-up Saturday" 0 "2023-01-28  makeup_workday  working day" -- gk calendar check 2023-01-28
check "calendar check adds working days (statute example)" 0 "\+20 working days: 2023-02-21" -- gk calendar check 2023-01-19 --add 20
check "calendar check into an unloaded year is provisional" 0 "provisional" -- gk calendar check 2026-12-20 --add 20
check "malformed date is refused" 2 "'2023-02-30' is not a date|does not exist" -- gk calendar check 2023-02-30
check "calendar list shows the check values" 0 "2024  国办发明电〔2023〕7号.* 19 weekdays off" -- gk calendar list

cat > "$work/2027.txt" <<'CAL'
year: 2027
source: 测试通知
holiday: 2027-01-01 元旦
workday: 2027-01-04
CAL
check "a bad calendar file is refused naming file and line" 2 "2027.txt: line 4: make-up working day 2027-01-04 is not a Saturday" -- gk calendar load "$work/2027.txt"
check "nothing was stored from the bad file" 0 "^2026" -- bash -c "gk() { \"$gk_bin\" --log-level warn \"\$@\"; }; gk calendar list | tail -n 1"
sed -i 's/2027-01-04/2027-01-09/' "$work/2027.txt"
check "a good calendar file loads" 0 "loaded calendar 2027" -- gk calendar load "$work/2027.txt"

check "add a root agency" 0 "agency 1 added" -- gk agency add --level district --name 三门峡市湖滨区人民政府 --short-name 湖滨区 --region-code 411202
check "add a township with a leading group" 0 "agency 2 added" -- gk agency add --level township --parent 1 \
  --name 三门峡市湖滨区磁钟乡人民政府 --short-name 磁钟乡 --office-name 党政综合办公室 --member head:李卫东:党委书记 --member 常务副组长:张志强:乡长
check "agency show" 0 "常务副组长  张志强  乡长" -- gk agency show 2
check "agency list is a tree" 0 "^  2  三门峡市湖滨区磁钟乡人民政府" -- gk agency list
check "unknown parent agency" 3 "parent agency 99 does not exist" -- gk agency add --level village --parent 99 --name 某村
check "a village cannot sit under a district" 2 "cannot be placed under" -- gk agency add --level village --parent 1 --name 某村
check "unknown level" 2 "is not one of province" -- gk agency add --level county --name 某县
check "bad region code" 2 "region code" -- gk agency add --level township --parent 1 --name 某乡 --region-code 12ab
check "duplicate region code" 4 "region code" -- gk agency add --level district --name 另一个区 --region-code 411202
check "unknown agency" 3 "agency 42" -- gk agency show 42
check "still exactly two agencies" 0 "^  2 " -- gk agency list

check "add a user (password from stdin)" 0 "user 1 added" -- bash -c "echo 'clerk-password-1' | \"$gk_bin\" user add cizhong.clerk --name 王晓敏 --role clerk --agency 2 --password-stdin"
check "duplicate user name" 4 "already" -- gk user add cizhong.clerk --name 某人 --role leader --agency 2 --password other-password-1
check "bad user name" 2 "user name" -- gk user add "Bad Name" --name 某人 --role clerk --agency 2 --password other-password-1
check "weak password" 2 "at least 8" -- gk user add leader --name 某人 --role leader --agency 2 --password short
check "unknown role" 2 "is not one of clerk" -- gk user add leader --name 某人 --role boss --agency 2 --password other-password-1
check "user list" 0 "cizhong.clerk  王晓敏  clerk  agency 2" -- gk user list
check "passwd" 0 "password of cizhong.clerk changed" -- gk user passwd cizhong.clerk --password new-password-2
check "passwd of an unknown user" 3 "nobody" -- gk user passwd nobody --password new-password-2

check "audit log verifies" 0 "audit log intact: [0-9]+ entries" -- gk audit-log verify
check "db migrate on a current database" 0 "database is up to date at migration [0-9]+" -- gk db migrate
check "db migrate names what it applies" 0 "applied migration 1 \(foundation\)" -- gk --db "$work/fresh.db" db migrate
check "db copy to a second SQLite file verifies" 0 "verified: row counts and SHA-256 checksums match" -- gk db copy --from "$GONGKAI_DB" --to "$work/copy.db"
check "the copy keeps ids" 0 "cizhong.clerk  王晓敏  clerk  agency 2" -- gk --db "$work/copy.db" user list
check "the copy's audit chain verifies" 0 "audit log intact" -- gk --db "$work/copy.db" audit-log verify
check "db copy again copies nothing" 0 "nothing to copy" -- gk db copy --from "$GONGKAI_DB" --to "$work/copy.db"
check "db copy into a database with its own history is refused" 5 "audit log differs" -- bash -c "\"$gk_bin\" --db \"$work/other.db\" init >/dev/null && \"$gk_bin\" db copy --from \"$GONGKAI_DB\" --to \"$work/other.db\""
check "db copy to a bad --to URL fails clearly" 8 "target: .*unable to open database file" -- gk db copy --from "$GONGKAI_DB" --to /proc/nope/x.db
check "db copy from a missing file creates nothing" 3 "does not exist" -- gk db copy --from "$work/typo.db" --to "$work/copy2.db"

# Tamper as an attacker with file access would: drop the append-only trigger and edit a row.
sqlite3 "$GONGKAI_DB" "DROP TRIGGER IF EXISTS audit_log_no_update; UPDATE audit_log SET actor = 'cli:mallory' WHERE seq = 3;" 2>"$work/tamper.err"
check "tampering is detected" 1 "entry 3: hash does not match" -- gk audit-log verify
check "a database newer than the binary is refused" 5 "upgrade gongkai" -- bash -c "sqlite3 \"$GONGKAI_DB\" \"INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 'x')\" && \"$gk_bin\" db status"
check "an unusable database path fails clearly" 8 "unable to open database file" -- gk --db /proc/nope/x.db init


# Annual-report checks on a JSON report (docs/report-json.md).
cat > "$work/ok.json" <<'JSON'
{"schema": "gongkai.annual-report/1", "year": 2023, "format": "2021", "sections": ["一","二","三","四","五","六"],
 "tables": {"t3": {"new.natural": 2, "new.total": 2, "granted.natural": 1, "granted.total": 1,
                   "handled_total.natural": 1, "handled_total.total": 1, "carried_out.natural": 1, "carried_out.total": 1}}}
JSON
sed 's/"granted.natural": 1/"granted.natural": 2/' "$work/ok.json" > "$work/bad.json"
check "report check: a consistent report has no errors (missing cells are warnings)" 0 "0 error\(s\)" -- gk report check "$work/ok.json"
check "report check: an inconsistent report exits 1 naming rule and cells" 1 "\[E T3-02\] 表三「（七）总计」/「自然人」应为2" -- gk report check "$work/bad.json"
check "report check --format json lists the checks" 1 "\"rule\": \"T3-03\"" -- gk report check "$work/bad.json" --format json
check "report check against last year (Y-01 carried in vs carried out)" 0 "Y-01" -- gk report check "$work/ok.json" --previous "$work/ok.json"
echo '{"schema": "gongkai.annual-report/1", "year": 2023, "format": "2021", "tables": {"t3": {"new.martian": 1}}}' > "$work/alien.json"
check "report check: an unknown cell is refused naming it" 2 "tables.t3.new.martian: is not a cell" -- gk report check "$work/alien.json"
check "report check: not JSON" 2 "not valid JSON" -- gk report check /etc/hostname
check "report render in the official layout" 0 "三、收到和处理政府信息公开申请情况" -- gk report render "$work/ok.json"
check "report render markdown" 0 "^\\| （七）总计 \\| 1 \\|" -- gk report render "$work/ok.json" --format md

# Stored annual reports, on a demo database: 磁钟乡 has published 2022 and 2023 reports.
demo_db="$work/demo.db"
gd() { gk --db "$demo_db" "$@"; }
# head_of FILE COMMAND...: runs COMMAND, then prints the first bytes of FILE (a format's magic).
head_of() { local file=$1; shift; "$@" && echo && head -c 4 "$file"; }
check "demo data loads" 0 "demo data loaded" -- gd demo
check "report list: every version with status and checks" 0 "^2023  v[0-9]+  已发布  填报  0  [0-9]+  2024-" -- gd report list 磁钟乡
check "report list by region code (no reports)" 0 "三门峡市湖滨区人民政府: 0 report version" -- gd report list 411202
check "report show: status, history and a summary line" 0 "^status: +已发布 \(published\)" -- gd report show 磁钟乡 2023
check "report show: published in Beijing time" 0 "^published: +2024-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}" -- gd report show 三门峡市湖滨区磁钟乡人民政府 2023
check "report show ends with the checks summary" 0 "2023年度 第[0-9]+版 已发布: 0 error\(s\)" -- gd report show 磁钟乡 2023 --published
check "report check on a stored report" 0 "磁钟乡人民政府 2023年度 第[0-9]+版（已发布）: 0 error\(s\)" -- gd report check 磁钟乡 2023
check "report check on a stored report as JSON" 0 "\"schema\": \"gongkai.annual-report/1\"" -- gd report check 磁钟乡 2022 --format json
check "report show: an unknown agency" 3 "no agency has the id, region code, name or short name '无此乡'" -- gd report show 无此乡 2023
check "report show: a year without a report" 3 "磁钟乡人民政府 has no report for 2019" -- gd report show 磁钟乡 2019
check "report show: not a year" 2 "'23' is not a year" -- gd report show 磁钟乡 23
check "report show: no such version" 3 "has no version 9 \(versions: 1" -- gd report show 磁钟乡 2023 --version 9
check "report check: --previous is for files" 2 "--previous applies to a report file" -- gd report check 磁钟乡 2023 --previous "$work/ok.json"
check "report check with only an agency asks for the year" 3 "'磁钟乡' is not a file; for a stored report give AGENCY YEAR" -- gd report check 磁钟乡
# Table 二's records: the register and the yearly figures (docs/disclosure-figures.md).
check "normative list: the demo township's register, newest first" 0 "^[0-9]+  行政规范性文件  磁政〔2025〕9号  2025-06-12  有效" -- gd normative list 磁钟乡
check "normative list --state repealed" 0 "废止于 2025-03-31" -- gd normative list 磁钟乡 --state repealed
check "normative list --kind rule: none" 0 "^0 document\(s\)" -- gd normative list 磁钟乡 --kind rule
check "normative list: an unknown kind is refused" 2 "rules not in \{rule,normative\}|rules" -- gd normative list 磁钟乡 --kind rules
check "figures show: the year's figures" 0 "^行政处罚	3" -- gd figures show 磁钟乡 2025
check "figures show: Table 二 counted from the register" 0 "^行政规范性文件	2	1	2" -- gd figures show 磁钟乡 2025
check "figures show: a year without figures says so" 0 "no decision and fee figures entered for 2021" -- gd figures show 磁钟乡 2021
printf '\xEF\xBB\xBF单位,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\r\n三门峡市湖滨区交口乡人民政府,2024,3,1,0,0.5\r\n三门峡市湖滨区交口乡人民政府,2025,4,x,0,-1\r\n无此单位,2025,1,1,1,1\r\n' > "$work/figures-bad.csv"
check "figures import: every bad line and column named" 2 "figures-bad.csv: line 3, column penalty: 'x' is not a whole number" -- gd figures import "$work/figures-bad.csv"
check "figures import: the negative fee too" 2 "line 3, column fee: '-1' is negative" -- gd figures import "$work/figures-bad.csv"
check "figures import: and the unknown agency" 2 "line 4, column agency: no agency '无此单位'" -- gd figures import "$work/figures-bad.csv"
check "figures import: nothing was saved from the bad file" 0 "no decision and fee figures entered for 2024" -- gd figures show 交口乡 2024
printf '单位,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\n三门峡市湖滨区交口乡人民政府,2024,3,1,0,0.5\n' > "$work/figures.csv"
check "figures import: a good file" 0 "imported 1 row\(s\) .*\(1 new, 0 replaced\)" -- gd figures import "$work/figures.csv"
check "figures show: the imported fee in 万元" 0 "行政事业性收费（万元）	0.5000" -- gd figures show 交口乡 2024
check "figures import: a missing file" 3 "nope.csv" -- gd figures import "$work/nope.csv"
check "the demo database's audit chain verifies after the imports" 0 "audit log intact" -- gd audit-log verify
check "report render of a file in another format" 0 "^PK" -- head_of "$work/ok.docx" gk report render "$work/ok.json" --format docx -o "$work/ok.docx"
check "report render a stored report" 0 "三、收到和处理政府信息公开申请情况" -- gd report render 磁钟乡 2023
check "report render html" 0 "<html" -- gd report render 磁钟乡 2023 --format html
check "report render: unknown format" 2 "unknown format 'odt'" -- gd report render 磁钟乡 2023 --format odt
check "report render --format pdf -o FILE writes a PDF" 0 "^%PDF" -- head_of "$work/r.pdf" gd report render 磁钟乡 2023 --format pdf -o "$work/r.pdf"
check "report render -o - sends a PDF to standard output" 0 "^%PDF" -- bash -c "\"$gk_bin\" --db \"$demo_db\" report render 磁钟乡 2023 --format pdf -o - | head -c 4"
check "report render refuses binary to a terminal" 2 "refusing to write pdf \(binary\) to a terminal" -- script -qec "\"$gk_bin\" --db \"$demo_db\" report render 磁钟乡 2023 --format pdf" /dev/null
check "report render: an unwritable -o path fails and leaves nothing" 2 "cannot write /proc/nope/r.pdf" -- gd report render 磁钟乡 2023 --format pdf -o /proc/nope/r.pdf
mkdir -p "$work/exports"
docx_name="三门峡市湖滨区磁钟乡人民政府2023年政府信息公开工作年度报告.docx"
check "report export names the file like the title" 0 "^$docx_name \([0-9]+ bytes\)" -- bash -c "cd \"$work/exports\" && \"$gk_bin\" --db \"$demo_db\" report export 磁钟乡 2023 --format docx"
check "report export docx is a zip (Word)" 0 "^PK" -- head -c 2 "$work/exports/$docx_name"
check "report export xlsx into a folder" 0 "^PK" -- head_of "$work/exports/三门峡市湖滨区磁钟乡人民政府2022年政府信息公开工作年度报告.xlsx" gd report export 磁钟乡 2022 --format xlsx -o "$work/exports"
check "report import: a bad file is refused naming the problem" 2 "alien.json: tables.t3.new.martian: is not a cell" -- gd report import "$work/alien.json" --agency 交口乡
check "report import: nothing was stored" 0 "交口乡人民政府: 0 report version" -- gd report list 交口乡
check "report import: an inconsistent report is stored with its checks" 0 "imported: 三门峡市湖滨区人力资源和社会保障局2023年.*" -- gd report import "$work/bad.json" --agency 湖滨区人社局
check "report check exits 1 on the imported inconsistent report" 1 "\[E T3-02\] 表三「（七）总计」/「自然人」应为2" -- gd report check 湖滨区人社局 2023
check "report check --published when none is" 3 "has no published version" -- gd report check 湖滨区人社局 2023 --published
check "report summary: a unit without a published report is named" 5 "no published report for 2023 from: 三门峡市湖滨区交口乡人民政府" -- gd report summary 湖滨区 2023 --units 磁钟乡,交口乡
check "report summary: units must be below the agency" 2 "is not under" -- gd report summary 磁钟乡 2023 --units 交口乡
check "report import a 交口乡 report" 0 "report [0-9]+ imported: 三门峡市湖滨区交口乡人民政府2023年" -- gd report import "$work/ok.json" --agency 交口乡
check "report summary still wants published reports by default" 5 "no published report" -- gd report summary 湖滨区 2023 --units 磁钟乡,交口乡
check "report summary --include-unpublished adds them up" 0 "三门峡市湖滨区人民政府2023年政府信息公开工作年度报告（汇总）" -- gd report summary 湖滨区 2023 --units 磁钟乡,交口乡 --include-unpublished
check "report summary as PDF" 0 "^%PDF" -- head_of "$work/sum.pdf" gd report summary 湖滨区 2023 --units 磁钟乡,交口乡 --include-unpublished --format pdf -o "$work/sum.pdf"
check "report list after the import" 0 "^2023  v1  草稿  导入" -- gd report list 交口乡
check "report import --summary-of stores a summary compared with its units (A-01)" 0 "\[W A-01\] 汇总报告表三" -- gd report import "$work/bad.json" --agency 湖滨区 --summary-of 磁钟乡,交口乡
check "report show names a stored summary's units" 0 "^  三门峡市湖滨区交口乡人民政府" -- gd report show 湖滨区 2023

# Disclosure applications (issue 6), on the demo database: cases dated relative to today.
last_year=$(($(date +%Y) - 1))
check "application list shows every demo case" 0 "^7 application\(s\)" -- gd application list 磁钟乡 --list all
check "application list --list overdue names the days overdue" 0 "逾期[0-9]+个工作日" -- gd application list 磁钟乡 --list overdue
check "application list --list due_soon" 0 "剩余[0-9]个工作日" -- gd application list 磁钟乡 --list due_soon
check "application list --list awaiting_confirmation" 0 "待确认收到" -- gd application list 磁钟乡 --list awaiting_confirmation
check "application list of an unknown list is refused" 2 "unknown list 'nope'" -- gd application list 磁钟乡 --list nope
check "application list --csv has the header" 0 "编号,单位,收到申请日期" -- gd application list 磁钟乡 --list all --csv
check "application show explains the due date" 0 "答复期限：[0-9]{4}年[0-9]+月[0-9]+日（自" -- gd application show 3
check "application show of an unknown case" 3 "does not exist|not found" -- gd application show 999
check "application tally counts last year's case" 0 "^一、本年新收政府信息公开申请数量	1	0" -- gd application tally 磁钟乡 "$last_year"
check "application tally counts the pending review" 0 "^行政复议	0	0	0	1	1" -- gd application tally 磁钟乡 "$last_year"

# Proactive disclosure register (issue 7), on the demo database: items dated relative to today.
recent_year=$(date -d '-26 days' +%Y)
check "publication list shows the township's and its village's items" 0 "^14 item\(s\)" -- gd publication list 磁钟乡
check "publication list --list overdue names the Art. 26 days" 0 "已超[0-9]+个工作日" -- gd publication list 磁钟乡 --list overdue
check "publication list --list stale" 0 "待复核" -- gd publication list 磁钟乡 --list stale
check "publication list of an unknown list is refused" 2 "unknown list 'nope'" -- gd publication list 磁钟乡 --list nope
check "publication search marks a two-character term" 0 "【补贴】" -- gd publication search 补贴
check "publication search of one character" 0 "^1 match" -- gd publication search 汛
check "publication search leaves out items not yet approved" 0 "^0 match" -- gd publication search 公益性岗位
check "publication search with nothing to search is refused" 2 "no letters" -- gd publication search "，。"
check "publication channels counts the records of a year" 0 "政务微信公众号	[0-9]+" -- gd publication channels 磁钟乡 "$recent_year"
check "publication show gives the Art. 26 status" 0 "第二十六条：即将超过20个工作日|第二十六条：期限内" -- gd publication show 13
check "publication show of an unknown item" 3 "does not exist" -- gd publication show 999

# Auditing published reports from files (issue 5): the real seed report, broken copies, a batch.
seed="$(cd "$(dirname "$0")/../.." && pwd)/../shared/fixtures/seed-annual-report-2023-cizhong.txt"
mkdir -p "$work/audit/batch" "$work/audit/years"
cp "$seed" "$work/audit/seed.txt"
iconv -f utf-8 -t gb18030 "$seed" > "$work/audit/seed-gbk.txt"
# 5 natural-person applications received, and nothing else changed: T3-01 and T3-03 fail.
sed 's/^\(一、本年新收政府信息公开申请数量\t\t\)0/\15/' "$seed" > "$work/audit/bad.txt"
check "audit: the real seed report reads every cell with no error" 0 "seed.txt: 三门峡市湖滨区磁钟乡人民政府 2023年度 \[2021版格式, text\] 读出200/200格 · 错误0" -- gk audit "$work/audit/seed.txt"
check "audit: the seed in GB18030 reads the same" 0 "读出200/200格 · 错误0" -- gk audit "$work/audit/seed-gbk.txt"
check "audit: a changed figure fails T3-01 with both sides and the cell, exit 1" 1 "\[E T3-01\] 表三「自然人」列：第一项加第二项之和（5）应等于第三项加第四项之和（0） \(t3\.handled_total\.natural\)" -- gk audit "$work/audit/bad.txt"
check "audit --summary-only prints one line per report and the total" 0 "^2$" -- bash -c "\"$gk_bin\" audit --summary-only \"$work/audit/bad.txt\" | wc -l"
check "audit --format json" 1 "\"schema\": \"gongkai.report-audit/1\"" -- gk audit --format json "$work/audit/bad.txt"
check "audit --format csv has a header and a row per finding" 1 "file,agency,year,format,kind,severity,rule,cells,line,expected,found" -- gk audit --format csv "$work/audit/bad.txt"
check "audit --format xml is refused" 2 "--format must be text, json or csv" -- gk audit --format xml "$work/audit/seed.txt"
cp "$seed" "$work/audit/batch/a-seed.txt"
: > "$work/audit/batch/b-empty.txt"
head -c 4096 /dev/urandom > "$work/audit/batch/c-junk.bin"
printf '\x89PNG\r\n\x1a\n0000' > "$work/audit/batch/d-scan.png"
printf '关于召开会议的通知\n各村：定于明日上午开会。\n' > "$work/audit/batch/e-notice.txt"
truncate -s 200M "$work/audit/batch/f-huge.txt"
check "audit a folder: bad files get a one-line reason and the batch goes on" 1 "b-empty.txt: 未能读取 — 文件为空" -- gk audit "$work/audit/batch"
check "audit a folder: binary junk is refused" 1 "c-junk.bin: 未能读取 — 文件是二进制数据" -- gk audit "$work/audit/batch"
check "audit a folder: an image is refused" 1 "d-scan.png: 未能读取 — 这是图片" -- gk audit "$work/audit/batch"
check "audit a folder: a 200 MB file is refused by size" 1 "f-huge.txt: 未能读取 — 文件过大" -- gk audit "$work/audit/batch"
check "audit a folder: a document that is no report is refused" 1 "e-notice.txt: 未能读取 — 不是政府信息公开工作年度报告" -- gk audit "$work/audit/batch"
check "audit a folder: the total line" 1 "合计：6个文件，读出1份报告，未能读取5个" -- gk audit "$work/audit/batch"
cp "$seed" "$work/audit/years/2023.txt"
# The 2022 report carried one application over; 2023 says it carried none in (Y-01).
sed -e 's/ 2023 年政府信息公开/ 2022 年政府信息公开/' -e 's/^\(四、结转下年度继续办理\t\t\)0/\11/' "$seed" > "$work/audit/years/2022.txt"
check "audit two years of one agency: carried in vs carried out (Y-01)" 1 "\[W Y-01\] " -- gk audit "$work/audit/years"
check "audit two years: the earlier year is named as last year's report" 1 "上年度报告：.*2022.txt" -- gk audit "$work/audit/years"
check "audit: a missing path is one refused file" 1 "nope.txt: 未能读取" -- gk audit "$work/audit/seed.txt" "$work/nope.txt"
# Table 四's figures line removed: 15 cells unreadable; a terminal shows 8 per rule and counts the rest.
sed '/^0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0$/d' "$seed" > "$work/audit/no-t4.txt"
check "audit: text output shows 8 findings per rule and counts the rest" 1 "…另有7条T4-02（--format json 或 csv 列出全部）" -- gk audit "$work/audit/no-t4.txt"
check "audit: JSON lists all 15" 0 "^15$" -- bash -c "\"$gk_bin\" audit --format json \"$work/audit/no-t4.txt\" | grep -c '\"rule\": \"T4-02\"'"
# 规章 figures in a township's report: T2-02 warns unless the agency may make 规章.
sed 's/^规章\t0\t0\t0/规章\t1\t0\t1/' "$seed" > "$work/audit/rules.txt"
check "audit: 规章 figures from a township warn (T2-02)" 0 "\[W T2-02\] 表二「规章」/「本年制发件数」" -- gk audit "$work/audit/rules.txt"
check "audit --rule-making-power allows them" 0 "错误0 · 警告0" -- gk audit --rule-making-power "$work/audit/rules.txt"
pdf="$(cd "$(dirname "$0")/../.." && pwd)/tests/fixtures/reports/pdf-made/table3-across-pages.pdf"
check "audit --pdf-timeout bounds the PDF reader" 0 "\[2021版格式, pdf\] 读出200/200格" -- gk audit --pdf-timeout 30 "$pdf"
check "audit --pdf-timeout 0 is refused" 2 "not in range 1 to 600" -- gk audit --pdf-timeout 0 "$pdf"
check "audit: a batch on a terminal draws a progress bar on stderr" 0 "\[#+\.*\] 1/2" -- script -qec "\"$gk_bin\" audit \"$work/audit/seed.txt\" \"$work/audit/seed-gbk.txt\" >/dev/null" /dev/null
check "audit: no progress bar when stderr is not a terminal" 0 "^0$" -- bash -c "\"$gk_bin\" audit \"$work/audit/seed.txt\" \"$work/audit/seed-gbk.txt\" 2>&1 >/dev/null | wc -c"


echo "$((n - fails)) passed, $fails failed"
[[ $fails -eq 0 ]]
