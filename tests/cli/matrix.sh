# The department matrix (issue 9 part 5): `matrix` counts each
# category × department cell by state, marks a category with 取組中 in two
# departments 「◆重複?」 and one with none 「◇空白」; --area keeps that
# area's entries and the city-wide ones; json; csv as Excel opens it (BOM,
# CRLF, one row per category, the entries' texts, overlap and gap columns);
# `export matrix` writes 0600 and never over the database.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" >/dev/null 2>&1
add() { "$T" add "$@" -d "$DB"; }
housing=$(add department --name 住宅課)
elderly=$(add department --name 高齢支援課)
add department --name 子ども・若者政策課 >/dev/null
cell() { add matrix --category "$1" --department_id "$2" --state "$3" --text "$4" "${@:5}" >/dev/null; }
cell 住まい "$housing" 取組中 '空き家の活用相談'
cell 住まい "$elderly" 取組中 '高齢者向け住宅の案内'
cell 住まい "$elderly" 課題 '相談窓口が二つある, 分かりにくい'
cell 高齢者 "$elderly" 検討中 '見守りネットワークの拡充' --area_id 諏訪
cell 高齢者 "$elderly" 取組中 '配食サービス' --area_id 永山
cell 高齢者 "$housing" 意見 '住宅部局も見守りに関わるべき'

run "$T" matrix -d "$DB"
expect_rc 0 "matrix"
expect_out_has "カテゴリー" "heading"
expect_out_has "子ども・若者政策課" "every department is a column"
home=$(grep '^住まい' <<<"$OUT")
[[ "$home" == *"取1 "*"取1 課1"*"◆重複?"* ]] || fail "住まい: 取1 | 取1 課1 | ◆重複?: $home"; ok
olds=$(grep '^高齢者' <<<"$OUT")
[[ "$olds" == *"意1"*"取1 検1"* && "$olds" != *"重複"* && "$olds" != *"空白"* ]] \
	|| fail "高齢者: 意1 | 取1 検1, no mark: $olds"; ok
[[ "$(grep '^産業' <<<"$OUT")" == *"◇空白"* ]] || fail "産業 is a gap"; ok
expect_err_has "◆重複? 取組中が2部局以上" "legend on stderr"
# columns line up by display width: 印 starts at the same column on each row
python3 - <<PY || fail "table columns by display width"
import unicodedata
def w(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
rows = """$OUT""".split("\n")
head = rows[0]
col = w(head[:head.index("印")])
for r in rows[1:]:
    if "◆" in r or "◇" in r:
        i = r.index("◆") if "◆" in r else r.index("◇")
        assert w(r[:i]) == col, (r, w(r[:i]), col)
PY
ok

run "$T" matrix --area 諏訪 -d "$DB"
expect_rc 0 "matrix --area"
olds=$(grep '^高齢者' <<<"$OUT")
[[ "$olds" == *"検1"* && "$olds" != *"取1"* && "$olds" == *"◇空白"* ]] \
	|| fail "諏訪: 永山's 取組中 left out, city-wide kept: $olds"; ok
run "$T" matrix --area どこにもない -d "$DB"
expect_rc 1 "unknown area"

run "$T" matrix --format json -d "$DB"
expect_rc 0 "json"
q() { sqlite3 :memory: "SELECT $1" <<<""; }
J=$OUT
expect_eq "$(q "json_array_length('$J')")" 12 "one object per category"
expect_eq "$(q "json_extract('$J', '\$[2].category') || json_extract('$J', '\$[2].overlap') || json_extract('$J', '\$[2].active_departments')")" \
	"住まい12" "住まい: overlap over two departments"
expect_eq "$(q "json_extract('$J', '\$[3].gap')")" 1 "産業 is a gap"
expect_eq "$(q "json_extract('$J', '\$[2].departments[1].department') || json_extract('$J', '\$[2].departments[1].counts.issues') || json_extract('$J', '\$[2].departments[1].entries[1].text')")" \
	"高齢支援課1相談窓口が二つある, 分かりにくい" "cell entries and counts"
run "$T" matrix --format json --area 永山 -d "$DB"
expect_eq "$(q "json_extract('$OUT', '\$[7].departments[1].entries[0].area')")" "多摩永山中学区" "entry's area"

"$T" matrix --format csv -d "$DB" >"$WORK/m.csv"
expect_eq "$(head -c 3 "$WORK/m.csv" | od -An -tx1 | tr -d ' ')" efbbbf "csv starts with a BOM"
expect_eq "$(head -n 1 "$WORK/m.csv" | od -An -c | tr -d ' \n' | tail -c 4)" '\r\n' "CRLF rows"
python3 - "$WORK/m.csv" <<'PY' || fail "csv read back as Excel would"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
assert rows[0] == ["カテゴリー", "住宅課", "高齢支援課", "子ども・若者政策課", "重複の可能性", "空白"], rows[0]
assert len(rows) == 13, len(rows)
home = [r for r in rows if r[0] == "住まい"][0]
assert home[1] == "取組中: 空き家の活用相談", home
assert home[2] == "取組中: 高齢者向け住宅の案内\n課題: 相談窓口が二つある, 分かりにくい", home
assert home[4] == "住宅課、高齢支援課" and home[5] == "", home
olds = [r for r in rows if r[0] == "高齢者"][0]
assert olds[1] == "意見・考え方: 住宅部局も見守りに関わるべき", olds
gap = [r for r in rows if r[0] == "産業"][0]
assert gap[1:] == ["", "", "", "", "空白"], gap
PY
ok
"$T" matrix --format csv --encoding cp932 -d "$DB" >"$WORK/m932.csv"
iconv -f CP932 -t UTF-8 "$WORK/m932.csv" | grep -q '^カテゴリー,住宅課' || fail "cp932 csv"; ok
# a character CP932 cannot hold: named with the entry it is in, no file left
big=$(add matrix --category 住まい --department_id "$housing" --state 課題 --text '𠮷田さんの相談')
run "$T" export matrix --encoding cp932 -o "$WORK/m932x.csv" -d "$DB"
expect_rc 1 "𠮷 in CP932"
expect_err_has "一覧表にある文字「𠮷」(U+20BB7) は CP932 で表せません（「課題: 𠮷田さんの相談」のところ）" "names the entry"
[ ! -e "$WORK/m932x.csv" ] || fail "a file was left"; ok
"$T" delete matrix "$big" -d "$DB" >/dev/null
run "$T" matrix --format xml -d "$DB"
expect_rc 2 "unknown format"

# stored text with an escape sequence is shown spelled out, never sent to the terminal
evil=$(add department --name $'危険\e]0;x\a課')
cell 情報 "$evil" 取組中 $'お知らせ\e[2J配信'
run "$T" matrix -d "$DB"
expect_rc 0 "matrix with control characters in names"
[[ "$OUT" != *$'\e'* ]] || fail "an escape character reached the table"; ok
expect_out_has "危険" "the department is still a column"
# the CSV for Excel: the same text spelled out, and a name Excel would run
# as a formula kept as text with ' in front
formula=$(add department --name '=HYPERLINK("http://x")課')
fcell=$(add matrix --category 情報 --department_id "$formula" --state 取組中 --text 見守り)
run "$T" matrix --format csv -d "$DB"
[[ "$OUT" != *$'\e'* && "$OUT" != *$'\a'* ]] || fail "an escape character reached the CSV"; ok
expect_out_has 'お知らせ^[[2J配信' "the CSV spells the sequence out"
expect_out_has ",\"'=HYPERLINK(\"\"http://x\"\")課\"" "a formula-like department is text"
"$T" delete matrix "$fcell" -d "$DB" >/dev/null
"$T" delete department "$formula" -d "$DB" >/dev/null
"$T" delete matrix "$(sqlite3 "$DB" "SELECT id FROM matrix_cell WHERE category = '情報' AND text <> '見守り'")" -d "$DB" >/dev/null
"$T" delete department "$evil" -d "$DB" >/dev/null

run "$T" export matrix -o "$WORK/matrix.csv" -d "$DB"
expect_rc 0 "export matrix"
expect_eq "$(mode_of "$WORK/matrix.csv")" 600 "export 0600"
cmp -s "$WORK/matrix.csv" "$WORK/m.csv" || fail "export matrix is the same CSV as matrix --format csv"; ok
run "$T" export matrix --area 諏訪 -o "$WORK/suwa.csv" -d "$DB"
expect_rc 0 "export matrix --area"
grep -q '配食サービス' "$WORK/suwa.csv" && fail "another area's entry exported"; ok
run "$T" export matrix -o "$DB" --force -d "$DB"
expect_rc 1 "export over the open database"
expect_err_has "$DB" "names the database"
sqlite3 "$DB" 'PRAGMA integrity_check' | grep -qx ok || fail "database untouched"; ok
run "$T" export matrix -o "$WORK/matrix.csv" -d "$DB"
expect_rc 1 "no overwrite without --force"
run "$T" --help
expect_out_has "tsunagu matrix [--area A] [--format table|json|csv]" "matrix in the help"
expect_out_has "export parties|tasks|events|vcard|ical|karte|matrix" "export matrix in the help"
done_tests
