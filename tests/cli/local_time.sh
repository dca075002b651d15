# Times are stored in UTC and read in the local zone (TZ) wherever a person
# reads them: history, show, the conflicts table; the machine formats
# (json) keep ISO UTC.  The config key date_style=wareki shows 和暦.
# History shows a reference (a task's area) by its name, not its id.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" 2>/dev/null
export TSUNAGU_NOW=2026-11-25T06:17:17
task=$("$T" add task --title 見守り体制づくり --area 諏訪 --due 令和8年12月1日 -d "$DB")
cp "$DB" "$WORK/laptop.db"
"$T" edit task "$task" --title 見守りの体制づくり -d "$DB" >/dev/null
TSUNAGU_NOW=2026-11-25T07:00:00 TSUNAGU_USER="佐藤 花子" \
	"$T" edit task "$task" --title 見守り体制の相談 -d "$WORK/laptop.db" >/dev/null
unset TSUNAGU_NOW

run "$T" history task "$task" -d "$DB"
expect_rc 0 "history"
expect_out_has "2026-11-25 15:17	山田 太郎	作成" "history in Tokyo time (UTC+9)"
expect_out_lacks "06:17" "no UTC hour in history"
expect_out_lacks "T06:" "no ISO time in history"
expect_out_has "エリア	(空) → 諏訪中学区" "the area by its name"
expect_out_lacks "エリア	(空) → 0" "not by its id"
TZ=UTC run "$T" history task "$task" -d "$DB"
expect_out_has "2026-11-25 06:17	山田 太郎	作成" "TZ=UTC reads the UTC hour"
TZ=America/New_York run "$T" history task "$task" -d "$DB"
expect_out_has "2026-11-25 01:17	山田 太郎	作成" "TZ decides the hour"

run "$T" show task "$task" -d "$DB"
expect_out_has "作成: 2026-11-25 15:17 山田 太郎" "show: created in local time"
expect_out_has "期限: 2026-12-01" "show: a date in the iso style"

# the conflicts table reads local time; its json keeps ISO UTC
run "$T" merge "$WORK/laptop.db" -d "$DB"
expect_rc 0 "merge"
run "$T" conflicts -d "$DB"
expect_out_has "(山田 太郎 2026-11-25 15:17)" "conflicts: one side in local time"
expect_out_has "(佐藤 花子 2026-11-25 16:00)" "conflicts: the other side in local time"
run "$T" conflicts --format json -d "$DB"
expect_out_has "2026-11-25T06:17:17Z" "json keeps ISO UTC"
expect_out_lacks "15:17" "json has no local time"

# date_style = wareki in the config (blanks around = are fine)
mkdir -p "$XDG_CONFIG_HOME/tsunagu"
printf '# 設定\nname=山田 太郎\ndate_style = wareki\n' >"$XDG_CONFIG_HOME/tsunagu/config"
run "$T" history task "$task" -d "$DB"
expect_out_has "令和8年11月25日 15:17	山田 太郎	作成" "history in 和暦"
expect_out_has "期限	(空) → 令和8年12月1日" "a date field in 和暦"
run "$T" show task "$task" -d "$DB"
expect_out_has "作成: 令和8年11月25日 15:17" "show in 和暦"
expect_out_has "期限: 令和8年12月1日" "show: a date in 和暦"
run "$T" conflicts -d "$DB"
expect_out_has "(佐藤 花子 令和8年11月25日 16:00)" "conflicts in 和暦"
run "$T" list tasks -d "$DB"
expect_out_has "令和8年12月1日" "the table reads 和暦"
run "$T" list tasks --format json -d "$DB"
expect_out_has '"due":"2026-12-01"' "json keeps ISO dates with wareki"
run "$T" list tasks --format tsv -d "$DB"
expect_out_has "	2026-12-01	" "tsv keeps ISO dates with wareki"
printf 'date_style=iso\n' >"$XDG_CONFIG_HOME/tsunagu/config"
run "$T" show task "$task" -d "$DB"
expect_out_has "作成: 2026-11-25 15:17" "date_style=iso"
# a style the program does not know: one Japanese line naming the file,
# line and value, and the command still does its work in iso
printf 'name=山田 太郎\ndate_style=平成\n' >"$XDG_CONFIG_HOME/tsunagu/config"
run "$T" show task "$task" -d "$DB"
expect_rc 0 "an unknown date_style does not stop the command"
expect_err_has "config:2: date_style は iso か wareki です (「平成」は使えません" "names the bad setting"
expect_one_err_line "unknown date_style"
expect_out_has "作成: 2026-11-25 15:17" "falls back to iso"
done_tests
