# Undo and redo of one's own actions: each kind of action (add, edit,
# delete, card move, link, membership, import) comes back by `undo` and
# goes again by `redo`; repeated undo goes further back; a new edit ends
# redo; another person's later value (merged in) is left and reported; the
# undo itself merges onward into another copy; an older file is upgraded.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" 2>/dev/null
field() { "$T" show "$1" "$2" -d "$DB" | sed -n "s/^$3: //p"; }

# nothing yet: a clear line, exit 1
run "$T" undo -d "$DB"
expect_rc 1 "nothing to undo"
expect_err_has "取り消せる操作はありません" "says so"
run "$T" redo -d "$DB"
expect_rc 1 "nothing to redo"
expect_err_has "やり直せる操作はありません" "says so"

# add
org=$("$T" add party --name 多摩ボランティア会 --kind org --phone 042-111-1111 -d "$DB")
run "$T" undo -d "$DB"
expect_rc 0 "undo an add"
expect_out_has "取り消しました: 関係者・団体「多摩ボランティア会」の追加" "names what it undid"
run "$T" list parties -d "$DB"
expect_out_lacks "多摩ボランティア会" "the added party is gone"
run "$T" redo -d "$DB"
expect_rc 0 "redo the add"
expect_out_has "やり直しました: 関係者・団体「多摩ボランティア会」の追加" "names what it redid"
run "$T" list parties -d "$DB"
expect_out_has "多摩ボランティア会" "the party is back"

# edit, twice: repeated undo goes further back, redo comes forward again
"$T" edit party "$org" --phone 042-222-2222 --notes 第一回の備考 -d "$DB"
"$T" edit party "$org" --phone 042-333-3333 -d "$DB"
run "$T" undo --list -d "$DB"
expect_rc 0 "list"
expect_eq "$(sed -n 1p <<<"$OUT" | grep -c '電話の変更')" 1 "newest first: the last edit"
expect_eq "$(grep -c '多摩ボランティア会' <<<"$OUT")" 3 "two edits and the add (the redo stands for it)"
expect_out_has "[変更 2 件]" "how many changes the first edit made"
run "$T" undo -d "$DB"
expect_out_has "関係者・団体「多摩ボランティア会」の電話の変更" "names the field"
expect_eq "$(field party "$org" 電話)" 042-222-2222 "one step back"
run "$T" undo -d "$DB"
expect_out_has "電話・備考の変更" "names both fields"
expect_eq "$(field party "$org" 電話)" 042-111-1111 "two steps back"
expect_eq "$(field party "$org" 備考)" "" "notes back to empty"
run "$T" redo -d "$DB"
expect_eq "$(field party "$org" 電話)" 042-222-2222 "redo the older edit first"
expect_eq "$(field party "$org" 備考)" 第一回の備考 "with its notes"
run "$T" redo -d "$DB"
expect_eq "$(field party "$org" 電話)" 042-333-3333 "then the newer one"
run "$T" redo -d "$DB"
expect_rc 1 "nothing more to redo"

# a new edit after an undo ends the redo chain
"$T" undo -d "$DB" >/dev/null
"$T" edit party "$org" --kana たまぼらんてぃあかい -d "$DB"
run "$T" redo -d "$DB"
expect_rc 1 "no redo after a new edit"
expect_eq "$(field party "$org" 電話)" 042-222-2222 "the undone edit stays undone"

# delete
"$T" delete party "$org" -d "$DB" 2>/dev/null
run "$T" undo -d "$DB"
expect_rc 0 "undo a delete"
expect_out_has "取り消しました: 関係者・団体「多摩ボランティア会」の削除" "names the deletion"
run "$T" list parties -d "$DB"
expect_out_has "多摩ボランティア会" "the deleted party is back"
run "$T" redo -d "$DB"
run "$T" list parties -d "$DB"
expect_out_lacks "多摩ボランティア会" "redo deletes it again"
"$T" undo -d "$DB" >/dev/null

# a card move (the status of a task) and a link of a party to the task
task=$("$T" add task --title 見守り活動の立ち上げ -d "$DB")
"$T" edit task "$task" --status 対応中 -d "$DB"
"$T" edit task "$task" --parties 多摩ボランティア会 -d "$DB"
expect_eq "$(field task "$task" 関係者)" 多摩ボランティア会 "linked"
run "$T" undo -d "$DB"
expect_out_has "課題・取組「見守り活動の立ち上げ」の関係者の変更" "names the link"
expect_eq "$(field task "$task" 関係者)" "" "undo unlinks"
run "$T" undo -d "$DB"
expect_out_has "状態の変更" "names the card move"
expect_eq "$(field task "$task" 状態)" 未着手 "undo moves the card back"
"$T" redo -d "$DB" >/dev/null
"$T" redo -d "$DB" >/dev/null
expect_eq "$(field task "$task" 状態)" 対応中 "redo moves it again"
expect_eq "$(field task "$task" 関係者)" 多摩ボランティア会 "redo links again"

# a membership
person=$("$T" add party --name 佐藤花子 --kana さとうはなこ -d "$DB")
"$T" add membership --person "${person: -8}" --org "${org: -8}" --role 会長 -d "$DB" >/dev/null
run "$T" show party "$person" -d "$DB"
expect_out_has "会長" "membership shown"
run "$T" undo -d "$DB"
expect_out_has "役職・所属「会長」の追加" "names the membership"
run "$T" show party "$person" -d "$DB"
expect_out_lacks "会長" "membership gone"

# an import: every row it added goes in one undo
printf '%s\n' "kind,name,kana,phone" "org,桜ヶ丘三丁目自治会,さくらがおか,042-000-0001" \
	"person,鈴木一郎,すずきいちろう,042-000-0002" >"$WORK/少し.csv"
"$T" import parties "$WORK/少し.csv" -d "$DB" >/dev/null
run "$T" undo -d "$DB"
expect_out_has "関係者・団体 2 件の追加" "one undo for the whole import"
run "$T" list parties -d "$DB"
expect_out_lacks "桜ヶ丘三丁目自治会" "imported org gone"
expect_out_lacks "鈴木一郎" "imported person gone"

# another person's action in this file is not mine to undo
TSUNAGU_USER="佐藤 花子" "$T" edit party "$org" --address 多摩市桜ヶ丘1-1 -d "$DB"
run "$T" undo -d "$DB"
expect_out_lacks "住所" "my undo passes over 佐藤's edit"
expect_eq "$(field party "$org" 住所)" 多摩市桜ヶ丘1-1 "her address stays"
"$T" redo -d "$DB" >/dev/null

# a copy edits the same field later; merged in, it stands in the undo's way
"$T" edit party "$org" --phone 042-444-4444 --notes 山田の備考 -d "$DB"
cp "$DB" "$WORK/copy.db"
TSUNAGU_USER="佐藤 花子" "$T" edit party "$org" --phone 042-555-5555 -d "$WORK/copy.db"
"$T" merge "$WORK/copy.db" -d "$DB" >/dev/null
expect_eq "$(field party "$org" 電話)" 042-555-5555 "her later phone won the merge"
run "$T" undo -d "$DB"
expect_rc 0 "undo with a field in the way"
expect_out_has "電話・備考の変更" "undoes my edit, not the merged one"
expect_out_has "後から他の人が変えた項目は、そのままにしました" "says a field was left"
expect_out_has "関係者・団体「多摩ボランティア会」の電話: 今は「042-555-5555」(佐藤 花子)" "which, its value and who"
expect_eq "$(field party "$org" 電話)" 042-555-5555 "the other person's value stays"
expect_eq "$(field party "$org" 備考)" 第一回の備考 "my other field is undone"

# a record deleted in a copy since my edit: the undo leaves it deleted
# (an edit of it would bring it back wherever it is merged) and says so
kai=$("$T" add party --name 永山商店会 --kind org -d "$DB")
"$T" edit party "$kai" --phone 042-666-6666 -d "$DB"
cp "$DB" "$WORK/copy2.db"
TSUNAGU_USER="佐藤 花子" "$T" delete party "$kai" -d "$WORK/copy2.db" 2>/dev/null
"$T" merge "$WORK/copy2.db" -d "$DB" >/dev/null
run "$T" undo -d "$DB"
expect_rc 0 "undo an edit of a record deleted since"
expect_out_has "関係者・団体「永山商店会」: その後削除されています (佐藤 花子)" "says it was deleted"
expect_out_has "元に戻す変更はありませんでした" "and that nothing was put back"
"$T" merge "$DB" -d "$WORK/copy2.db" >/dev/null
for f in "$DB" "$WORK/copy2.db"; do
	run "$T" list parties -d "$f"
	expect_out_lacks "永山商店会" "still deleted in $(basename "$f")"
done

# the undo merges onward: a copy that saw the deletion sees it undone
"$T" delete party "$person" -d "$DB" 2>/dev/null
cp "$DB" "$WORK/later.db"
"$T" undo -d "$DB" >/dev/null
run "$T" list parties -d "$WORK/later.db"
expect_out_lacks "佐藤花子" "the copy has the deletion"
"$T" merge "$DB" -d "$WORK/later.db" >/dev/null
run "$T" list parties -d "$WORK/later.db"
expect_out_has "佐藤花子" "the undo merged into the copy"
run "$T" undo -d "$WORK/later.db"
expect_rc 1 "in the copy nothing is mine to undo"

# a file of version 2 is backed up and upgraded, and undo works in it
"$T" init -d "$WORK/v2.db" 2>/dev/null
"$T" add party --name 旧版の会 --kind org -d "$WORK/v2.db" >/dev/null
sqlite3 "$WORK/v2.db" < "$(dirname "$0")/lib/to-v4.sql"
sqlite3 "$WORK/v2.db" "DROP TABLE undo_step; DROP INDEX changelog_action;
	ALTER TABLE task DROP COLUMN referral_source; ALTER TABLE task DROP COLUMN connected_to;
	PRAGMA user_version = 2"
cp "$WORK/v2.db" "$WORK/other-v2.db"
run "$T" undo -d "$WORK/v2.db"
expect_rc 0 "undo in an upgraded file"
expect_out_has "旧版の会" "undoes its last action"
expect_eq "$(sqlite3 "$WORK/v2.db.bak-v2" 'PRAGMA user_version')" 2 "backup of the version 2 file"
expect_eq "$(mode_of "$WORK/v2.db.bak-v2")" 600 "backup mode"
"$T" init -d "$WORK/fresh-latest.db" 2>/dev/null
expect_eq "$(sqlite3 "$WORK/v2.db" 'PRAGMA user_version')" "$(sqlite3 "$WORK/fresh-latest.db" 'PRAGMA user_version')" "now the latest version"
run "$T" check -d "$WORK/v2.db"
expect_rc 0 "the upgraded file checks clean"
# merging a version 2 file reads it through an upgraded copy, removed after
mkdir "$WORK/tmp"
TMPDIR="$WORK/tmp" run "$T" merge "$WORK/other-v2.db" -d "$DB"
expect_rc 0 "merge a version 2 file"
run "$T" list parties -d "$DB"
expect_out_has "旧版の会" "its party came in"
expect_eq "$(ls -A "$WORK/tmp")" "" "the upgraded copy and its backup are gone"
expect_eq "$(sqlite3 "$WORK/other-v2.db" 'PRAGMA user_version')" 2 "OTHER stays version 2"

# the demo data is one large action of the user's: undo names it and
# changes nothing without --yes
"$T" init --demo -d "$WORK/demo.db" >/dev/null 2>&1
n=$("$T" list parties --format csv -d "$WORK/demo.db" | wc -l)
run "$T" undo -d "$WORK/demo.db"
expect_rc 1 "a large action is not undone at once"
expect_err_has "まとめて取り消すことになります" "says what it would take back"
expect_err_has "tsunagu undo --yes" "and how to"
expect_eq "$("$T" list parties --format csv -d "$WORK/demo.db" | wc -l)" "$n" "nothing changed"
run "$T" undo --yes -d "$WORK/demo.db"
expect_rc 0 "with --yes it is"
expect_eq "$("$T" list parties --format csv -d "$WORK/demo.db" | wc -l)" 1 "the demo's parties are gone (the heading stays)"
done_tests
