# Key-person load (issue 9, part 7): `load` lists persons by their current
# roles (兼務: no end date, or ending today or later, in a live group), most
# first, each role as 団体名: 役職, a term ending within 90 days marked ⚠ with
# its date; --area keeps that area's persons; json carries the same.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" >/dev/null 2>&1
add() { "$T" add "$@" -d "$DB"; }
export TSUNAGU_NOW=2026-12-01T09:00:00+09:00
g1=$(add party --kind org --name 諏訪自治会)
g2=$(add party --kind org --name 子ども会)
g3=$(add party --kind org --name 防災会)
gone=$(add party --kind org --name 解散した会)
a=$(add party --kind person --name 佐藤花子 --kana さとうはなこ --areas 諏訪 --key-person 1)
b=$(add party --kind person --name 池田大輔 --kana いけだだいすけ --areas 落合)
c=$(add party --kind person --name 鈴木一郎 --kana すずきいちろう --areas 諏訪)
add party --kind person --name 役職なし --areas 諏訪 >/dev/null
k=$(add party --kind person --name 木村キー --kana きむらきー --areas 諏訪 --key-person 1)
m() { add membership --person "${1: -8}" --org "${2: -8}" --role "$3" "${@:4}" >/dev/null; }
m "$a" "$g1" 会長 --to 2027-03-31          # ends within 90 days? no: 120 days
m "$a" "$g2" 会計 --to 2027-01-15          # 45 days: ending soon
m "$a" "$g3" 委員
m "$b" "$g1" 副会長
m "$b" "$g2" 世話人 --to 2026-11-30        # ended yesterday: not current
m "$c" "$g3" 班長 --to 2026-12-01          # ends today: current and soon
m "$c" "$gone" 会員
"$T" delete party "${gone: -8}" -d "$DB" >/dev/null 2>&1

run "$T" load -d "$DB"
expect_rc 0 "load"
expect_eq "$(awk 'NR > 1 {print $1}' <<<"$OUT" | tr '\n' ' ')" "佐藤花子 池田大輔 鈴木一郎 木村キー " \
	"most roles first (3, 1, 1 by reading), a key person with none last, no one without a role"
grep -F "佐藤花子" <<<"$OUT" | grep -qF "子ども会: 会計 ⚠任期 2027-01-15 まで" \
	|| fail "佐藤's term ending soon is marked: $OUT"
ok
grep -F "佐藤花子" <<<"$OUT" | grep -qF "諏訪自治会: 会長、防災会: 委員" \
	|| fail "佐藤's other roles (not ending soon, unmarked): $OUT"
ok
grep -F "佐藤花子" <<<"$OUT" | grep -qE " 3 " || fail "佐藤 兼務 3: $OUT"
ok
expect_out_lacks "世話人" "a role that ended is not current"
expect_out_lacks "解散した会" "a role in a deleted group is not current"
grep -F "鈴木一郎" <<<"$OUT" | grep -qF "防災会: 班長 ⚠任期 2026-12-01 まで" || fail "ends today: $OUT"
ok
expect_err_has "⚠ 任期が90日以内に終わる役職 2 件" "count of terms ending soon"

run "$T" load --area 諏訪 --format json -d "$DB"
expect_rc 0 "load json"
j() { sqlite3 :memory: "SELECT json_extract('$OUT', '$1')"; }
expect_eq "$(sqlite3 :memory: "SELECT json_array_length('$OUT')")" 3 "諏訪: 佐藤, 鈴木, 木村"
expect_eq "$(j '$[0].name')|$(j '$[0].load')|$(j '$[0].key_person')" "佐藤花子|3|1" "first person"
expect_eq "$(j '$[0].roles[0].org')|$(j '$[0].roles[0].ending_soon')|$(j '$[0].roles[0].days_left')" \
	"子ども会|1|45" "the soonest ending role first, 45 days left"
expect_eq "$(j '$[0].roles[1].ending_soon')" 0 "120 days is not soon"
expect_eq "$(j '$[2].load')" 0 "a key person with no role"

run "$T" load --area 存在しない -d "$DB"
expect_rc 1 "unknown area"
run "$T" load --format csv -d "$DB"
expect_rc 2 "bad format"
run "$T" load extra -d "$DB"
expect_rc 2 "extra argument"
done_tests
