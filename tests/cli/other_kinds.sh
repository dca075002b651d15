# Events with attendance per generation, staff and their areas, 地域カルテ,
# departments and the category × department matrix, through the same verbs.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" 2>/dev/null

ev=$("$T" add event --title "諏訪 防災エリアミーティング" --kind エリアミーティング --date 令和3年10月2日 --area 諏訪 -d "$DB")
"$T" add attendance --event "${ev: -8}" --generation シニア --count 12 -d "$DB" >/dev/null
"$T" add attendance --event "${ev: -8}" --generation 若者 --count 5 -d "$DB" >/dev/null
run "$T" add attendance --event "${ev: -8}" --generation 若者 --count 9 -d "$DB"
expect_rc 1 "one count per generation and event"
run "$T" list events --format json -d "$DB"
/usr/bin/python3 -c 'import json,sys; e=json.loads(sys.argv[1])[0]; assert e["attendance"]==17 and e["date"]=="2021-10-02" and e["area"]=="諏訪中学区", e' "$OUT" || fail "event list"
ok
run "$T" show event "${ev: -8}" -d "$DB"
expect_out_has "シニア  12" "attendance by generation"

"$T" add department --name 高齢支援課 -d "$DB" >/dev/null
"$T" add staff --name "多摩 花子" --organisation 社協 --appointment 併任 --rank 担当職員 --areas "諏訪,青陵" -d "$DB" >/dev/null
"$T" add karte --area 諏訪 --section 課題 --title 担い手不足 --body "自治会役員の高齢化" -d "$DB" >/dev/null
run "$T" add matrix --category 高齢者 --department 高齢支援課 --state 取組中 --text 見守り事業 -d "$DB"
expect_rc 0 "matrix cell"
run "$T" add matrix --category 宇宙 --department 高齢支援課 --state 取組中 -d "$DB"
expect_rc 1 "unknown category"
expect_err_has "カテゴリー" "names the field"

run "$T" show area 青陵 -d "$DB"
expect_out_has "多摩 花子  社協  併任  担当職員" "staff of the area"
run "$T" show area 諏訪 -d "$DB"
expect_out_has "担い手不足" "karte item"
expect_out_has "諏訪1丁目" "districts"
done_tests
