# init creates a private file with the ten areas of seed 000, exactly.
. "$(dirname "$0")/lib/common.bash"

run "$T" init -d "$DB"
expect_rc 0 "init"
expect_eq "$(mode_of "$DB")" 600 "database mode"

run "$T" list areas -d "$DB" --format json
expect_rc 0 "list areas json"
/usr/bin/python3 - "$OUT" <<'PY' || fail "areas differ from seed 000"
import json, sys
rows = json.loads(sys.argv[1])
want = [
 ("第一小学区", "既存地区", "多摩中の中大半"),
 ("東寺方小学区", "既存地区", "多摩中・和田中の一部"),
 ("第二小学区", "既存地区", "和田中の中大半"),
 ("聖ヶ丘中学区", "既存・NT混合地区", "連光寺小・聖ヶ丘小"),
 ("東愛宕中学区", "既存・NT混合地区", "第三小・愛和小"),
 ("諏訪中学区", "NT地区", "北諏訪小・諏訪小"),
 ("多摩永山中学区", "NT地区", "永山小・瓜生小"),
 ("青陵中学区", "NT地区", "豊ヶ丘小・貝取小"),
 ("落合中学区", "NT地区", "東落合小・西落合小"),
 ("鶴牧中学区", "NT地区", "南鶴牧小・大松台小"),
]
got = [(r["name"], r["kind"], r["schools"]) for r in rows]
assert got == want, got
pop = {r["name"]: r["population"] for r in rows}
assert pop["東寺方小学区"] == 12000 and pop["諏訪中学区"] == 15000 and pop["青陵中学区"] == 15000, pop
PY
ok

# the model area's districts and start year come from the seed too
run "$T" show area 東寺方 -d "$DB"
expect_rc 0 "show area"
expect_out_has "開始年度: 令和2年度" "start year"
expect_out_has "桜ヶ丘3丁目" "district"
expect_out_has "一ノ宮4丁目" "district"

# init never overwrites
run "$T" init -d "$DB"
expect_rc 1 "second init"
expect_err_has "既にあります" "second init message"
expect_one_err_line "second init"

# --demo: fictional data of the promised size
run "$T" init --demo -d "$WORK/demo.db"
expect_rc 0 "init --demo"
for kind in parties tasks events; do
	run "$T" list $kind -d "$WORK/demo.db" --format tsv
	n=$(($(printf '%s\n' "$OUT" | wc -l) - 1))
	case $kind in
	parties) [ "$n" -ge 300 ] || fail "demo parties: $n" ;;
	tasks) [ "$n" -ge 150 ] || fail "demo tasks: $n" ;;
	events) [ "$n" -ge 30 ] || fail "demo events: $n" ;;
	esac
	ok
done
run "$T" list tasks -d "$WORK/demo.db" --format json
/usr/bin/python3 -c 'import json,sys; s={r["status"] for r in json.loads(sys.argv[1])}; assert s=={"未着手","対応中","保留","完了"}, s' "$OUT" || fail "demo statuses"
ok
done_tests
