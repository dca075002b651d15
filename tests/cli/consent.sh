# One consent rule for every output (issue 14 item 5): a person's phone
# leaves the program — lists in every format, exports — only with 本人同意.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" 2>/dev/null
"$T" add party --name 鈴木一郎 --kind person --phone 042-111-1111 --consent 0 -d "$DB" >/dev/null
"$T" add party --name 佐藤花子 --kind person --phone 042-222-2222 --consent 1 -d "$DB" >/dev/null
"$T" add party --name 桜ヶ丘三丁目自治会 --kind org --phone 042-333-3333 -d "$DB" >/dev/null

for fmt in table tsv csv json; do
	run "$T" list parties --format "$fmt" -d "$DB"
	expect_rc 0 "list $fmt"
	expect_out_has "鈴木一郎" "list $fmt shows the person"
	expect_out_lacks "042-111-1111" "list $fmt withholds the phone without consent"
	expect_out_has "042-222-2222" "list $fmt shows the phone with consent"
	expect_out_has "042-333-3333" "list $fmt shows an organisation's phone"
done
run "$T" list parties --search 鈴木 --format tsv -d "$DB"
expect_out_has "(本人同意なし)" "the list says why the phone is not shown"
run "$T" list parties --search 鈴木 --format json -d "$DB"
expect_eq "$(sqlite3 :memory: "SELECT json_extract('$OUT', '\$[0].phone') IS NULL")" 1 "JSON phone is null"

run "$T" export parties -d "$DB"
expect_out_lacks "042-111-1111" "export withholds it by the same rule"
expect_out_has "042-222-2222" "export keeps it with consent"
run "$T" export vcard -d "$DB"
expect_out_lacks "042-111-1111" "vCard export withholds it"

# the detail view shows the keeper everything, and says what is withheld
run "$T" show party 鈴木一郎 -d "$DB"
expect_out_has "電話 (本人同意なし: 一覧・書き出しには出ません): 042-111-1111" "show says why lists leave it out"
run "$T" show party 佐藤花子 -d "$DB"
expect_out_has "電話: 042-222-2222" "with consent, no remark"

# namesakes: naming one by name lists the candidates with what tells them
# apart — reading, areas, and the phone by the same consent rule
"$T" add party --name 鈴木一郎 --kana すずきいちろう --kind person --areas 諏訪 --phone 042-444-4444 --consent 1 -d "$DB" >/dev/null
run "$T" report log --party 鈴木一郎 -d "$DB"
expect_rc 1 "two of that name"
expect_err_has "当てはまるものが複数あります" "ambiguous"
expect_err_has "鈴木一郎 (すずきいちろう、諏訪中学区、042-444-4444)" "the one with consent: reading, area, phone"
expect_one_err_line "one line"
[[ "$ERR" != *042-111-1111* ]] || fail "the phone of the one without consent is in the message"; ok
done_tests
