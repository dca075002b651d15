# Area work on the command line (issue 9): attendance by generation over
# two periods (counts, shares, change), staff coverage with an area that
# lacks a coordinator and one that lacks an area supporter, and the lists
# of staff and of surveys.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" 2>/dev/null

# attend EVENT-ID GENERATION COUNT
attend() { "$T" add attendance --event "$1" --generation "$2" --count "$3" -d "$DB" >/dev/null; }
a=$("$T" add event --title "諏訪 防災エリアミーティング" --kind エリアミーティング --date 2026-05-10 --area 諏訪 --form 対面 -d "$DB")
attend "$a" 子ども 6; attend "$a" 若者 4; attend "$a" 現役・子育て 10; attend "$a" シニア 20
b=$("$T" add event --title "諏訪 スマホ講座" --kind 講座 --date 令和8年9月1日 --area 諏訪 --form オンライン -d "$DB")
attend "$b" シニア 10
c=$("$T" add event --title "諏訪 昨年度の報告会" --kind 報告会 --date 2025-06-01 --area 諏訪 -d "$DB")
attend "$c" 子ども 3; attend "$c" 若者 2; attend "$c" 現役・子育て 5; attend "$c" シニア 30
d=$("$T" add event --title "永山 ワークショップ" --kind ワークショップ --date 2026-06-01 --area 永山 -d "$DB")
attend "$d" シニア 100

# this fiscal year (April-March) against the one before, for 諏訪
run env TSUNAGU_NOW=2026-07-01T00:00:00Z "$T" generations --area 諏訪 --format json -d "$DB"
expect_rc 0 "generations json"
/usr/bin/python3 - "$OUT" <<'PY' || fail "generations: counts, shares and change of 諏訪"
import json, sys
rows = {r["generation"]: r for r in json.loads(sys.argv[1])}
assert list(rows) == ["子ども", "若者", "現役・子育て", "シニア"], rows
want = {"子ども": (6, 12.0, 3, 7.5, 3, 4.5), "若者": (4, 8.0, 2, 5.0, 2, 3.0),
        "現役・子育て": (10, 20.0, 5, 12.5, 5, 7.5), "シニア": (30, 60.0, 30, 75.0, 0, -15.0)}
for g, (n, sh, p, psh, ch, shch) in want.items():
    r = rows[g]
    got = (r["count"], r["share"], r["previous_count"], r["previous_share"], r["change"], r["share_change"])
    assert got == (n, sh, p, psh, ch, shch), (g, got)
r = rows["シニア"]
assert (r["from"], r["to"], r["previous_from"], r["previous_to"]) == \
    ("2026-04-01", "2027-03-31", "2025-04-01", "2026-03-31"), r
assert r["area"] == "諏訪中学区" and r["events"] == 2 and r["previous_events"] == 1, r
PY
ok
run "$T" generations --area 諏訪 --from 令和8年4月1日 --to 2027/3/31 -d "$DB"
expect_rc 0 "generations table"
expect_out_has "諏訪中学区  2026-04-01〜2027-03-31 (前の期間 2025-04-01〜2026-03-31)" "period and previous period"
expect_out_has "現役・子育て        10   20.0%         5     12.5%    +5      +7.5pt" "a generation's line"
expect_out_has "シニア              30   60.0%        30     75.0%    +0     -15.0pt" "share change in points"
expect_out_has "合計                50  100.0%        40    100.0%   +10" "total and its change"
expect_out_has "行事 2 件 (前の期間 1 件)" "events counted"
# all areas: 永山's 100 seniors count too
run "$T" generations --from 2026-04-01 --to 2027-03-31 --format json -d "$DB"
/usr/bin/python3 -c 'import json,sys; r=[x for x in json.loads(sys.argv[1]) if x["generation"]=="シニア"][0]; assert r["count"]==130 and r["area"] is None and r["share"]==86.7, r' "$OUT" || fail "all areas"
ok
# a period of one month: the previous one is the 31 days before it
run "$T" generations --area 諏訪 --from 2026-05-01 --to 2026-05-31 --format json -d "$DB"
/usr/bin/python3 -c 'import json,sys; r=json.loads(sys.argv[1])[0]; assert (r["previous_from"], r["previous_to"], r["count"], r["previous_count"])==("2026-03-31","2026-04-30",6,0), r' "$OUT" || fail "previous period of the same length"
ok

run "$T" generations --from 2026-04-01 -d "$DB"
expect_rc 2 "--from without --to"
expect_err_has "--from と --to" "says both are needed"
run "$T" generations --format xml -d "$DB"
expect_rc 2 "unknown format"
run "$T" generations --from 2027-04-01 --to 2026-04-01 -d "$DB"
expect_rc 1 "period backwards"
expect_one_err_line "period backwards"
run "$T" generations --area 存在しない -d "$DB"
expect_rc 1 "unknown area"

# events list: newest first, with form and total
run "$T" list events --area 諏訪 --format json -d "$DB"
/usr/bin/python3 -c 'import json,sys; e=json.loads(sys.argv[1]); assert [x["title"] for x in e]==["諏訪 スマホ講座","諏訪 防災エリアミーティング","諏訪 昨年度の報告会"] and e[0]["form"]=="オンライン" and e[1]["attendance"]==40, e' "$OUT" || fail "events of 諏訪"
ok

# staff and coverage: 永山 has a supporter but no coordinator, 青陵 a
# coordinator pair but no supporter; the pair covers 諏訪 and 青陵
"$T" add staff --name "市川 一郎" --kana いちかわ --organisation 市 --appointment 専任 --rank 係長級 --areas "諏訪,永山" -d "$DB" >/dev/null
"$T" add staff --name "社協 花子" --kana しゃきょうはなこ --organisation 社協 --appointment 併任 --rank 担当職員 --areas "諏訪,青陵" -d "$DB" >/dev/null
"$T" add staff --name "社協 次郎" --kana しゃきょうじろう --organisation 社協 --appointment 専任 --areas "諏訪,青陵" -d "$DB" >/dev/null
run "$T" coverage -d "$DB"
expect_rc 0 "coverage table"
grep -q "^多摩永山中学区 .*市川 一郎 .*－ .*コーディネーター未配置$" <<<"$OUT" || fail "永山 flagged: $OUT"
ok
grep -q "^青陵中学区 .*社協 次郎、社協 花子 .*エリアサポーター未配置$" <<<"$OUT" || fail "青陵 flagged: $OUT"
ok
grep -q "^諏訪中学区 .*市川 一郎 .*社協 次郎、社協 花子$" <<<"$OUT" || fail "諏訪 covered, no flag: $OUT"
ok
expect_out_has "社協 花子  併任  諏訪中学区、青陵中学区  社協 次郎" "a coordinator with both areas and its partner"
run "$T" coverage --format json -d "$DB"
/usr/bin/python3 - "$OUT" <<'PY' || fail "coverage json"
import json, sys
a = {x["area"]: x for x in json.loads(sys.argv[1])}
assert len(a) == 10, a
s = a["諏訪中学区"]
assert s["supporters"] == ["市川 一郎"] and not s["no_supporter"] and not s["no_coordinator"], s
assert [c["name"] for c in s["coordinators"]] == ["社協 次郎", "社協 花子"], s
assert s["coordinators"][1]["areas"] == ["諏訪中学区", "青陵中学区"], s
assert s["coordinators"][1]["team"] == ["社協 次郎"], s
assert a["多摩永山中学区"]["no_coordinator"] and not a["多摩永山中学区"]["no_supporter"]
assert a["青陵中学区"]["no_supporter"] and not a["青陵中学区"]["no_coordinator"]
assert a["落合中学区"]["no_supporter"] and a["落合中学区"]["no_coordinator"]
PY
ok
run "$T" coverage --area 諏訪 -d "$DB"
expect_rc 2 "coverage takes no area"

run "$T" list staff --format json -d "$DB"
/usr/bin/python3 -c 'import json,sys; s=json.loads(sys.argv[1]); assert [(x["name"],x["organisation"],x["appointment"]) for x in s]==[("市川 一郎","市","専任"),("社協 次郎","社協","専任"),("社協 花子","社協","併任")] and s[0]["areas"]=="諏訪中学区、多摩永山中学区" and s[0]["rank"]=="係長級", s' "$OUT" || fail "list staff"
ok
run "$T" list staff --area 永山 -d "$DB"
expect_out_has "市川 一郎" "staff of 永山"
expect_out_lacks "社協 花子" "not of 永山"

# surveys: one of a group of 諏訪 (area from the group), one with its own area
g=$("$T" add party --kind org --name "さくら自治会" --org_type 自治会・管理組合 --areas 諏訪 -d "$DB")
"$T" add survey --party_id "$g" --kind ヒアリング --date 2026-06-01 --issues "役員の担い手不足" --collaboration "防災で小学校と組みたい" -d "$DB" >/dev/null
h=$("$T" add party --kind org --name "青陵 子ども食堂" --areas 青陵 -d "$DB")
"$T" add survey --party_id "$h" --kind アンケート --date 2026-07-15 --respondents 24 -d "$DB" >/dev/null
run "$T" list surveys --format json -d "$DB"
/usr/bin/python3 -c 'import json,sys; s=json.loads(sys.argv[1]); assert [(x["area"],x["group"],x["kind"],x["date"]) for x in s]==[("諏訪中学区","さくら自治会","ヒアリング","2026-06-01"),("青陵中学区","青陵 子ども食堂","アンケート","2026-07-15")], s' "$OUT" || fail "list surveys by area"
ok
run "$T" list surveys --area 青陵 -d "$DB"
expect_out_has "青陵 子ども食堂  アンケート" "surveys of 青陵"
expect_out_lacks "さくら自治会" "only 青陵"
run "$T" show survey "$("$T" list surveys --area 諏訪 --format tsv -d "$DB" | sed -n 2p | cut -f1)" -d "$DB"
expect_out_has "防災で小学校と組みたい" "連携・協働の意識 shown"
done_tests
