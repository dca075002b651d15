# A log entry moved in one edit: from a task to a party (the task emptied
# and the party set together) — refused before with SQLite's own CHECK
# message, since the task was emptied first — and back; the party's
# search then finds the entry's words only while the entry is its (after
# an undo and a redo of the move too); an
# entry left with no task, party or area is refused in Japanese.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" 2>/dev/null
pid=$("$T" add party --name "柚木 朔" --kind person -d "$DB")
tid=$("$T" add task --title "庭の手入れ" -d "$DB")
lid=$("$T" add log --task "$tid" --date 2026-11-30 --text "庭木の剪定を手伝った" -d "$DB")

run "$T" edit log "$lid" --task "" --party "$pid" -d "$DB"
expect_rc 0 "from the task to the party in one edit"
run "$T" list parties --search 剪定 --format tsv -d "$DB"
expect_out_has "柚木 朔" "the party is found by the entry's words"
run "$T" edit log "$lid" --party "" --task "$tid" -d "$DB"
expect_rc 0 "and back to the task in one edit"
run "$T" list parties --search 剪定 --format tsv -d "$DB"
expect_out_lacks "柚木 朔" "the party no longer found by words of an entry it lost"
run "$T" list tasks --search 剪定 --format tsv -d "$DB"
expect_out_has "庭の手入れ" "the task is"
# the move to the party undone, and done again
"$T" edit log "$lid" --task "" --party "$pid" -d "$DB" >/dev/null
run "$T" undo -d "$DB"
expect_rc 0 "the move undone"
run "$T" list parties --search 剪定 --format tsv -d "$DB"
expect_out_lacks "柚木 朔" "after undo, the party is not found by the entry's words"
run "$T" redo -d "$DB"
run "$T" list parties --search 剪定 --format tsv -d "$DB"
expect_out_has "柚木 朔" "after redo it is"
"$T" edit log "$lid" --party "" --task "$tid" -d "$DB" >/dev/null
run "$T" edit log "$lid" --task "" -d "$DB"
expect_rc 1 "an entry of nothing is refused"
expect_err_has "経過記録には課題・関係者・エリアのどれかを指定してください" "in Japanese"
expect_eq "$(sqlite3 "$DB" "SELECT task_id FROM log_entry WHERE id = '$lid'")" "$tid" "and left as it was"
done_tests
