# Reports are read by people, in a browser, in Excel and in a Markdown
# viewer: what a name, role, title or place holds must print as text, in
# every kind and every format.  An escape sequence is spelled out (^[) as
# on the screen, a bidi override (U+202E) as <U+202E> so that no name
# prints reversed, and in CSV a cell Excel would run as a formula
# (=HYPERLINK(...), @SUM, +81...) goes out with ' in front; figures stay.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" >/dev/null 2>&1
ESC=$'\e'
add() { "$T" add "$@" -d "$DB"; }

org=$(add party --kind org --name "諏訪<b>見守り</b>の会" --areas 諏訪 --key-person 1 --offers "=HYPERLINK(\"http://x\")")
esc_p=$(add party --kind person --name "赤${ESC}[31m字太郎" --areas 諏訪 --key-person 1)
rtl_p=$(add party --kind person --name "右‮左花子" --areas 諏訪 --key-person 1)
f_p=$(add party --kind person --name "=1+1山田" --areas 諏訪 --key-person 1)
add membership --person "${esc_p: -8}" --org "${org: -8}" --role "@SUM(A1)会長" >/dev/null
add membership --person "${rtl_p: -8}" --org "${org: -8}" --role "副会長" >/dev/null
add membership --person "${f_p: -8}" --org "${org: -8}" --role "+81-42-000会計" >/dev/null
task=$(add task --title "=cmd|' /C calc'!A0 見守り" --area 諏訪 --parties "${esc_p: -8}" --due 2099-01-01)
add log --task "${task: -8}" --kind 訪問 --date 2026-01-10 --text "訪問${ESC}]0;題${ESC}\\
-2 度の熱" >/dev/null
add event --title "サロン‮逆" --date 2099-02-01 --area 諏訪 --place "公民館${ESC}[1m" >/dev/null

# Markdown markup in a karte item prints as written: no picture loaded
# from a URL, no heading, list or emphasis made of a resident's words
add karte --area 諏訪 --section 課題 --title "**重要** ![地図](https://example.invalid/p.png)" \
	--body "# 見出しではない
1. 番号ではない
- 箇条書きではない
mimamori_net と _強調_" >/dev/null

# no C0 control but tab and line breaks, no C1, no bidi control in a file
clean() {
	! LC_ALL=C.UTF-8 grep -q -P '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$1" ||
		fail "$2: control or bidi characters in $1: $(grep -n -P '\x1b|\xe2\x80\xae' "$1" | head -2)"
	ok
}
has() { grep -qF -- "$2" "$1" || fail "$3: $1 lacks «$2»"; ok; }
lacks() { ! grep -qF -- "$2" "$1" || fail "$3: $1 has «$2»"; ok; }

for kind in karte handover cases log; do
	case $kind in
	log) args=(log --task "${task: -8}") ;;
	karte | handover) args=("$kind" --area 諏訪) ;;
	*) args=("$kind") ;;
	esac
	for ext in html md csv; do
		f="$WORK/$kind.$ext"
		run "$T" report "${args[@]}" -o "$f" -d "$DB"
		expect_rc 0 "report $kind $ext"
		clean "$f" "report $kind $ext"
	done
	# CSV: formulas are text; no cell begins with = + - @ unless a number
	python3 - "$WORK/$kind.csv" <<'PY' || fail "report $kind csv: a cell Excel would run"
import csv, re, sys
for row in csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")):
    for cell in row:
        if re.match(r"[=+@-]", cell) and not re.fullmatch(r"[-+]?[0-9.,]+%?|-", cell):
            sys.exit(f"cell {cell!r}")
PY
	ok
done
has "$WORK/karte.csv" "'=1+1山田" "karte CSV: a formula name kept as text"
has "$WORK/karte.csv" "赤^[[31m字太郎" "karte CSV: ESC spelled out as on the screen"
has "$WORK/karte.html" "右&lt;U+202E&gt;左花子" "karte HTML: the override shown, not obeyed"
has "$WORK/karte.md" "右&lt;U+202E>左花子" "karte Markdown: the override shown"
has "$WORK/karte.html" "諏訪&lt;b&gt;見守り&lt;/b&gt;の会" "karte HTML: markup in a name is text"
has "$WORK/handover.csv" "'@SUM(A1)会長" "handover CSV: a role that is a formula"
has "$WORK/handover.csv" "'+81-42-000会計" "handover CSV: + before digits is a formula to Excel"
has "$WORK/handover.csv" "公民館^[[1m" "handover CSV: the place's ESC spelled out"
has "$WORK/cases.csv" "'=cmd|' /C calc'!A0 見守り" "cases CSV: the task title as text"
has "$WORK/log.csv" "-2 度の熱" "log CSV: a line of a note is no cell of its own"
has "$WORK/log.html" "訪問^[]0;題^[\\" "log HTML: an OSC sequence in a note shown inert"
has "$WORK/karte.md" '\*\*重要\*\* !\[地図\](https://example.invalid/p.png)' "Markdown: emphasis and image escaped"
has "$WORK/karte.md" '\# 見出しではない' "Markdown: no heading from a note"
has "$WORK/karte.md" '1\. 番号ではない' "Markdown: no numbered list"
has "$WORK/karte.md" '\- 箇条書きではない' "Markdown: no bullet"
has "$WORK/karte.md" 'mimamori_net と \_強調\_' "Markdown: '_' inside a word kept, around words escaped"
# HTML and Markdown keep the text as it is otherwise (no ' added there)
lacks "$WORK/karte.html" "'=1+1" "HTML gets no quote mark"
lacks "$WORK/karte.md" "'=1+1" "Markdown gets no quote mark"
# figures stay figures
has "$WORK/handover.csv" "作成者: 山田 太郎" "footer"
done_tests
