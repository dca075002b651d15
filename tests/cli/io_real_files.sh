# Files as phones, mail programs and calendars write them (issue 11 items
# 1 and 2): what can be used is imported, what cannot is skipped and named
# FILE:LINE, --strict refuses the whole file, and every export of ours
# goes into a fresh file twice without adding anything.
. "$(dirname "$0")/lib/common.bash"
F="$FIXTURES/io"
q() { sqlite3 "$DB" "$1"; }
"$T" init -d "$DB" >/dev/null 2>&1

# iPhone: CR CR LF line ends, item1. groups, PREF, X-PHONETIC
run "$T" import vcard "$F/vcard/iphone_crcrlf.vcf" -d "$DB"
expect_rc 0 "iPhone export (stderr: $ERR)"
expect_out_has "新規 2 件" "both cards"
expect_eq "$(q "SELECT kana || '/' || phone || '/' || address FROM party WHERE name = '安藤 美咲'")" \
	"あんどう みさき/090-1234-5678/〒206-0024 東京都多摩市諏訪2-5-1" "iPhone card read whole"
expect_eq "$(q "SELECT notes FROM party WHERE name = '安藤 美咲'")" $'見守りボランティア\n月曜担当' "NOTE keeps its line break"

# Gmail: escaped line break in ADR (one line, a space) and NOTE (a real line break), \, kept
run "$T" import vcard "$F/vcard/gmail_escapes.vcf" -d "$DB"
expect_rc 0 "Gmail export (stderr: $ERR)"
expect_eq "$(q "SELECT address FROM party WHERE name = '岡田 恵子'")" "〒206-0025 東京都多摩市永山1-2-3 グリーンハイツ101" "ADR line break became a space"
expect_eq "$(q "SELECT notes FROM party WHERE name = '岡田 恵子'")" $'民生委員, 永山地区\n火曜と木曜' "NOTE escapes"

# Android: nameless cards named by ORG / EMAIL / TEL, one with nothing skipped and listed
run "$T" import vcard "$F/vcard/android_nameless.vcf" -d "$DB"
expect_rc 0 "one unusable card does not refuse the file"
expect_out_has "新規 4 件" "four usable cards"
expect_out_has "android_nameless.vcf:14: 名前 (FN・N・ORG・EMAIL・TEL) のない名刺です (この名刺は読み飛ばしました)" "the skipped card is named by its line"
expect_out_has "読み飛ばし 1 件" "summary counts it"
expect_eq "$(q "SELECT count(*) FROM party WHERE name IN ('tama.circle@example.net', '042-333-4444') AND kind = 'person'")" 2 "named by e-mail and phone"
expect_eq "$(q "SELECT kind FROM party WHERE name = '落合地区社会福祉協議会'")" org "ORG-only card is a group"
expect_eq "$(q "SELECT kana FROM party WHERE name = '安藤 ロイド'")" "あんどう ろいど" "SORT-AS with ';'"

# vCard 2.1 in Shift_JIS: comment lines, backslash continuation, nested AGENT card passed over
run "$T" import vcard "$F/vcard/v21_sjis.vcf" -d "$DB"
expect_rc 0 "2.1 card (stderr: $ERR)"
expect_out_has "新規 1 件" "the AGENT card is not a party of its own"
expect_eq "$(q "SELECT notes FROM party WHERE name = '森 和夫'")" $'自治会の会計\n夏祭りの係' "backslash continuation"
expect_eq "$(q "SELECT count(*) FROM party WHERE name = '代理 花子'")" 0 "nested card ignored"

# Apple and Google with photos (folded base64), Outlook 2.1 in Shift_JIS with a
# quoted-printable ADR broken over lines; TITLE and ORG kept in the notes
for f in icloud_photo google_photo outlook21_sjis_qp; do
	run "$T" import vcard "$F/vcard/$f.vcf" -d "$DB"
	expect_rc 0 "$f (stderr: $ERR)"
	expect_out_has "新規 1 件" "$f: one card"
done
expect_eq "$(q "SELECT address || '/' || notes FROM party WHERE name = '原田 健太'")" \
	$'〒206-0011 東京都多摩市関戸4-72/所属: 多摩市社会福祉協議会\n部署: 地域福祉推進課\n役職: 地域福祉コーディネーター' "iCloud card: address, ORG (its unit as 部署) and TITLE"
expect_eq "$(q "SELECT kana || '/' || email FROM party WHERE name = '石川 さくら'")" "いしかわ さくら/sakura@example.com" "Google card"
expect_eq "$(q "SELECT address || '/' || email FROM party WHERE name = '吉田 光子'")" "〒206-0025 東京都多摩市永山２-1-1/yoshida@example.jp" "Outlook 2.1 quoted-printable Shift_JIS address"

# broken in the middle: each bad card listed with its line, the good one imported
run "$T" import vcard "$F/vcard/broken_middle.vcf" -d "$DB"
expect_rc 0 "broken cards are skipped"
expect_out_has "broken_middle.vcf:5: 前の名刺 (1 行目から) に END:VCARD がありません" "card left open"
expect_out_has "broken_middle.vcf:8: 「:」のない行です" "line without ':' named"
expect_out_has "新規 1 件" "the good card"
expect_eq "$(q "SELECT count(*) FROM party WHERE name IN ('西村 誠', '東 春香')")" 0 "broken cards not imported"
"$T" init -d "$WORK/strict.db" >/dev/null 2>&1
run "$T" import vcard --strict "$F/vcard/broken_middle.vcf" -d "$WORK/strict.db"
expect_rc 1 "--strict refuses the file"
expect_err_has "broken_middle.vcf:5: 前の名刺" "--strict names the first problem"
expect_eq "$(sqlite3 "$WORK/strict.db" "SELECT count(*) FROM party WHERE name = '北川 陽子'")" 0 "--strict imports nothing"

# iCalendar from Outlook and Google: an untitled event, LOCATION with a line
# break, two VCALENDAR blocks, an event without a start and one with a bad date
run "$T" import ical "$F/ical/outlook_google.ics" -d "$DB"
expect_rc 0 "calendar with unusable events (stderr: $ERR)"
expect_out_has "outlook_google.ics:10: DTSTART (開始日) がありません (この行事は読み飛ばしました)" "no start: skipped"
expect_out_has "outlook_google.ics:17: DTSTART の日時が正しくありません" "bad date: skipped"
expect_out_has "新規 2 件" "two events"
expect_eq "$(q "SELECT date || ' ' || start_time || '-' || end_time || ' ' || place FROM event WHERE title = '(件名なし)'")" \
	"2026-12-10 14:00-15:30 永山公民館 2階 会議室" "untitled event, LOCATION one line"
expect_eq "$(q "SELECT date || ' ' || start_time FROM event WHERE title = '諏訪地区 見守り会議'")" "2026-12-11 10:00" "second VCALENDAR block, UTC to Japan time"

# Google: a BOM, LF line ends, an all-day event, a weekly rule with EXDATE,
# ATTENDEE and VALARM; Thunderbird: tasks with and without DUE
run "$T" import ical "$F/ical/google_bom_lf.ics" -d "$DB"
expect_rc 0 "Google calendar (stderr: $ERR)"
expect_eq "$(q "SELECT date || '|' || coalesce(start_time, '') FROM event WHERE title = '年末清掃'")" "2026-12-20|" "all-day event"
expect_eq "$(q "SELECT start_time || '-' || end_time || ' ' || notes FROM event WHERE title = 'サロン'")" "10:00-12:00 繰り返し: 毎週 火曜 (2027-03-31 まで、2026-12-29 を除く)" "weekly event with alarm and guests, its EXDATE"
run "$T" import ical "$F/ical/thunderbird_todo.ics" -d "$DB"
expect_rc 0 "Thunderbird tasks"
expect_eq "$(q "SELECT due || '/' || status FROM task WHERE title = '回覧板の原稿'")" "2026-12-15/対応中" "VTODO with DUE;TZID, IN-PROCESS"
expect_eq "$(q "SELECT count(*) FROM task WHERE title = '期限なしの課題' AND due IS NULL")" 1 "VTODO without DUE"

# time zones and recurrence: Outlook's own VTIMEZONEs (Tokyo / W. Europe
# Standard Time), Google's IANA names, an unknown zone; a weekly rule kept
# in Japanese, its first occurrence moved by a RECURRENCE-ID, a later
# occurrence's change counted; read twice, nothing changes
run "$T" import ical "$F/ical/zones_recurrence.ics" -d "$DB"
expect_rc 0 "zones and recurrence (stderr: $ERR)"
expect_out_has "新規 4 件" "four events: overrides are not events of their own"
expect_out_has "繰り返しの 2 回目以降だけを変えたもの 1 件は取り込みませんでした" "later override counted"
expect_out_has "時間帯 (TZID) が分からない時刻 1 件" "unknown zone counted"
ev() { q "SELECT date || ' ' || coalesce(start_time, '') || '-' || coalesce(end_time, '') || ' ' || coalesce(place, '') || ' ' || replace(coalesce(notes, ''), char(10), '/') FROM event WHERE title = '$1'"; }
expect_eq "$(ev '見守りネット定例会 (時間変更)')" "2026-12-08 15:00-16:00 諏訪地区市民ホール 繰り返し: 毎週 火曜 (2027-03-30 まで)" "first occurrence moved, rule in Japanese"
expect_eq "$(q "SELECT count(*) FROM event WHERE title LIKE '見守りネット定例会%'")" 1 "one event for the series"
expect_eq "$(ev '姉妹都市とのオンライン交流')" "2026-12-10 18:00-19:00  " "Berlin 10:00 (+01:00) is 18:00 in Japan"
expect_eq "$(ev 'ニューヨーク事務所との打合せ')" "2026-12-11 09:00-10:00  繰り返し: 毎月 第2木曜 (全 6 回)" "New York 19:00 is 09:00 the next day"
expect_eq "$(ev '時間帯の分からない予定')" "2026-12-12 09:00-  " "unknown zone: the time as written"
run "$T" import ical "$F/ical/zones_recurrence.ics" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 4 件" "read twice, nothing changes"

# 公共施設一覧 in the current layout: title rows above the heading, the
# address split into 所在地_都道府県 ... _番地以下 (or joined in 所在地_連結表記),
# 建物名等(方書); areas found from the address
run "$T" import facilities "$F/opendata/facilities_split_title.csv" -d "$DB"
expect_rc 0 "current layout with title rows (stderr: $ERR)"
expect_out_has "3 行目を見出しとして読みました (上の 2 行は表題として読み飛ばしました)" "title rows named"
expect_eq "$(q "SELECT f.address || '/' || f.address2 || '/' || a.name FROM facility f JOIN area a ON a.id = f.area_id WHERE f.name = '諏訪地区市民ホール'")" \
	"東京都多摩市諏訪1丁目2番地/諏訪会館2階/諏訪中学区" "split address joined, 方書, area"
run "$T" import facilities "$F/opendata/facilities_joined_cp932.csv" -d "$DB"
expect_rc 0 "joined address, CP932, '#' title"
expect_eq "$(q "SELECT a.name FROM facility f JOIN area a ON a.id = f.area_id WHERE f.name = '桜ヶ丘いきいき館'")" "東寺方小学区" "area from 所在地_連結表記"
printf 'タイトル\nただの表\n1,2,3\n' >"$WORK/notopendata.csv"
run "$T" import facilities "$WORK/notopendata.csv" -d "$DB"
expect_rc 1 "no heading in the first lines"
expect_err_has "最初の 10 行に「名称」の見出しがありません" "says what it looked for"

# 地域・年齢別人口: total rows named as such, another city's file refused whole
run "$T" import districts "$F/opendata/population_totals.csv" -d "$DB"
expect_rc 0 "population with total rows"
expect_out_has "市区町村全体 (合計) の行 2 件は読み飛ばしました (多摩市)" "total rows counted, not listed blank"
expect_out_has "登録されていない町丁目 1 件は読み飛ばしました: 架空町一丁目 (5行目)" "unknown district named"
expect_eq "$(q "SELECT population FROM district WHERE name = '桜ヶ丘3丁目'")" 1029 "matched district updated"
run "$T" import districts "$F/opendata/population_other_city.csv" -d "$DB"
expect_rc 1 "another city's file"
expect_err_has "「八王子市」の地域・年齢別人口です" "names the file's city"
expect_err_has "何も変えていません" "and that nothing changed"

# round trips of our own exports into a fresh file, twice
"$T" init --demo -d "$WORK/demo.db" >/dev/null 2>&1
for kind in vcard ical parties tasks events; do
	"$T" export "$kind" -o "$WORK/rt.$kind" -d "$WORK/demo.db" >/dev/null
	rm -f "$WORK/fresh.db"
	"$T" init -d "$WORK/fresh.db" >/dev/null 2>&1
	# tasks name their parties, events their participants: the parties come first
	case $kind in tasks | events) "$T" import parties "$WORK/rt.parties" -d "$WORK/fresh.db" >/dev/null ;; esac
	run "$T" import "$kind" "$WORK/rt.$kind" -d "$WORK/fresh.db"
	expect_rc 0 "$kind export into a fresh file (stderr: $ERR)"
	expect_out_has "更新 0 件、変更なし 0 件" "$kind: all new the first time"
	first=$(grep -o '新規 [0-9]* 件' <<<"$OUT")
	run "$T" import "$kind" "$WORK/rt.$kind" -d "$WORK/fresh.db"
	expect_out_has "新規 0 件、更新 0 件、変更なし ${first#新規 }" "$kind: nothing added or changed the second time"
done
done_tests
