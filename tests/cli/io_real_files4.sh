# Files from the city's open-data portal (AED設置箇所一覧, 医療機関一覧,
# 子育て施設一覧, 指定緊急避難場所一覧 in the 推奨データセット layouts),
# from Google Calendar and from people typing numbers with the Japanese
# IME on, in the forms io_real_files.sh to io_real_files3.sh do not cover:
# each is read as the writer meant it, unusable rows are named and skipped
# (not the whole file refused), nothing is doubled when read twice, and
# what goes out again comes back into a fresh file twice without adding
# anything the second time.
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/roundtrip.bash"
F="$FIXTURES/io"
q() { sqlite3 "$DB" "$1"; }
"$T" init -d "$DB" >/dev/null 2>&1

fac() { q "SELECT coalesce(f.kind, '') || '/' || coalesce(f.phone, '') || '/' || coalesce(f.notes, '') || '/' || coalesce(a.name, '-') FROM facility f LEFT JOIN area a ON a.id = f.area_id WHERE f.name = '$1'"; }

# AED設置箇所一覧 (CP932): two AEDs in the city hall are one facility with
# both 設置位置 (they overwrote each other, and each import changed the
# facility again); the footnote row Excel leaves under the table has no
# 名称 and is named and skipped (it refused the whole file)
run "$T" import facilities "$F/opendata/aed_cp932.csv" -d "$DB"
expect_rc 0 "AED list with a footnote row (stderr: $ERR)"
expect_out_has "aed_cp932.csv:5: 「名称」が空です (この行は読み飛ばしました)" "the footnote row named by its line"
expect_out_has "aed_cp932.csv:3: 「多摩市役所」は 2 行目と同じ名称・住所の施設なので、設置位置をその施設の備考に加えました" \
	"the second AED of a building named"
expect_out_has "新規 2 件" "two places"
expect_eq "$(fac 多摩市役所)" "/042-375-8111/設置位置: 本庁舎１階 市民ロビー、第二庁舎２階 健康推進課前/諏訪中学区" \
	"both AEDs of the city hall in its notes, 全角 phone folded"
expect_eq "$(fac 諏訪中学校)" $'/042-374-0000/設置位置: 体育館入口\n校庭開放時も使用可/諏訪中学区' \
	"設置位置 before 備考; 042ー374ー0000 typed with the IME"
expect_eq "$(q "SELECT lat || ',' || lon FROM facility WHERE name = '多摩市役所'")" "35.6367,139.4463" "the first row's place"
run "$T" import facilities "$F/opendata/aed_cp932.csv" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "read twice: nothing changes"
"$T" init -d "$WORK/strict.db" >/dev/null 2>&1
run "$T" import facilities --strict "$F/opendata/aed_cp932.csv" -d "$WORK/strict.db"
expect_rc 1 "--strict refuses the list at the nameless row"
expect_err_has "aed_cp932.csv:5: 「名称」が空です" "--strict names it"
expect_eq "$(sqlite3 "$WORK/strict.db" "SELECT count(*) FROM facility")" 0 "--strict imports nothing"

# 医療機関一覧 (CP932): 種別 from 医療機関の種類 (it was lost), phones in
# full width with brackets and with ー
run "$T" import facilities "$F/opendata/iryou_cp932.csv" -d "$DB"
expect_rc 0 "医療機関一覧 (stderr: $ERR)"
expect_eq "$(fac '医療法人社団 諏訪クリニック')" "無床診療所/042(374)5678//諏訪中学区" "無床診療所, （）in full width"
expect_eq "$(fac 馬引沢ファミリー病院)" "病院/042-375-1111//諏訪中学区" "病院; 馬引沢１丁目１０番地"
run "$T" import facilities "$F/opendata/iryou_cp932.csv" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "read twice: nothing changes"

# 子育て施設一覧 (UTF-8 with BOM, from Excel): 全角 spaces in headings,
# empty columns and rows at the end, 和暦 dates; the hyphen, the minus sign
# and the horizontal bar between digits made "-", a bracketed word kept
run "$T" import facilities "$F/opendata/kosodate_bom.csv" -d "$DB"
expect_rc 0 "子育て施設一覧 (stderr: $ERR)"
expect_out_has "新規 3 件" "three facilities, the empty rows not counted"
expect_out_lacks "読み飛ばし" "nothing skipped"
expect_eq "$(fac 多摩市立諏訪保育園)" "認可公立保育所/042-374-1234//諏訪中学区" "042‐374‐1234"
expect_eq "$(fac すわ認定こども園)" "認定こども園（幼保連携型）/042-375-9999/延長保育あり/諏訪中学区" "042−375−9999"
expect_eq "$(fac 馬引沢ひろば保育室)" "認可外保育所/(042)-376-5555(代表)//諏訪中学区" "(042)―376―5555（代表）"
run "$T" import facilities "$F/opendata/kosodate_bom.csv" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 3 件" "read twice: nothing changes"

# 指定緊急避難場所一覧: a place typed twice is named and skipped, not
# written twice over (each import changed it back and forth)
"$T" init -d "$WORK/hinan.db" >/dev/null 2>&1
run "$T" import facilities "$F/opendata/hinan_basho.csv" -d "$WORK/hinan.db"
expect_rc 0 "避難場所 list with a row twice (stderr: $ERR)"
expect_out_has "hinan_basho.csv:4: 「諏訪中学校」は 2 行目と同じ名称・住所の行です (この行は読み飛ばしました)" "the second row named"
expect_out_has "新規 2 件" "two places"
run "$T" import facilities "$F/opendata/hinan_basho.csv" -d "$WORK/hinan.db"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "read twice: nothing changes"

# Google Calendar: deleted occurrences of a meeting with guests, written as
# RECURRENCE-ID with STATUS:CANCELLED, are left out as an EXDATE is: the
# series starts at its first kept occurrence (moved to 15:00 by its own
# override), and both dates are named; it showed the cancelled 1月6日
run "$T" import ical "$F/ical/google_cancelled_occurrence.ics" -d "$DB"
expect_rc 0 "Google Calendar with cancelled occurrences (stderr: $ERR)"
expect_out_has "新規 3 件" "three events"
expect_out_lacks "2 回目以降だけを変えたもの" "no override left over"
ev() { q "SELECT date || ' ' || coalesce(start_time, '') || '-' || coalesce(end_time, '') || ' ' || replace(coalesce(notes, ''), char(10), '/') FROM event WHERE title = '$1'"; }
expect_eq "$(ev '諏訪地区 民生委員定例会')" \
	"2027-02-03 15:00-17:00 繰り返し: 毎月 第1水曜 (全 6 回、2027-01-06・2027-05-05 を除く)/民生委員・児童委員の定例会です。今回は15時から。" \
	"first kept occurrence, cancelled dates named"
expect_eq "$(ev '日曜朝の公園清掃')" "2027-01-10 - 繰り返し: 毎週 日曜 (全 8 回、2027-01-17・2027-01-24 を除く)/軍手とごみ袋は自治会で用意します。" \
	"all-day series with an EXDATE list"
expect_eq "$(ev '朝の見守り連絡会（オンライン）')" "2027-01-21 08:00-09:30 " "23:00Z is 08:00 the next day in Japan"
run "$T" import ical "$F/ical/google_cancelled_occurrence.ics" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 3 件" "read twice: nothing changes"
roundtrip ical "$F/ical/google_cancelled_occurrence.ics"

# a number typed with the IME on: Outlook's vCard (CP932) and an Excel list
run "$T" import vcard "$F/vcard/outlook21_ime_tel.vcf" -d "$DB"
expect_rc 0 "Outlook card typed in full width (stderr: $ERR)"
expect_eq "$(q "SELECT kana || '/' || phone FROM party WHERE name = '小松 典子'")" "こまつ のりこ/042-374-2233" \
	"０４２ー３７４ー２２３３ as 042-374-2233"
roundtrip vcard "$F/vcard/outlook21_ime_tel.vcf"
run "$T" import parties "$F/parties_ime_dashes_cp932.csv" -d "$DB"
expect_rc 0 "Excel list typed with the IME (stderr: $ERR)"
expect_eq "$(q "SELECT phone FROM party WHERE name = '大西 和子'")" "090-1111-2222" "０９０ー１１１１ー２２２２"
expect_eq "$(q "SELECT phone FROM party WHERE name = '諏訪四丁目自治会'")" "042-371-3333(センター)" \
	"the minus sign between digits, ー in a word kept"
run "$T" import parties "$F/parties_ime_dashes_cp932.csv" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "read twice: nothing changes"
roundtrip parties "$F/parties_ime_dashes_cp932.csv"

# Outlook (Japanese headings, CP932) quotes every cell and writes CR LF in
# メモ; the numbers typed with the IME on
run "$T" import parties "$F/contacts/outlook_ja_quoted_crlf_cp932.csv" -d "$DB"
expect_rc 0 "Outlook contacts, every cell quoted (stderr: $ERR)"
expect_out_has "Outlook (日本語の見出し) の連絡先 CSV として読みます" "read as Outlook's"
expect_out_has "新規 2 件" "two contacts"
expect_eq "$(q "SELECT kana || '/' || phone || '/' || address FROM party WHERE name = '松田 正子'")" \
	"マツダ マサコ/080-2222-3333/〒206-0024 東京都多摩市諏訪2-1-1" "the mobile ０８０ー２２２２ー３３３３"
expect_eq "$(q "SELECT notes FROM party WHERE name = '松田 正子'")" $'地区の見守り担当\n（水曜・土曜）\n鍵の預かりあり' \
	"CR LF in メモ as line breaks, no CR kept"
expect_eq "$(q "SELECT kind || '/' || phone FROM party WHERE name = '諏訪二丁目自治会'")" "org/042-375-0002" "会社名 alone, 042‐375‐0002"
run "$T" import parties "$F/contacts/outlook_ja_quoted_crlf_cp932.csv" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "read twice: nothing changes"
roundtrip parties "$F/contacts/outlook_ja_quoted_crlf_cp932.csv"

# Outlook naming its time zones as Windows does, with no VTIMEZONE: "Tokyo
# Standard Time", the display name "(UTC+09:00) 大阪、札幌、東京", and a
# colleague abroad's "Pacific Standard Time" (17:00 there is 10:00 here the
# next day); none is "a TZID not known"
run "$T" import ical "$F/ical/outlook_windows_tzid.ics" -d "$DB"
expect_rc 0 "Windows time zone names (stderr: $ERR)"
expect_out_has "新規 3 件" "three events"
expect_out_lacks "分からない" "every zone known"
expect_eq "$(q "SELECT date || ' ' || start_time || '-' || end_time FROM event WHERE title = '地域ケア会議（諏訪・永山）'")" \
	"2027-01-15 10:00-11:30" "Tokyo Standard Time is Japan time"
expect_eq "$(q "SELECT date || ' ' || start_time || '-' || end_time FROM event WHERE title = '民生委員定例会'")" \
	"2027-01-16 14:00-15:00" "(UTC+09:00) in Japanese is Japan time"
expect_eq "$(q "SELECT date || ' ' || start_time || '-' || end_time FROM event WHERE title = '姉妹都市とのオンライン交流会'")" \
	"2027-01-16 10:00-11:00" "Pacific Standard Time brought to Japan time"

done_tests
