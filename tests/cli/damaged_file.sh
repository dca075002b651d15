# `check` compares the file with the schema the migrations build, and no
# command writes into (or copies) a damaged file (issue 14 items 7, 9).
. "$(dirname "$0")/lib/common.bash"
fresh() { rm -f "$1"; "$T" init -d "$1" 2>/dev/null; "$T" add party --name 鈴木一郎 -d "$1" >/dev/null; }
sum() { sha256sum <"$1"; }

fresh "$DB"
run "$T" check -d "$DB"
expect_rc 0 "a good file"

cp "$DB" "$WORK/v99.db"
sqlite3 "$WORK/v99.db" "PRAGMA user_version=99"
run "$T" check -d "$WORK/v99.db"
expect_rc 3 "check on a file of version 99"
expect_out_has "版 (user_version) が 99 です" "names the version"

cp "$DB" "$WORK/dropped.db"
sqlite3 "$WORK/dropped.db" "DROP TABLE log_entry"
run "$T" check -d "$WORK/dropped.db"
expect_rc 3 "check after DROP TABLE log_entry"
expect_out_has "table log_entry がありません" "names the missing table"
before=$(sum "$WORK/dropped.db")
run "$T" add party --name 山田花子 -d "$WORK/dropped.db"
expect_rc 3 "no writing into a file missing a table"
expect_eq "$(sum "$WORK/dropped.db")" "$before" "file unchanged"

cp "$DB" "$WORK/extra.db"
sqlite3 "$WORK/extra.db" "CREATE INDEX 余分 ON party(notes)"
run "$T" check -d "$WORK/extra.db"
expect_rc 3 "check with an index nobody made"
expect_out_has "余分な index 余分" "names the extra index"

cp "$DB" "$WORK/minus.db"
sqlite3 "$WORK/minus.db" "PRAGMA user_version=-1"
before=$(sum "$WORK/minus.db")
for cmd in check "list parties"; do
	run "$T" $cmd -d "$WORK/minus.db"
	expect_rc 3 "$cmd on user_version -1"
done
expect_eq "$(sum "$WORK/minus.db")" "$before" "no migration tried on version -1"
[ ! -e "$WORK/minus.db.bak-v-1" ] || fail "a backup for a migration was made"
ok

# random bytes over pages in the middle of a bigger file
"$T" init --demo -d "$WORK/demo.db" 2>/dev/null
pages=$(sqlite3 "$WORK/demo.db" "PRAGMA page_count")
psize=$(sqlite3 "$WORK/demo.db" "PRAGMA page_size")
head -c $((psize * 4)) /dev/urandom | dd of="$WORK/demo.db" bs="$psize" seek=$((pages / 2)) conv=notrunc status=none
before=$(sum "$WORK/demo.db")
run "$T" add party --name 山田花子 -d "$WORK/demo.db"
expect_rc 3 "add into a damaged file"
run "$T" export parties -o "$WORK/damaged.csv" -d "$WORK/demo.db"
expect_rc 3 "export of a damaged file"
[ ! -e "$WORK/damaged.csv" ] || fail "export wrote a file"
run "$T" snapshot "$WORK/damaged-copy.db" -d "$WORK/demo.db"
expect_rc 3 "snapshot of a damaged file"
expect_err_has "tsunagu check" "says what to do"
[ ! -e "$WORK/damaged-copy.db" ] || fail "snapshot copied the damage"
ok
expect_eq "$(sum "$WORK/demo.db")" "$before" "damaged file unchanged"

# a 0-byte file is not a new database
: >"$WORK/empty.db"
for cmd in "list parties" "add party --name 佐藤" check; do
	run "$T" $cmd -d "$WORK/empty.db"
	expect_rc 3 "$cmd on a 0-byte file"
done
expect_err_has "空のファイルです" "says it is empty"
expect_eq "$(stat -c %s "$WORK/empty.db")" 0 "still 0 bytes"
done_tests
