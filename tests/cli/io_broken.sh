# A bad file changes nothing and says FILE:LINE: the issue's "done when":
# a CP932 file with a broken quote on line 5,000 of 10,000 imports nothing.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" >/dev/null 2>&1
count() { sqlite3 "$DB" "SELECT count(*) FROM party"; }
before=$(count)

# make_file OUT BADLINE: 10,000 lines of CP932 CSV (header + 9,999 rows);
# line BADLINE is replaced by the text given on stdin.
make_file() {
	local bad
	bad=$(cat)
	awk -v bad="$2" -v text="$bad" 'BEGIN {
		print "id,kind,name,kana,phone,notes\r"
		for (i = 2; i <= 10000; i++) {
			if (i == bad) { print text "\r"; continue }
			printf ",person,山田 太郎%d,やまだ たろう,042-000-%04d,\"備考, その%d\"\r\n", i, i % 10000, i
		}
	}' | iconv -f UTF-8 -t CP932 >"$1"
}

make_file "$WORK/quote.csv" 5000 <<<',person,"山田"太郎,やまだ,042,備考'
[ "$(wc -l <"$WORK/quote.csv")" -eq 10000 ] || fail "fixture has 10,000 lines"
run "$T" import parties "$WORK/quote.csv" -d "$DB"
expect_rc 1 "broken quote"
expect_err_has "quote.csv:5000: " "names line 5000"
expect_one_err_line "broken quote"
expect_eq "$(count)" "$before" "nothing imported"

# an unclosed quote is reported where it opened, not at the end of file
make_file "$WORK/open.csv" 5000 <<<',person,"山田 太郎,やまだ,042,備考'
run "$T" import parties "$WORK/open.csv" -d "$DB"
expect_rc 1 "unclosed quote"
expect_err_has "open.csv:5000: " "names the line the quote opened"
expect_eq "$(count)" "$before" "nothing imported"

# a quote in the middle of an unquoted cell
make_file "$WORK/mid.csv" 5000 <<<',person,山田"太郎,やまだ,042,備考'
run "$T" import parties "$WORK/mid.csv" -d "$DB"
expect_rc 1 "stray quote"
expect_err_has "mid.csv:5000: " "names line 5000"

# an undecodable byte on line 5000 of a CP932 file (0x81 0x20 is no character)
make_file "$WORK/bytes.csv" 5000 <<<',person,BYTE,やまだ,042,備考'
sed -i 's/BYTE/\x81\x20/' "$WORK/bytes.csv"
run "$T" import parties "$WORK/bytes.csv" -d "$DB"
expect_rc 1 "undecodable byte"
expect_err_has "bytes.csv:5000: " "names line 5000"
expect_err_has "0x81" "names the byte"
expect_eq "$(count)" "$before" "nothing imported"

# a bad value on line 5000 (the store's check) is a row that cannot be
# used: with --strict the whole file is refused, naming it ...
make_file "$WORK/value.csv" 5000 <<<',宇宙人,山田,やまだ,042,備考'
run "$T" import parties "$WORK/value.csv" --encoding cp932 --strict -d "$DB"
expect_rc 1 "bad choice, --strict"
expect_err_has "value.csv:5000: " "names line 5000"
expect_err_has "区分" "names the field"
expect_eq "$(count)" "$before" "nothing imported"
# ... and without it the row is skipped and listed, the other 9,998 kept
cp "$DB" "$WORK/skip.db"
run "$T" import parties "$WORK/value.csv" --encoding cp932 -d "$WORK/skip.db"
expect_rc 0 "bad choice skipped"
expect_out_has "value.csv:5000: " "the skipped row named by its line"
expect_out_has "区分" "and its field"
expect_out_has "読み飛ばし 1 件" "counted"
expect_eq "$(sqlite3 "$WORK/skip.db" "SELECT count(*) FROM party")" "$((before + 9998))" "the rest imported"

# too many cells, bad id, empty file, missing file, bad kind, bad option
printf 'id,name\n,a,b\n' >"$WORK/wide.csv"
run "$T" import parties "$WORK/wide.csv" -d "$DB"
expect_rc 1 "too many cells"
expect_err_has "wide.csv:2: " "names line 2"
printf 'id,name\nxyz,a\n' >"$WORK/id.csv"
run "$T" import parties "$WORK/id.csv" -d "$DB"
expect_rc 1 "bad id"
expect_err_has "id.csv:2: " "names line 2"
: >"$WORK/empty.csv"
run "$T" import parties "$WORK/empty.csv" -d "$DB"
expect_rc 1 "empty file"
run "$T" import parties "$WORK/none.csv" -d "$DB"
expect_rc 1 "missing file"
expect_err_has "none.csv" "names the file"
run "$T" import people "$WORK/id.csv" -d "$DB"
expect_rc 2 "unknown kind"
run "$T" import parties "$WORK/id.csv" --encoding latin1 -d "$DB"
expect_rc 2 "unknown encoding"
run "$T" import parties -d "$DB"
expect_rc 2 "missing file argument"
run "$T" export vcard --encoding cp932 -d "$DB"
expect_rc 2 "vCard is UTF-8 only"
run "$T" export parties --area 存在しない -d "$DB"
expect_rc 1 "unknown area"

# the same 10,000 lines without the fault import completely
make_file "$WORK/good.csv" 0 <<<''
run "$T" import parties "$WORK/good.csv" -d "$DB"
expect_rc 0 "good file"
expect_eq "$(count)" "$((before + 9999))" "9,999 rows"
done_tests
