# A CSV export for Excel never hands Excel a formula: a cell that would be
# one (a name typed as =HYPERLINK(...), a phone written +81-42-...) goes
# out with ' in front, and comes back without it when the export is read
# into a fresh file, twice without change.
. "$(dirname "$0")/lib/common.bash"
DB="$WORK/t.db"
"$T" init -d "$DB" 2>/dev/null
"$T" add party --name '=HYPERLINK("http://example.invalid","諏訪の会")' --kind org --consent 1 \
	--phone +81-42-375-0001 --notes '- 買い物支援' -d "$DB" >/dev/null
"$T" add party --name "'=引用符で始まる名前" --kind person --consent 1 -d "$DB" >/dev/null
"$T" add party --name "山田 太郎" --kind person --consent 1 --phone 042-375-0002 -d "$DB" >/dev/null
"$T" export parties -o "$WORK/p.csv" -d "$DB" >/dev/null
grep -qF "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"諏訪の会\"\")\"" "$WORK/p.csv" || fail "the formula went out as one: $(cat "$WORK/p.csv")"
ok
grep -qF "'+81-42-375-0001" "$WORK/p.csv" || fail "the phone went out as a formula"
ok
grep -qF ",042-375-0002," "$WORK/p.csv" || fail "a plain phone changed"
ok
grep -qF "''=引用符で始まる名前" "$WORK/p.csv" || fail "a name with its own ' is not kept whole"
ok
"$T" init -d "$WORK/fresh.db" 2>/dev/null
"$T" import parties "$WORK/p.csv" -d "$WORK/fresh.db" >/dev/null
run "$T" import parties "$WORK/p.csv" -d "$WORK/fresh.db"
expect_out_has "新規 0 件、更新 0 件、変更なし 3 件" "read twice into a fresh file"
expect_eq "$("$T" list parties --format csv -d "$WORK/fresh.db")" \
	"$("$T" list parties --format csv -d "$DB")" "the same parties, names and phones as typed"
done_tests
