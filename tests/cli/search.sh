# list --search folds kana, width and case, and finds short queries.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" 2>/dev/null

suzuki=$("$T" add party --name 鈴木一郎 --kana すずきいちろう --area 諏訪 -d "$DB")
"$T" add party --name 山田花子 --kana やまだはなこ --offers "スマホ講師,見守り" -d "$DB" >/dev/null
"$T" add party --name 諏訪見守りの会 --kana すわみまもりのかい --type 市民団体 -d "$DB" >/dev/null

for q in すずき ｽｽﾞｷ スズキ 鈴木 "ｽｽﾞｷ ｲﾁﾛｳ"; do
	run "$T" list parties --search "$q" --format tsv -d "$DB"
	expect_rc 0 "search $q"
	expect_out_has "$suzuki" "search $q finds 鈴木"
	expect_out_lacks "山田花子" "search $q"
done

run "$T" list parties --search 山田 --format tsv -d "$DB"
expect_out_has "山田花子" "2-character query"
run "$T" list parties --search 諏訪 --format tsv -d "$DB"
expect_out_has "諏訪見守りの会" "2-character query on a group"
run "$T" list parties --search 見守り --format tsv -d "$DB"
expect_out_has "山田花子" "offer tag is searched"
expect_out_has "諏訪見守りの会" "name is searched"
run "$T" list parties --search 市民団体 --format tsv -d "$DB"
expect_out_has "諏訪見守りの会" "org type is searched"

# no match: nothing printed, success
run "$T" list parties --search 存在しない名前 -d "$DB"
expect_rc 0 "no match"
expect_eq "$OUT" "" "no match prints nothing"

# the area filter takes a unique part of the name
run "$T" list parties --area 諏訪 --format tsv -d "$DB"
expect_out_has "鈴木一郎" "area filter"
expect_out_lacks "山田花子" "area filter"
done_tests
