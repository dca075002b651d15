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
expect_eq "$(q "SELECT coalesce(notes, '') FROM event WHERE title = '多摩市クリーンデー'")" \
	"$(printf '市内全域の一斉清掃。集合は各自治会の集会所。\n')" "one day: no 終了 line"
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

done_tests
