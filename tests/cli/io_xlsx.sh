# Excel workbooks given to `import` (.xlsx and .xls, told by their content,
# not their name): the first sheet reads exactly like the CSV Excel would
# save from it, rows named by their number in the sheet, other sheets
# with data named as not read; files that are not a table (.ods, .docx,
# .doc, PDF, a password-protected workbook, a zip claiming 600 MB) are
# refused with one line and change nothing.  Fixtures: made by LibreOffice
# (make_libreoffice.sh) and built like Japanese Excel's (make_excel_like.py).
. "$(dirname "$0")/lib/common.bash"
F="$FIXTURES/io/excel"
q() { sqlite3 "$DB" "$1"; }
"$T" init -d "$DB" >/dev/null 2>&1
party() { q "SELECT kind || '/' || coalesce(kana, '') || '/' || coalesce(phone, '') || '/' || consent || '/' || coalesce(notes, '') FROM party WHERE name = '$1'"; }
dump() { sqlite3 "$DB" .dump | sha256sum; }

# Japanese Excel's furigana (<rPh>) is not part of the name, rich runs are
# joined, an inline string, TRUE, a two-line 備考 (_x000D_ and a real line
# break), a row and cells without r, a sparse row, an empty row
run "$T" import parties "$F/excel_like_parties.xlsx" -d "$DB"
expect_rc 0 "Excel-like 名簿 (stderr: $ERR)"
expect_out_has "形式: Excel ブック (.xlsx)、シート「名簿」" "the format and the sheet read (not 文字コード)"
expect_out_lacks "文字コード" "no encoding for a workbook"
expect_out_has "シート「集計」は読み込みません (最初のシート「名簿」だけを読みます)" "the other sheet with data named"
expect_out_has "excel_like_parties.xlsx:4: 「区分」に「不明」は選べません" \
	"the bad row named by its row in the sheet, after a two-line cell and an empty row"
expect_out_has "新規 3 件、更新 0 件、変更なし 0 件" "three parties"
expect_eq "$(party '山田 太郎')" $'person/やまだ たろう/042-374-0001/1/毎週火曜に見守り\n訪問あり' \
	"no furigana in the name, よみ inline, TRUE as 本人同意, the line break kept"
expect_eq "$(q "SELECT count(*) FROM party WHERE name LIKE '%ヤマダ%' OR name LIKE '%スワ%'")" 0 "no furigana anywhere"
expect_eq "$(party '諏訪二丁目 自治会')" $'org//042-374-0002/0/会長は佐藤さん\n副会長は鈴木さん' \
	"rich runs joined, cells without r, _x000D_ before a line break is one line break"
expect_eq "$(party 'A&B 商店会')" "org//042-374-0003/0/会費 1,000 円" "&amp; and a sparse row"
run "$T" list parties --format json -d "$DB"
expect_out_has '"name":"山田 太郎"' "list --format json shows the name as typed"
run "$T" import parties "$F/excel_like_parties.xlsx" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 3 件" "read twice: nothing changes"

# the same workbook under a name that says CSV: the content decides
cp "$F/excel_like_parties.xlsx" "$WORK/名簿.csv"
run "$T" import parties "$WORK/名簿.csv" --dry-run -d "$DB"
expect_rc 0 "an .xlsx named .csv"
expect_out_has "変更なし 3 件" "read as the workbook it is"

# Dates by the cell's number format: built-in 14, a 和暦 format
# ([$-411]ggge"年"m"月"d"日"); numbers as Excel shows them; a formula's text,
# an error value, FALSE
run "$T" import tasks "$F/excel_like_tasks.xlsx" -d "$DB"
expect_rc 0 "Excel-like tasks (stderr: $ERR)"
expect_out_has "形式: Excel ブック (.xlsx)、シート「課題一覧」" "sheet named"
expect_eq "$(q "SELECT due || '/' || asked_on || '/' || body || '/' || assignee FROM task WHERE title = '防災訓練の準備'")" \
	"2024-04-01/2024-01-01/1.5/佐藤 花子" "numFmtId 14, 和暦 令和6年1月1日, 1.5, no furigana"
expect_eq "$(q "SELECT due || '/' || asked_on || '/' || body || '/' || assignee FROM task WHERE title = '夏祭りの打合せ'")" \
	"2025-07-20/2000-04-01/100000/#N/A" "a serial a hair past midnight, 100000 (not 1e+05), #N/A"
expect_eq "$(q "SELECT status || '/' || body FROM task WHERE title = '回覧板の作成'")" "未着手/FALSE" "formula text, FALSE"

# A Mac's Excel (1904 date system), as the .NET Open XML SDK writes it
# (x: prefixes, absolute targets); a sheet name with a right-to-left
# override is shown neutralised
run "$T" import tasks "$F/excel_like_tasks_1904.xlsx" -d "$DB"
expect_rc 0 "1904 workbook (stderr: $ERR)"
expect_out_has "シート「メモ<U+202E>slx.exe」は読み込みません (最初のシート「清掃」だけを読みます)" \
	"the other sheet named, its U+202E made visible"
expect_eq "$(q "SELECT due FROM task WHERE title = '町内清掃'")" "2024-04-01" "date1904: 43921 is 2024-04-01"

# Made by LibreOffice: .xlsx and .xls (Excel 97) read the same; dates
"$T" init -d "$WORK/lo.db" >/dev/null 2>&1
run "$T" import parties "$F/parties_lo.xlsx" -d "$WORK/lo.db"
expect_rc 0 "LibreOffice .xlsx (stderr: $ERR)"
expect_out_has "形式: Excel ブック (.xlsx)、シート「名簿」" "LibreOffice's sheet"
expect_out_has "列「登録日」は関係者・団体の項目ではないので読み込みません" "headings as in CSV"
expect_out_has "新規 2 件" "two parties"
lo() { sqlite3 "$WORK/lo.db" "$1"; }
expect_eq "$(lo "SELECT kana || '/' || notes FROM party WHERE name = '山田 太郎'")" $'やまだ たろう/毎週火曜に見守り\n訪問あり' "two-line メモ"
expect_eq "$(lo "SELECT phone FROM party WHERE name = '諏訪二丁目自治会'")" "042-374-0002" "phone kept as text"
run "$T" import parties "$F/parties_lo.xls" -d "$WORK/lo.db"
expect_rc 0 "LibreOffice .xls (stderr: $ERR)"
expect_out_has "形式: Excel 97-2003 ブック (.xls)、シート「名簿」" ".xls named"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "the .xls reads exactly as the .xlsx"
run "$T" import tasks "$F/tasks_lo.xlsx" -d "$WORK/lo.db"
expect_rc 0 "LibreOffice tasks"
expect_eq "$(lo "SELECT due || '/' || body FROM task WHERE title = '防災訓練の準備'")" $'2024-09-01/備蓄品の点検\n名簿の更新' "LibreOffice's date"
expect_eq "$(lo "SELECT due FROM task WHERE title = '夏祭りの打合せ'")" "2025-07-20" "second date"
"$T" init -d "$WORK/xls.db" >/dev/null 2>&1
run "$T" import tasks "$F/tasks_lo.xls" -d "$WORK/xls.db"
expect_rc 0 "LibreOffice tasks as .xls"
expect_eq "$(sqlite3 "$WORK/xls.db" "SELECT group_concat(due || '/' || coalesce(body, ''), '|') FROM (SELECT * FROM task ORDER BY due)")" \
	$'2024-09-01/備蓄品の点検\n名簿の更新|2025-07-20/' ".xls dates and a two-line cell, as the .xlsx"

# Files that are not a table: one line, exit 1 as for a NUL byte or a
# missing file, nothing written
before=$(dump)
refused() { # FILE KIND WANT
	run "$T" import "$2" "$F/$1" -d "$DB"
	expect_rc 1 "$1 refused"
	expect_one_err_line "$1: one line"
	expect_err_has "$3" "$1: says what it is"
	expect_eq "$(dump)" "$before" "$1: database unchanged"
}
refused meibo_lo.ods parties "meibo_lo.ods は LibreOffice の表 (.ods) です。LibreOffice の「名前を付けて保存」で Excel ブック (.xlsx) か CSV にしてから読み込んでください"
refused word_like.docx parties "word_like.docx は Word 文書 (.docx) で、表のファイル (CSV, Excel ブック) ではありません"
refused word_like.doc tasks "word_like.doc は Word 97-2003 文書 (.doc) で、表のファイル (CSV, Excel ブック) ではありません"
refused meibo_lo.pdf facilities "meibo_lo.pdf は PDF で、表のファイル (CSV, Excel ブック) ではありません"
refused locked_like.xlsx parties "locked_like.xlsx はパスワードで保護された Office のファイルです"
refused bomb_like.xlsx parties "xl/worksheets/sheet2.xml は展開すると 600 MB あり、大きすぎるので読みません (上限は 512 MB)"
refused doctype_like.xlsx parties "doctype_like.xlsx: Excel ブックの xl/sharedStrings.xml に DOCTYPE があります"
refused parties_lo.xlsx vcard "parties_lo.xlsx は Excel ブック (.xlsx) で、連絡先 (vCard) や予定 (iCalendar) のファイルではありません"
refused meibo_lo.ods ical "meibo_lo.ods は LibreOffice の表 (.ods) で、連絡先 (vCard) や予定 (iCalendar) のファイルではありません"
# a download cut short
head -c 3000 "$F/parties_lo.xlsx" >"$WORK/切れた名簿.xlsx"
head -c 3000 "$F/parties_lo.xls" >"$WORK/切れた名簿.xls"
run "$T" import parties "$WORK/切れた名簿.xlsx" -d "$DB"
expect_rc 1 "a cut .xlsx"
expect_err_has "切れた名簿.xlsx は ZIP 形式 (Excel ブック .xlsx もこの形式です) ですが、壊れていて開けません" "a cut .xlsx is named broken"
run "$T" import parties "$WORK/切れた名簿.xls" -d "$DB"
expect_rc 1 "a cut .xls"
expect_err_has "切れた名簿.xls は Excel 97-2003 ブック (.xls) として読めません" "a cut .xls is named"
expect_eq "$(dump)" "$before" "cut files: database unchanged"
expect_err_lacks() { ! grep -qF -- "$1" <<<"$ERR" || fail "$2: stderr has «$1»"; ok; }
run "$T" import parties "$F/word_like.docx" -d "$DB"
expect_err_lacks "NUL" "not the NUL 文字 message"

done_tests
