# Output files never replace the database (issue 14 item 1): not the
# open file under any name, not any SQLite file, an existing file only
# with --force; and no temporary file is left beside the output.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" 2>/dev/null
"$T" add party --name 鈴木一郎 --kind person --phone 042-000-0000 --consent 1 -d "$DB" >/dev/null
"$T" add task --title 見守り活動の立ち上げ -d "$DB" >/dev/null
before=$(sha256sum <"$DB")

run "$T" export parties -o "$DB" -d "$DB"
expect_rc 1 "export onto the open database"
expect_err_has "開いているデータベースそのものです" "says it is the open database"
expect_one_err_line "export onto the open database"
expect_eq "$(sha256sum <"$DB")" "$before" "database untouched"
run "$T" export parties -o "$DB" --force -d "$DB"
expect_rc 1 "--force does not make the database writable"
ln "$DB" "$WORK/別名.db"
ln -s "$DB" "$WORK/link.csv"
run "$T" export tasks -o "$WORK/別名.db" --force -d "$DB"
expect_rc 1 "export onto a hard link of the database"
run "$T" export tasks -o "$WORK/link.csv" --force -d "$DB"
expect_rc 1 "export onto a symlink to the database"
expect_eq "$(sha256sum <"$DB")" "$before" "database untouched through other names"
run "$T" list tasks --format tsv -d "$DB"
expect_out_has "見守り活動の立ち上げ" "tasks still there"

cp "$DB" "$WORK/other.sqlite"
run "$T" export parties -o "$WORK/other.sqlite" --force -d "$DB"
expect_rc 1 "export onto another SQLite file"
expect_err_has "SQLite のデータベースです" "names the reason"
: >"$WORK/other.sqlite-journal"
run "$T" export parties -o "$WORK/other.sqlite-journal" --force -d "$DB"
expect_rc 1 "export onto a database's journal"

run "$T" export parties -o "$WORK/名簿.csv" -d "$DB"
expect_rc 0 "export to a new file"
expect_eq "$(mode_of "$WORK/名簿.csv")" 600 "export mode"
run "$T" export tasks -o "$WORK/名簿.csv" -d "$DB"
expect_rc 1 "an existing file needs --force"
expect_err_has "--force" "says how"
grep -q 鈴木一郎 "$WORK/名簿.csv" || fail "refused export changed the file"
ok
run "$T" export tasks -o "$WORK/名簿.csv" --force -d "$DB"
expect_rc 0 "--force replaces a plain file"
grep -q 見守り活動の立ち上げ "$WORK/名簿.csv" || fail "--force did not replace"
ok
mkdir "$WORK/dir.csv"
run "$T" export tasks -o "$WORK/dir.csv" --force -d "$DB"
expect_rc 1 "export onto a directory"
expect_eq "$(find "$WORK" -name '.tsunagu-*' -o -name '*.partial' -o -name '*.tmp-*' | wc -l)" 0 "no temporary files left"

run "$T" snapshot "$DB" -d "$DB"
expect_rc 1 "snapshot onto the open database"
expect_eq "$(sha256sum <"$DB")" "$before" "database untouched by snapshot"
run "$T" snapshot "$WORK/copy.db" -d "$DB"
expect_rc 0 "snapshot to a new file"
expect_eq "$(find "$WORK" -name '.tsunagu-*' | wc -l)" 0 "no snapshot temporaries left"
done_tests
