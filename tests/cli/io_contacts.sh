# Contact lists exported as CSV by Google Contacts (now and the older
# "Google CSV") and by Outlook (English and Japanese headings, CP932) are
# read by `import parties` as a vCard of the same contact would be: name in
# Japanese order, よみ, the mobile before the home number, the first e-mail,
# the address in Japanese order, company and title in a person's notes, an
# organisation alone as a group; a row without a name is skipped and named
# by its line; a second import changes nothing.
. "$(dirname "$0")/lib/common.bash"
F="$FIXTURES/io/contacts"
q() { sqlite3 "$DB" "$1"; }
"$T" init -d "$DB" >/dev/null 2>&1

# Google Contacts (2022-): BOM, CRLF, " ::: " lists, a fax, Formatted only
run "$T" import parties "$F/google.csv" -d "$DB"
expect_rc 0 "Google Contacts CSV (stderr: $ERR)"
expect_out_has "Google コンタクト の連絡先 CSV として読みます" "the writer is named"
expect_out_has "列「Name Prefix」「Name Suffix」「Nickname」「File As」「Birthday」「Photo」「Labels」" "unread columns on one line"
expect_out_has "google.csv:9: 名前 (姓・名・会社名) のない行です (この行は読み飛ばしました)" "a row without a name is listed by its line"
expect_out_has "新規 4 件" "four parties"
expect_eq "$(q "SELECT kind || '/' || kana || '/' || phone || '/' || email || '/' || address FROM party WHERE name = '山田 花子'")" \
	"person/やまだ はなこ/090-1111-2222/hanako@example.jp/〒206-0011 東京都多摩市関戸4-72" \
	"family name first, mobile before work, first e-mail of a list, address in Japanese order"
expect_eq "$(q "SELECT notes FROM party WHERE name = '山田 花子'")" $'見守りボランティア\n月曜担当' "notes keep their line break"
expect_eq "$(q "SELECT kana || '/' || phone || '/' || address FROM party WHERE name = '佐藤 一郎'")" \
	"サトウ イチロウ/042-333-4444/東京都多摩市永山1-2-3 永山ビル2階" "half-width reading, first of ' ::: ', fax not taken, Formatted on one line"
expect_eq "$(q "SELECT notes FROM party WHERE name = '佐藤 一郎'")" \
	$'所属: 多摩市社会福祉協議会\n部署: 地域福祉課\n役職: 地域福祉コーディネーター' "organisation of a person in the notes"
expect_eq "$(q "SELECT kind || '/' || phone || '/' || coalesce(notes, '') FROM party WHERE name = '永山地区自治会'")" \
	"org/042-555-6666/" "an organisation alone is a group"
expect_eq "$(q "SELECT count(*) FROM party WHERE name = 'John Smith'")" 1 "a name in ASCII letters keeps its order"
expect_eq "$(q "SELECT count(*) FROM party WHERE email = 'noname@example.com'")" 0 "the nameless row is not imported"

# the older Google CSV: Yomi columns, Phone N - Type, Organization 1 - Name
run "$T" import parties "$F/google_old.csv" -d "$DB"
expect_rc 0 "Google CSV (stderr: $ERR)"
expect_out_has "Google コンタクト (Google CSV) の連絡先 CSV として読みます" "older format named"
expect_out_has "新規 3 件" "three parties"
expect_eq "$(q "SELECT kana || '/' || phone || '/' || email || '/' || address FROM party WHERE name = '高橋 美咲'")" \
	"たかはし みさき/090-2222-3333/misaki@example.jp/〒206-0033 東京都多摩市落合1-15-2 落合団地3号棟" "Google CSV person"
expect_eq "$(q "SELECT kind || '/' || kana || '/' || phone FROM party WHERE name = 'NPO法人たま子育てネット'")" \
	"org/たまこそだてねっと/042-338-0000" "organisation with its reading"
expect_eq "$(q "SELECT email || '/' || notes FROM party WHERE name = '中村 健'")" "ken.n@example.jp/元民生委員" "the Name column alone"

# Outlook, English headings: Exchange address passed over, Street 2 kept
run "$T" import parties "$F/outlook.csv" -d "$DB"
expect_rc 0 "Outlook CSV (stderr: $ERR)"
expect_out_has "Outlook の連絡先 CSV として読みます" "Outlook named"
expect_out_has "新規 3 件" "three parties"
expect_eq "$(q "SELECT phone || '/' || email || '/' || address FROM party WHERE name = '小林 直樹'")" \
	"090-4444-5555/kobayashi@example.lg.jp/〒206-0024 東京都多摩市諏訪2-5-1 諏訪ハイツ203" "Outlook person: mobile, SMTP address, home address"
expect_eq "$(q "SELECT notes FROM party WHERE name = '小林 直樹'")" \
	$'地域ケア会議の担当\n所属: 多摩市役所\n部署: 健康福祉部\n役職: 主査' "Notes, Company, Department, Job Title"
expect_eq "$(q "SELECT kind || '/' || address FROM party WHERE name = '多摩ニュータウン子ども食堂'")" \
	"org/〒206-0025 東京都多摩市永山4-2" "Company alone is a group, business address"
expect_eq "$(q "SELECT phone FROM party WHERE name = 'Mary Brown'")" "042-399-1234" "Western name"

# Outlook, Japanese headings, CP932
run "$T" import parties "$F/outlook_ja_cp932.csv" -d "$DB"
expect_rc 0 "Japanese Outlook CSV (stderr: $ERR)"
expect_out_has "Outlook (日本語の見出し) の連絡先 CSV として読みます" "Japanese Outlook named"
expect_out_has "文字コード: CP932" "read as CP932"
expect_out_has "outlook_ja_cp932.csv:5: 名前 (姓・名・会社名) のない行です" "nameless row listed"
expect_eq "$(q "SELECT kana || '/' || phone || '/' || email || '/' || address FROM party WHERE name = '渡辺 由美'")" \
	"ワタナベ ユミ/042-300-2000/yumi.w@example.jp/〒206-0041 東京都多摩市愛宕1-2-3" "home phone before work phone"
expect_eq "$(q "SELECT notes FROM party WHERE name = '渡辺 由美'")" \
	$'サロンの世話役\n①第一水曜\n所属: 愛宕地区社会福祉協議会\n役職: 会長' "メモ with an NEC character, 会社名, 役職"
expect_eq "$(q "SELECT kind || '/' || kana FROM party WHERE name = '多摩市民活動センター'")" "org/たましみんかつどうせんたー" "会社名 alone"

# read again: nothing changes, nothing is added
before=$(q "SELECT count(*) FROM party")
for f in google google_old outlook outlook_ja_cp932; do
	run "$T" import parties "$F/$f.csv" -d "$DB"
	expect_rc 0 "$f again"
	expect_out_has "新規 0 件、更新 0 件" "$f again: nothing new or updated"
	expect_out_lacks "変更なし 0 件" "$f again: every row unchanged"
done
expect_eq "$(q "SELECT count(*) FROM party")" "$before" "a list read twice is not doubled"

# --strict refuses the file at the nameless row
"$T" init -d "$WORK/strict.db" >/dev/null 2>&1
run "$T" import parties --strict "$F/google.csv" -d "$WORK/strict.db"
expect_rc 1 "--strict refuses a contact list with a nameless row"
expect_err_has "google.csv:9: 名前 (姓・名・会社名) のない行です" "--strict names the row"
expect_eq "$(sqlite3 "$WORK/strict.db" "SELECT count(*) FROM party")" 0 "--strict imports nothing"

done_tests
