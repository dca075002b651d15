# vCard and iCalendar: hand-made files in, exports read back by independent
# readers (python3-vobject, python3-icalendar).
. "$(dirname "$0")/lib/common.bash"
F="$FIXTURES/io"
PY=/usr/bin/python3
"$T" init -d "$DB" >/dev/null 2>&1
q() { sqlite3 "$DB" "$1"; }

# vCard 3.0 (quoted-printable, soft line break, SORT-STRING, folding) and 4.0
run "$T" import vcard "$F/contacts.vcf" -d "$DB"
expect_rc 0 "import vCard"
expect_out_has "新規 2 件" "two cards"
expect_eq "$(q "SELECT kind || '/' || kana || '/' || phone || '/' || email FROM party WHERE name = '小林 三郎'")" \
	"person/こばやし さぶろう/080-0000-1111/kobayashi@example.jp" "3.0 card"
expect_eq "$(q "SELECT notes FROM party WHERE name = '小林 三郎'")" $'折り返された 長いメモ, カンマ付き\n所属: 多摩商店会' "folded NOTE, ORG kept"
expect_eq "$(q "SELECT kind || '/' || kana || '/' || phone || '/' || address FROM party WHERE name = '永山団地管理組合'")" \
	"org/ながやまだんちかんりくみあい/042-000-9999/〒206-0025 東京都多摩市永山1-2-3" "4.0 org card"

# the same file again: cards without UID find their party by name + phone
run "$T" import vcard "$F/contacts.vcf" -d "$DB"
expect_rc 0 "import vCard again"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "no duplicates"

# a 3.0 card in Shift_JIS from an older phone
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:中村 直美\r\nN:中村;直美;;;\r\nSOUND;X-IRMC-N:ﾅｶﾑﾗ;ﾅｵﾐ;;;\r\nTEL:042-111-0000\r\nEND:VCARD\r\n' |
	iconv -f UTF-8 -t CP932 >"$WORK/sjis.vcf"
run "$T" import vcard "$WORK/sjis.vcf" -d "$DB"
expect_rc 0 "Shift_JIS vCard"
expect_eq "$(q "SELECT kana FROM party WHERE name = '中村 直美'")" "ナカムラ ナオミ" "half-width reading folded"

# people and consent for the export
id=$("$T" add party --name "山田 一郎" --kana "やまだ いちろう" --phone 042-555-0000 --email ichiro@example.jp --consent はい --notes $'長い備考: この行は七十五オクテットを超えるので折り返されるはずです。さらに続けます。\n二行目' -d "$DB")
"$T" add party --name "同意 なし子" --phone 042-999-9999 -d "$DB" >/dev/null
run "$T" export vcard -o "$WORK/out.vcf" -d "$DB"
expect_rc 0 "export vCard"
expect_eq "$(mode_of "$WORK/out.vcf")" 600 "vCard mode"
awk '{ if (length($0) > 76) bad = 1 } END { exit bad }' "$WORK/out.vcf" || fail "line longer than 75 octets"
ok
[ "$(grep -c $'\r$' "$WORK/out.vcf")" -eq "$(wc -l <"$WORK/out.vcf")" ] || fail "every line CRLF"
ok
run "$PY" - "$WORK/out.vcf" <<'PY'
import sys, vobject
cards = list(vobject.readComponents(open(sys.argv[1], encoding="utf-8").read()))
by = {c.fn.value: c for c in cards}
c = by["山田 一郎"]
assert c.version.value == "4.0"
assert c.tel.value == "042-555-0000", c.tel.value
assert c.email.value == "ichiro@example.jp"
assert c.contents["x-phonetic-last-name"][0].value == "やまだ"
assert c.contents["x-phonetic-first-name"][0].value == "いちろう"
assert c.note.value.startswith("長い備考") and c.note.value.endswith("\n二行目"), c.note.value
assert "tel" not in by["同意 なし子"].contents, "contact of a person without consent"
assert by["永山団地管理組合"].kind.value == "org"
print(len(cards), "cards")
PY
expect_rc 0 "vobject reads the export (stderr: $ERR)"
expect_out_has "5 cards" "one card per party"

# round trip: the export updates the same rows and erases nothing withheld
run "$T" import vcard "$WORK/out.vcf" -d "$DB"
expect_rc 0 "re-import vCard"
expect_out_has "新規 0 件、更新 0 件、変更なし 5 件" "no change"
expect_eq "$(q "SELECT phone FROM party WHERE name = '同意 なし子'")" "042-999-9999" "withheld phone kept"

# iCalendar: UTC times to JST, VALARM skipped, VTODO status
run "$T" import ical "$F/calendar.ics" -d "$DB"
expect_rc 0 "import iCalendar"
expect_eq "$(q "SELECT date || ' ' || start_time || '-' || end_time || ' ' || place || ' ' || kind FROM event")" \
	"2025-05-10 10:00-12:00 永山公民館 エリアミーティング" "01:00Z is 10:00 JST"
expect_eq "$(q "SELECT due || ' ' || status FROM task")" "2025-06-20 対応中" "VTODO due and status"
run "$T" import ical "$F/calendar.ics" -d "$DB"
expect_rc 0 "import the same calendar again"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "found by title and date, not doubled"

"$T" add task --title "名簿の更新" --due 令和8年2月1日 --status 保留 --area 諏訪 -d "$DB" >/dev/null
"$T" add task --title "期限のない課題" -d "$DB" >/dev/null
"$T" add event --title "報告会" --date 2025/12/31 --area 諏訪 -d "$DB" >/dev/null
run "$T" export ical -o "$WORK/out.ics" -d "$DB"
expect_rc 0 "export iCalendar"
expect_eq "$(mode_of "$WORK/out.ics")" 600 "iCalendar mode"
run "$PY" - "$WORK/out.ics" <<'PY'
import sys, datetime, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
ev = {str(c["summary"]): c for c in cal.walk("VEVENT")}
todo = {str(c["summary"]): c for c in cal.walk("VTODO")}
tz = [c for c in cal.walk("VTIMEZONE")]
assert tz and str(tz[0]["tzid"]) == "Asia/Tokyo"
m = ev["エリアミーティング（子育て）"]["dtstart"].dt
assert (m.year, m.month, m.day, m.hour) == (2025, 5, 10, 10), m
assert m.utcoffset() == datetime.timedelta(hours=9), m.utcoffset()
assert ev["報告会"]["dtstart"].dt == datetime.date(2025, 12, 31)
assert todo["名簿の更新"]["due"].dt == datetime.date(2026, 2, 1)
assert "期限のない課題" not in todo, "a task without a due date"
assert str(todo["報告書の提出"]["status"]) == "IN-PROCESS"
print(len(ev), "events", len(todo), "todos")
PY
expect_rc 0 "icalendar reads the export (stderr: $ERR)"
expect_out_has "2 events 2 todos" "events and dated tasks"

run "$T" export ical --area 諏訪 -d "$DB"
expect_out_has "SUMMARY:名簿の更新" "area filter keeps 諏訪"
expect_out_lacks "報告書の提出" "area filter drops others"

# round trip of the calendar: same rows updated, 保留 kept
run "$T" import ical "$WORK/out.ics" -d "$DB"
expect_rc 0 "re-import iCalendar"
expect_out_has "新規 0 件、更新 0 件、変更なし 4 件" "no change"

# broken files name their line
printf 'BEGIN:VCARD\r\nFN:a\r\nBEGIN:VCARD\r\n' >"$WORK/bad.vcf"
run "$T" import vcard "$WORK/bad.vcf" -d "$DB"
expect_rc 1 "unterminated card"
expect_err_has "bad.vcf:3: " "names line 3"
printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nDTSTART:2025-13-01\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$WORK/bad.ics"
run "$T" import ical "$WORK/bad.ics" -d "$DB"
expect_rc 1 "bad date"
expect_err_has "bad.ics:4: " "names line 4"
done_tests
