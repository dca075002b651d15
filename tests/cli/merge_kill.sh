# A merge killed (SIGKILL) at random points leaves the file exactly as it
# was before or exactly merged, never in between, and never damaged.
. "$(dirname "$0")/lib/common.bash"
RUNS=${TSUNAGU_KILL_RUNS:-8}
O="$WORK/office.db"
L="$WORK/laptop.db"
"$T" init --demo -d "$O" 2>/dev/null
cp "$O" "$L"
{
	echo "name,kana,areas,offers,phone"
	for i in $(seq 1 5000); do echo "山田 太郎$i,やまだ たろう,諏訪中学区,\"見守り,会場提供\",042-000-$i"; done
} >"$WORK/many.csv"
"$T" import parties "$WORK/many.csv" -d "$L" >/dev/null
"$T" list parties --format tsv --limit 200 -d "$O" >"$WORK/ids.tsv"
for id in $(tail -n +2 "$WORK/ids.tsv" | cut -f1); do
	"$T" edit party "$id" --notes "事務所で更新" -d "$O" >/dev/null
done

# what a file holds, in an order that does not depend on how it was written
# (the search index counted in its own table: sqlite3 lacks its tokenizer)
state() {
	sqlite3 "$1" "SELECT change_id, hlc, field, new_value FROM changelog ORDER BY change_id;
		SELECT * FROM party ORDER BY id; SELECT * FROM offer ORDER BY 1, 2;
		SELECT * FROM party_area ORDER BY 1, 2; SELECT count(*) FROM search_index_content;"
}
cp "$O" "$WORK/whole.db"
"$T" merge "$L" -d "$WORK/whole.db" >/dev/null
before=$(state "$O" | md5sum)
after=$(state "$WORK/whole.db" | md5sum)
[ "$before" != "$after" ] || fail "the merge changes nothing to test"
ok
killed=0 as_before=0 as_after=0
for run in $(seq 1 "$RUNS"); do
	cp "$O" "$WORK/k.db"
	rm -f "$WORK/k.db.bak-merge"
	ms=$(( (RANDOM % 700) + 2 ))
	"$T" merge "$L" -d "$WORK/k.db" >/dev/null 2>&1 &
	pid=$!
	sleep "0.$(printf '%03d' "$ms")"
	if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
	wait "$pid" 2>/dev/null || true
	# the next open rolls a hot journal back, as every program does
	run "$T" check -d "$WORK/k.db"
	expect_rc 0 "run $run (${ms} ms): file intact"
	now=$(state "$WORK/k.db" | md5sum)
	if [ "$now" = "$before" ]; then
		as_before=$((as_before + 1))
	elif [ "$now" = "$after" ]; then
		as_after=$((as_after + 1))
	else
		fail "run $run (${ms} ms): half a merge"
	fi
	ok
done
echo "merge killed in $killed of $RUNS runs; every file was whole ($as_before as before, $as_after merged)"
done_tests
