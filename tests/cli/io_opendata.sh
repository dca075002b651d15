# The national open-data formats: 地域・年齢別人口 into districts,
# 公共施設一覧 into facilities (area found from the address).
. "$(dirname "$0")/lib/common.bash"
F="$FIXTURES/io"
"$T" init -d "$DB" >/dev/null 2>&1
q() { sqlite3 "$DB" "$1"; }

# CP932, CRLF, "1,029", "２，５００", "-" for zero, 令和 date, 三丁目/１丁目
run "$T" import districts "$F/population_cp932.csv" --dry-run -d "$DB"
expect_rc 0 "dry run"
expect_out_has "更新 4 件" "four districts would change"
expect_eq "$(q "SELECT count(*) FROM district WHERE population IS NOT NULL")" 0 "dry run changed nothing"

run "$T" import districts "$F/population_cp932.csv" -d "$DB"
expect_rc 0 "import districts"
expect_out_has "多摩市計 (6行目)" "a total row is listed as unmatched"
expect_out_has "架空町一丁目 (7行目)" "an unknown district is listed"
expect_out_has "読み飛ばし 2 件" "and counted as skipped"
row() { q "SELECT population || '/' || population_65 || '/' || households || '/' || as_of FROM district WHERE name = '$1'"; }
expect_eq "$(row 桜ヶ丘3丁目)" "1029/71/480/2024-01-01" "桜ヶ丘三丁目 → 桜ヶ丘3丁目, 65+ = 65-69 … 100歳以上"
expect_eq "$(row 一ノ宮1丁目)" "2500/141/1100/2024-01-01" "一ノ宮１丁目, full-width digits"
expect_eq "$(row 諏訪2丁目)" "812/1/400/2024-01-01" "多摩市諏訪二丁目, - as 0, 令和 date"
expect_eq "$(row 和田)" "300/43/150/2024-01-01" "a district without 丁目"
expect_eq "$(q "SELECT code FROM district WHERE name = '和田'")" "0040" "地域コード"

# the older layout: 都道府県コード又は市区町村コード, bands to 85歳以上, UTF-8
{
	printf '都道府県コード又は市区町村コード,地域コード,都道府県名,市区町村名,調査年月日,地域名,総人口,男性,女性'
	for b in 0-4 5-9 10-14 15-19 20-24 25-29 30-34 35-39 40-44 45-49 50-54 55-59 60-64 65-69 70-74 75-79 80-84; do
		printf ',%s歳の男性,%s歳の女性' $b $b
	done
	printf ',85歳以上の男性,85歳以上の女性,世帯数,備考\n'
	printf '132241,0100,東京都,多摩市,2025/4/1,豊ヶ丘 五丁目,900,450,450'
	for i in $(seq 13); do printf ',20,20'; done
	for i in $(seq 4); do printf ',10,12'; done
	printf ',3,4,500,\n'
} >"$WORK/old.csv"
run "$T" import districts "$WORK/old.csv" -d "$DB"
expect_rc 0 "older layout"
expect_eq "$(row 豊ヶ丘5丁目)" "900/95/500/2025-04-01" "豊ヶ丘 五丁目, 85歳以上"

# a later import with an older date for the same district: latest wins
sed 's#2025/4/1#2020/4/1#; s#,900,#,1,#' "$WORK/old.csv" >"$WORK/older.csv"
printf '%s\n' "$(tail -1 "$WORK/old.csv")" >>"$WORK/older.csv"
run "$T" import districts "$WORK/older.csv" -d "$DB"
expect_rc 0 "two dates in one file"
expect_eq "$(row 豊ヶ丘5丁目)" "900/95/500/2025-04-01" "the latest survey wins"

# not the format
printf 'a,b\n1,2\n' >"$WORK/other.csv"
run "$T" import districts "$WORK/other.csv" -d "$DB"
expect_rc 1 "not 地域・年齢別人口"
expect_err_has "other.csv:1: " "names line 1"

# 公共施設一覧 (UTF-8 BOM): 料金（基本） etc. ignored; area from the address
run "$T" import facilities "$F/facilities_utf8_bom.csv" -d "$DB"
expect_rc 0 "import facilities"
expect_out_has "新規 4 件" "four facilities"
expect_out_has "エリアを決められなかった施設: 1 件" "one without an area"
fac() { q "SELECT coalesce((SELECT name FROM area WHERE id = f.area_id), '-') || '/' || coalesce(poi_code, '') || '/' || coalesce(address2, '') FROM facility f WHERE name = '$1'"; }
expect_eq "$(fac 諏訪複合教育施設)" "諏訪中学区/3001/" "諏訪二丁目５番地 → 諏訪中学区, ３００１ folded"
expect_eq "$(fac 一ノ宮コミュニティセンター)" "東寺方小学区/3002/２階" "一の宮3－1－1 → 一ノ宮3丁目"
expect_eq "$(fac 市役所)" "諏訪中学区/3003/" "関戸六丁目 → 関戸6丁目"
expect_eq "$(fac どこかの公園)" "-/3004/" "unknown district: no area"
expect_eq "$(q "SELECT lat || ',' || lon FROM facility WHERE name = '市役所'")" "35.6367,139.4463" "緯度・経度"

# importing again updates the same rows (name + address), adds none
run "$T" import facilities "$F/facilities_utf8_bom.csv" -d "$DB"
expect_rc 0 "import facilities again"
expect_out_has "新規 0 件、更新 0 件、変更なし 4 件" "no duplicates"

# karte: districts, aging rate, facilities; no person names
"$T" add party --name "非公開 太郎" --area 東寺方 -d "$DB" >/dev/null
"$T" add party --name "桜ヶ丘自治会" --type 自治会・管理組合 --area 東寺方 -d "$DB" >/dev/null
run "$T" export karte --area 東寺方 -o "$WORK/karte.md" -d "$DB"
expect_rc 0 "export karte"
expect_eq "$(mode_of "$WORK/karte.md")" 600 "karte file mode"
grep -q "# 地域カルテ: 東寺方小学区" "$WORK/karte.md" || fail "karte title"
ok
grep -q "| 桜ヶ丘3丁目 | 1029 | 71 | 6.9% | 480 | 2024-01-01 |" "$WORK/karte.md" || fail "district row with 高齢化率"
ok
grep -q "一ノ宮コミュニティセンター" "$WORK/karte.md" || fail "facility in karte"
ok
grep -q "桜ヶ丘自治会" "$WORK/karte.md" || fail "organisation in karte"
ok
! grep -q "非公開 太郎" "$WORK/karte.md" || fail "person named in karte"
ok
run "$T" export karte -d "$DB"
expect_rc 0 "karte of every area"
expect_out_has "# 地域カルテ: 諏訪中学区" "all areas"
done_tests
