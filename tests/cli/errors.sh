# Missing, corrupt, locked and newer files, and bad arguments: one clear
# line on stderr and the exit status of DESIGN §7, never a crash.
. "$(dirname "$0")/lib/common.bash"

run "$T" list areas -d "$WORK/missing.db"
expect_rc 3 "missing file"
expect_err_has "missing.db" "names the file"
expect_one_err_line "missing file"
[ ! -e "$WORK/missing.db" ] || fail "list must not create the file"
ok

printf 'これは壊れたファイルです。not a database at all, just text.............' >"$WORK/corrupt.db"
run "$T" list parties -d "$WORK/corrupt.db"
expect_rc 3 "corrupt file"
expect_err_has "壊れています" "corrupt message"
expect_one_err_line "corrupt file"

"$T" init -d "$DB" 2>/dev/null
# another program holds the file locked
/usr/bin/python3 - "$DB" "$WORK/locked" <<'PY' &
import sqlite3, sys, time, os
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(8)
c.execute("ROLLBACK")
PY
holder=$!
for _ in $(seq 50); do [ -e "$WORK/locked" ] && break; sleep 0.1; done
run "$T" add party --name 鈴木一郎 -d "$DB"
expect_rc 3 "locked file"
expect_err_has "使用中" "locked message"
expect_one_err_line "locked file"
kill $holder 2>/dev/null || true
wait $holder 2>/dev/null || true

# a file from a newer version opens read-only
cp "$DB" "$WORK/newer.db"
sqlite3 "$WORK/newer.db" "PRAGMA user_version = 42"
run "$T" list areas --format tsv -d "$WORK/newer.db"
expect_rc 0 "newer file can be read"
expect_err_has "読み取り専用" "newer file warning"
run "$T" add party --name 鈴木一郎 -d "$WORK/newer.db"
expect_rc 3 "newer file cannot be written"

# usage errors exit 2
for args in "list" "list widgets" "frobnicate" "list parties --format xml" "show party" "add" "-d"; do
	run "$T" $args
	expect_rc 2 "usage: $args"
done
run "$T" add party --colour 赤 -d "$DB"
expect_rc 2 "unknown field flag"
expect_err_has "--colour" "names the flag"

# user errors exit 1
run "$T" show party 0000ffff -d "$DB"
expect_rc 1 "unknown id"
run "$T" list parties --area 存在しない -d "$DB"
expect_rc 1 "unknown area"
expect_err_has "存在しない" "names the area"
run "$T" list parties --area 中学区 -d "$DB"
expect_rc 1 "ambiguous area"
expect_err_has "複数" "ambiguous message"
run "$T" add party --name $'\xff\xfe' -d "$DB"
expect_rc 1 "invalid UTF-8"
expect_err_has "UTF-8" "encoding message"

run "$T" --version
expect_rc 0 "--version"
expect_out_has "tsunagu 0.1.0" "--version"
run "$T" --help
expect_rc 0 "--help"
expect_out_has "tsunagu list" "--help lists commands"
# a value outside a choice list names the choices as they may be typed:
# the code beside the label where they differ (--duty A or 作業支援)
run "$T" add task --title 見守り --duty Z -d "$DB"
expect_rc 1 "a duty outside the list"
expect_err_has "(選択肢: A 作業支援 / B 機能支援 / C 事務支援 / D 運営支援 / E 調整支援 / F 政策支援)" "letters and labels"
run "$T" add task --title 見守り --duty 政策支援 -d "$DB"
expect_rc 0 "the label is taken"
done_tests
