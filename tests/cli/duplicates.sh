# Likely duplicate people and groups (issue 11 item 4): found through the
# folded name (width, spaces, 髙/高), the phone (width, brackets) or the
# e-mail; folded into one with everything that referred to the other; and
# a phone's card for someone already here updates them instead of adding.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" >/dev/null 2>&1
add() { "$T" add "$@" -d "$DB"; }
a=$(add party --name '山田 太郎' --kana 'やまだ たろう' --phone 042-111-2222)
b=$(add party --name '山田　太郎' --phone '０４２（１１１）２２２２' --offers '見守り,料理')
c=$(add party --name '髙橋 一郎')
d=$(add party --name '高橋 一郎' --kana 'たかはし いちろう')
add party --name '高橋 一郎' --kind org >/dev/null   # a group of that name is not a person
add party --name '斉藤 実' >/dev/null
add party --name '斎藤 実' --kana 'さいとう みのる' >/dev/null
g=$(add party --kind org --name 'さくら会')
add membership --person_id "$b" --org_id "$g" --role 会計 >/dev/null
t=$(add task --title '見守り体制づくり' --parties "$b")
add log --task_id "$t" --party_id "$b" --kind 電話 --date 2026-11-20 --text '会計の件で電話' >/dev/null

run "$T" duplicates -d "$DB"
expect_rc 0 "duplicates"
expect_out_has "◎  電話が同じ、氏名が同じ (よみなし)" "山田 太郎 / 山田　太郎 by phone and name"
expect_out_has "${a: -8}  山田 太郎" "first of the pair"
expect_out_has "${b: -8}  山田　太郎" "second of the pair"
expect_out_has "○  氏名が同じ (よみなし)" "髙橋 / 高橋 by name"
expect_out_has "${c: -8}  髙橋 一郎" "髙橋 named"
expect_out_lacks "斉藤" "斉藤 and 斎藤 are two names"
expect_err_has "重複の疑い 2 組" "count on stderr"
run "$T" duplicates --format json -d "$DB"
expect_eq "$(sqlite3 :memory: "SELECT json_array_length('$OUT')")" 2 "JSON: two pairs"
expect_eq "$(sqlite3 :memory: "SELECT json_extract('$OUT', '\$[0].certain') || json_extract('$OUT', '\$[0].reasons[0]')")" "1電話が同じ" "JSON: certain, reasons"

run "$T" fold-party "$a" "$b" -d "$DB"
expect_rc 0 "fold-party (stderr: $ERR)"
expect_out_has "${b: -8} を ${a: -8} にまとめました" "says what went where"
run "$T" show party "$a" -d "$DB"
expect_out_has "さくら会  会計" "membership moved"
expect_out_has "見守り体制づくり" "task moved"
expect_out_has "会計の件で電話" "log entry moved"
offers=$(grep '^できること:' <<<"$OUT")
[[ "$offers" == *見守り* && "$offers" == *料理* ]] || fail "offers united: $offers"; ok
expect_out_has ": 042-111-2222" "KEEP's own phone kept"
run "$T" show task "$t" -d "$DB"
expect_out_has "${a: -8}  山田 太郎" "the task's party is KEEP"
run "$T" history party "$b" -d "$DB"
expect_out_has "統合先	→ 山田 太郎 (${a: -8})" "history says where it went"
run "$T" list parties --search 山田 --format tsv -d "$DB"
expect_eq "$(grep -c 山田 <<<"$OUT")" 1 "one 山田 太郎 left"
run "$T" duplicates -d "$DB"
expect_out_lacks "山田" "the pair is gone"
run "$T" fold-party "$a" "$a" -d "$DB"
expect_rc 1 "folding into itself"
expect_err_has "同じです" "says why"
run "$T" fold-party "$a" -d "$DB"
expect_rc 2 "usage"

# a phone's card: same name and number (written differently) updates,
# a namesake with another number is added and named
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:山田　太郎\r\nTEL:０４２（１１１）２２２２\r\nEMAIL:yamada@example.jp\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:髙橋 一郎\r\nTEL:090-9999-9999\r\nEND:VCARD\r\n' >"$WORK/phone.vcf"
run "$T" import vcard "$WORK/phone.vcf" -d "$DB"
expect_rc 0 "import the phone's cards"
expect_out_has "新規 1 件、更新 1 件" "one updated, one added"
expect_out_has "phone.vcf:7: 「髙橋 一郎」と同じ名前の関係者" "the namesake is named"
expect_eq "$(sqlite3 "$DB" "SELECT name || '/' || phone || '/' || email FROM party WHERE id = '$a'")" \
	"山田 太郎/042-111-2222/yamada@example.jp" "updated, keeping how this file writes name and number"

# the same in a CSV without ids: a row for someone already here updates
# them, a namesake is added and named, a list read twice is not doubled
printf '名称・氏名,区分,電話,メール\n山田　太郎,個人,042(111)2222,taro@example.jp\n斉藤 実,個人,090-1111-0000,\n中村 直美,個人,042-555-0000,\n中村　直美,個人,０４２－５５５－００００,\n' >"$WORK/list.csv"
run "$T" import parties "$WORK/list.csv" -d "$DB"
expect_rc 0 "CSV without ids (stderr: $ERR)"
expect_out_has "新規 2 件、更新 1 件、変更なし 1 件" "山田 updated, 斉藤 added, 中村 once"
expect_out_has "list.csv:3: 「斉藤 実」と同じ名前の関係者" "namesake named"
expect_eq "$(sqlite3 "$DB" "SELECT email FROM party WHERE id = '$a'")" "taro@example.jp" "the row updated 山田 太郎"
run "$T" import parties "$WORK/list.csv" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 4 件" "read twice, nothing added"

# an e-mail address compares the same however it was typed: width,
# capitals and spaces around (the finder and the import agree)
h=$(add party --name 'Hanako Suzuki' --email ' Hanako.Suzuki@Example.JP ')
add party --name '鈴木 花子' --email 'ｈａｎａｋｏ．ｓｕｚｕｋｉ＠ｅｘａｍｐｌｅ．ｊｐ' >/dev/null
run "$T" duplicates -d "$DB"
expect_out_has "◎  メールが同じ" "the same address written in full width and capitals"
expect_out_has "${h: -8}  Hanako Suzuki" "the pair found by e-mail"
printf '名称・氏名,区分,メール\n鈴木 花子,個人,HANAKO.SUZUKI@EXAMPLE.JP\n' >"$WORK/mail.csv"
run "$T" import parties "$WORK/mail.csv" -d "$DB"
expect_rc 0 "CSV matched by e-mail (stderr: $ERR)"
expect_out_has "新規 0 件" "the row with the address in capitals is the one already here"
done_tests
