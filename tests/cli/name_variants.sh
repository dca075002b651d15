# Names written with kanji variants (issue 11 item 4): the variant table
# is checked against Unicode's Unihan data, search finds 髙橋 for 高橋, and
# a file indexed by an older search key is re-indexed when opened.
. "$(dirname "$0")/lib/common.bash"
run /usr/bin/python3 "$(dirname "$0")/lib/check_variants.py" "$TSUNAGU_SRC/data/name_variants.tsv"
expect_rc 0 "every pair of data/name_variants.tsv is related in Unihan ($OUT)"
printf '斉\t斎\t6589\t658E\n' >"$WORK/bad.tsv"
run /usr/bin/python3 "$(dirname "$0")/lib/check_variants.py" "$WORK/bad.tsv"
expect_rc 1 "the check refuses two different kanji (斉 and 斎)"

"$T" init -d "$DB" >/dev/null 2>&1
for n in '髙橋 一郎' '山﨑 花子' '渡邊 健' '齋藤 恵' '斉藤 実'; do
	"$T" add party --name "$n" -d "$DB" >/dev/null
done
"$T" add party --name '葛󠄀西 悟' -d "$DB" >/dev/null
run "$T" list parties --search 高橋 --format tsv -d "$DB"
expect_out_has "髙橋 一郎" "高橋 finds 髙橋"
run "$T" list parties --search 渡辺 --format tsv -d "$DB"
expect_out_has "渡邊 健" "渡辺 finds 渡邊"
run "$T" list parties --search 山崎 --format tsv -d "$DB"
expect_out_has "山﨑 花子" "山崎 finds 山﨑"
run "$T" list parties --search 斎藤 --format tsv -d "$DB"
expect_out_has "齋藤 恵" "斎藤 finds 齋藤"
expect_out_lacks "斉藤 実" "斎藤 does not find 斉藤"
run "$T" list parties --search 葛西 --format tsv -d "$DB"
expect_out_has "西 悟" "a name with an IVS is found without it"

# an index made by an older key: emptied and marked old, rebuilt on open
sqlite3 "$DB" "DELETE FROM search_index; DELETE FROM search_party; UPDATE meta SET value = '1' WHERE key = 'search_key'"
run "$T" list parties --search 高橋 --format tsv -d "$DB"
expect_out_has "髙橋 一郎" "re-indexed when opened"
expect_eq "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'search_key'")" 2 "key version recorded"
done_tests
