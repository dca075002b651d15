# A set field (できること, エリア, a task's 関係者 and ニーズ) is changed
# element by element when every element has a sign: +見守り adds, -配食
# removes, the rest stays; without signs the list replaces the set.  Two
# copies that each add with a sign keep both additions after merging.
. "$(dirname "$0")/lib/common.bash"
DB="$WORK/t.db"
"$T" init -d "$DB" 2>/dev/null
P=$("$T" add party --name "諏訪 子ども食堂" --kind 団体 --offers "配食,会場提供" --areas 諏訪 -d "$DB")
offers() { "$T" show party "$P" -d "$1" | sed -n 's/^できること: //p'; }

run "$T" edit party "$P" --offers "+見守り, ＋送迎,-配食" -d "$DB"
expect_rc 0 "signed offers"
expect_out_has "更新しました: 関係者・団体「諏訪 子ども食堂」 できること" "edit says what it changed"
expect_eq "$(offers "$DB")" "会場提供,見守り,送迎" "added and removed, 会場提供 kept"
run "$T" edit party "$P" --offers "+見守り" -d "$DB"
expect_rc 0 "adding what is there"
expect_out_has "変更はありません: 関係者・団体「諏訪 子ども食堂」は指定した値のままです" "and when nothing changed"
expect_eq "$(offers "$DB")" "会場提供,見守り,送迎" "nothing doubled"
run "$T" history party "$P" -d "$DB"
expect_out_has "配食 → (空)" "the removal is in the history"
expect_out_lacks "+見守り" "no sign is stored"

run "$T" edit party "$P" --offers "+傾聴,配食" -d "$DB"
expect_rc 1 "signs on only some elements"
expect_err_has "すべての項目に付けてください" "says to sign every element"
expect_eq "$(offers "$DB")" "会場提供,見守り,送迎" "refused edit changes nothing"
run "$T" edit party "$P" --offers "+" -d "$DB"
expect_rc 1 "a sign alone"
expect_err_has "項目がありません" "names the empty element"

run "$T" edit party "$P" --areas "+落合" -d "$DB"
expect_rc 0 "an area added by its name"
run "$T" show party "$P" -d "$DB"
expect_out_has "エリア: 諏訪中学区,落合中学区" "areas resolved by name and added"
run "$T" edit party "$P" --offers "見守り" -d "$DB"
expect_eq "$(offers "$DB")" "見守り" "without signs the list replaces the set"

N=$("$T" add party --name "川口 花子" --kind 個人 --offers "+傾聴,-配食" -d "$DB")
run "$T" show party "$N" -d "$DB"
expect_out_has "できること: 傾聴" "a new record takes the + elements"

# two copies add with signs; both additions survive the merge
cp "$DB" "$WORK/laptop.db"
"$T" edit party "$P" --offers "+料理教室" -d "$WORK/laptop.db" >/dev/null
"$T" edit party "$P" --offers "+スマホ講師,-見守り" -d "$DB" >/dev/null
"$T" merge "$WORK/laptop.db" -d "$DB" >/dev/null 2>&1
expect_eq "$(offers "$DB")" "料理教室,スマホ講師" "both copies' additions, the removal kept"
# namesakes named as forms write them: 名前 (short ID)
Y1=$("$T" add party --name "山田 太郎" --kind 個人 --areas 諏訪 -d "$DB")
Y2=$("$T" add party --name "山田 太郎" --kind 個人 --areas 落合 -d "$DB")
K=$("$T" add task --title 見守りの相談 --parties "山田 太郎 (${Y2: -8})" -d "$DB")
run "$T" show party "$Y2" -d "$DB"
expect_out_has "見守りの相談" "a task linked by name (ID)"
run "$T" edit task "$K" --parties "+山田 太郎 (${Y1: -8}),-山田 太郎 (${Y2: -8})" -d "$DB"
expect_rc 0 "namesakes added and removed by name (ID)"
run "$T" show party "$Y1" -d "$DB"
expect_out_has "見守りの相談" "the namesake added is linked"
run "$T" show party "$Y2" -d "$DB"
expect_out_lacks "見守りの相談" "the namesake removed is not"
run "$T" show task "$K" -d "$DB"
expect_out_has "  ${Y1: -8}  山田 太郎  個人  諏訪中学区" "show names the party's kind in words and its area"
run "$T" edit task "$K" --parties "+山田 太郎" -d "$DB"
expect_rc 1 "a namesake by name alone"
expect_err_has "複数あります" "is ambiguous"
run "$T" edit task "$K" --parties "+川口 花子 (${Y1: -8})" -d "$DB"
expect_rc 1 "another's name with an ID"
expect_err_has "見つかりません" "does not resolve"

# a dash alone is "none", as hand-made lists write an empty cell: the row is
# read (not refused as a sign without an element), and -- on a record -- clears
printf '名前,電話番号,提供できること,地区\n多摩 一郎,042-111-2222,-,－\n' >"$WORK/dash.csv"
run "$T" import parties "$WORK/dash.csv" -d "$DB"
expect_out_has "新規 1 件" "a list with - for none is read"
run "$T" edit party "$P" --offers "-" -d "$DB"
expect_rc 0 "--offers - clears"
expect_eq "$(offers "$DB")" "" "no offers left"

# add: the bare id for scripts, the record in words on a terminal
tty_out=$(script -qec "$(printf '%q ' "$T" add party --name "多摩 太郎" --kind 個人 -d "$DB")" /dev/null | tr -d '\r')
[[ "$tty_out" =~ ^追加しました:\ 関係者・団体「多摩\ 太郎」\ \(ID\ [0-9a-f]{8}\)$ ]] || fail "add on a terminal: «$tty_out»"
ok
done_tests

# an element named twice in a new record (the same tag, an area by two
# names) is one element, from the command line and in an import
Q=$("$T" add party --name "落合 ふれあい会" --kind 団体 --offers "配食,配食,会場提供" \
	--areas "落合,落合中学区" -d "$DB")
run "$T" show party "$Q" -d "$DB"
expect_out_has "できること: 会場提供,配食" "a tag given twice is there once"
expect_out_has "エリア: 落合中学区" "an area named twice is there once"
printf '名称・氏名,区分,できること,エリア\n鶴牧 三郎,個人,"見守り,見守り",\"鶴牧,鶴牧中学区\"\n' >"$WORK/dup.csv"
run "$T" import parties "$WORK/dup.csv" -d "$DB"
expect_rc 0 "an import with an element twice"
expect_out_has "新規 1 件" "the row is imported"
run "$T" list parties --search 鶴牧 --format tsv -d "$DB"
expect_out_has "見守り" "with its offer"
run "$T" check -d "$DB"
expect_rc 0 "and the file checks clean"
