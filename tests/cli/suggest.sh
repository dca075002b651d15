# Matching (issue 9, part 6): `suggest TASK` lists the parties whose
# できること meet the task's ニーズ, folded as search folds text (width, kana,
# case), read aloud through data/offer_readings.tsv (見守り meets みまもり)
# and matched when one contains the other; best first: more needs
# met, exact before contained, the task's area first, fewer current roles
# (兼務) first, the parties already linked last.  `suggest --party` lists
# the open tasks a party could help with.  A known fixture: a need 見守り in
# 諏訪, two namesakes 池田 大輔 (諏訪 / 落合) offering 見守り, one overloaded
# person, one already linked.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" >/dev/null 2>&1
add() { "$T" add "$@" -d "$DB"; }
org=$(add party --kind org --name 永山商店会)
suwa=$(add party --kind person --name 池田大輔 --kana いけだだいすけ --areas 諏訪 --offers '見守り,配食,みまもり')
ochi=$(add party --kind person --name 池田大輔 --kana いけだだいすけ --areas 落合 --offers 'ﾐﾏﾓﾘ,見守り')
add membership --person "${ochi: -8}" --org "${org: -8}" --role 世話人 >/dev/null
busy=$(add party --kind person --name 佐藤花子 --kana さとうはなこ --areas 諏訪 --offers 見守り)
for g in 諏訪自治会 子ども会 防災会; do
	gid=$(add party --kind org --name "$g")
	add membership --person "${busy: -8}" --org "${gid: -8}" --role 会長 >/dev/null
done
part=$(add party --kind person --name 鈴木一郎 --kana すずきいちろう --areas 諏訪 --offers 高齢者の見守り活動)
done_one=$(add party --kind person --name 田中次郎 --kana たなかじろう --areas 諏訪 --offers 'みまもり')
add party --kind person --name 山本三郎 --areas 諏訪 --offers 送迎 >/dev/null
task=$(add task --title 見守り訪問の調整 --area 諏訪 --needs 見守り --parties "${done_one: -8}")
two=$(add task --title 配食と見守り --area 落合 --needs '配食,ミマモリ')
add task --title 終わった見守り --area 諏訪 --needs 見守り --status 完了 >/dev/null
bare=$(add task --title ニーズのない課題 --area 諏訪)

run "$T" suggest "${task: -8}" -d "$DB"
expect_rc 0 "suggest"
# ids in order of the rows (skip the heading)
order=$(awk 'NR > 1 {print $1}' <<<"$OUT" | tr '\n' ' ')
expect_eq "$order" "${suwa: -8} ${busy: -8} ${ochi: -8} ${part: -8} ${done_one: -8} " \
	"order: 諏訪 namesake, overloaded of 諏訪, 落合 namesake, contained offer, linked last"
expect_out_lacks "山本三郎" "送迎 does not meet 見守り"
expect_out_has "世話人(永山商店会)" "the 落合 namesake's role tells him apart"
expect_out_has "高齢者の見守り活動" "the offer that contains the need is shown"
grep -F "${done_one: -8}" <<<"$OUT" | grep -q '済$' || fail "the linked one is not marked 済: $OUT"
ok
grep -F "${busy: -8}" <<<"$OUT" | grep -q '会長(.*) 他2  3 ' || fail "佐藤's 兼務 3 not shown: $OUT"
ok

run "$T" suggest "${task: -8}" --format json -d "$DB"
expect_rc 0 "suggest json"
expect_eq "$(sqlite3 :memory: "SELECT json_array_length('$OUT')")" 5 "JSON: five parties"
expect_eq "$(sqlite3 :memory: "SELECT json_extract('$OUT', '\$[0].id')")" "$suwa" "JSON: 諏訪 first"
expect_eq "$(sqlite3 :memory: "SELECT json_extract('$OUT', '\$[1].load')")" 3 "JSON: load of 佐藤"
expect_eq "$(sqlite3 :memory: "SELECT json_extract('$OUT', '\$[3].exact')")" 0 "JSON: contained, not exact"
expect_eq "$(sqlite3 :memory: "SELECT json_extract('$OUT', '\$[4].linked')")" 1 "JSON: linked flag"
expect_eq "$(sqlite3 :memory: "SELECT json_extract('$OUT', '\$[4].matched') || json_extract('$OUT', '\$[4].exact')")" \
	"みまもり1" "JSON: the offer みまもり meets the need 見守り by its reading"
expect_eq "$(sqlite3 :memory: "SELECT json_extract('$OUT', '\$[2].same_area')")" 0 "JSON: 落合 not same area"

# two needs: the one meeting both comes first; ミマモリ (katakana) meets ﾐﾏﾓﾘ
# and みまもり, and 見守り by its reading
run "$T" suggest "${two: -8}" -d "$DB"
expect_rc 0 "suggest, two needs"
expect_eq "$(awk 'NR > 1 {print $1}' <<<"$OUT" | tr '\n' ' ')" \
	"${suwa: -8} ${ochi: -8} ${done_one: -8} ${busy: -8} ${part: -8} " \
	"both needs met first; then exact: the task's area, fewer roles; then contained"
grep -F "${suwa: -8}" <<<"$OUT" | grep -q '配食' || fail "配食 shown: $OUT"
ok

# the reverse: tasks for a party, open ones only, the linked one last
run "$T" suggest --party "${done_one: -8}" -d "$DB"
expect_rc 0 "suggest --party"
expect_out_lacks "終わった見守り" "a finished task is not suggested"
expect_eq "$(awk 'NR > 1 {print $1}' <<<"$OUT" | tr '\n' ' ')" "${two: -8} ${task: -8} " \
	"the task not yet linked first"
run "$T" suggest --party "${suwa: -8}" --format json -d "$DB"
expect_eq "$(sqlite3 :memory: "SELECT json_extract('$OUT', '\$[0].title')")" 配食と見守り "meets both needs first"

# errors
run "$T" suggest "${bare: -8}" -d "$DB"
expect_rc 1 "a task without needs"
expect_err_has "ニーズが入っていません" "says why"
expect_one_err_line "one line"
run "$T" suggest -d "$DB"
expect_rc 2 "no task"
run "$T" suggest "${task: -8}" --party "${suwa: -8}" -d "$DB"
expect_rc 2 "task and --party"
run "$T" suggest "${task: -8}" --format csv -d "$DB"
expect_rc 2 "bad format"
run "$T" suggest 存在しない課題 -d "$DB"
expect_rc 1 "unknown task"
run "$T" suggest --help
expect_out_has "tsunagu suggest TASK" "help names the command"
done_tests
