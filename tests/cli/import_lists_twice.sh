# Hand-made lists of events and tasks have no id column: read twice they
# must not double.  An event is the same when its 名称, 日付 and 開始 are
# (however the date and time are written: Outlook's 10:00:00, 午後2時); a
# task when its 件名 and エリア are.
. "$(dirname "$0")/lib/common.bash"
DB="$WORK/t.db"
"$T" init -d "$DB" 2>/dev/null
printf '行事名,開催日,開始,会場,エリア\r\n諏訪 防災訓練,令和8年12月10日,10:00:00,諏訪児童館,諏訪\r\n諏訪 防災訓練,2026/12/10,午後2時,諏訪児童館,諏訪\r\n永山 サロン,2026-12-12,,永山公民館,永山\r\n' |
	iconv -f utf-8 -t cp932 >"$WORK/行事.csv"
printf '件名,エリア,締切,状態\n諏訪の見守り体制づくり,諏訪,2027-01-10,未着手\n落合の空き店舗活用,落合,,完了\n' >"$WORK/課題.csv"

run "$T" import events "$WORK/行事.csv" -d "$DB"
expect_out_has "行事: 新規 3 件" "three events, two on one day at two times"
run "$T" import events "$WORK/行事.csv" -d "$DB"
expect_rc 0 "the list again"
expect_out_has "新規 0 件、更新 0 件、変更なし 3 件" "nothing doubled"
expect_eq "$("$T" list events --format tsv -d "$DB" | tail -n +2 | wc -l)" 3 "three events in the file"
run "$T" list events --format tsv -d "$DB"
expect_eq "$(awk -F'\t' '$4 == "諏訪 防災訓練" { print $3 }' <<<"$OUT" | paste -sd,)" "10:00,14:00" \
	"the list tells the day's two by their start, in order"

printf '行事名,開催日,開始時刻\n落合 サロン,2026-12-15,朝\n' >"$WORK/bad.csv"
run "$T" import events "$WORK/bad.csv" -d "$DB"
expect_out_has "「開始」の「朝」は時刻として読めないので入れませんでした" "a time that is not one is named"
expect_out_has "行事: 新規 1 件" "and the event comes in without it"
run "$T" import events "$WORK/bad.csv" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 1 件" "read again, nothing doubled"
"$T" delete event "$("$T" list events --search 落合 --format tsv -d "$DB" | awk -F'\t' 'NR == 2 { print $1 }')" -d "$DB" >/dev/null

# the same list with a new place: the event is changed, not added
sed 's/永山公民館/永山ふれあいの家/' <(iconv -f cp932 -t utf-8 "$WORK/行事.csv") >"$WORK/行事2.csv"
run "$T" import events "$WORK/行事2.csv" -d "$DB"
expect_out_has "新規 0 件、更新 1 件、変更なし 2 件" "a changed cell updates its event"

run "$T" import tasks "$WORK/課題.csv" -d "$DB"
expect_out_has "課題・取組: 新規 2 件" "two tasks"
run "$T" import tasks "$WORK/課題.csv" -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "a done task is not doubled either"

# two tasks of one title in one area: the row cannot say which
"$T" add task --title 諏訪の見守り体制づくり --area 諏訪 -d "$DB" >/dev/null
run "$T" import tasks "$WORK/課題.csv" -d "$DB"
expect_rc 0 "the other rows are read"
expect_out_has "件名・エリアが同じ課題・取組「諏訪の見守り体制づくり」がすでに複数あり" "the row that matches two is skipped and says why"
expect_eq "$("$T" list tasks --format tsv -d "$DB" | tail -n +2 | wc -l)" 3 "nothing added for it"

# Outlook's calendar exported as CSV (予定表, CP932): 件名, 開始日, 開始時刻
# 10:00:00 …; an all-day event (終日イベント 真) has no times
"$T" init -d "$WORK/ol.db" 2>/dev/null
run "$T" import events "$FIXTURES/io/outlook_calendar_cp932.csv" -d "$WORK/ol.db"
expect_out_has "行事: 新規 2 件" "Outlook's calendar list"
expect_out_lacks "終日イベント" "終日イベント is read, not named as unread"
expect_eq "$(sqlite3 "$WORK/ol.db" "SELECT title || '|' || date || '|' || coalesce(start_time, '-') || '|' || coalesce(end_time, '-') || '|' || coalesce(place, '') FROM event ORDER BY date")" \
	"諏訪地区 見守り会議|2026-12-10|10:00|11:30|諏訪複合施設 会議室
年末清掃|2026-12-20|-|-|" "times as HH:MM, none for the all-day event"
run "$T" import events "$FIXTURES/io/outlook_calendar_cp932.csv" -d "$WORK/ol.db"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "read again, nothing doubled"

# an export read into a fresh file twice adds nothing (ids, not keys)
"$T" export events -o "$WORK/out.csv" -d "$DB" >/dev/null
"$T" init -d "$WORK/fresh.db" 2>/dev/null
"$T" import events "$WORK/out.csv" -d "$WORK/fresh.db" >/dev/null
run "$T" import events "$WORK/out.csv" -d "$WORK/fresh.db"
expect_out_has "新規 0 件、更新 0 件、変更なし 3 件" "export into a fresh file twice"
done_tests
