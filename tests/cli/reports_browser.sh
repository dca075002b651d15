# The printed reports in a real browser: headless Chromium prints the HTML
# of the 地域カルテ and the 支援経過記録 to PDF; pdftotext must find the
# Japanese text and the table figures, and pdfinfo a sane page count (one
# area: a few pages; every area: at least a page each).  scripts/deps
# --test installs chromium and poppler-utils, so their absence FAILS.
. "$(dirname "$0")/lib/common.bash"
command -v chromium >/dev/null || fail "chromium is missing (scripts/deps --test installs it)"
command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null ||
	fail "pdftotext/pdfinfo are missing (scripts/deps --test installs poppler-utils)"
. "$(dirname "$0")/lib/report_fixture.bash"

# print FILE.html to FILE.pdf; chromium keeps its profile in $WORK
print_pdf() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="$WORK/chromium" --no-pdf-header-footer \
		--print-to-pdf="$2" "file://$1" >"$WORK/chromium.log" 2>&1 ||
		fail "chromium could not print $1: $(tail -3 "$WORK/chromium.log")"
	[ -s "$2" ] || fail "chromium wrote no PDF for $1"
}
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
# the PDF's text with spaces and line breaks removed (a table cell or a
# line may be broken anywhere)
text_of() { pdftotext -layout -enc UTF-8 "$1" - | tr -d ' \n\f'; }
has() { grep -qF -- "$2" <<<"$1" || fail "$3: the printed page lacks «$2»"; ok; }

"$T" report karte --area 諏訪 -o "$WORK/karte.html" -d "$DB" >/dev/null
print_pdf "$WORK/karte.html" "$WORK/karte.pdf"
k=$(text_of "$WORK/karte.pdf")
has "$k" "地域カルテ:諏訪中学区" "title"
has "$k" "基礎データ" "section"
has "$k" "諏訪1丁目100025025.0%4002024-01-01" "district row figures"
has "$k" "25.0%" "aging rate"
has "$k" "15.4%" "aging rate to one decimal"
has "$k" "合計180037320.7%700" "totals"
has "$k" "担い手不足" "課題 item"
has "$k" "独居高齢者の見守り" "open task"
has "$k" "作成者:山田太郎" "footer"
n=$(pages "$WORK/karte.pdf")
[ "$n" -ge 1 ] && [ "$n" -le 5 ] || fail "one area's karte on $n pages"
ok

"$T" report karte -o "$WORK/all.html" -d "$DB" >/dev/null
print_pdf "$WORK/all.html" "$WORK/all.pdf"
areas=$("$T" list areas --format tsv -d "$DB" | tail -n +2 | wc -l)
n=$(pages "$WORK/all.pdf")
[ "$n" -ge "$areas" ] && [ "$n" -le $((areas * 5)) ] || fail "$areas areas printed on $n pages"
ok
a=$(text_of "$WORK/all.pdf")
has "$a" "地域カルテ:青陵中学区" "another area"
# each area starts its own page: page 2 begins with the second area
second=$(pdftotext -layout -f 2 -l 2 -enc UTF-8 "$WORK/all.pdf" - | tr -d ' ' | grep -m1 .)
grep -q "^地域カルテ:" <<<"$second" || fail "page 2 starts with «$second», not an area"
ok

"$T" report log --task "${task: -8}" -o "$WORK/log.html" -d "$DB" >/dev/null
print_pdf "$WORK/log.html" "$WORK/log.pdf"
l=$(text_of "$WORK/log.pdf")
has "$l" "支援経過記録:独居高齢者の見守り" "log title"
has "$l" "諏訪中学区" "header: area"
has "$l" "次回は民生委員と同行" "multi-line text, last line"
has "$l" "佐藤花子" "author"
first=${l%%2024-05-15*}
[[ "$first" == *2024-04-01* && "$first" != *2024-06-03* ]] || fail "entries not in date order on paper"
ok
n=$(pages "$WORK/log.pdf")
[ "$n" -ge 1 ] && [ "$n" -le 3 ] || fail "log of three entries on $n pages"
ok

# A text that cannot break (a URL in a note, a long code as a title, a
# name in ASCII letters) must not widen a table past the paper: before,
# one such title pushed every column after it off the printed page.
url="https://www.city.tama.lg.jp/0000012345/kenko/fukushi/koreisha/mimamori/network/$(printf 'abcdefghij%.0s' {1..10}).html"
"$T" add log --task "${task: -8}" --kind メモ --date 2024-06-10 --text "参考資料 $url を参照" -d "$DB" >/dev/null
"$T" add task --title "見守り_$(printf 'ABCDEFGHIJ%.0s' {1..12})" --area 諏訪 --due 2099-03-31 \
	--assignee "$(printf 'Yamada%.0s' {1..8})" -d "$DB" >/dev/null
"$T" report log --task "${task: -8}" -o "$WORK/long.html" -d "$DB" >/dev/null
print_pdf "$WORK/long.html" "$WORK/long.pdf"
l=$(text_of "$WORK/long.pdf")
has "$l" "abcdefghijabcdefghij.htmlを参照" "a long URL printed to its end"
"$T" report cases --area 諏訪 -o "$WORK/cases.html" -d "$DB" >/dev/null
print_pdf "$WORK/cases.html" "$WORK/cases.pdf"
c=$(text_of "$WORK/cases.pdf")
has "$c" "次の期限" "the last column's heading is on the paper"
has "$c" "2099-03-31" "the long title's due date is on the paper"
has "$c" "ABCDEFGHIJABCDEFGHIJ" "the long title itself"
# every word inside the A4 page, none past its right edge
pdftotext -bbox "$WORK/cases.pdf" - | awk -F'"' '/<page /{w=$2} /<word /{ if ($6 + 0 > w - 20) bad++ } END {exit bad > 0}' ||
	fail "a word of the cases report runs off the page"
ok
# dates stay on one line in a table (2026-12-\n05 reads badly)
grep -q '<td class="date">2099-03-31</td>' "$WORK/cases.html" || fail "a date cell may wrap"
ok
done_tests
