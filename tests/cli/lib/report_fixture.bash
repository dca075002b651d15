# Fixture data for the report tests (sourced after common.bash): 諏訪中学区
# with two districts of known population (諏訪1丁目 1000 / 250 aged 65+,
# 諏訪2丁目 800 / 123), karte items, a key organisation and person with a
# role, a person with consent, two open tasks (duty A and E), an event
# with attendance, and log entries written out of date order.  Sets
# $task, $org, $kp (key person, no consent), $ok_p (consent), $ev.
"$T" init -d "$DB" >/dev/null 2>&1

# districts: 諏訪1丁目 1000 people, 250 aged 65+; 諏訪2丁目 800, 123
pop_csv() {
	printf '全国地方公共団体コード,地域コード,都道府県名,市区町村名,調査年月日,地域名,総人口,男性,女性'
	for b in 0-4 5-9 10-14 15-19 20-24 25-29 30-34 35-39 40-44 45-49 50-54 55-59 60-64 65-69 70-74 75-79 80-84 85-89 90-94 95-99; do
		printf ',%s歳の男性,%s歳の女性' $b $b
	done
	printf ',100歳以上の男性,100歳以上の女性,年齢不詳の男性,年齢不詳の女性,世帯数,備考\r\n'
	row() { printf '132241,%s,東京都,多摩市,2024-01-01,%s,%s,,' "$1" "$2" "$3"
		for _ in $(seq 26); do printf ',0'; done
		printf ',%s' "$4"; for _ in $(seq 15); do printf ',0'; done
		printf ',0,0,%s,\r\n' "$5"; }
	row 0101 多摩市諏訪一丁目 1000 250 400
	row 0102 多摩市諏訪二丁目 800 123 300
}
pop_csv >"$WORK/pop.csv"
"$T" import districts "$WORK/pop.csv" -d "$DB" >/dev/null || fail "districts imported"

"$T" add karte --area 諏訪 --section 課題 --title 担い手不足 --body "自治会役員の高齢化
次の担い手がいない" -d "$DB" >/dev/null
"$T" add karte --area 諏訪 --section ビジョン --title 顔の見える地域 -d "$DB" >/dev/null
org=$("$T" add party --kind org --name 諏訪二丁目自治会 --org-type 自治会・管理組合 --areas 諏訪 --key-person 1 -d "$DB")
kp=$("$T" add party --kind person --name "鈴木 一郎" --phone 042-555-0101 --areas 諏訪 --key-person 1 -d "$DB")
ok_p=$("$T" add party --kind person --name "田中 花子" --phone 042-555-0202 --consent 1 --areas 諏訪 -d "$DB")
"$T" add membership --person "${kp: -8}" --org "${org: -8}" --role 会長 -d "$DB" >/dev/null
task=$("$T" add task --title "独居高齢者の見守り" --kind 個別支援 --area 諏訪 --duty A --assignee "山田 太郎" --parties "${kp: -8}" --status 対応中 -d "$DB")
"$T" add task --title "サロンの会場探し" --area 諏訪 --duty E -d "$DB" >/dev/null
ev=$("$T" add event --title "諏訪 ふれあいサロン" --date 2024-05-10 --area 諏訪 -d "$DB")
"$T" add attendance --event "${ev: -8}" --generation シニア --count 12 -d "$DB" >/dev/null
"$T" add attendance --event "${ev: -8}" --generation 子ども --count 7 -d "$DB" >/dev/null
# log entries written out of date order; one of several lines
"$T" add log --task "${task: -8}" --kind 訪問 --date 2024-06-03 --text "二回目の訪問
玄関先で様子を確認
次回は民生委員と同行" -d "$DB" >/dev/null
"$T" add log --task "${task: -8}" --kind 相談 --date 2024-04-01 --text "娘さんから電話で相談" -d "$DB" >/dev/null
TSUNAGU_USER="佐藤 花子" "$T" add log --task "${task: -8}" --kind 電話 --date 2024-05-15 --text "本人に電話" -d "$DB" >/dev/null
"$T" add log --party "${ok_p: -8}" --kind 相談 --date 2024-05-20 --text "田中さんの相談" -d "$DB" >/dev/null

