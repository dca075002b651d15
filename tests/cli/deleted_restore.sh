# Deleting a group takes its memberships, task links and areas with it in one
# action; `deleted` lists it with those counts; `restore` brings the group and
# exactly those links back (not a link removed on its own before), and both
# the deletion and the restore merge onward into a copy.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" 2>/dev/null
G=$("$T" add party --name 多摩ボランティア会 --kana たまぼらんてぃあかい --type NPO \
	--area "諏訪,東寺方" -d "$DB")
N=$("$T" add party --name 永山商店会 --type 商店街 -d "$DB")
P=()
for name in 鈴木一郎 佐藤花子 高橋健 田中美咲; do
	P+=("$("$T" add party --name "$name" --kind person -d "$DB")")
done
for i in 0 1 2 3; do
	"$T" add membership --person "${P[$i]}" --org "$G" --role 会員 -d "$DB" >/dev/null
done
M3=$("$T" show party "${P[3]}" -d "$DB" | awk '/多摩ボランティア会/ { print $1; exit }')
"$T" add membership --person "${P[0]}" --org "$N" --role 理事 -d "$DB" >/dev/null
K1=$("$T" add task --title 見守り活動の立ち上げ --parties "$G,${P[0]}" -d "$DB")
K2=$("$T" add task --title 夏祭りの準備 --parties "$G" -d "$DB")

# removed on their own, before the deletion: these stay removed
"$T" delete membership "$M3" -d "$DB" 2>/dev/null
"$T" edit task "$K2" --parties "" -d "$DB"

# `show` as a set of lines and set items: a link that comes back is a new
# link, listed after those that never went
shown() { "$T" show "$1" "$2" -d "${3:-$DB}" | grep -v '^更新: ' | sed 's/^[^ ]*: //' | tr ',' '\n' | sort; }
group_before=$(shown party "$G")
task_before=$(shown task "$K1")
person_before=$(shown party "${P[0]}")
list_before=$("$T" list parties --format tsv -d "$DB" | sort)
cp "$DB" "$WORK/before.db"

run "$T" delete party "${G: -8}" -d "$DB"
expect_rc 0 "delete the group"
expect_err_has "会員 3 名の所属、課題 1 件とのつながり、エリア 2 件とのつながりも外れました" \
	"delete says what went with the group"
expect_err_has "tsunagu restore party ${G: -8}" "delete says how to restore"
run "$T" show task "$K1" -d "$DB"
expect_out_lacks "多摩ボランティア会" "the task no longer shows the deleted group"
expect_out_has "鈴木一郎" "the task keeps its other party"
run "$T" show party "${P[0]}" -d "$DB"
expect_out_lacks "多摩ボランティア会" "the member no longer shows the group"
expect_out_has "永山商店会" "the member keeps her other membership"
run "$T" list parties --search 鈴木 --format json -d "$DB"
/usr/bin/python3 - "$OUT" <<'PY' || fail "兼務 counts only the group left"
import json, sys
assert json.loads(sys.argv[1])[0]["load"] == 1
PY
ok
cp "$DB" "$WORK/middle.db"

run "$T" deleted -d "$DB"
expect_rc 0 "deleted lists"
expect_out_has "party ${G: -8}  関係者・団体「多摩ボランティア会」  山田 太郎  (会員 3 名の所属、課題 1 件とのつながり、エリア 2 件とのつながりも)" \
	"the group with what went with it"
expect_out_has "役職・所属「田中美咲 → 多摩ボランティア会 (会員)」" "the membership removed on its own"
expect_eq "$(grep -c . <<<"$OUT")" 2 "memberships that went with the group are not listed on their own"
expect_eq "$(head -n1 <<<"$OUT" | grep -c 多摩ボランティア会)" 1 "newest first"
expect_err_has "削除された記録 2 件" "count on stderr"
run "$T" deleted parties -d "$DB"
expect_eq "$(grep -c . <<<"$OUT")" 1 "KIND keeps one kind (plural as list takes it)"
run "$T" deleted 課題・取組 -d "$DB"
expect_err_has "削除された記録はありません" "no deleted task"
run "$T" deleted --format json -d "$DB"
/usr/bin/python3 - "$OUT" "$G" <<'PY' || fail "deleted json"
import json, sys
rows = json.loads(sys.argv[1])
g = rows[0]
assert g["id"] == sys.argv[2] and g["kind"] == "party" and g["title"] == "多摩ボランティア会", g
assert g["links"] == {"members": 3, "affiliations": 0, "tasks": 1, "parties": 0, "areas": 2}, g
assert g["deleted_by"] == "山田 太郎" and g["deleted_at"].endswith("Z"), g
PY
ok

run "$T" restore party "${G: -8}" -d "$DB"
expect_rc 0 "restore the group"
expect_out_has "多摩ボランティア会 を元に戻しました (所属 3 件、課題とのつながり 1 件、エリア 2 件も)" \
	"restore says what came back"
expect_eq "$(shown party "$G")" "$group_before" "the group is as it was, with its members and areas"
expect_eq "$(shown task "$K1")" "$task_before" "the task shows the group again"
expect_eq "$(shown party "${P[0]}")" "$person_before" "the member shows the group again"
expect_eq "$("$T" list parties --format tsv -d "$DB" | sort)" "$list_before" "the directory is as it was"
run "$T" show task "$K2" -d "$DB"
expect_out_lacks "多摩ボランティア会" "a task link removed before the deletion stays removed"
run "$T" show party "$G" -d "$DB"
expect_out_lacks "田中美咲" "a membership removed before the deletion stays removed"
run "$T" deleted -d "$DB"
expect_out_lacks "多摩ボランティア会」  山田" "the group is no longer listed as deleted"

# the restore merges onward: into a copy from before the deletion, and into
# one that had taken in the deletion
for copy in before middle; do
	run "$T" merge "$DB" -d "$WORK/$copy.db"
	expect_rc 0 "merge into the $copy copy"
	expect_eq "$(shown party "$G" "$WORK/$copy.db")" "$group_before" "group and members back in the $copy copy"
	expect_eq "$(shown task "$K1" "$WORK/$copy.db")" "$task_before" "task link back in the $copy copy"
done
run "$T" merge "$WORK/middle.db" -d "$WORK/before.db"
expect_out_has "取り込む変更はありません" "the copies hold the same changes"

# a task: its parties go with it and come back
run "$T" delete task "$K1" -d "$DB"
expect_err_has "関係者 2 件とのつながりも外れました" "a task's parties go with it"
run "$T" show party "${P[0]}" -d "$DB"
expect_out_lacks "見守り活動の立ち上げ" "the party no longer shows the deleted task"
run "$T" restore task 見守り活動の立ち上げ -d "$DB"
expect_out_has "見守り活動の立ち上げ を元に戻しました (関係者とのつながり 2 件も)" "restore by title"
expect_eq "$(shown task "$K1")" "$task_before" "the task is back with its parties"

# errors: one Japanese line, exit 1 (2 for usage)
run "$T" restore party "${G: -8}" -d "$DB"
expect_rc 1 "restoring a live record"
expect_err_has "見つかりません" "says it is not among the deleted"
expect_one_err_line "one line"
run "$T" restore party "$G" -d "$DB"
expect_rc 1 "restoring a live record by its full id"
expect_err_has "多摩ボランティア会」は削除されていません" "says it is not deleted"
run "$T" restore party ffffffff -d "$DB"
expect_rc 1 "unknown id"
run "$T" restore 何か "${G: -8}" -d "$DB"
expect_rc 2 "unknown kind"
run "$T" restore party -d "$DB"
expect_rc 2 "no id"
run "$T" deleted 何か -d "$DB"
expect_rc 2 "deleted with an unknown kind"
run "$T" delete area 諏訪 -d "$DB"
expect_rc 1 "an area in use is not deleted"
expect_err_has "エリア「諏訪中学区」は 町丁目 11 件、関係者・団体 1 件 が使っているため削除できません" "says what uses it"
expect_one_err_line "one line for the refused area"
"$T" delete party "${P[2]}" -d "$DB" 2>/dev/null
run "$T" restore membership "$M3" -d "$DB"
expect_rc 0 "a membership deleted on its own comes back alone"
expect_out_has "田中美咲 → 多摩ボランティア会 (会員) を元に戻しました" "names both parties"

# a deletion that won a merge over an edit: taking the edit brings the group
# back as restore does, with its members
cp "$DB" "$WORK/laptop.db"
"$T" edit party "$G" --phone 042-333-3333 -d "$WORK/laptop.db"
"$T" delete party "$G" -d "$DB" 2>/dev/null
run "$T" merge "$WORK/laptop.db" -d "$DB"
expect_out_has "競合 1 件" "the edit lost to the later deletion"
cid=$("$T" conflicts -d "$DB" 2>/dev/null | awk 'NR == 1 { print $1 }')
run "$T" conflicts take "$cid" -d "$DB"
expect_rc 0 "take the edit"
run "$T" show party "$G" -d "$DB"
expect_out_has "042-333-3333" "the group is back with the edit"
expect_out_has "鈴木一郎" "and with its members"
expect_out_has "田中美咲" "all of those its deletion took"
done_tests
