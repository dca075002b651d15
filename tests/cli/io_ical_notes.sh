# What an iCalendar event says beyond one date and a same-day end is kept
# on the first lines of its notes: the dates taken out of a series
# (EXDATE, in Japan time, sorted, each once) on its 繰り返し line, the days
# of an all-day event over several days (期間), the day and time an event
# ends on when that is a later day (終了); then the event's DESCRIPTION.
# Read twice into one file nothing changes, and our export goes into a
# fresh file twice with the same notes and nothing added.
. "$(dirname "$0")/lib/common.bash"
ICS="$FIXTURES/io/ical/exdate_spans.ics"
q() { sqlite3 "$DB" "$1"; }
ev() { q "SELECT date || ' ' || coalesce(start_time, '') || '-' || coalesce(end_time, '') || ' ' || replace(coalesce(notes, ''), char(10), '/') FROM event WHERE title = '$1'"; }
"$T" init -d "$DB" >/dev/null 2>&1

run "$T" import ical "$ICS" -d "$DB"
expect_rc 0 "calendar with EXDATE and events over several days (stderr: $ERR)"
expect_out_has "新規 10 件" "ten events"
expect_out_lacks "読み飛ばし" "nothing skipped"

# EXDATE: several lines, several values in one, TZID, UTC, VALUE=DATE, a repeat
expect_eq "$(ev '永山ふれあいサロン')" \
	"2026-12-01 10:00-11:30 繰り返し: 毎週 火曜 (2027-03-30 まで、2026-12-29・2027-01-05・2027-01-12・2027-01-19 を除く)/担当: 松本 由紀子（ボランティア）/年末年始はお休みです。" \
	"EXDATEs on the rule line, sorted, each once, before the DESCRIPTION"
# the calendar's own zone; a count
expect_eq "$(ev '夜間 見回り当番')" \
	"2026-12-04 22:00- 繰り返し: 毎月 第1金曜 (全 6 回、2027-01-01・2027-02-05 を除く)/終了: 2026-12-05 02:00/集合は永山駅前。懐中電灯を持参。" \
	"繰り返し, then 終了, then the DESCRIPTION"
# New York 19:00 is 09:00 the next day in Japan, and so is the date taken out
expect_eq "$(ev 'ニューヨーク日本人会との定例通話')" \
	"2026-12-11 09:00-10:00 繰り返し: 毎月 第2木曜 (2027-01-15 を除く)" "EXDATE in Japan time, no end or count"

# all day over several days: DTEND is the day after the last
expect_eq "$(ev '年末 見守り強化期間')" \
	"2026-12-26 - 期間: 2026-12-26〜2026-12-28 (3日間)/民生委員と地区社協の合同です。" "DTEND;VALUE=DATE three days on"
expect_eq "$(ev '永山地区 社協まつり準備')" "2027-02-01 - 期間: 2027-02-01〜2027-02-03 (3日間)" "DURATION:P3D"
expect_eq "$(ev '永山地区 歳末たすけあい募金')" "2026-12-20 - " "one day with DTEND: nothing added"
expect_eq "$(ev '民生委員 研修（一日）')" "2027-02-10 - " "one day with DURATION:P1D: nothing added"

# timed, ending on a later day: no end time (same day only), the end in the notes
expect_eq "$(ev '歳末 夜間パトロール')" "2026-12-26 18:00- 終了: 2026-12-27 01:00" "18:00 to 01:00 the next day"
expect_eq "$(ev '防災キャンプ（小学校体育館）')" "2027-01-08 09:00- 終了: 2027-01-10 17:00" "over several days, UTC in Japan time"
expect_eq "$(ev '夜通しの電話相談')" "2027-02-13 20:00- 終了: 2027-02-14 06:00" "DURATION past midnight"

# the same calendar again into the same file: nothing changes
run "$T" import ical "$ICS" -d "$DB"
expect_rc 0 "read twice (stderr: $ERR)"
expect_out_has "新規 0 件、更新 0 件、変更なし 10 件" "read twice, nothing changes"

# our export into a fresh file, twice: the same events and notes, no line doubled
all() { sqlite3 "$1" "SELECT title || '|' || date || '|' || coalesce(start_time, '') || '|' || coalesce(end_time, '') || '|' || coalesce(notes, '') FROM event ORDER BY title"; }
"$T" export ical -o "$WORK/rt.ics" -d "$DB" >/dev/null
for round in 1 2; do
	rm -f "$WORK/fresh.db"
	"$T" init -d "$WORK/fresh.db" >/dev/null 2>&1
	"$T" import ical "$WORK/rt.ics" -d "$WORK/fresh.db" >/dev/null
	run "$T" import ical "$WORK/rt.ics" -d "$WORK/fresh.db"
	expect_out_has "新規 0 件、更新 0 件、変更なし 10 件" "round $round: nothing added the second time"
	expect_eq "$(all "$WORK/fresh.db")" "$(all "$DB")" "round $round: the same events and notes in a fresh file"
	expect_eq "$(sqlite3 "$WORK/fresh.db" "SELECT replace(notes, char(10), '/') FROM event WHERE title = '夜間 見回り当番'")" \
		"繰り返し: 毎月 第1金曜 (全 6 回、2027-01-01・2027-02-05 を除く)/終了: 2026-12-05 02:00/集合は永山駅前。懐中電灯を持参。" \
		"round $round: the lines once each"
	"$T" export ical -o "$WORK/rt.ics" --force -d "$WORK/fresh.db" >/dev/null
done

# a calendar made from such notes (our export with its rule put back, as a
# calendar program keeps DESCRIPTION) does not get the lines twice
printf '%s\r\n' BEGIN:VCALENDAR VERSION:2.0 BEGIN:VEVENT UID:kaigi-1@example.jp 'SUMMARY:聖ヶ丘 見守り会議' \
	'DTSTART;TZID=Asia/Tokyo:20261201T100000' 'RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270330T145959Z' \
	'EXDATE;TZID=Asia/Tokyo:20261229T100000' \
	'DESCRIPTION:繰り返し: 毎週 火曜 (2027-03-30 まで、2026-12-29 を除く)\n会場は聖ヶ丘コミュニティセンター' \
	END:VEVENT END:VCALENDAR >"$WORK/again.ics"
run "$T" import ical "$WORK/again.ics" -d "$DB"
expect_rc 0 "a DESCRIPTION that begins with the rule line (stderr: $ERR)"
expect_eq "$(ev '聖ヶ丘 見守り会議')" \
	"2026-12-01 10:00- 繰り返し: 毎週 火曜 (2027-03-30 まで、2026-12-29 を除く)/会場は聖ヶ丘コミュニティセンター" "the rule line once"
# a series whose first dates are taken out starts on the first date kept
# (and an all-day span moves with it); read twice, it stays there
printf '%s\r\n' BEGIN:VCALENDAR VERSION:2.0 BEGIN:VEVENT UID:salon-ex-1@example.jp 'SUMMARY:諏訪地区ふれあいサロン' \
	'DTSTART;TZID=Asia/Tokyo:20261201T100000' 'DTEND;TZID=Asia/Tokyo:20261201T113000' \
	'RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270330T145959Z' \
	'EXDATE;TZID=Asia/Tokyo:20261201T100000,20261208T100000' 'EXDATE;TZID=Asia/Tokyo:20261229T100000' \
	END:VEVENT BEGIN:VEVENT UID:camp-ex-1@example.jp 'SUMMARY:冬休み 子ども食堂' \
	'DTSTART;VALUE=DATE:20261226' 'DTEND;VALUE=DATE:20261228' 'RRULE:FREQ=WEEKLY;COUNT=3' \
	'EXDATE;VALUE=DATE:20261226' END:VEVENT END:VCALENDAR >"$WORK/first.ics"
run "$T" import ical "$WORK/first.ics" -d "$DB"
expect_rc 0 "series whose first dates are excluded (stderr: $ERR)"
expect_eq "$(ev '諏訪地区ふれあいサロン')" \
	"2026-12-15 10:00-11:30 繰り返し: 毎週 火曜 (2027-03-30 まで、2026-12-01・2026-12-08・2026-12-29 を除く)" \
	"on the first Tuesday kept"
expect_eq "$(ev '冬休み 子ども食堂')" \
	"2027-01-02 - 繰り返し: 毎週 (全 3 回、2026-12-26 を除く)/期間: 2027-01-02〜2027-01-03 (2日間)" \
	"the two days moved a week on"
run "$T" import ical "$WORK/first.ics" -d "$DB"
expect_out_has "変更なし 2 件" "read again: unchanged"

# RDATE (dates added to a series; a PERIOD gives its start), with a rule
# and without one: named on the 繰り返し line, not dropped
printf '%s\r\n' BEGIN:VCALENDAR VERSION:2.0 BEGIN:VEVENT UID:kenkou-1@example.jp 'SUMMARY:健康体操教室' \
	'DTSTART;TZID=Asia/Tokyo:20270106T140000' 'RRULE:FREQ=MONTHLY;BYDAY=1WE;COUNT=3' \
	'RDATE;TZID=Asia/Tokyo:20270120T140000,20270106T140000' \
	'RDATE;VALUE=PERIOD:20270216T050000Z/PT1H' END:VEVENT \
	BEGIN:VEVENT UID:bousai-1@example.jp 'SUMMARY:防災訓練 説明会' 'DTSTART;VALUE=DATE:20270301' \
	'RDATE;VALUE=DATE:20270315,20270308' END:VEVENT END:VCALENDAR >"$WORK/rdate.ics"
run "$T" import ical "$WORK/rdate.ics" -d "$DB"
expect_rc 0 "RDATE (stderr: $ERR)"
expect_eq "$(ev '健康体操教室')" \
	"2027-01-06 14:00- 繰り返し: 毎月 第1水曜 (全 3 回、2027-01-20・2027-02-16 を追加)" \
	"added dates on the rule line, Japan dates, sorted, once, the start not again"
expect_eq "$(ev '防災訓練 説明会')" "2027-03-01 - 繰り返し: ほかに 2027-03-08・2027-03-15" "RDATE without a rule"
run "$T" import ical "$WORK/rdate.ics" -d "$DB"
expect_out_has "変更なし 2 件" "RDATE read again: unchanged"

# Outlook ends every DESCRIPTION with "\n" (Exchange sometimes with "\n\n"
# or a space before it): the notes of an imported event, and the 内容 of
# an imported task, do not keep those trailing line breaks and spaces
# (they were kept as an empty last line); the line breaks inside stay.
# ¶ marks the end of a value, so that a trailing line break shows.
"$T" init -d "$WORK/nl.db" >/dev/null 2>&1
nl() { sqlite3 "$WORK/nl.db" "$1"; }
run "$T" import ical "$FIXTURES/io/ical/outlook_notes_newline.ics" -d "$WORK/nl.db"
expect_rc 0 "Outlook calendar with notes ending in \\n (stderr: $ERR)"
expect_out_has "新規 5 件" "four events and a task"
expect_eq "$(nl "SELECT notes || '¶' FROM event WHERE title = '民生委員協議会 定例会'")" \
	"民生委員・児童委員の定例会。資料は事前に配布します。¶" "Outlook's last \\n dropped"
expect_eq "$(nl "SELECT notes || '¶' FROM event WHERE title = '見守りボランティア研修'")" \
	$'持ち物:\n・筆記用具\n・見守り名簿¶' "\\n\\n, a space, \\n at the end dropped; the lines inside kept"
expect_eq "$(nl "SELECT notes || '¶' FROM event WHERE title = '桜ヶ丘サロン'")" \
	$'繰り返し: 毎週 火曜 (2027-06-29 まで)\nいきいきサロン。お茶とおしゃべり。¶' "after the rule's line"
expect_eq "$(nl "SELECT coalesce(notes, '(なし)') FROM event WHERE title = '自治会長との打合せ'")" \
	"(なし)" "a DESCRIPTION of only a line break is no notes"
expect_eq "$(nl "SELECT body || '¶' FROM task WHERE title = '回覧板の作成'")" \
	"回覧板の原稿を作る。¶" "a task's 内容: an ideographic space and \\n dropped"
run "$T" import ical "$FIXTURES/io/ical/outlook_notes_newline.ics" -d "$WORK/nl.db"
expect_out_has "新規 0 件、更新 0 件、変更なし 5 件" "read twice: nothing changes"
"$T" export ical -o "$WORK/nl.ics" -d "$WORK/nl.db" >/dev/null
run "$T" import ical "$WORK/nl.ics" -d "$WORK/nl.db"
expect_out_has "新規 0 件、更新 0 件、変更なし 5 件" "our export of them read back: nothing changes"

done_tests
