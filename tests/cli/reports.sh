# `tsunagu report`: the 地域カルテ and the 支援経過記録 on Japanese fixture
# data made through the command line; the form by extension (.md, .csv,
# .html), 0600, no overwrite without --force, consent, the footer.
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/report_fixture.bash"

# karte as Markdown on stdout: figures, totals, items, roles without phone
run "$T" report karte --area 諏訪 -d "$DB"
expect_rc 0 "karte to stdout"
expect_out_has "# 地域カルテ: 諏訪中学区" "title"
expect_out_has "| 諏訪1丁目 | 1000 | 250 | 25.0% | 400 | 2024-01-01 |" "district row with 高齢化率"
expect_out_has "| 諏訪2丁目 | 800 | 123 | 15.4% | 300 | 2024-01-01 |" "aging rate to one decimal"
expect_out_has "| 合計 | 1800 | 373 | 20.7% | 700 |  |" "totals"
expect_out_has "担い手不足" "課題 item"
expect_out_has "次の担い手がいない" "its text"
expect_out_has "顔の見える地域" "ビジョン item"
expect_out_has "| 鈴木 一郎 |" "key person"
expect_out_has "諏訪二丁目自治会 会長" "role"
expect_out_lacks "042-555-0101" "no phone in the karte"
expect_out_lacks "042-555-0202" "no phone in the karte even with consent"
expect_out_has "| A 作業支援 | 独居高齢者の見守り | 対応中 |" "open task by duty"
expect_out_has "| E 調整支援 | サロンの会場探し |" "duty E"
expect_out_has "| 2024-05-10 | 諏訪 ふれあいサロン |" "recent event"
expect_out_has "| 19 |" "attendance total"
expect_out_has "作成者: 山田 太郎" "footer: author"

# the footer's time is local (TZ) time
export TSUNAGU_NOW=2026-12-04T15:30:00Z
run "$T" report karte --area 諏訪 -d "$DB"
expect_out_has "作成日時: 2026-12-05 00:30" "footer: local time"
unset TSUNAGU_NOW

# log: every entry in date order, kind, author, full text
run "$T" report log --task "${task: -8}" -d "$DB"
expect_rc 0 "log to stdout"
expect_out_has "# 支援経過記録: 独居高齢者の見守り" "log title"
expect_out_has "- エリア: 諏訪中学区" "header: area"
expect_out_has "- 担当者: 山田 太郎" "header: assignee"
expect_out_has "- 関係者: 鈴木 一郎" "header: parties"
"$T" add party --name "川口 花子" --kind person -d "$DB" >/dev/null
"$T" edit task "${task: -8}" --parties "+川口 花子" -d "$DB" >/dev/null
run "$T" report log --task "${task: -8}" -d "$DB"
expect_out_has "- 関係者: 鈴木 一郎、川口 花子" "parties joined as Japanese lists are"
expect_out_has "経過（3 件）" "all entries"
expect_out_has "| 2024-06-03 | 訪問 | 山田 太郎 | 二回目の訪問<br>玄関先で様子を確認<br>次回は民生委員と同行 |" "multi-line text"
expect_out_has "| 2024-05-15 | 電話 | 佐藤 花子 | 本人に電話 |" "author"
order=$(grep -o '^| 2024-0[0-9]-[0-9]*' <<<"$OUT" | tr -d '| ' | tr '\n' ' ')
expect_eq "$order" "2024-04-01 2024-05-15 2024-06-03 " "date order"

expect_out_has "- 支援区分: A 作業支援" "header: duty with its label"
# a period keeps the entries of the period and says so
run "$T" report log --task "${task: -8}" --from 2024-05-01 --to 令和6年5月31日 -d "$DB"
expect_out_has "- 期間: 2024-05-01 〜 2024-05-31" "period in the header"
expect_out_has "経過（1 件）" "only the entry of May"
expect_out_has "本人に電話" "the May entry"
run "$T" report log --task "${task: -8}" --from 2024-06-01 --to 2024-05-01 -d "$DB"
expect_rc 2 "a period that ends before it starts"

# a person with consent shows a phone in the log header; without, none
run "$T" report log --party "${ok_p: -8}" -d "$DB"
expect_out_has "042-555-0202" "consent: phone shown"
"$T" add log --party "${kp: -8}" --kind 訪問 --text "鈴木さん宅" -d "$DB" >/dev/null
run "$T" report log --party "${kp: -8}" -d "$DB"
expect_rc 0 "log of a party"
expect_out_lacks "042-555-0101" "no consent: no phone"
"$T" edit party "${kp: -8}" --areas "諏訪,落合" -d "$DB" >/dev/null
run "$T" report log --party "${kp: -8}" -d "$DB"
expect_out_has "- エリア: 諏訪中学区、落合中学区" "a party's areas joined as the task's parties are"

# files by extension, 0600, no overwrite without --force
run "$T" report karte --area 諏訪 -o "$WORK/k.html" -d "$DB"
expect_rc 0 "karte html"
expect_eq "$(mode_of "$WORK/k.html")" 600 "html 0600"
grep -q '<meta charset="utf-8">' "$WORK/k.html" || fail "charset"
grep -q '@page { size: A4' "$WORK/k.html" || fail "A4 print stylesheet"
grep -q '<td class="num">25.0%</td>' "$WORK/k.html" || fail "numbers right-aligned"
grep -q 'thead { display: table-header-group' "$WORK/k.html" || fail "headers repeat"
! grep -qiE '(src|href)="?(https?:)?//' "$WORK/k.html" || fail "external resource"
ok
run "$T" report karte -o "$WORK/all.html" -d "$DB"
areas=$("$T" list areas --format tsv -d "$DB" | tail -n +2 | wc -l)
[ "$(grep -c 'class="newpage"' "$WORK/all.html")" -eq $((areas - 1)) ] || fail "$areas areas: a page break before each but the first"
ok
run "$T" report karte --area 諏訪 -o "$WORK/k.html" -d "$DB"
expect_rc 1 "no overwrite"
expect_err_has "--force" "says --force"
run "$T" report karte --area 諏訪 -o "$WORK/k.html" --force -d "$DB"
expect_rc 0 "overwrite with --force"
cp "$DB" "$WORK/db.html"
run "$T" report karte --area 諏訪 -o "$WORK/db.html" --force -d "$WORK/db.html"
expect_rc 1 "never the database"
expect_err_has "データベース" "says why"
cmp -s "$DB" "$WORK/db.html" || fail "database written"
run "$T" report karte --area 諏訪 -o "$DB" -d "$DB"
expect_rc 2 "a name without a known extension"
run "$T" report karte --area 諏訪 -o "$WORK/k.txt" -d "$DB"
expect_rc 2 "unknown extension"
expect_err_has ".html" "names the forms"
[ ! -e "$WORK/k.txt" ] || fail "nothing written for .txt"
ok

run "$T" report log --task "${task: -8}" -o "$WORK/log.md" -d "$DB"
expect_rc 0 "log md"
grep -q "次回は民生委員と同行" "$WORK/log.md" || fail "md file"
expect_eq "$(mode_of "$WORK/log.md")" 600 "md 0600"

run "$T" report log --task "${task: -8}" -o "$WORK/log.csv" -d "$DB"
expect_rc 0 "log csv"
expect_eq "$(head -c 3 "$WORK/log.csv" | od -An -tx1 | tr -d ' ')" efbbbf "BOM"
sed '1s/^\xEF\xBB\xBF//' "$WORK/log.csv" | grep -q '^日付,種別,記録者,内容' || fail "csv headings"
python3 - "$WORK/log.csv" <<'PY' || fail "csv read back"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
assert rows[0] == ["日付", "種別", "記録者", "内容"], rows[0]
assert [r[0] for r in rows[1:4]] == ["2024-04-01", "2024-05-15", "2024-06-03"], rows
assert rows[3][3] == "二回目の訪問\n玄関先で様子を確認\n次回は民生委員と同行", rows[3]
assert rows[-1][0] == "作成者: 山田 太郎", rows[-1]
PY
ok
run "$T" report karte --area 諏訪 -o "$WORK/k.csv" --encoding cp932 -d "$DB"
expect_rc 0 "karte csv cp932"
iconv -f CP932 -t UTF-8 "$WORK/k.csv" | grep -q '^基礎データ' || fail "title row before a table"
iconv -f CP932 -t UTF-8 "$WORK/k.csv" | grep -q '^諏訪1丁目,1000,250,25.0%,400,2024-01-01' || fail "district row in CSV"
ok
# a character CP932 cannot hold: the error says which and where, so the
# record can be found; a variation selector (IVS) is named as one, since
# it is invisible on its own; no file is left
vs=$("$T" add party --kind person --name "葛󠄀城 次郎" --areas 諏訪 --key-person 1 -d "$DB")
"$T" add membership --person "${vs: -8}" --org "${org: -8}" --role 書記 -d "$DB" >/dev/null
run "$T" report karte --area 諏訪 -o "$WORK/vs.csv" --encoding cp932 -d "$DB"
expect_rc 1 "an IVS in CP932"
expect_err_has "異体字セレクタ (U+E0100" "names the selector"
expect_err_has "「葛󠄀城 次郎」のところ" "and the name it is in"
[ ! -e "$WORK/vs.csv" ] || fail "a file was left"; ok
"$T" edit party "${vs: -8}" --name "𠮷田 次郎" -d "$DB" >/dev/null
run "$T" export karte --area 諏訪 -o "$WORK/vs.md" --encoding cp932 -d "$DB"
expect_rc 1 "𠮷 in CP932"
expect_err_has "文字「𠮷」(U+20BB7) は CP932 で表せません（「𠮷田 次郎」のところ）" "names it and where"
"$T" delete party "${vs: -8}" -d "$DB" >/dev/null
run "$T" report karte -o "$WORK/all.csv" -d "$DB"
expect_rc 0 "every area as CSV"
grep -q '^諏訪中学区 基礎データ' "$WORK/all.csv" || fail "title rows name the area"
ok
run "$T" report log -d "$DB"
expect_rc 2 "log needs --task or --party"
run "$T" report nosuch -d "$DB"
expect_rc 2 "unknown kind"
expect_err_has "karte" "lists the kinds"
done_tests
