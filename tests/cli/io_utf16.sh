# Excel's 「Unicode テキスト」 (File > Save As > Unicode テキスト (*.txt)):
# UTF-16LE with a byte order mark, tabs between the cells, CRLF, cells with
# a line break or a tab quoted.  It was refused; it is read as the list it
# is, twice without doubling, and only a broken file (an odd byte, a
# surrogate without its partner) is refused, naming the line.  UTF-16BE,
# Google's CSV, vCards and calendars in UTF-16 are read the same way.
. "$(dirname "$0")/lib/common.bash"
F="$FIXTURES/io"
q() { sqlite3 "$DB" "$1"; }
"$T" init -d "$DB" >/dev/null 2>&1

# the fixture as Excel writes it: 𠮷 (a surrogate pair), a cell with a line
# break, a quoted cell with a comma, a quoted cell with a tab, an unquoted
# cell with a comma
expect_eq "$(head -c 2 "$F/parties_excel_unicode.txt" | od -An -tx1 | tr -d ' ')" "fffe" "fixture starts with FF FE"
run "$T" import parties "$F/parties_excel_unicode.txt" -d "$DB"
expect_rc 0 "Unicode text from Excel (stderr: $ERR)"
expect_out_has "文字コード: UTF-16LE" "the summary names UTF-16LE"
expect_out_has "新規 4 件" "four rows"
expect_out_lacks "読み込みません" "every heading is a field"
expect_eq "$(q "SELECT kana || '/' || phone || '/' || address || '/' || key_person || consent FROM party WHERE name = '𠮷田 和子'")" \
	"よしだ かずこ/042-373-1234/多摩市関戸2-40-1/11" "a name outside the BMP, はい as 1"
expect_eq "$(q "SELECT notes FROM party WHERE name = '𠮷田 和子'")" \
	$'見守り、配食の手伝い\n（月・木の午前）' "quoted cell with a line break"
expect_eq "$(q "SELECT kind || '/' || email || '/' || notes FROM party WHERE name = '桜ヶ丘いきいきサロン'")" \
	"org/salon@example.jp/会場: 桜ヶ丘集会所, 毎月第2水曜" "quoted cell with a comma"
expect_eq "$(q "SELECT notes FROM party WHERE name = '小林 道子'")" \
	$'持ち物:\t筆記用具、「ふれあい手帳」' "quoted cell with a tab"
expect_eq "$(q "SELECT notes FROM party WHERE name = '中村 健'")" "民生委員, 諏訪地区" "unquoted comma in a tab-separated cell"
run "$T" import parties "$F/parties_excel_unicode.txt" -d "$DB"
expect_rc 0 "the same file again"
expect_out_has "新規 0 件、更新 0 件、変更なし 4 件" "read twice: nothing added or changed"
expect_eq "$(q "SELECT count(*) FROM party")" 4 "not doubled"

# the same text as UTF-16BE (FE FF) is the same list
{ printf '\xfe\xff'; tail -c +3 "$F/parties_excel_unicode.txt" | iconv -f UTF-16LE -t UTF-16BE; } >"$WORK/be.txt"
run "$T" import parties "$WORK/be.txt" -d "$DB"
expect_rc 0 "UTF-16BE (stderr: $ERR)"
expect_out_has "文字コード: UTF-16BE" "the summary names UTF-16BE"
expect_out_has "新規 0 件、更新 0 件、変更なし 4 件" "the same rows"

# tasks saved the same way (a 和暦 date, an area by part of its name)
printf '件名\t状態\tエリア\t期限\t内容\r\n防災マップの作成\t未着手\t諏訪\t令和9年3月31日\t"避難所と\n危険箇所を確認"\r\n' |
	{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE; } >"$WORK/tasks.txt"
run "$T" import tasks "$WORK/tasks.txt" -d "$DB"
expect_rc 0 "tasks in Unicode text (stderr: $ERR)"
expect_eq "$(q "SELECT t.due || '/' || a.name || '/' || t.body FROM task t JOIN area a ON a.id = t.area_id WHERE t.title = '防災マップの作成'")" \
	$'2027-03-31/諏訪中学区/避難所と\n危険箇所を確認' "a task row"

# broken files: nothing is imported, one line names the file and line
before=$(q "SELECT count(*) FROM party")
{ cat "$F/parties_excel_unicode.txt"; printf 'x'; } >"$WORK/odd.txt"
run "$T" import parties "$WORK/odd.txt" -d "$DB"
expect_rc 1 "an odd byte count"
expect_err_has "odd.txt:7: ファイルの終わりで UTF-16LE の文字が途切れています（バイト数が奇数です）" "odd byte named"
expect_one_err_line "odd byte"
# a low surrogate alone before 中村 (line 6), a high one before 小林 (line 5)
iconv -f UTF-16 -t UTF-8 "$F/parties_excel_unicode.txt" >"$WORK/text.txt"
unit_before_line() { # LINE BYTES: the fixture with BYTES put before line LINE
	printf '\xff\xfe'
	head -n "$(($1 - 1))" "$WORK/text.txt" | iconv -f UTF-8 -t UTF-16LE
	printf "$2"
	tail -n +"$1" "$WORK/text.txt" | iconv -f UTF-8 -t UTF-16LE
}
unit_before_line 6 '\x00\xdc' >"$WORK/lone.txt"
run "$T" import parties "$WORK/lone.txt" -d "$DB"
expect_rc 1 "a lone low surrogate"
expect_err_has "lone.txt:6: UTF-16LE として読めない文字があります（対になっていないサロゲート U+DC00）" "lone surrogate named with its line"
expect_one_err_line "lone surrogate"
unit_before_line 5 '\x3d\xd8' >"$WORK/high.txt"
run "$T" import parties "$WORK/high.txt" -d "$DB"
expect_rc 1 "a high surrogate without its low half"
expect_err_has "high.txt:5: UTF-16LE として読めない文字があります（対になっていないサロゲート U+D83D）" "unpaired high surrogate named"
expect_eq "$(q "SELECT count(*) FROM party")" "$before" "a broken file changes nothing"

# Google's CSV (the older Google Contacts export) is UTF-16LE with commas
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$F/contacts/google_old.csv"; } >"$WORK/google16.csv"
run "$T" import parties "$WORK/google16.csv" -d "$DB"
expect_rc 0 "Google CSV in UTF-16 (stderr: $ERR)"
expect_out_has "Google コンタクト (Google CSV) の連絡先 CSV として読みます" "read as Google CSV"
expect_out_has "新規 3 件" "three contacts"
expect_eq "$(q "SELECT kana || '/' || phone FROM party WHERE name = '高橋 美咲'")" "たかはし みさき/090-2222-3333" "a contact"

# a vCard in UTF-16LE and a calendar in UTF-16BE read as their UTF-8 forms
{ printf '\xff\xfe'; tail -c +4 "$F/vcard/ios_org_units.vcf" | iconv -f UTF-8 -t UTF-16LE; } >"$WORK/utf16.vcf"
run "$T" import vcard "$WORK/utf16.vcf" -d "$DB"
expect_rc 0 "UTF-16 vCard (stderr: $ERR)"
expect_out_has "新規 2 件" "two cards"
expect_eq "$(q "SELECT notes FROM party WHERE name = '石井 久美子'")" \
	$'所属: 多摩市\n部署: 健康福祉部 高齢支援課\n役職: 主査' "a card's ORG units"
run "$T" import vcard "$F/vcard/ios_org_units.vcf" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "the UTF-8 file: the same cards"
{ printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$F/ical/outlook_allday_setpos.ics"; } >"$WORK/utf16.ics"
run "$T" import ical "$WORK/utf16.ics" -d "$DB"
expect_rc 0 "UTF-16BE calendar (stderr: $ERR)"
expect_out_has "新規 6 件" "six events"
expect_eq "$(q "SELECT notes FROM event WHERE title = '地域ケア会議（諏訪・永山）'")" \
	"繰り返し: 毎月 第2火曜 (全 12 回)" "an event's rule"
run "$T" import ical "$F/ical/outlook_allday_setpos.ics" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 6 件" "the UTF-8 file: the same events"

done_tests
