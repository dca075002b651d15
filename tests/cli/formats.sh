# Output formats, file location rules, table alignment by display width.
. "$(dirname "$0")/lib/common.bash"

# default file: $XDG_DATA_HOME/tsunagu/tsunagu.db, created private
run "$T" init
expect_rc 0 "init at the default path"
expect_eq "$(mode_of "$XDG_DATA_HOME/tsunagu/tsunagu.db")" 600 "default file mode"
expect_eq "$(stat -c %a "$XDG_DATA_HOME/tsunagu")" 700 "data directory mode"
"$T" add party --name 既定の人 >/dev/null
# $TSUNAGU_DB wins over the default, -d over both
TSUNAGU_DB="$DB" "$T" init 2>/dev/null
TSUNAGU_DB="$DB" "$T" add party --name 環境変数の人 --kana かんきょう >/dev/null
run "$T" list parties --format tsv
expect_out_has "既定の人" "default file used"
expect_out_lacks "環境変数の人" "default file untouched"
TSUNAGU_DB="$WORK/nowhere.db" run "$T" list parties --format tsv -d "$DB"
expect_out_has "環境変数の人" "-d wins"

"$T" add party --name 'ｶﾀｶﾅ 半角' --kana かたかな -d "$DB" >/dev/null
"$T" add party --name '改行と"引用符",カンマ' --notes $'一行目\n二行目' -d "$DB" >/dev/null
"$T" add party --name $'危険\e[31m赤\e[0m' -d "$DB" >/dev/null

run "$T" list parties -d "$DB"
expect_rc 0 "table"
[[ "$OUT" != *$'\e'* ]] || fail "escape sequence reached the terminal"
ok
expect_out_has "危険^[[31m赤^[[0m" "escape shown inert"
# every row's columns start at the same display column as the heading's
/usr/bin/python3 - "$OUT" <<'PY' || fail "table columns not aligned by display width"
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = sys.argv[1].split("\n")
head = lines[0]
def starts(line):
    # display column where each "  "-separated field begins
    cols, col, prev_space = [], 0, 2
    for ch in line:
        if ch != " " and prev_space >= 2:
            cols.append(col)
        prev_space = prev_space + 1 if ch == " " else 0
        col += width(ch)
    return cols
h = starts(head)
name_col = h[3]
for l in lines[1:]:
    s = starts(l)
    assert name_col in s, (l, s, h)
PY
ok

run "$T" list parties --format csv -d "$DB"
expect_out_has '"改行と""引用符"",カンマ"' "csv quoting"
run "$T" list parties --format tsv -d "$DB"
n=$(printf '%s\n' "$OUT" | wc -l)
expect_eq "$n" 5 "tsv: one line per record"
run "$T" list parties --format json -d "$DB"
/usr/bin/python3 -c 'import json,sys; r=json.loads(sys.argv[1]); assert len(r)==4 and any(x["name"]=="ｶﾀｶﾅ 半角" for x in r)' "$OUT" || fail "json"
ok
done_tests
