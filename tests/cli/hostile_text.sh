# Escape sequences in data, arguments and paths never reach the terminal
# through messages (issue 14 item 2): what the screen shows as ^[ ... is
# shown the same way on stderr and in import reports.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" 2>/dev/null
ESC=$'\e'
BEL=$'\a'
TITLE="${ESC}]0;pwned${BEL}"

no_controls() { # no ESC, BEL, CSI (U+009B) in stdout or stderr
	if printf '%s%s' "$OUT" "$ERR" | grep -q -P '[\x00-\x08\x0b-\x1f\x7f]|\xc2\x9b'; then
		fail "$1: control characters reached the terminal: $(printf '%s' "$ERR" | od -c | head -3)"
	fi
	ok
}

# a CSV cell quoted in an import error (an unknown area)
printf 'name,kind,areas\n鈴木一郎,person,諏訪%s\n' "$TITLE" >"$WORK/名簿.csv"
run "$T" import parties "$WORK/名簿.csv" -d "$DB"
expect_rc 1 "import with an unknown area"
no_controls "import error quoting a cell"
expect_err_has "名簿.csv:2:" "error names file:line"
expect_err_has "諏訪^[" "the sequence is shown spelled out"

# a heading quoted in the import report (stdout)
printf 'name,kind,%s見出し\n山田花子,person,x\n' "$TITLE" >"$WORK/見出し.csv"
run "$T" import parties "$WORK/見出し.csv" -d "$DB"
expect_rc 0 "import with an unknown heading"
no_controls "import report quoting a heading"

# arguments and paths
run "$T" "${ESC}[2J消去" -d "$DB"
expect_rc 2 "unknown command"
no_controls "unknown command"
run "$T" show party "${TITLE}山田" -d "$DB"
expect_rc 1 "show an unknown party"
no_controls "argument quoted in not-found"
run "$T" list parties -d "$WORK/${TITLE}.db"
expect_rc 3 "a missing file"
no_controls "path quoted in an error"
run "$T" export parties -o "$WORK/x${ESC}[31m/out.csv" -d "$DB"
expect_rc 1 "export into a missing folder"
no_controls "output path quoted in an error"
run "$T" add party --name "佐藤${TITLE}" --kind person --generation "${TITLE}" -d "$DB"
expect_rc 1 "a bad choice value"
no_controls "value quoted in a validation error"
run "$T" list parties --area "${TITLE}" -d "$DB"
expect_rc 1 "an unknown area"
no_controls "area argument quoted"

# the machine formats of list: a file or a pipe gets the data as stored;
# a terminal gets it as the table shows it; JSON writes the invisible
# bidi override as \u202e, the same string to a JSON reader
"$T" add party --name "赤${ESC}[31m字‮花子" --kind person --consent 1 -d "$DB" >/dev/null
for fmt in csv tsv; do
	run "$T" list parties --search 赤 --format "$fmt" -d "$DB"
	expect_out_has "赤${ESC}[31m字" "list $fmt into a pipe keeps the data as stored"
	command -v script >/dev/null || fail "script (util-linux) is missing"
	OUT=$(script -qec "$T list parties --search 赤 --format $fmt -d $DB" /dev/null | tr -d "\r")
	ERR=
	no_controls "list $fmt on a terminal"
	expect_out_has "赤^[[31m字<U+202E>花子" "list $fmt on a terminal spells them out"
done
run "$T" list parties --search 赤 --format json -d "$DB"
expect_out_has '字\u202e花子' "JSON escapes the override"
expect_out_has '\u001b[31m' "and ESC"
expect_eq "$(sqlite3 :memory: "SELECT json_extract('$OUT', '\$[0].name') = '赤${ESC}[31m字‮花子'")" 1 "the same name to a JSON reader"
# an export without -o read on the terminal is shown as the screen shows
# it; into a pipe or a file it carries the data as stored (it round-trips)
for kind in parties vcard; do
	OUT=$(script -qec "$T export $kind -d $DB" /dev/null | tr -d "\r")
	ERR=
	no_controls "export $kind on a terminal"
	expect_out_has "赤^[[31m字<U+202E>花子" "export $kind on a terminal spells them out"
	run "$T" export "$kind" -d "$DB"
	expect_out_has "赤${ESC}[31m字‮花子" "export $kind into a pipe keeps the data"
done
# every --format json alike (duplicates: two of that name)
"$T" add party --name "赤${ESC}[31m字‮花子" --kind person -d "$DB" >/dev/null
run "$T" duplicates --format json -d "$DB"
expect_out_has '字\u202e花子' "duplicates JSON escapes the override"
done_tests
