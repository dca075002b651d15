# Two copies of one file edited apart (the office and a laptop) merge both
# ways to the same data; conflicts are listed with both values and can be
# resolved; merging again changes nothing; OTHER is never written.
. "$(dirname "$0")/lib/common.bash"
O="$WORK/office.db"
L="$WORK/laptop.db"
"$T" init --demo -d "$O" 2>/dev/null
cp "$O" "$L"
P=$("$T" list parties --format tsv -d "$O" | awk -F'\t' 'NR == 2 { print $1 }')
K=$("$T" list tasks --format tsv -d "$O" | awk -F'\t' 'NR == 2 { print $1 }')
K2=$("$T" list tasks --format tsv -d "$O" | awk -F'\t' 'NR == 3 { print $1 }')
offers=$("$T" show party "$P" -d "$O" | sed -n 's/^できること: //p')

# the laptop: phone, an offer, the task's priority, and an edit of K2
export TSUNAGU_NOW=2026-11-20T09:00:00
TSUNAGU_USER="佐藤 花子" "$T" edit party "$P" --phone 042-111-1111 --offers "$offers,料理教室" -d "$L" >/dev/null
TSUNAGU_USER="佐藤 花子" "$T" edit task "$K" --priority 高 -d "$L" >/dev/null
TSUNAGU_USER="佐藤 花子" "$T" edit task "$K2" --assignee "佐藤 花子" -d "$L" >/dev/null
# the office, later: another phone, another offer, the due date; K2 deleted
export TSUNAGU_NOW=2026-11-21T09:00:00
"$T" edit party "$P" --phone 042-222-2222 --offers "$offers,見守り" -d "$O" >/dev/null
"$T" edit task "$K" --due 2027/1/10 -d "$O" >/dev/null
"$T" delete task "$K2" -d "$O" >/dev/null 2>&1
unset TSUNAGU_NOW
cp "$L" "$WORK/laptop-before.db"

run "$T" merge "$L" --dry-run -d "$O"
expect_rc 0 "dry run"
expect_out_has "取り込めます" "dry run says what it would bring"
expect_out_has "競合 2 件" "dry run counts the conflicts"
expect_eq "$("$T" show party "$P" -d "$O" | sed -n 's/^電話: //p')" 042-222-2222 "dry run changes nothing"

run "$T" merge "$L" -d "$O"
expect_rc 0 "merge the laptop into the office"
expect_out_has "関係者・団体: 追加 0、変更 1、削除 0" "summary per kind"
expect_out_has "競合 2 件" "conflicts counted"
expect_eq "$(mode_of "$O.bak-merge")" 600 "backup before the merge"
cmp -s "$L" "$WORK/laptop-before.db" || fail "OTHER was written"
ok
run "$T" merge "$O" -d "$L"
expect_rc 0 "merge the office into the laptop"
for f in "$O" "$L"; do
	run "$T" show party "$P" -d "$f"
	expect_out_has "電話: 042-222-2222" "the later phone wins in $(basename "$f")"
	expect_out_has "料理教室" "the laptop's offer survives"
	expect_out_has "見守り" "the office's offer survives"
	run "$T" show task "$K" -d "$f"
	expect_out_has "優先度: 高" "laptop's field of the task"
	expect_out_has "期限: 2027-01-10" "office's field of the task"
done
# edit against delete: the laptop's edit is older than the deletion
run "$T" list tasks --format tsv -d "$L"
expect_out_lacks "$K2" "the deletion, later than the edit, wins on the laptop"
run "$T" list tasks --format tsv -d "$O"
expect_out_lacks "$K2" "and in the office"
for k in parties tasks events areas; do
	expect_eq "$("$T" list $k --format csv -d "$O")" "$("$T" list $k --format csv -d "$L")" "$k identical both ways"
done

run "$T" conflicts -d "$L"
expect_rc 0 "conflicts listed on the laptop too"
expect_out_has "残した値: 042-222-2222" "kept value"
expect_out_has "もう一方: 042-111-1111  (佐藤 花子 2026-11-20 18:00)" "the other value, who and when (local time)"
expect_out_has "削除と編集" "edit against delete listed"
run "$T" conflicts --format json -d "$O"
expect_out_has '"value":"042-111-1111"' "json lists the other value"
id=$(grep -o '"id":"[^"]*"' <<<"$OUT" | head -1 | cut -d'"' -f4)
cid=$("$T" conflicts --format json -d "$O" | grep -o '"id":"[^"]*","kind":"party"' | cut -d'"' -f4)
run "$T" conflicts take "${cid: -8}" -d "$O"
expect_rc 0 "take the other value"
expect_eq "$("$T" show party "$P" -d "$O" | sed -n 's/^電話: //p')" 042-111-1111 "taken value is current"
run "$T" merge "$O" -d "$L"
expect_eq "$("$T" show party "$P" -d "$L" | sed -n 's/^電話: //p')" 042-111-1111 "the choice merges onward"
run "$T" conflicts keep "${cid: -8}" -d "$O"
expect_rc 0 "keep on a conflict already settled"
expect_out_has "この競合は確認済みです。値は今のままです" "says it was settled, not that the value was kept"
expect_eq "$("$T" show party "$P" -d "$O" | sed -n 's/^電話: //p')" 042-111-1111 "the taken value stays"
run "$T" conflicts keep nosuch -d "$O"
expect_rc 1 "unknown conflict id"
run "$T" conflicts --all -d "$L"
expect_out_has "確認済み" "all reviewed"
run "$T" conflicts -d "$L"
expect_out_lacks "残した値" "nothing left to review"

run "$T" merge "$L" -d "$O"
run "$T" merge "$L" -d "$O"
expect_out_has "取り込む変更はありません" "merging twice changes nothing"
run "$T" merge "$O" -d "$O"
expect_out_has "取り込む変更はありません" "merging a file with itself"
run "$T" merge "$WORK/laptop-before.db" -d "$O"
expect_out_has "取り込む変更はありません" "merging an older copy of itself"

# a third copy converges too
cp "$WORK/laptop-before.db" "$WORK/third.db"
"$T" add party --name 三番目の人 --area 諏訪 -d "$WORK/third.db" >/dev/null
"$T" merge "$WORK/third.db" -d "$L" >/dev/null
"$T" merge "$L" -d "$O" >/dev/null
"$T" merge "$O" -d "$WORK/third.db" >/dev/null
for k in parties tasks; do
	a=$("$T" list $k --format csv -d "$O")
	expect_eq "$a" "$("$T" list $k --format csv -d "$L")" "$k: office = laptop"
	expect_eq "$a" "$("$T" list $k --format csv -d "$WORK/third.db")" "$k: office = third"
done

# both copies count the same generation at one meeting: one record, the
# later count kept, the other listed
E=$("$T" add event --title 第1回エリアミーティング --area 諏訪 -d "$O")
cp "$O" "$WORK/att.db"
TSUNAGU_NOW=2026-11-22T09:00:00 "$T" add attendance --event_id "$E" --generation シニア --count 12 -d "$O" >/dev/null
TSUNAGU_NOW=2026-11-22T10:00:00 "$T" add attendance --event_id "$E" --generation シニア --count 15 -d "$WORK/att.db" >/dev/null
run "$T" merge "$WORK/att.db" -d "$O"
expect_rc 0 "the same attendance added on both copies merges"
expect_out_has "競合 1 件" "and is listed"
run "$T" show event "$E" -d "$O"
expect_out_has "シニア  15" "the later count is kept"
run "$T" conflicts -d "$O"
expect_out_has "両方で追加" "conflict of two additions"
expect_out_has "参加者数: 12" "with the other count"
# the same count added on both: one record and nothing to review (each
# copy's creation is still its row's own until the merge compares them)
cp "$O" "$WORK/att2.db"
"$T" add attendance --event_id "$E" --generation 子ども --count 8 -d "$O" >/dev/null
"$T" add attendance --event_id "$E" --generation 子ども --count 8 -d "$WORK/att2.db" >/dev/null
run "$T" merge "$WORK/att2.db" -d "$O"
expect_rc 0 "the same attendance and count added on both copies merges"
expect_out_lacks "競合" "and is no conflict"
run "$T" show event "$E" -d "$O"
expect_out_has "子ども  8" "one record of it"

# refused: not ours, missing, newer
printf '名前,電話\n山田,042\n' >"$WORK/notdb.db"
run "$T" merge "$WORK/notdb.db" -d "$O"
expect_rc 3 "a file that is not a database"
expect_one_err_line "not a database"
run "$T" merge "$WORK/nothing.db" -d "$O"
expect_rc 3 "missing file"
cp "$L" "$WORK/newer.db"
sqlite3 "$WORK/newer.db" "PRAGMA user_version = 99"
run "$T" merge "$WORK/newer.db" -d "$O"
expect_rc 3 "newer version"
expect_err_has "新しい版" "says why"
run "$T" merge -d "$O"
expect_rc 2 "usage"
# a conflict settled on one copy before the other merges it is not
# announced there as one to look at: the office keeps its phone, then the
# laptop brings the office in
A="$WORK/settled-office.db"
B="$WORK/settled-laptop.db"
"$T" init -d "$A" >/dev/null 2>&1
"$T" add party --name "永山 和子" --phone 042-300-0001 -d "$A" >/dev/null
W=$("$T" list parties --format tsv -d "$A" | awk -F'\t' 'NR == 2 { print $1 }')
"$T" snapshot "$B" -d "$A" >/dev/null
TSUNAGU_NOW=2026-11-23T09:00:00 "$T" edit party "$W" --phone 042-300-0002 -d "$B" >/dev/null
TSUNAGU_NOW=2026-11-23T10:00:00 "$T" edit party "$W" --phone 042-300-0003 -d "$A" >/dev/null
run "$T" merge "$B" -d "$A"
expect_out_has "競合 1 件" "the office is told of its conflict"
cid=$("$T" conflicts --format json -d "$A" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
"$T" conflicts keep "$cid" -d "$A" >/dev/null
run "$T" merge "$A" -d "$B"
expect_rc 0 "the laptop brings the office in"
expect_out_lacks "競合" "a conflict settled in the office is not announced on the laptop"
run "$T" conflicts -d "$B"
expect_out_lacks "残した値" "nor left open there"
done_tests
