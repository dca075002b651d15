# The demo carries the area work of issue 9 (src/store/demo_area.c): events
# of every kind in every area over this fiscal year and the last, with
# form, theme, place, named participants and attendance by generation that
# changes between the years; surveys and hearings with the five items;
# karte items; platform types and projections; matrix entries with an
# overlap and a gap; 地域要望 in 受付 / 部局照会中 / 回答済; tasks in 諏訪
# needing 見守り and people offering it; coordinators in pairs, one area
# without.  And it stays quick to make.
. "$(dirname "$0")/lib/common.bash"
export TSUNAGU_NOW=2026-11-25T09:00:00   # fiscal years 2025 (R7) and 2026 (R8)
D="$WORK/demo.db"
start=$(date +%s%N)
run "$T" init --demo -d "$D"
expect_rc 0 "init --demo"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ms" -lt 10000 ] || fail "the demo took ${ms} ms to make"; ok
q() { sqlite3 "$D" "$1"; }
LIVE="deleted_at IS NULL"

# events: every area, both fiscal years, all four kinds, form and theme
for fy in "2025-04-01 2026-03-31" "2026-04-01 2026-11-25"; do
	set -- $fy
	n=$(q "SELECT count(DISTINCT area_id) FROM event WHERE $LIVE AND theme IS NOT NULL
		AND form IS NOT NULL AND place IS NOT NULL AND date BETWEEN '$1' AND '$2'")
	expect_eq "$n" 10 "every area has events with form, theme and place from $1"
done
expect_eq "$(q "SELECT count(DISTINCT kind) FROM event WHERE $LIVE AND theme IS NOT NULL
	AND kind IN ('エリアミーティング','ワークショップ','講座','報告会')")" 4 "all four kinds"
expect_eq "$(q "SELECT count(DISTINCT form) FROM event WHERE $LIVE")" 3 "対面, オンライン and 書面"
[ "$(q "SELECT count(DISTINCT event_id) FROM event_party")" -ge 50 ] || fail "named participants"; ok
expect_eq "$(q "SELECT count(*) FROM event e WHERE $LIVE AND theme IS NOT NULL AND date <= '2026-11-25'
	AND (SELECT count(*) FROM attendance a WHERE a.event_id = e.id AND a.$LIVE) <> 4")" 0 \
	"each past event counts all four generations"
# the young's share of attendance grows from last year to this one
share() {
	q "SELECT round(100.0 * sum(CASE WHEN a.generation IN ('子ども','若者') THEN a.count END) / sum(a.count))
	   FROM event e JOIN attendance a ON a.event_id = e.id AND a.$LIVE
	   WHERE e.$LIVE AND e.date BETWEEN '$1' AND '$2'"
}
last=$(share 2025-04-01 2026-03-31); this=$(share 2026-04-01 2026-11-25)
python3 -c "import sys; sys.exit(0 if $this >= $last + 10 else 1)" \
	|| fail "子ども・若者 share should grow: $last% -> $this%"; ok

# surveys and hearings of groups with the handbook's five items
expect_eq "$(q "SELECT count(DISTINCT kind) FROM survey WHERE $LIVE")" 2 "アンケート and ヒアリング"
n=$(q "SELECT count(*) FROM survey s JOIN party p ON p.id = s.party_id AND p.kind = 'org'
	WHERE s.$LIVE AND s.structure <> '' AND s.activities <> '' AND s.issues <> ''
	AND s.plans <> '' AND s.collaboration <> '' AND s.date IS NOT NULL")
[ "$n" -ge 10 ] || fail "surveys of groups with all five items: $n"; ok

# karte items of every area in each section the issue names
for sec in 地域資源 課題 ビジョン 計画; do
	expect_eq "$(q "SELECT count(DISTINCT area_id) FROM karte_item WHERE $LIVE AND section = '$sec'")" 10 \
		"every area has $sec"
done
expect_eq "$(q "SELECT count(DISTINCT platform_type) FROM area WHERE $LIVE")" 2 "both platform types"
[ "$(q "SELECT count(*) FROM area WHERE $LIVE AND projection LIKE '2045年推計%'")" -ge 3 ] \
	|| fail "projection notes"; ok

# the matrix: several departments, an overlap and a gap
run "$T" matrix --format json -d "$D"
expect_rc 0 "matrix"
J=$OUT
js() { sqlite3 :memory: "$1" <<<""; }
expect_eq "$(js "SELECT group_concat(json_extract(value, '\$.category'), ',') FROM json_each('$J')
	WHERE json_extract(value, '\$.overlap')")" "住まい,高齢者" "overlaps"
expect_eq "$(js "SELECT json_extract(value, '\$.gap') FROM json_each('$J')
	WHERE json_extract(value, '\$.category') = '商店街'")" 1 "商店街 is a gap though it has entries"
[ "$(q "SELECT count(DISTINCT department_id) FROM matrix_cell WHERE $LIVE")" -ge 5 ] \
	|| fail "entries over several departments"; ok
run "$T" matrix -d "$D"
[[ "$(grep '^住まい' <<<"$OUT")" == *"◆重複?"* ]] || fail "the table marks 住まい"; ok

# 地域要望 with a department in three states
REQ="FROM task WHERE $LIVE AND kind = '地域要望' AND department_id IS NOT NULL"
expect_eq "$(q "SELECT group_concat(s, ',') FROM (SELECT DISTINCT request_state s $REQ
	AND request_state IS NOT NULL ORDER BY 1)")" "受付,回答済,部局照会中" "request states"
expect_eq "$(q "SELECT count(*) $REQ AND request_state = '部局照会中'
	AND (asked_on IS NULL OR asked_on > '2026-11-11')")" 0 "部局照会中 asked weeks ago"
[ "$(q "SELECT count(*) $REQ AND request_state = '回答済' AND answer <> ''
	AND answered_on > asked_on")" -ge 2 ] || fail "回答済 with an answer"; ok

# 見守り in 諏訪: tasks that need it, and people there and nearby who offer it
SUWA=$(q "SELECT id FROM area WHERE name = '諏訪中学区'")
[ "$(q "SELECT count(*) FROM task t JOIN task_need n ON n.task_id = t.id AND n.tag = '見守り'
	WHERE t.$LIVE AND t.area_id = '$SUWA'")" -ge 2 ] || fail "諏訪 tasks needing 見守り"; ok
[ "$(q "SELECT count(*) FROM party p JOIN offer o ON o.party_id = p.id AND o.tag = '見守り'
	JOIN party_area pa ON pa.party_id = p.id AND pa.area_id = '$SUWA' WHERE p.$LIVE")" -ge 3 ] \
	|| fail "parties in 諏訪 offering 見守り"; ok

# staff: every area has a city supporter; coordinators (社協) in pairs; one area without
COORD="SELECT sa.area_id, count(*) n FROM staff s JOIN staff_area sa ON sa.staff_id = s.id
	WHERE s.$LIVE AND s.organisation = '社協' GROUP BY sa.area_id"
expect_eq "$(q "SELECT count(*) FROM ($COORD) WHERE n >= 2")" 9 "nine areas have a pair"
expect_eq "$(q "SELECT name FROM area WHERE $LIVE AND id NOT IN (SELECT area_id FROM ($COORD))")" \
	"鶴牧中学区" "鶴牧 lacks a coordinator"
expect_eq "$(q "SELECT count(DISTINCT sa.area_id) FROM staff s JOIN staff_area sa ON sa.staff_id = s.id
	WHERE s.$LIVE AND s.organisation = '市'")" 10 "every area has an area supporter"
run "$T" check -d "$D"
expect_rc 0 "the demo file passes check"
done_tests
