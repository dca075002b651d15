# While a long import holds the file, another command says that an import
# is running (what, who, since when) instead of a bare "in use"; a note
# left by a killed import is ignored (issue 14 item 9).
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" 2>/dev/null
# long enough that another command gives up waiting for it (3 s) even in
# the plain build, where 100,000 rows take some 4 s
python3 -c "
print('name,kana,kind,areas,offers,notes')
for i in range(100000): print(f'山田{i},やまだ,person,諏訪中学区,\"見守り,配食\",記録{i}')" >"$WORK/名簿.csv"

"$T" import parties "$WORK/名簿.csv" -d "$DB" >"$WORK/import.out" 2>&1 &
pid=$!
for _ in $(seq 1 500); do
	[ -s "$DB.busy" ] && break
	sleep 0.02
done
[ -s "$DB.busy" ] || fail "the import left no note"
ok
run "$T" add party --name 鈴木一郎 -d "$DB"
# by the add's own answer: the import may still be exiting after its
# commit when an add that waited for it is through
if [ "$RC" -ne 0 ]; then
	expect_rc 3 "add while an import runs"
	expect_err_has "取り込み中 (parties" "says an import is running"
	expect_err_has "山田 太郎" "says whose"
	expect_one_err_line "add during import"
else
	echo "note: the import finished before the add gave up waiting" >&2
fi
wait "$pid" || fail "the import failed: $(cat "$WORK/import.out")"
ok
[ ! -e "$DB.busy" ] || fail "the note outlived the import"
ok

# a note nobody holds (its import was killed) is not believed
echo "取り込み中 (parties 古い.csv)" >"$DB.busy"
sqlite3 "$DB" "BEGIN IMMEDIATE; SELECT 1; SELECT 1" >/dev/null # no lock left behind
run "$T" add party --name 佐藤花子 -d "$DB"
expect_rc 0 "a stale note does not block"
done_tests
