# The counts the areas pane and the board show without counting (schema 6:
# area_tally, task_tally kept by triggers) stay equal to a fresh count
# through every way a record changes: add, edit of areas and status, delete
# and restore, fold of a duplicate, undo and redo, a CSV import, and a
# merge of two copies edited apart; `check` compares them and says so when
# they differ.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" >/dev/null 2>&1

# the areas list against counts made now by sqlite3, for one file
same_counts() { # db label
	local db=$1 label=$2 want have
	want=$(sqlite3 "$db" "SELECT group_concat(n, ',') FROM (SELECT a.name || ':' ||
		(SELECT count(*) FROM party_area x JOIN party p ON p.id = x.party_id
		  WHERE x.area_id = a.id AND p.deleted_at IS NULL) || ':' ||
		(SELECT count(*) FROM task t WHERE t.area_id = a.id AND t.deleted_at IS NULL
		  AND t.status <> '完了') AS n FROM area a ORDER BY a.sort)")
	"$T" list areas --format json -d "$db" >"$WORK/areas.json"
	have=$(sqlite3 :memory: "SELECT group_concat(n, ',') FROM
		(SELECT json_extract(value, '\$.name') || ':' || json_extract(value, '\$.parties') || ':' ||
		 json_extract(value, '\$.open_tasks') AS n FROM json_each(readfile('$WORK/areas.json')))")
	expect_eq "$have" "$want" "areas list counts: $label"
	want=$(sqlite3 "$db" "SELECT count(*) FROM task WHERE deleted_at IS NULL AND status = '対応中'")
	have=$("$T" list tasks --status 対応中 --format tsv -d "$db" | tail -n +2 | wc -l)
	expect_eq "$have" "$want" "tasks 対応中: $label"
	run "$T" check -d "$db"
	expect_rc 0 "check: $label"
}

p1=$("$T" add party --name '諏訪 一郎' --kind person --areas 諏訪,青陵 -d "$DB")
p2=$("$T" add party --name '永山 花子' --kind person --areas 永山 -d "$DB")
t1=$("$T" add task --title '見守りの相談' --area 諏訪 -d "$DB")
t2=$("$T" add task --title 'ベンチの要望' --area 青陵 --status 対応中 -d "$DB")
same_counts "$DB" "added"
"$T" edit party "$p1" --areas 永山 -d "$DB" >/dev/null
"$T" edit task "$t1" --status 対応中 -d "$DB" >/dev/null
"$T" edit task "$t2" --area 諏訪 -d "$DB" >/dev/null
same_counts "$DB" "areas and statuses edited"
"$T" delete party "$p2" -d "$DB" >/dev/null 2>&1
"$T" delete task "$t2" -d "$DB" >/dev/null 2>&1
same_counts "$DB" "deleted"
"$T" restore party "${p2:0:8}" -d "$DB" >/dev/null 2>&1
"$T" restore task "${t2:0:8}" -d "$DB" >/dev/null 2>&1
same_counts "$DB" "restored"
"$T" undo -d "$DB" >/dev/null 2>&1
same_counts "$DB" "undone"
"$T" redo -d "$DB" >/dev/null 2>&1
same_counts "$DB" "redone"
p3=$("$T" add party --name '諏訪　一郎' --kind person --areas 鶴牧 -d "$DB")
"$T" fold-party "$p1" "$p3" -d "$DB" >/dev/null 2>&1
same_counts "$DB" "duplicate folded"
printf '名称・氏名,区分,エリア\n落合 三郎,個人,落合\n鶴牧 四郎,個人,"鶴牧,落合"\n' >"$WORK/p.csv"
"$T" import parties "$WORK/p.csv" -d "$DB" >/dev/null 2>&1
same_counts "$DB" "imported"
# an import brings the counts and the directory's order up to date once, at
# its end (derived.c): through a row skipped (an area that does not
# exist), a row that changes a party already there, a dry run; and the
# counts follow each change after it
printf 'id,名称・氏名,区分,エリア\n,聖ヶ丘 六郎,個人,"聖ヶ丘,どこにもない地区"\n%s,諏訪 一郎,個人,"諏訪,落合"\n,唐木田 七子,個人,第二小学区\n' \
	"$p1" >"$WORK/q.csv"
"$T" import parties "$WORK/q.csv" --dry-run -d "$DB" >/dev/null 2>&1
same_counts "$DB" "after a dry run"
run "$T" import parties "$WORK/q.csv" -d "$DB"
expect_out_has "どこにもない地区" "the row with an unknown area is named"
same_counts "$DB" "imported with a row skipped and a party changed"
expect_eq "$("$T" list parties --search 唐木田 --format tsv -d "$DB" | tail -n +2 | wc -l)" 1 \
	"an imported party is found and listed"
"$T" add party --name '唐木田 八郎' --kind person --areas 第二小学区 -d "$DB" >/dev/null
same_counts "$DB" "a party added after the import"

# two copies edited apart, merged both ways
cp "$DB" "$WORK/b.db"
"$T" add party --name '青陵 五郎' --kind person --areas 青陵 -d "$DB" >/dev/null
"$T" edit task "$t1" --status 完了 -d "$DB" >/dev/null
"$T" delete party "$p2" -d "$WORK/b.db" >/dev/null 2>&1
"$T" add task --title '子ども食堂の会場' --area 落合 -d "$WORK/b.db" >/dev/null
"$T" merge "$WORK/b.db" -d "$DB" >/dev/null 2>&1
"$T" merge "$DB" -d "$WORK/b.db" >/dev/null 2>&1
same_counts "$DB" "merged into the office copy"
same_counts "$WORK/b.db" "merged into the laptop copy"

# a count that no longer agrees is found and named
sqlite3 "$DB" "UPDATE area_tally SET parties = parties + 5 WHERE area_id = (SELECT id FROM area WHERE name = '鶴牧中学区')"
run "$T" check -d "$DB"
expect_rc 3 "check finds a count that differs"
expect_out_has "件数の控え (area_tally): 1 エリアの関係者数が数え直しと違います" "names what differs"

# the tasks' counts too, those without an area (kept under '') among them
"$T" add task --title 'エリアの決まらない相談' -d "$WORK/b.db" >/dev/null
"$T" add task --title 'もう一つ' --status 対応中 -d "$WORK/b.db" >/dev/null
run "$T" check -d "$WORK/b.db"
expect_rc 0 "check: tasks without an area counted under ''"
sqlite3 "$WORK/b.db" "UPDATE task_tally SET n = n + 1 WHERE area_id = '' AND status = '対応中'"
run "$T" check -d "$WORK/b.db"
expect_rc 3 "check finds a task count that differs"
expect_out_has "件数の控え (task_tally): 1 組 (エリア・状態) の課題数が数え直しと違います" "names the task count"
done_tests
