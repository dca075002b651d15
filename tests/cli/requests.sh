# Area requests (issue 9, part 9): a 地域要望 task goes 受付 → 部局照会中 →
# 回答済 → 地域へ報告済 through `edit task ID --status …`, the board status
# following (未着手 / 保留 / 対応中 / 完了), the dates asked and answered
# filled with today, the answer required from 回答済 on, and the answer
# recorded on the area's log when reported back, all in one action (one
# undo).  A request state on another task is refused; `list requests` shows
# the open ones by department, the oldest asked first, with days waiting.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" >/dev/null 2>&1
add() { "$T" add "$@" -d "$DB"; }
at() { TSUNAGU_NOW="$1" "${@:2}"; }
field() { sqlite3 "$DB" "SELECT $2 FROM task WHERE id = '$1'"; }
road=$(add department --name 道路課 --kana どうろか)
add department --name 高齢福祉課 --kana こうれいふくしか >/dev/null
lamp=$(add task --title 通学路の街灯 --area 諏訪 --kind 地域要望)
bench=$(add task --title 公園のベンチ --area 諏訪 --kind 地域要望 --department "${road: -8}")
bus=$(add task --title バス停の屋根 --area 落合 --kind 地域要望 --department 道路課)
care=$(add task --title 見守り訪問の調整 --area 諏訪 --kind 地域支援)

# 受付 → 部局照会中: request state, 保留 on the board, asked today
run at 2026-10-01T09:00:00+09:00 "$T" edit task "${bench: -8}" --status 部局照会中 -d "$DB"
expect_rc 0 "to 部局照会中"
expect_eq "$(field "$bench" "request_state || '|' || status || '|' || asked_on")" \
	"部局照会中|保留|2026-10-01" "state, board status and date asked"
run at 2026-11-15T09:00:00+09:00 "$T" edit task "${lamp: -8}" --status 部局照会中 --department 高齢福祉課 -d "$DB"
expect_rc 0 "to 部局照会中 with the department"
run at 2026-09-01T09:00:00+09:00 "$T" edit task "${bus: -8}" --status 部局照会中 -d "$DB"
expect_rc 0 "bus to 部局照会中"

# a request state on a task that is not a 地域要望 is refused, clearly
run "$T" edit task "${care: -8}" --status 部局照会中 -d "$DB"
expect_rc 1 "request state on a 地域支援 task"
expect_err_has "「部局照会中」は地域要望の状況です" "says why"
expect_err_has "地域支援" "names the task's kind"
expect_one_err_line "one line"
expect_eq "$(field "$care" "status || '|' || coalesce(request_state, '')")" "未着手|" "nothing written"
run "$T" edit task "${care: -8}" --status 対応中 -d "$DB"
expect_rc 0 "ordinary statuses keep working"
expect_eq "$(field "$care" status)" 対応中 "moved"
run "$T" edit task "${bench: -8}" --status 保留中 -d "$DB"
expect_rc 1 "an unknown status is still refused"

# list requests: by department (こうれい… before どうろ…), oldest asked first, days waiting
run at 2026-12-01T09:00:00+09:00 "$T" list requests -d "$DB"
expect_rc 0 "list requests"
expect_eq "$(awk 'NR > 1 {print $1}' <<<"$OUT" | tr '\n' ' ')" "${lamp: -8} ${bus: -8} ${bench: -8} " \
	"高齢福祉課 first; within 道路課 the oldest asked first"
grep -F "${bus: -8}" <<<"$OUT" | grep -qE "道路課 +バス停の屋根 +落合中学区 +部局照会中 +2026-09-01 +91$" \
	|| fail "bus row with 91 days waiting: $OUT"
ok
grep -F "${lamp: -8}" <<<"$OUT" | grep -q "16$" || fail "lamp waits 16 days: $OUT"
ok
run at 2026-12-01T09:00:00+09:00 "$T" list requests --area 諏訪 --format json -d "$DB"
expect_rc 0 "list requests json"
expect_eq "$(sqlite3 :memory: "SELECT json_array_length('$OUT')")" 2 "諏訪 only"
expect_eq "$(sqlite3 :memory: "SELECT json_extract('$OUT', '\$[1].days_waiting') || json_extract('$OUT', '\$[1].department')")" \
	"61道路課" "bench waits 61 days at 道路課"
run "$T" list requests --status 保留 -d "$DB"
expect_rc 2 "list requests takes --area and --format only"

# 回答済 needs the answer
run "$T" edit task "${bench: -8}" --status 回答済 -d "$DB"
expect_rc 1 "回答済 without an answer"
expect_err_has "部局の回答を入れてください" "asks for --answer"
expect_eq "$(field "$bench" request_state)" 部局照会中 "unchanged"
run at 2026-12-02T09:00:00+09:00 "$T" edit task "${bench: -8}" --status 回答済 --answer "来年度に2基設置します" -d "$DB"
expect_rc 0 "to 回答済"
expect_eq "$(field "$bench" "request_state || '|' || status || '|' || answered_on || '|' || answer")" \
	"回答済|対応中|2026-12-02|来年度に2基設置します" "answered"

# undo takes the whole state change back (state, status, date, answer)
run "$T" undo -d "$DB"
expect_rc 0 "undo"
expect_eq "$(field "$bench" "request_state || '|' || status || '|' || coalesce(answered_on, '-') || '|' || coalesce(answer, '-')")" \
	"部局照会中|保留|-|-" "undone in one step"
run "$T" redo -d "$DB"
expect_rc 0 "redo"
expect_eq "$(field "$bench" request_state)" 回答済 "redone"
# answered on 2026-12-02: its days stop there, however late the list is read
run at 2027-01-15T09:00:00+09:00 "$T" list requests --area 諏訪 --format json -d "$DB"
expect_eq "$(sqlite3 :memory: "SELECT json_extract(value, '\$.days_waiting') FROM json_each('$OUT') WHERE json_extract(value, '\$.state') = '回答済'")" \
	"$(( ( $(date -d 2026-12-02 +%s) - $(date -d "$(field "$bench" asked_on)" +%s) ) / 86400 ))" \
	"an answer stops the count of days waiting"

# 地域へ報告済: 完了 on the board, and the answer on the area's log in the same action
run at 2026-12-03T09:00:00+09:00 "$T" edit task "${bench: -8}" --status 地域へ報告済 -d "$DB"
expect_rc 0 "to 地域へ報告済"
expect_eq "$(field "$bench" "request_state || '|' || status")" "地域へ報告済|完了" "reported"
area=$(sqlite3 "$DB" "SELECT area_id FROM task WHERE id = '$bench'")
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM log_entry WHERE area_id = '$area' AND task_id = '$bench' AND kind = '会議' AND date = '2026-12-03' AND deleted_at IS NULL")" \
	1 "one 会議 entry on the area and the task"
text=$(sqlite3 "$DB" "SELECT text FROM log_entry WHERE task_id = '$bench'")
grep -qF "道路課の回答を地域へ報告しました" <<<"$text" || fail "log names the department: $text"
ok
grep -qF "来年度に2基設置します" <<<"$text" || fail "log quotes the answer: $text"
ok
run "$T" show area 諏訪 -d "$DB"
expect_out_has "道路課の回答を地域へ報告しました" "the area's page shows the report"
run at 2026-12-03T09:00:00+09:00 "$T" list requests -d "$DB"
expect_out_lacks "公園のベンチ" "a reported request is no longer open"
run "$T" undo -d "$DB"
expect_rc 0 "undo the report"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM log_entry WHERE task_id = '$bench' AND deleted_at IS NULL")" \
	0 "the log entry goes with the undo"
expect_eq "$(field "$bench" "request_state || '|' || status")" "回答済|対応中" "state back"
done_tests
