# The 地域カルテ and the aging-rate heatmap from the command line (issue 9):
# figures computed from districts with known numbers, the city average, 「－」
# for a district without residents, items in their order, rate order, JSON.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" >/dev/null 2>&1
add() { "$T" add "$@" -d "$DB"; }
# the ten areas come with their districts, without figures: four of 諏訪's
# and one of 東寺方's get known ones
dist() { "$T" edit district "$1" --population "$2" --population_65 "$3" \
	--households "$4" --as_of 2020-10-01 -d "$DB" >/dev/null; }
dist 諏訪1丁目 1000 324 450
dist 諏訪2丁目 2000 400 900
dist 諏訪6丁目 0 0 0
dist 馬引沢1丁目 500 250 260
dist 桜ヶ丘3丁目 1500 300 700
# 諏訪: 974 / 3500 = 27.8 %; the city: 1274 / 5000 = 25.5 %
"$T" edit area 諏訪 --platform_type 協議会型 --projection '2045年推計: 高齢化率 40%' -d "$DB" >/dev/null
second=$(add karte --area_id 諏訪 --section 地域資源 --title スマホ教室 --body '毎月第2土曜、諏訪複合施設で')
add karte --area_id 諏訪 --section 地域資源 --title 見守り隊 --sort 1 >/dev/null
"$T" edit karte "$second" --sort 2 -d "$DB" >/dev/null
add karte --area_id 諏訪 --section 課題 --title 担い手不足 >/dev/null
add karte --area_id 諏訪 --section ビジョン --title 多世代がつながるまち >/dev/null
add facility --name 諏訪複合施設 --kind コミュニティセンター --area_id 諏訪 >/dev/null

run "$T" karte 諏訪 -d "$DB"
expect_rc 0 "karte"
expect_out_has "地域カルテ: 諏訪中学区" "area named"
expect_out_has "町丁目 11 (数字のあるもの 4)  人口 3500 人  65歳以上 974 人  高齢化率 27.8%  世帯数 1610" "figures from the districts"
expect_out_has "プラットフォーム: 協議会型" "platform type"
expect_out_has "2045年推計: 高齢化率 40%" "projection"
expect_out_has "・諏訪複合施設  コミュニティセンター" "facility under 拠点・施設"
expect_out_has "■ 地域ビジョン" "vision heading"
expect_out_has "1. 多世代がつながるまち" "vision item"
sections=$(grep '^■' <<<"$OUT" | tr '\n' ' ')
expect_eq "$sections" "■ 基礎データ ■ 地域資源 ■ 拠点・施設 ■ 課題 ■ 地域ビジョン ■ 地域計画 " "sections in order"
res=$(sed -n '/^■ 地域資源/,/^■ 拠点/p' <<<"$OUT" | grep -E '^  [0-9]+\.' | tr '\n' '|')
expect_eq "$res" "  1. 見守り隊|  2. スマホ教室|" "items in their sort order"
expect_out_has "     毎月第2土曜、諏訪複合施設で" "body under its title"

run "$T" karte 諏訪 --format json -d "$DB"
expect_rc 0 "karte json"
j() { sqlite3 :memory: "SELECT $1" <<<"" ; }
q() { printf '%s' "$OUT" | sed "s/'/''/g"; }
J=$(q)
expect_eq "$(j "json_extract('$J', '\$[0].basics.aging_rate')")" "27.8" "json aging rate"
expect_eq "$(j "json_extract('$J', '\$[0].basics.population')")" "3500" "json population"
expect_eq "$(j "json_extract('$J', '\$[0].platform_type')")" "協議会型" "json platform"
expect_eq "$(j "json_extract('$J', '\$[0].sections[1].key') || json_extract('$J', '\$[0].sections[1].items[0].title') || json_extract('$J', '\$[0].sections[1].items[1].title')")" "resources見守り隊スマホ教室" "json items in order"
expect_eq "$(j "json_extract('$J', '\$[0].sections[2].facilities[0].name')")" "諏訪複合施設" "json facility"

run "$T" heatmap --area 諏訪 -d "$DB"
expect_rc 0 "heatmap"
expect_out_has "市平均 25.5%" "city average stated"
order=$(grep -oE '^[^ ]+' <<<"$OUT" | tail -n +3 | tr '\n' ' ')
expect_eq "$order" "諏訪1丁目 諏訪2丁目 諏訪3丁目 諏訪4丁目 諏訪5丁目 諏訪6丁目 馬引沢1丁目 馬引沢2丁目 関戸6丁目 貝取 乞田 " "district order"
expect_out_has "32.4%" "rate of 諏訪1丁目"
row6=$(grep '^諏訪6丁目' <<<"$OUT")
grep -q '－' <<<"$row6" || fail "no residents: 「－」: $row6"
! grep -q '█' <<<"$row6" || fail "no residents: no bar: $row6"
bars() { grep "^$1" <<<"$OUT" | grep -o '█' | wc -l; }
[ "$(bars 馬引沢1丁目)" -gt "$(bars 諏訪1丁目)" ] || fail "50% bar not longer than 32.4%: $OUT"
[ "$(bars 諏訪1丁目)" -gt "$(bars 諏訪2丁目)" ] || fail "32.4% bar not longer than 20%: $OUT"
ok
[ "$(grep -c '│' <<<"$OUT")" -ge 4 ] || fail "city average not marked on every row: $OUT"
ok
! grep -q $'\e' <<<"$OUT" || fail "escape sequences in the table"
ok

run "$T" heatmap --area 諏訪 --sort rate -d "$DB"
order=$(grep -oE '^[^ ]+' <<<"$OUT" | tail -n +3 | head -4 | tr '\n' ' ')
expect_eq "$order" "馬引沢1丁目 諏訪1丁目 諏訪2丁目 諏訪3丁目 " "rate order, no residents last"
expect_eq "$(grep -oE '^[^ ]+' <<<"$OUT" | tail -n +3 | wc -l)" "11" "rate order: every district"
row3=$(grep '^諏訪3丁目' <<<"$OUT")
grep -q '－' <<<"$row3" || fail "no figures: 「－」: $row3"

run "$T" heatmap -d "$DB"
expect_out_has "エリア" "all areas: area column"
grep -q '^東寺方小学区 *桜ヶ丘3丁目' <<<"$OUT" || fail "all areas: 桜ヶ丘3丁目 under 東寺方: $OUT"
ok
run "$T" heatmap --format json --sort rate -d "$DB"
J=$(q)
expect_eq "$(j "json_array_length('$J')")" "$("$T" heatmap -d "$DB" | tail -n +3 | wc -l)" "json: every district"
run "$T" heatmap --format json --sort rate --area 諏訪 -d "$DB"
J=$(q)
expect_eq "$(j "json_extract('$J', '\$[0].district') || json_extract('$J', '\$[1].district')")" "馬引沢1丁目諏訪1丁目" "json: rate order"
run "$T" heatmap --area 諏訪 --format json -d "$DB"
J=$(q)
expect_eq "$(j "json_extract('$J', '\$[0].district') || json_extract('$J', '\$[0].aging_rate') || '/' || json_extract('$J', '\$[0].city_average')")" "諏訪1丁目32.4/25.5" "json rate and average"
expect_eq "$(j "json_type('$J', '\$[5].aging_rate') || json_extract('$J', '\$[5].district')")" "null諏訪6丁目" "json: no residents, null"

run "$T" karte -d "$DB"
expect_rc 2 "karte without area"
run "$T" karte どこにもない -d "$DB"
expect_rc 1 "karte of an unknown area"
run "$T" heatmap --sort 名前 -d "$DB"
expect_rc 2 "heatmap --sort bogus"
run "$T" heatmap --format csv -d "$DB"
expect_rc 2 "heatmap --format csv"
done_tests
