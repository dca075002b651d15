# `tsunagu report cases|activity|handover` on Japanese fixture data made
# through the command line over 令和7年度 (2025-04-01 .. 2026-03-31), with
# "today" fixed at 2026-03-20 (Tokyo): the case list and its days since the
# last contact, 活動報告 tallies that add up to the total in every
# dimension (the CSV read back, by LibreOffice too when it is installed),
# and the handover of 諏訪中学区 with terms ending soon marked.
. "$(dirname "$0")/lib/common.bash"
TSUNAGU_NOW=2024-01-01T00:00:00 "$T" init -d "$DB" >/dev/null 2>&1
# at(WHEN, args...): a command as if run at WHEN (UTC); prints its output
at() { local when=$1; shift; TSUNAGU_NOW=$when "$T" "$@" -d "$DB"; }

t4=$(at 2024-06-01T01:00:00 add task --title 古い相談 --kind 個別支援 --area 永山 --status 完了)
at 2024-06-05T01:00:00 add log --task "$t4" --kind 相談 --date 2024-06-05 --text 窓口で相談 >/dev/null
at 2025-01-15T01:00:00 add task --title 未完了の前年度案件 --kind 地域支援 --area 永山 --status 保留 >/dev/null
t5=$(at 2025-02-01T01:00:00 add task --title 前年度からの継続 --kind 個別支援 --area 永山 --status 対応中 \
	--referral-source 家族 --connected-to 市の担当課)
at 2025-04-10T01:00:00 add log --task "$t5" --kind 相談 --date 令和7年4月10日 --text "ご家族から電話で相談" >/dev/null
t1=$(at 2025-05-10T01:00:00 add task --title 独居高齢者の見守り --kind 個別支援 --area 諏訪 --status 対応中 \
	--duty E --pillar 支える --referral-source 民生委員 --connected-to 地域包括支援センター \
	--due 2026-04-15 --assignee "山田 太郎")
at 2025-05-12T01:00:00 add log --task "$t1" --kind 訪問 --date 2025-05-12 --text "ご自宅を訪問" >/dev/null
at 2025-07-07T01:00:00 add log --area 諏訪 --kind 会議 --date 2025-07-07 --text "エリア会議" >/dev/null
at 2025-09-01T01:00:00 add task --title 子ども食堂の立ち上げ --kind 地域支援 --area 諏訪 --duty D \
	--pillar つなぐ --referral-source 自治会 --connected-to NPO・ボランティア団体 >/dev/null
t7=$(at 2025-10-01T01:00:00 add task --title 取り消した課題 --kind 個別支援 --area 諏訪)
at 2025-10-02T01:00:00 delete task "$t7" >/dev/null 2>&1
at 2025-11-20T01:00:00 add task --title 街灯の増設要望 --kind 地域要望 --area 諏訪 --status 対応中 \
	--pillar 掘り起こす >/dev/null
at 2026-03-02T01:00:00 add log --task "$t1" --kind 電話 --date 2026-03-02 --text "様子を確認" >/dev/null
at 2026-03-03T01:00:00 add log --area 永山 --kind メモ --date 2026-04-05 --text "来年度の予定" >/dev/null

W=2026-03-10T01:00:00
minsei=$(at $W add party --kind org --name 諏訪地区民生委員協議会 --areas 諏訪)
jichi=$(at $W add party --kind org --name 諏訪自治会 --areas 諏訪)
sato=$(at $W add party --kind person --name "佐藤 花子" --kana さとうはなこ --key-person 1 \
	--phone 042-000-1111 --consent はい --areas 諏訪)
at $W add party --kind person --name "高橋 一郎" --kana たかはしいちろう --key-person 1 --areas 諏訪 >/dev/null
suzuki=$(at $W add party --kind person --name "鈴木 次郎" --areas 諏訪)
at $W add membership --person "$sato" --org "$minsei" --role 民生委員 --from-date 2022-12-01 --to-date 2026-03-31 >/dev/null
at $W add membership --person "$sato" --org "$jichi" --role 会長 --from-date 2025-04-01 --to-date 2027-03-31 >/dev/null
at $W add membership --person "$sato" --org "$jichi" --role 副会長 --from-date 2023-04-01 --to-date 2025-03-31 >/dev/null
at $W add membership --person "$suzuki" --org "$jichi" --role 会計 >/dev/null
at $W add event --title 冬のエリアミーティング --date 2026-02-01 --area 諏訪 >/dev/null
at $W add event --title 春のエリアミーティング --kind エリアミーティング --date 2026-03-25 \
	--start-time 14:00 --place 諏訪複合施設 --area 諏訪 >/dev/null
at $W add event --title 防災講座 --kind 講座 --date 2026-03-20 --area 諏訪 >/dev/null
at $W add karte --area 諏訪 --section 課題 --title 担い手の高齢化 --sort 2 >/dev/null
at $W add karte --area 諏訪 --section 課題 --title 坂道が多く外出しにくい --body "買い物に出にくい高齢者が多い" --sort 1 >/dev/null
at $W add karte --area 諏訪 --section 地域資源 --title 商店街 >/dev/null

export TSUNAGU_NOW=2026-03-20T00:00:00
# rows of a CSV file without BOM and CR
rows() { sed 's/^\xef\xbb\xbf//; s/\r$//' "$1"; }

# ---- 支援ケース一覧 ----
run "$T" report cases --from 2025-04-01 --to 2026-03-31 -o "$WORK/cases.csv" -d "$DB"
expect_rc 0 "cases as CSV"
expect_out_has "支援ケース一覧 を書き出しました" "says what it wrote"
expect_eq "$(mode_of "$WORK/cases.csv")" 600 "file mode"
got=$(rows "$WORK/cases.csv" | sed -n '1,6p')
want="種別,件名,状態,エリア,担当者,開始日,最終連絡日,経過日数,次の期限
地域支援,子ども食堂の立ち上げ,未着手,諏訪中学区,,2025-09-01,,200,
個別支援,独居高齢者の見守り,対応中,諏訪中学区,山田 太郎,2025-05-10,2026-03-02,18,2026-04-15
地域要望,街灯の増設要望,対応中,諏訪中学区,,2025-11-20,,120,
個別支援,前年度からの継続,対応中,多摩永山中学区,,2025-02-01,2025-04-10,344,
地域支援,未完了の前年度案件,保留,多摩永山中学区,,2025-01-15,,429,"
expect_eq "$got" "$want" "case rows: area order, status, days since the last contact (or the start)"
expect_eq "$(rows "$WORK/cases.csv" | grep -c 古い相談 || true)" 0 "a case finished before the year is left out"
expect_eq "$(rows "$WORK/cases.csv" | grep -c 取り消した課題 || true)" 0 "a deleted task is left out"
# 和暦 input gives the same report
run "$T" report cases --from 令和7年4月1日 --to R8.3.31 -o "$WORK/cases-wareki.csv" -d "$DB"
expect_rc 0 "cases with 和暦 dates"
expect_eq "$(rows "$WORK/cases-wareki.csv")" "$(rows "$WORK/cases.csv")" "和暦 period reads the same"
run "$T" report cases --area 永山 -d "$DB"
expect_rc 0 "cases of one area to stdout"
expect_out_has "# 支援ケース一覧: 多摩永山中学区" "title names the area"
expect_out_has "| 古い相談 | 完了 | 多摩永山中学区 |" "with no period, finished cases too"
expect_out_lacks "諏訪中学区 |" "only the area asked for"
expect_out_has "作成者: 山田 太郎" "footer"

# ---- 活動報告 ----
run "$T" report activity --from 令和7年4月1日 --to 令和8年3月31日 -o "$WORK/活動報告.csv" -d "$DB"
expect_rc 0 "activity as CSV"
# every table: its rows add up to its 合計; task tallies to 4, log kinds to 4
sums=$(rows "$WORK/活動報告.csv" | awk -F, '
	/^$/ { title = ""; next }
	title == "" { title = $1; head = 1; sum = 0; next }
	head { head = 0; next }
	$1 == "合計" { printf "%s %d %d\n", title, sum, $2; next }
	title != "" && $2 ~ /^[0-9]+$/ { sum += $2 }')
want="種別別の課題件数 4 4
支援区分別の課題件数 4 4
柱別の課題件数 4 4
エリア別の課題件数 4 4
きっかけ別の課題件数 4 4
つなぎ先別の課題件数 4 4
記録種別別の経過記録件数 4 4"
expect_eq "$sums" "$want" "one table per tally, each adding up to the total"
has_row() { rows "$WORK/活動報告.csv" | grep -qxF "$1" || fail "$2: no row «$1»"; ok; }
has_row "個別支援,2,50.0%" "by kind"
has_row "地域要望,1,25.0%" "地域要望 counted"
has_row "E 調整支援,1,25.0%" "duty with its letter"
has_row "A 作業支援,0,0.0%" "a duty with none is listed at zero"
has_row "未設定,2,50.0%" "unset duty counted"
has_row "諏訪中学区,3,75.0%" "by area"
has_row "多摩永山中学区,1,25.0%" "the case carried over from last year counts by its log entry"
has_row "民生委員,1,25.0%" "by きっかけ"
has_row "家族,1,25.0%" "きっかけ 家族"
has_row "地域包括支援センター,1,25.0%" "by つなぎ先"
has_row "NPO・ボランティア団体,1,25.0%" "つなぎ先 NPO"
has_row "相談,1,25.0%" "log kinds: last year's 相談 left out"
has_row "メモ,0,0.0%" "an entry dated after the year left out"
run "$T" report activity --from 令和7年4月1日 --to 令和8年3月31日 -d "$DB"
expect_out_has "# 活動報告: 令和7年度（2025-04-01〜2026-03-31）" "the fiscal year named in the title"
expect_out_has "課題・取組: 4 件" "total of tasks"
expect_out_has "経過記録: 4 件" "total of log entries"
run "$T" report activity --area 諏訪 --from 2025-04-01 --to 2026-03-31 -o "$WORK/suwa.csv" -d "$DB"
expect_rc 0 "activity of one area"
has_row2() { rows "$WORK/suwa.csv" | grep -qxF "$1" || fail "$2: no row «$1»"; ok; }
has_row2 "諏訪中学区,3,100.0%" "only the area's tasks"
has_row2 "会議,1,33.3%" "the area's own log entry counts"
run "$T" report activity --encoding cp932 --from 2025-04-01 --to 2026-03-31 -o "$WORK/act-sjis.csv" -d "$DB"
expect_rc 0 "activity in CP932"
expect_eq "$(iconv -f CP932 -t UTF-8 "$WORK/act-sjis.csv" | tr -d '\r' | grep -c '^合計,4,100.0%$')" 7 "CP932 file reads back"

# LibreOffice reads the activity CSV (as io_csv.sh: skipped when absent)
if command -v soffice >/dev/null 2>&1; then
	mkdir -p "$WORK/lo"
	cp "$WORK/活動報告.csv" "$WORK/activity.csv"
	(cd "$WORK/lo" && HOME="$WORK/lo" timeout 120 soffice --headless --infilter="CSV:44,34,76,1" \
		--convert-to csv:"Text - txt - csv (StarCalc)":44,34,76,1 --outdir "$WORK/lo" "$WORK/activity.csv" >/dev/null 2>&1) || true
	if [ -f "$WORK/lo/activity.csv" ]; then
		lo=$(tr -d '\r"' <"$WORK/lo/activity.csv") # it quotes text cells
		grep -q "^きっかけ別の課題件数" <<<"$lo" || fail "LibreOffice lost a table title"
		grep -q "^民生委員,1," <<<"$lo" || fail "LibreOffice lost a row: $lo"
		[ "$(grep -c '^合計,4,' <<<"$lo")" -eq 7 ] || fail "LibreOffice: the totals differ: $lo"
		ok
	else
		echo "skip: soffice could not convert here"
	fi
else
	echo "skip: soffice not installed"
fi

# ---- 引継ぎ ----
run "$T" report handover --area 諏訪 -d "$DB"
expect_rc 0 "handover to stdout"
expect_out_has "# 引継ぎ: 諏訪中学区" "title"
expect_out_has "| 独居高齢者の見守り | 個別支援 | 対応中 | 山田 太郎 | 2026-04-15 | 2026-03-02 | 電話 | 山田 太郎 | 様子を確認 |" "open task with its latest entry and next due"
expect_out_has "| 子ども食堂の立ち上げ |" "open task without entries"
expect_out_lacks "取り消した課題" "no deleted task"
expect_out_has "| 佐藤 花子 | 諏訪地区民生委員協議会 | 民生委員 | 2022-12-01 | 2026-03-31 | 任期まもなく終了（あと11日） |" "term ending soon marked"
expect_out_has "| 佐藤 花子 | 諏訪自治会 | 会長 | 2025-04-01 | 2027-03-31 |  |" "a term not ending soon unmarked"
expect_out_lacks "副会長" "a past role left out"
expect_out_has "| 高橋 一郎 |  | （現在の役職なし） |" "a key person without a role"
expect_out_lacks "鈴木 次郎" "not a key person"
expect_out_lacks "042-000-1111" "no contact details, even with consent"
expect_out_has "| 街灯の増設要望 | 対応中 |  | 2025-11-20 | 120 |" "pending 地域要望 with days waiting"
expect_out_has "| 2026-03-20 |  | 防災講座 | 講座 |" "today's event is upcoming"
expect_out_has "| 2026-03-25 | 14:00 | 春のエリアミーティング | エリアミーティング | 諏訪複合施設 |" "upcoming event"
expect_out_lacks "冬のエリアミーティング" "a past event left out"
issues=$(grep -n "坂道が多く外出しにくい\|担い手の高齢化" <<<"$OUT" | cut -d: -f2- | cut -c1-14)
expect_eq "$issues" "$(printf '%s\n' '| 坂道が多く外出しにくい' '| 担い手の高齢化' | cut -c1-14)" "カルテ 課題 in their order"
expect_out_lacks "商店街" "only the 課題 section"
run "$T" report handover -o "$WORK/引継ぎ.html" -d "$DB"
expect_rc 0 "handover of every area as HTML"
expect_eq "$(mode_of "$WORK/引継ぎ.html")" 600 "HTML mode"
expect_eq "$(grep -o '引継ぎ: [^<]*中学区\|引継ぎ: [^<]*小学区' "$WORK/引継ぎ.html" | sort -u | wc -l)" 10 "a section for each of the ten areas"
grep -q "任期まもなく終了" "$WORK/引継ぎ.html" || fail "HTML lacks the mark"
ok
done_tests
