# snapshot makes a private, complete copy; check finds damage.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" 2>/dev/null
"$T" add party --name 鈴木一郎 --kana すずきいちろう -d "$DB" >/dev/null

run "$T" snapshot "$WORK/copy.db" -d "$DB"
expect_rc 0 "snapshot"
expect_eq "$(mode_of "$WORK/copy.db")" 600 "snapshot mode"
run "$T" list parties --search ｽｽﾞｷ --format tsv -d "$WORK/copy.db"
expect_out_has "鈴木一郎" "snapshot holds the data and its search index"
run "$T" snapshot "$WORK/copy.db" -d "$DB"
expect_rc 1 "snapshot never overwrites"

run "$T" check -d "$DB"
expect_rc 0 "check on a good file"
expect_out_has "ok:" "check says ok"

# break a foreign key behind the program's back
sqlite3 "$DB" "PRAGMA foreign_keys=OFF; INSERT INTO membership(id, created_at, created_by, updated_at, updated_by, person_id, org_id) VALUES('x','t','u','t','u','no-such-person','no-such-org');"
run "$T" check -d "$DB"
expect_rc 3 "check finds a broken reference"
expect_out_has "membership" "check names the table"

# an element of a set whose owner is not there (sets hold rowids: no
# foreign key sees it)
"$T" init -d "$WORK/links.db" 2>/dev/null
"$T" add party --name 佐藤花子 --offers 見守り -d "$WORK/links.db" >/dev/null
run "$T" check -d "$WORK/links.db"
expect_rc 0 "check on a file with a set"
sqlite3 "$WORK/links.db" "INSERT INTO offer_link(owner, value) VALUES(99999, '配食')"
run "$T" check -d "$WORK/links.db"
expect_rc 3 "check finds an element without its owner"
expect_out_has "offer_link: 1 件の要素の持ち主か参照先がありません" "check names the set's table"
done_tests
