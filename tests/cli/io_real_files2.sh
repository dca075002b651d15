# More files as phones, mail programs, calendars and the city's open-data
# portal write them, with the quirks io_real_files.sh does not cover: each
# is imported whole (or its unusable items named FILE:LINE), nothing is
# garbled, and what goes out again comes back into a fresh file twice
# without adding anything the second time.
. "$(dirname "$0")/lib/common.bash"
. "$(dirname "$0")/lib/roundtrip.bash"
F="$FIXTURES/io"
q() { sqlite3 "$DB" "$1"; }
"$T" init -d "$DB" >/dev/null 2>&1

# iOS 17: item groups with X-ABLabel / X-ABRELATEDNAMES / X-ABDATE, BDAY;value=date,
# a company card (N:;;;; and X-ABShowAs:COMPANY), an ADR of empty components
run "$T" import vcard "$F/vcard/ios17_groups.vcf" -d "$DB"
expect_rc 0 "iOS 17 export (stderr: $ERR)"
expect_out_has "新規 3 件" "three cards, the related name is not a card"
expect_eq "$(q "SELECT kana || '/' || phone || '/' || address FROM party WHERE name = '小林 節子'")" \
	"こばやし せつこ/042-372-0000/〒206-0025 多摩市永山3-1-2" "the pref TEL of a group; ADR without region or country"
expect_eq "$(q "SELECT kind || '/' || kana || '/' || email FROM party WHERE name = '多摩市永山地区自治会連合会'")" \
	"org/たましながやまちくじちかいれんごうかい/nagayama-jichi@example.jp" "company card is a group"
expect_eq "$(q "SELECT coalesce(address, '(なし)') FROM party WHERE name = '中村 真由美'")" "(なし)" "ADR of empty components is no address"
expect_eq "$(q "SELECT count(*) FROM party WHERE name = '小林 一郎'")" 0 "X-ABRELATEDNAMES is not a party"
roundtrip vcard "$F/vcard/ios17_groups.vcf"

# Android (Google Contacts) 2.1: UTF-8 quoted-printable with soft breaks in
# the middle of a character, X-PHONETIC-* in quoted-printable too
run "$T" import vcard "$F/vcard/android21_qp_softbreak.vcf" -d "$DB"
expect_rc 0 "Android 2.1 export (stderr: $ERR)"
expect_eq "$(q "SELECT kana || '/' || phone || '/' || notes FROM party WHERE name = '髙橋 美智子'")" \
	"たかはし みちこ/090-3333-4444/桜ヶ丘の見守り活動の世話人。毎月第2土曜に集会所で打合せ。" "soft breaks inside characters"
roundtrip vcard "$F/vcard/android21_qp_softbreak.vcf"

# Outlook 2016: vCard 2.1 in CP932 naming no CHARSET, its ADR, LABEL and
# NOTE quoted-printable CP932 bytes (NEC/IBM characters ㈱ ① 髙 﨑)
run "$T" import vcard "$F/vcard/outlook2016_cp932_nocharset.vcf" -d "$DB"
expect_rc 0 "Outlook 2016 card without CHARSET (stderr: $ERR)"
expect_out_has "新規 1 件" "the card"
expect_out_lacks "読み飛ばし" "nothing skipped"
expect_eq "$(q "SELECT address FROM party WHERE name = '髙木 﨑子'")" \
	"〒206-0024 東京都多摩市諏訪5-10-1 ㈱多摩ビル①号室" "quoted-printable CP932 address"
expect_eq "$(q "SELECT notes FROM party WHERE name = '髙木 﨑子'")" \
	$'地区社協の窓口。\n連絡は平日午前に。\n所属: 諏訪地区社会福祉協議会\n役職: 事務局長' "quoted-printable CP932 note, CR LF as one line break"
roundtrip vcard "$F/vcard/outlook2016_cp932_nocharset.vcf"

# au / LINE: Shift_JIS with half-width kana in the name and its reading
run "$T" import vcard "$F/vcard/au_halfwidth_kana.vcf" -d "$DB"
expect_rc 0 "half-width kana (stderr: $ERR)"
expect_eq "$(q "SELECT kana FROM party WHERE name = '井上 ｶｽﾞﾐ'")" "イノウエ カズミ" "SOUND;X-IRMC-N reading in full width"
expect_eq "$(q "SELECT kana FROM party WHERE name = '岡本 ﾀｹｼ'")" "オカモト タケシ" "X-PHONETIC reading in full width"
roundtrip vcard "$F/vcard/au_halfwidth_kana.vcf"

# vCard 4.0: KIND:org, TEL;VALUE=uri (tel:+81-42-..., ;ext=), no final line end
run "$T" import vcard "$F/vcard/v40_tel_uri.vcf" -d "$DB"
expect_rc 0 "vCard 4.0 (stderr: $ERR)"
expect_eq "$(q "SELECT kind || '/' || phone FROM party WHERE name = '多摩ニュータウン子ども食堂ネットワーク'")" \
	"org/+81-42-375-1234" "tel URI: the number"
expect_eq "$(q "SELECT phone FROM party WHERE name = '佐々木 亮'")" "+81-42-311-2222 内線15" "the PREF tel URI, its extension as 内線"
roundtrip vcard "$F/vcard/v40_tel_uri.vcf"

# Google Calendar: lines folded every 75 octets, in the middle of characters;
# VTIMEZONE Asia/Tokyo, a weekly rule with EXDATE, an override, an all-day
# event over two days, guests with Japanese CN, a cancelled event
run "$T" import ical "$F/ical/google_fold_midchar.ics" -d "$DB"
expect_rc 0 "Google Calendar folded inside characters (stderr: $ERR)"
expect_out_has "新規 2 件" "the series and the all-day event"
expect_eq "$(q "SELECT start_time || '-' || end_time || ' ' || place FROM event WHERE title = 'いきいきサロン諏訪'")" \
	"10:00-11:30 諏訪地区市民ホール 第1会議室, 多摩市諏訪1-2" "series in Japan time, LOCATION whole"
expect_eq "$(q "SELECT notes FROM event WHERE title = 'いきいきサロン諏訪'")" \
	$'繰り返し: 毎週 火曜 (2027-03-30 まで、2027-02-09 を除く)\n諏訪地区の高齢者サロンです。参加費100円。持ち物：上履き、飲み物。\n詳しくは社協（042-373-0000）まで。' \
	"DESCRIPTION joined across folds, no character lost, the EXDATE on the rule line"
expect_eq "$(q "SELECT date || '|' || coalesce(start_time, '') || '|' || notes FROM event WHERE title = '諏訪地区 どんど焼き・防災訓練（2日間）'")" \
	"2027-01-17||期間: 2027-01-17〜2027-01-18 (2日間)" "all-day event over two days"
expect_out_has "google_fold_midchar.ics:72: 「【中止】民生委員 定例会」は中止 (STATUS:CANCELLED) の行事なので取り込みませんでした" \
	"cancelled event named with its line"
expect_eq "$(q "SELECT count(*) FROM event WHERE title LIKE '%民生委員 定例会%'")" 0 "cancelled event not imported"
roundtrip ical "$F/ical/google_fold_midchar.ics"

# Outlook: "Tokyo Standard Time", X-MICROSOFT-CDO-*, DESCRIPTION with \n;
# a meeting cancelled after an earlier import made an event of it
sed '/^STATUS:CANCELLED/d' "$F/ical/outlook_cancelled.ics" >"$WORK/before_cancel.ics"
run "$T" import ical "$WORK/before_cancel.ics" -d "$DB"
expect_rc 0 "Outlook calendar before the cancellation (stderr: $ERR)"
expect_out_has "新規 2 件" "both items while the meeting stood"
old=$(q "SELECT id FROM event WHERE title = 'キャンセル済み: 桜ヶ丘 子育てひろば打合せ'")
run "$T" import ical "$F/ical/outlook_cancelled.ics" -d "$DB"
expect_rc 0 "Outlook calendar with a cancelled meeting (stderr: $ERR)"
expect_out_has "outlook_cancelled.ics:47: 「キャンセル済み: 桜ヶ丘 子育てひろば打合せ」は中止 (STATUS:CANCELLED) の行事です。前に取り込んだ行事が残っています (消すときは tsunagu delete event $old)" \
	"the event made of it before is named for deletion"
expect_eq "$(q "SELECT date || ' ' || start_time || '-' || end_time || ' ' || place FROM event WHERE title = '永山地区 見守りネットワーク連絡会'")" \
	"2027-01-15 14:00-16:00 多摩市役所 第二庁舎 会議室２０１" "Tokyo Standard Time"
"$T" init -d "$WORK/cancel.db" >/dev/null 2>&1
run "$T" import ical --strict "$F/ical/outlook_cancelled.ics" -d "$WORK/cancel.db"
expect_rc 0 "--strict: a cancelled meeting is not a broken item"
roundtrip ical "$F/ical/outlook_cancelled.ics"

# Apple Calendar: X-WR-CALNAME, TZID=Asia/Tokyo, a floating time, a UTC time
# (Japan time), DURATION instead of DTEND, VTODO with DUE as a date and in UTC
run "$T" import ical "$F/ical/apple_floating_duration.ics" -d "$DB"
expect_rc 0 "Apple Calendar (stderr: $ERR)"
ev() { q "SELECT date || ' ' || coalesce(start_time, '') || '-' || coalesce(end_time, '') FROM event WHERE title = '$1'"; }
expect_eq "$(ev 'フローティング時刻の打合せ')" "2027-01-22 09:00-10:30" "floating time with DURATION"
expect_eq "$(ev 'UTC で書かれた講座')" "2027-01-23 14:30-16:30" "UTC in Japan time"
expect_eq "$(q "SELECT due FROM task WHERE title = '補助金の申請書提出'")" "2027-02-01" "DUE in UTC is the next day in Japan"
roundtrip ical "$F/ical/apple_floating_duration.ics"

# 地域・年齢別人口 by single years of age (各歳, 0歳の男 ... 100歳以上の女), 総数
"$T" init -d "$WORK/pop.db" >/dev/null 2>&1
run "$T" import districts "$F/opendata/population_each_age.csv" -d "$WORK/pop.db"
expect_rc 0 "population by single years (stderr: $ERR)"
expect_eq "$(sqlite3 "$WORK/pop.db" "SELECT population || '/' || population_65 || '/' || households FROM district WHERE name = '諏訪1丁目'")" \
	"1288/248/640" "65+ is the sum of the single years from 65"

# Excel (CP932): 和暦 dates (R6.4.1, 令和６年４月１日現在), 全角 digits with
# thousands separators, an empty last heading, rows of empty cells at the end
run "$T" import districts "$F/opendata/population_excel_cp932.csv" -d "$WORK/pop.db"
expect_rc 0 "Excel population table (stderr: $ERR)"
expect_eq "$(sqlite3 "$WORK/pop.db" "SELECT population || '/' || population_65 || '/' || households || '/' || as_of FROM district WHERE name = '豊ヶ丘1丁目'")" \
	"876/80/400/2024-04-01" "an as-of date ending in 現在"
expect_eq "$(sqlite3 "$WORK/pop.db" "SELECT population || '/' || households || '/' || as_of FROM district WHERE name = '諏訪2丁目'")" \
	"2345/980/2024-04-01" "全角 digits with a separator"

# Excel "CSV (コンマ区切り)" in CP932: NEC/IBM characters (髙 﨑 ㈱ ① Ⅲ ℡),
# full-width spaces and digits, blank キーパーソン / 本人同意 cells, an empty
# last heading, rows of empty cells; read twice, the parties found by their
# phone are not doubled and their blank flags are いいえ, not an error
"$T" init -d "$WORK/excel.db" >/dev/null 2>&1
run "$T" import parties "$F/parties_excel_cp932.csv" -d "$WORK/excel.db"
expect_rc 0 "Excel parties (stderr: $ERR)"
expect_out_has "新規 3 件" "three parties"
expect_eq "$(sqlite3 "$WORK/excel.db" "SELECT phone || '/' || notes FROM party WHERE name = '髙橋　﨑太郎'")" \
	"090-1234-5678/①見守り ②配食" "full-width phone folded, circled numbers kept"
run "$T" import parties "$F/parties_excel_cp932.csv" -d "$WORK/excel.db"
expect_rc 0 "the same list again (stderr: $ERR)"
expect_out_has "変更なし 2 件" "the parties with a phone are found again"
expect_eq "$(sqlite3 "$WORK/excel.db" "SELECT key_person || consent FROM party WHERE name = '㈱多摩ケアサービス'")" "00" "blank flags are いいえ"

done_tests
