# tasks with 和暦 dates, log entries newest first, status and area filters.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" 2>/dev/null

task=$("$T" add task --title 見守り体制づくり --area 青陵 --duty E --due 令和8年4月1日 --assignee "山田 太郎" --category 高齢者 -d "$DB")
"$T" add task --title 会場探し --area 諏訪 --status 対応中 --due R8.5.1 -d "$DB" >/dev/null
run "$T" show task "${task: -8}" -d "$DB"
expect_out_has "期限: 2026-04-01" "和暦 due date stored as ISO"
expect_out_has "支援区分: 調整支援" "duty label"
expect_out_has "状態: 未着手" "default status"

"$T" add log --task "${task: -8}" --kind 訪問 --date 2026/4/2 --text "会長宅を訪問した。" -d "$DB" >/dev/null
"$T" add log --task "${task: -8}" --kind 電話 --date 2026-04-05 --text "電話で日程を確認。" -d "$DB" >/dev/null
run "$T" show task "${task: -8}" -d "$DB"
first=$(grep -n "電話で日程を確認" <<<"$OUT" | cut -d: -f1)
second=$(grep -n "会長宅を訪問した" <<<"$OUT" | cut -d: -f1)
[ -n "$first" ] && [ -n "$second" ] && [ "$first" -lt "$second" ] || fail "log newest first: $OUT"
ok
expect_out_has "山田 太郎" "log author"

# search finds a task through its log
run "$T" list tasks --search 会長宅 --format tsv -d "$DB"
expect_out_has "見守り体制づくり" "search task by log text"

run "$T" list tasks --status 対応中 --format tsv -d "$DB"
expect_out_has "会場探し" "status filter"
expect_out_lacks "見守り体制づくり" "status filter"
run "$T" list tasks --status 終わり -d "$DB"
expect_rc 1 "unknown status"

run "$T" edit task "${task: -8}" --status 完了 -d "$DB"
run "$T" list areas --format json -d "$DB"
/usr/bin/python3 -c 'import json,sys; r={a["name"]:a["open_tasks"] for a in json.loads(sys.argv[1])}; assert r["青陵中学区"]==0 and r["諏訪中学区"]==1, r' "$OUT" || fail "open task counts"
ok

run "$T" add log --text "対象なし" -d "$DB"
expect_rc 1 "log needs a task, party or area"
run "$T" add task --title 期限不正 --due 2026/2/30 -d "$DB"
expect_rc 1 "invalid date"
expect_err_has "2026/2/30" "names the input"
done_tests
