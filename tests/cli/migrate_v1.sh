# A file written by tsunagu 0.1.0 (schema 1, tests/fixtures/v1/make-v1.sh)
# opens in this version: it is backed up, migrated to the change log, and
# shows every record and its history as that release did.
. "$(dirname "$0")/lib/common.bash"
FIX="$FIXTURES/v1"
EXP="$FIX/v1-expected"
. "$EXP/ids.txt"
# "today" fixed: the expected lists were printed before the fixture's due date
export TSUNAGU_NOW=2026-11-25T09:00:00
cp "$FIX/v1.db" "$DB"
chmod 0600 "$DB"
tables="area district party membership task log_entry event party_area offer task_party task_need"
declare -A before
for t in $tables; do
	before[$t]=$(sqlite3 "$DB" "SELECT count(*) FROM $t WHERE $( [ "$t" = party_area ] || [ "$t" = offer ] || [ "$t" = task_party ] || [ "$t" = task_need ] && echo 'deleted_at IS NULL' || echo 1)")
done

run "$T" check -d "$DB"
expect_rc 0 "check migrates and finds nothing wrong"
# the latest version: what a file made now has
"$T" init -d "$WORK/fresh.db" >/dev/null 2>&1
latest=$(sqlite3 "$WORK/fresh.db" 'PRAGMA user_version')
expect_out_has "(版 $latest)" "now the latest version ($latest)"
expect_eq "$(sqlite3 "$DB" 'PRAGMA user_version')" "$latest" "the file's own version"
[ -f "$DB.bak-v1" ] || fail "no backup before the migration"
expect_eq "$(mode_of "$DB.bak-v1")" 600 "backup mode"
expect_eq "$(sqlite3 "$DB.bak-v1" 'PRAGMA user_version')" 1 "backup is the v1 file"

for t in $tables; do
	expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM $t")" "${before[$t]}" "rows of $t kept"
done
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_schema WHERE name = 'history'")" 0 "history table replaced"

# the columns 0.1.0 printed (later versions may add columns after them)
columns_of() { # expected-csv < csv
	/usr/bin/python3 -c 'import csv, sys
want = next(csv.reader(open(sys.argv[1], encoding="utf-8")))
rows = list(csv.reader(sys.stdin))
idx = [rows[0].index(w) for w in want]
w = csv.writer(sys.stdout, lineterminator="\r\n")
for r in rows:
    w.writerow([r[i] for i in idx])' "$1"
}
for k in areas parties tasks events; do
	run "$T" list "$k" --format csv -d "$DB"
	expect_eq "$(columns_of "$EXP/list-$k.csv" <<<"$OUT")" "$(cat "$EXP/list-$k.csv")" "list $k as 0.1.0 printed it"
done

# show: the same lines; set fields compared as sets (their order is now
# the order elements were added)
norm_sets() {
	local line
	while IFS= read -r line; do
		case "$line" in
		できること:* | 関係者:* | ニーズ:* | エリア:*)
			printf '%s: %s\n' "${line%%: *}" "$(tr , '\n' <<<"${line#*: }" | sort | paste -sd,)" ;;
		*) printf '%s\n' "$line" ;;
		esac
	done
}
for f in "$EXP"/show-*.txt; do
	set -- $(basename "$f" .txt | tr - ' ')
	eval "id=\$(grep -h \"${3}\$\" \"$EXP/ids.txt\" | cut -d= -f2)"
	run "$T" show "$2" "$id" -d "$DB"
	expect_eq "$(norm_sets <<<"$OUT")" "$(norm_sets <"$f")" "show $2 ${3}"
done

# history: every field change 0.1.0 showed is still there, in order;
# set fields now read element by element
for f in "$EXP"/history-*.txt; do
	set -- $(basename "$f" .txt | tr - ' ')
	eval "id=\$(grep -h \"${3}\$\" \"$EXP/ids.txt\" | cut -d= -f2)"
	run "$T" history "$2" "$id" -d "$DB"
	expect_rc 0 "history $2 $3"
	want=$(grep -vE '	(できること|関係者|ニーズ|エリア)	' "$f")
	got=$(grep -vE '	(できること|関係者|ニーズ|エリア)	' <<<"$OUT")
	expect_eq "$got" "$want" "history $2 $3 keeps every change"
done
run "$T" history party "$p1" -d "$DB"
expect_out_has "できること	スマホ講師 → (空)" "set removal carried over"
expect_out_has "できること	(空) → 料理教室" "set addition carried over"
run "$T" history task "$k1" -d "$DB"
expect_out_has "関係者	鈴木一郎 → (空)" "link removal carried over"

# two copies of one v1 file migrate to the same log and merge cleanly
cp "$FIX/v1.db" "$WORK/a.db"
cp "$FIX/v1.db" "$WORK/b.db"
chmod 0600 "$WORK/a.db" "$WORK/b.db"
"$T" edit party "$p2" --phone 042-555-0001 -d "$WORK/a.db" >/dev/null
"$T" edit task "$k1" --needs "見守り,送迎,買い物" -d "$WORK/b.db" >/dev/null
run "$T" merge "$WORK/b.db" -d "$WORK/a.db"
expect_rc 0 "merge of two migrated copies"
expect_out_has "変更 1 件" "only what changed apart travels"
run "$T" merge "$WORK/a.db" -d "$WORK/b.db"
for k in parties tasks; do
	expect_eq "$("$T" list $k --format csv -d "$WORK/a.db")" "$("$T" list $k --format csv -d "$WORK/b.db")" "$k identical"
done

# a file of the older version merges as it is: a copy of it is brought up
# to date in a private folder; the file itself is not touched
cp "$FIX/v1.db" "$WORK/old.db"
chmod 0400 "$WORK/old.db"
sum_before=$(md5sum <"$WORK/old.db")
cp "$FIX/v1.db" "$WORK/new.db"
chmod 0600 "$WORK/new.db"
"$T" edit party "$p2" --notes "新しい版で" -d "$WORK/new.db" >/dev/null
run "$T" merge "$WORK/old.db" -d "$WORK/new.db"
expect_rc 0 "merge a version 1 file"
expect_out_has "取り込む変更はありません" "the two share their history"
run "$T" merge "$WORK/new.db" -d "$WORK/a.db"
expect_rc 0 "and the other way"
expect_out_has "変更 1 件" "the edit made in the new version comes"
expect_eq "$(md5sum <"$WORK/old.db")" "$sum_before" "the older file is never written"
[ -z "$(ls "${TMPDIR:-/tmp}" | grep '^tsunagu-merge-' || true)" ] || fail "temporary copy left behind"
ok
done_tests
