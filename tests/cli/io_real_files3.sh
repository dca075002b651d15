# Files as Outlook/Exchange, iPhone, Android and city open-data portals
# write them, in the forms io_real_files.sh and io_real_files2.sh do not
# cover: each is read as the writer meant it (nothing refused, mangled or
# doubled), and what goes out again comes back into a fresh file twice
# without adding or losing anything.
. "$(dirname "$0")/lib/common.bash"
F="$FIXTURES/io"
q() { sqlite3 "$DB" "$1"; }
"$T" init -d "$DB" >/dev/null 2>&1

# Outlook (Exchange): all-day events written as midnight to midnight in
# "Tokyo Standard Time" with X-MICROSOFT-CDO-ALLDAYEVENT:TRUE (one day and
# three days), a midnight event that is not all day, 第2火曜 written as
# BYDAY=TU;BYSETPOS=2, a month-end rule (BYMONTHDAY=-1), a yearly one on
# one month and day
run "$T" import ical "$F/ical/outlook_allday_setpos.ics" -d "$DB"
expect_rc 0 "Outlook all-day and BYSETPOS (stderr: $ERR)"
expect_out_has "新規 6 件" "six events"
expect_eq "$(q "SELECT date || '/' || coalesce(start_time, '') || '/' || coalesce(end_time, '') FROM event WHERE title = '多摩市クリーンデー'")" \
	"2027-04-18//" "midnight to midnight with ALLDAYEVENT is all day"
expect_eq "$(q "SELECT coalesce(notes, '') || '¶' FROM event WHERE title = '多摩市クリーンデー'")" \
	"市内全域の一斉清掃。集合は各自治会の集会所。¶" "one day: no 終了 line, nor Outlook's last \\n"
expect_eq "$(q "SELECT date || '/' || coalesce(start_time, '') || '/' || notes FROM event WHERE title = '連休中の窓口閉庁'")" \
	"2027-05-03//期間: 2027-05-03〜2027-05-05 (3日間)" "three days: a span, not 終了 at midnight"
expect_eq "$(q "SELECT start_time || '-' || end_time FROM event WHERE title = '夜間防犯パトロール（永山）'")" \
	"00:00-02:00" "a midnight event that is not all day keeps its times"
expect_eq "$(q "SELECT notes FROM event WHERE title = '地域ケア会議（諏訪・永山）'")" \
	"繰り返し: 毎月 第2火曜 (全 12 回)" "BYSETPOS=2 with one weekday is 第2"
expect_eq "$(q "SELECT notes FROM event WHERE title = '月末の活動報告締切'")" \
	"繰り返し: 毎月 末日 (2028-03-31 まで)" "BYMONTHDAY=-1 is 末日"
expect_eq "$(q "SELECT coalesce(start_time, '') || '/' || notes FROM event WHERE title = '民生委員 年次報告の提出'")" \
	"/繰り返し: 毎年 6月1日" "yearly: the month is said"
run "$T" import ical "$F/ical/outlook_allday_setpos.ics" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 6 件" "read twice: nothing changes"

# iPhone: ORG with the department in its further parts (ORG:多摩市;健康福祉部;
# 高齢支援課), a BOM; a card whose NOTE already holds its 所属 and 部署
run "$T" import vcard "$F/vcard/ios_org_units.vcf" -d "$DB"
expect_rc 0 "iPhone ORG units (stderr: $ERR)"
expect_eq "$(q "SELECT notes FROM party WHERE name = '石井 久美子'")" \
	$'所属: 多摩市\n部署: 健康福祉部 高齢支援課\n役職: 主査' "ORG's units kept as 部署"
expect_eq "$(q "SELECT notes FROM party WHERE name = '前田 健'")" \
	$'所属: 社会福祉法人 多摩福祉会\n部署: 地域交流課' "a NOTE holding them already: not twice"
run "$T" import vcard "$F/vcard/ios_org_units.vcf" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "read twice: nothing changes"

# our vCard export read into a fresh file keeps 本人同意, so that the next
# export of that file still carries the contact details it was given (a
# person without consent stays without, and their details stay out)
rm -f "$WORK/a.db" "$WORK/b.db"
"$T" init -d "$WORK/a.db" >/dev/null 2>&1
"$T" init -d "$WORK/b.db" >/dev/null 2>&1
"$T" import parties "$F/parties_consent_mixed.csv" -d "$WORK/a.db" >/dev/null
"$T" export vcard -o "$WORK/a.vcf" -d "$WORK/a.db" >/dev/null
run "$T" import vcard "$WORK/a.vcf" -d "$WORK/b.db"
expect_out_has "新規 3 件" "the export into a fresh file"
run "$T" import vcard "$WORK/a.vcf" -d "$WORK/b.db"
expect_out_has "新規 0 件、更新 0 件、変更なし 3 件" "a second time: nothing added or changed"
expect_eq "$(sqlite3 "$WORK/b.db" "SELECT name || '/' || consent || '/' || coalesce(phone, '') FROM party WHERE kind = 'person' ORDER BY kana")" \
	$'小川 幸子/1/042-371-1111\n松本 清/0/' "本人同意 carried both ways; withheld details stay out"
"$T" export vcard -o "$WORK/b.vcf" -d "$WORK/b.db" >/dev/null
expect_eq "$(grep -c '^TEL' "$WORK/b.vcf")" 2 "the fresh file's export still has the consenting person's and the group's phone"
expect_eq "$(diff "$WORK/a.vcf" "$WORK/b.vcf" && echo same)" same "the fresh file's export is the same cards"

# 国土地理院's 指定緊急避難場所 data (CP932): the name under 施設・場所名,
# which the facilities import refused as not 公共施設一覧
run "$T" import facilities "$F/opendata/shelters_gsi_cp932.csv" -d "$DB"
expect_rc 0 "shelters named 施設・場所名 (stderr: $ERR)"
expect_out_has "新規 3 件" "three shelters"
expect_eq "$(q "SELECT f.lat || ',' || f.lon || '/' || a.name FROM facility f JOIN area a ON a.id = f.area_id WHERE f.name = '関戸公園'")" \
	"35.648,139.447/諏訪中学区" "place and area of a shelter"
# a prefecture's 介護サービス事業所 list: 事業所名, 事業所名カナ, サービス種類,
# full-width digits in 緯度・経度 and 電話番号, blank 緯度・経度, 和暦 dates
run "$T" import facilities "$F/opendata/kaigo_services_bom.csv" -d "$DB"
expect_rc 0 "介護サービス事業所 (stderr: $ERR)"
expect_out_has "新規 2 件" "two offices"
expect_eq "$(q "SELECT kind || '/' || kana || '/' || lat || ',' || lon || '/' || phone FROM facility WHERE name = 'デイサービスセンター関戸'")" \
	"通所介護/デイサービスセンターセキド/35.6507,139.4466/042-311-0001" "kind from サービス種類, full-width digits folded"
expect_eq "$(q "SELECT kind || '/' || coalesce(lat, '') || '/' || notes FROM facility WHERE name = '訪問介護ステーション諏訪'")" \
	"訪問介護//土曜は午前のみ" "blank 緯度 stays unknown"
run "$T" import facilities "$F/opendata/kaigo_services_bom.csv" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "read twice: nothing changes"

# Excel 「テキスト (タブ区切り)」: CP932, tabs between the cells, a quoted cell
# with a line break and commas, half-width kana, full-width digits; it was
# read as one column and every row refused
run "$T" import parties "$F/parties_excel_tab_cp932.txt" -d "$DB"
expect_rc 0 "tab-separated text from Excel (stderr: $ERR)"
expect_out_has "新規 3 件" "three rows"
expect_out_lacks "読み込みません" "every heading is a field"
expect_eq "$(q "SELECT key_person || consent || '/' || notes FROM party WHERE name = '髙橋 節子'")" \
	$'11/見守り、配食、サロンの世話人\n（火・金）' "quoted cell with a line break; はい as 1"
expect_eq "$(q "SELECT kind || '/' || phone || '/' || notes FROM party WHERE name = '永山ふれあい食堂'")" \
	"org/042-371-6666/会場: 永山公民館, 毎月第3土曜" "a comma inside a tab-separated cell stays"
run "$T" import parties "$F/parties_excel_tab_cp932.txt" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 3 件" "read twice: found by name and phone, not doubled"
expect_eq "$(q "SELECT kana FROM party WHERE phone = '(042)372-7777'")" "ヤマノウチ シゲル" "half-width よみ made full-width"

# よみ typed in half-width ｶﾅ (ｻﾄｳ ﾊﾅｺ) in a CSV list is kept full-width, as
# a vCard's is; it stayed half-width.  Read twice: nothing changes.
run "$T" import parties "$F/parties_halfwidth_kana.csv" -d "$DB"
expect_rc 0 "half-width readings (stderr: $ERR)"
expect_out_has "新規 3 件" "three rows"
expect_eq "$(q "SELECT group_concat(kana, '/') FROM (SELECT kana FROM party WHERE phone IN ('042-371-2121', '042-372-3434', '042-373-5656') ORDER BY phone)")" \
	"サトウ ハナコ/タマ パソコン クラブ/ワタナベ ジュン" "ｻﾄｳ ﾊﾅｺ, ﾊﾟ and ｼﾞｭ made full-width"
expect_eq "$(q "SELECT name FROM party WHERE phone = '042-373-5656'")" "渡部 ジュン" "the name stays as written"
run "$T" import parties "$F/parties_halfwidth_kana.csv" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 3 件" "read twice: nothing changes"
# an open-data list's 名称_カナ the same way
printf '名称,名称_カナ,所在地,電話番号\r\n関戸公民館,ｾｷﾄﾞｺｳﾐﾝｶﾝ,東京都多摩市関戸4-72,042-374-9711\r\n' >"$WORK/kana_facilities.csv"
run "$T" import facilities "$WORK/kana_facilities.csv" -d "$DB"
expect_rc 0 "facility with a half-width 名称_カナ (stderr: $ERR)"
expect_eq "$(q "SELECT kana FROM facility WHERE name = '関戸公民館'")" "セキドコウミンカン" "名称_カナ made full-width"

# a vCard saved as UTF-16 (Windows address books): read as the same cards
# (it was refused with a hint to write it out again as UTF-8)
{ printf '\xff\xfe'; tail -c +4 "$F/vcard/ios_org_units.vcf" | iconv -f UTF-8 -t UTF-16LE; } >"$WORK/utf16.vcf"
run "$T" import vcard "$WORK/utf16.vcf" -d "$DB"
expect_rc 0 "UTF-16 vCard (stderr: $ERR)"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "the cards read from UTF-8 before"

done_tests
