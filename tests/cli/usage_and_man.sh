# The command line does what its usage lines and the man page say: an
# option a command would leave unused is refused (exit 2) rather than
# ignored, every command and option of the usage lines is in the man page
# and the README, and an unknown field names the options of its kind, each
# of which the man page lists.
. "$(dirname "$0")/lib/common.bash"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MAN="$ROOT/man/tsunagu.1"
# the man page as text: \- is -, fonts dropped, \[uXXXX] as UTF-8
MANTXT=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\%//g' "$MAN" |
	python3 -c 'import re,sys; print(re.sub(r"\\\[u([0-9A-F]{4,5})\]", lambda m: chr(int(m.group(1),16)), sys.stdin.read()))')

"$T" init -d "$DB" 2>/dev/null

# --- list: a filter the kind has no column for is refused, not dropped
for args in "parties --status 完了" "events --status 完了" "mine --assignee 山田"; do
	run "$T" list $args -d "$DB"
	expect_rc 2 "list $args"
	expect_err_has "使い方: tsunagu list" "list $args: usage"
done
run "$T" list parties --status 完了 -d "$DB"
expect_err_has "--status は tasks と mine の一覧で使えます" "says where --status works"
run "$T" list tasks --status 完了 --assignee "山田 太郎" --search 見守り -d "$DB"
expect_rc 0 "tasks take all three filters"
run "$T" list areas --search 諏訪 -d "$DB"
expect_rc 0 "areas take --search"
expect_out_has "諏訪中学区" "areas search finds"
expect_out_lacks "鶴牧中学区" "areas search filters"
# every list searches: events, staff and surveys by their texts, as the
# directory does (width, kana, 髙/高 folded)
DEMO="$WORK/demo.db"
"$T" init --demo -d "$DEMO" >/dev/null 2>&1
run "$T" list events --search 諏訪防災 -d "$DEMO"
expect_rc 0 "events take --search"
expect_out_has "諏訪 防災" "events search finds by title, spaces aside"
expect_out_lacks "関戸 防災" "and only what holds the whole query"
expect_out_lacks "子育てサロン" "events search filters"
run "$T" list staff --search 乞田 -d "$DEMO"
expect_rc 0 "staff take --search"
expect_out_has "乞田 次郎" "staff search finds"
expect_out_lacks "稲荷 三郎" "staff search filters"
run "$T" list surveys --search 桜ヶ丘 -d "$DEMO"
expect_rc 0 "surveys take --search"
expect_out_has "桜ヶ丘2丁目自治会" "surveys search finds by the party's name"
expect_out_lacks "落合1丁目自治会" "surveys search filters"
run "$T" list events --search ＳＵＷＡ防災 -d "$DEMO"
expect_out_lacks "防災" "a word that is in no event finds none"
run "$T" list tasks --limit -d "$DB"
expect_rc 2 "--limit without value"
expect_err_has "--limit に値がありません" "names the option without its value"

# --- init: --scale sizes the demo data only
run "$T" init --scale 2 -d "$WORK/scale.db"
expect_rc 2 "--scale without --demo"
[ ! -e "$WORK/scale.db" ] || fail "--scale without --demo made a file"
ok
run "$T" init --demo --city --scale 2 -d "$WORK/scale.db"
expect_rc 2 "--scale with --city"
expect_err_has "どちらか一つ" "--scale with --city says why"
[ ! -e "$WORK/scale.db" ] || fail "--scale with --city made a file"
ok

# --- report: an option its kind does not use
TASK=$("$T" add task --title 見守りの相談 --area 諏訪 -d "$DB")
for args in "karte --task $TASK" "karte --from 2026-04-01" "handover --to 2026-04-01" \
	"log --task $TASK --area 諏訪" "cases --party 鈴木"; do
	run "$T" report $args -d "$DB"
	expect_rc 2 "report $args"
	expect_err_has "は使えません" "report $args says which option"
done
run "$T" report log --task "$TASK" --from 2026-04-01 -d "$DB"
expect_rc 0 "a log takes a period"
run "$T" report activity --area 諏訪 --from 2025-04-01 --to 2026-03-31 -d "$DB"
expect_rc 0 "activity takes an area and a period"

# --- generations: a missing value is named as one
run "$T" generations --from -d "$DB"
expect_rc 2 "generations --from without value"
expect_err_has "値がありません" "generations: missing value"

# --- help
run "$T" help list
expect_rc 0 "help list"
expect_out_has "使い方: tsunagu list" "help COMMAND is that command's help"
run "$T" help frobnicate
expect_rc 2 "help of an unknown command"

# --- every command of the usage lines is in the man page and the README,
# and so is every option of its usage line
"$T" --help >"$WORK/help"
README=$(cat "$ROOT/README.md")
grep '^  tsunagu [a-z]' "$WORK/help" | sed 's/^  tsunagu //' >"$WORK/usage"
[ "$(wc -l <"$WORK/usage")" -ge 25 ] || fail "too few usage lines: $(cat "$WORK/usage")"
ok
while read -r cmd rest; do
	grep -qE "^(\.SS \"$cmd[ \"]|tsunagu $cmd )" <<<"$MANTXT" ||
		fail "man page has no entry for $cmd"
	grep -qF "tsunagu $cmd" <<<"$README" || fail "README does not show tsunagu $cmd"
	for opt in $(grep -oE -- '--[a-z][a-z-]*|(^| |\[)-[a-z]( |$)' <<<"$rest" | tr -d '[ '); do
		grep -qF -- "$opt" <<<"$MANTXT" || fail "man page lacks $opt of $cmd"
	done
	ok
done <"$WORK/usage"

# the kinds import and export take are the kinds their usage, man page and
# README name
for verb in import export; do
	file="$WORK/x.csv"
	[ "$verb" = import ] || file=
	run "$T" $verb widgets $file -d "$DB"
	expect_rc 2 "$verb of an unknown kind"
	kinds=$(sed 's/.*は //; s/ です$//; s/, / /g' <<<"$ERR")
	usage=$(grep "^$verb " "$WORK/usage" | awk '{print $2}')
	synopsis=$(grep -E "^ *tsunagu $verb " <<<"$MANTXT" | head -1 | awk '{print $3}')
	readme=$(grep -E "^tsunagu $verb " <<<"$README" | head -1 | awk '{print $3}')
	for k in $kinds; do
		for doc in "usage:$usage" "man:$synopsis" "README:$readme"; do
			grep -qE "(^|[:|])$k(\||$)" <<<"$doc" || fail "$verb $k missing from ${doc%%:*}: $doc"
		done
		ok
	done
done

# --- fields: an unknown one names the kind's options; each is taken, and
# the man page lists it under its kind (add KIND)
for kind in area district staff party membership task log event attendance survey karte \
	facility department matrix; do
	run "$T" add "$kind" --colour 赤 -d "$DB"
	expect_rc 2 "add $kind --colour"
	expect_one_err_line "add $kind --colour"
	flags=$(sed -n 's/.*使える項目: \(.*\))$/\1/p' <<<"$ERR")
	[ -n "$flags" ] || fail "add $kind: no options named: $ERR"
	manline=$(grep -A1 -E "^\.BR $kind \" \(" <<<"$MANTXT" | tail -1)
	for f in $flags; do
		run "$T" add "$kind" "$f" -d "$DB"
		expect_err_has "に値がありません" "add $kind $f is an option"
		grep -qE -- "(^| )$f( |$)" <<<"$manline" || fail "man page: $kind lacks $f ($manline)"
	done
	for f in $manline; do
		grep -qE -- "(^| )$f( |$)" <<<"$flags" || fail "man page: $kind lists $f, not taken"
	done
	ok
done
done_tests
