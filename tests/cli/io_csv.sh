# CSV import and export: CP932 and UTF-8 (BOM) fixtures, CRLF, multi-line
# cells, full-width digits, 和暦; dry run; round trip; 0600; CP932 export.
. "$(dirname "$0")/lib/common.bash"
F="$FIXTURES/io"
"$T" init -d "$DB" >/dev/null 2>&1

# CP932 with CRLF, Japanese headings, a multi-line cell, full-width digits
run "$T" import parties "$F/parties_cp932_crlf.csv" -d "$DB"
expect_rc 0 "import CP932 parties"
expect_out_has "文字コード: CP932" "detected CP932"
expect_out_has "新規 3 件" "three parties"
run "$T" list parties --format tsv -d "$DB"
expect_out_has "髙橋　①子" "IBM/NEC extension characters survive"
name_phone=$(sqlite3 "$DB" "SELECT phone FROM party WHERE name = '桜ヶ丘三丁目自治会'")
expect_eq "$name_phone" "042-371-1234" "full-width phone folded"
notes=$(sqlite3 "$DB" "SELECT notes FROM party WHERE name = '桜ヶ丘三丁目自治会'")
expect_eq "$notes" $'会長交代予定（R7.4～）\n連絡は平日のみ' "multi-line cell, CRLF inside quotes"

# UTF-8 with BOM, field-name headings; forced encodings
run "$T" import parties "$F/parties_utf8_bom.csv" --encoding utf-8 -d "$DB"
expect_rc 0 "import UTF-8 BOM parties"
expect_out_has "新規 2 件" "two more"
run "$T" import parties "$F/parties_cp932_crlf.csv" --encoding utf-8 --dry-run -d "$DB"
expect_rc 1 "CP932 bytes read as UTF-8"
expect_err_has "parties_cp932_crlf.csv:1: " "names file and line"
expect_one_err_line "undecodable"

# 和暦 and full-width dates in tasks
run "$T" import tasks "$F/tasks_wareki.csv" -d "$DB"
expect_rc 0 "import tasks"
due_of() { sqlite3 "$DB" "SELECT due FROM task WHERE title = '$1'"; }
expect_eq "$(due_of 防災訓練の準備)" 2021-04-01 "令和3年4月1日"
expect_eq "$(due_of 回覧板の作成)" 2021-04-01 "R3.4.1"
expect_eq "$(due_of 夏祭りの打合せ)" 2022-10-05 "令4. 10. 5"
expect_eq "$(due_of 古い記録の整理)" 2017-07-01 "平29. 7. 1"
expect_eq "$(due_of スマホ講座)" 2025-01-15 "２０２５/１/１５"

# the same list again: its people are found by name and phone, not doubled
run "$T" import parties "$F/parties_utf8_bom.csv" --dry-run -d "$DB"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "a list read again adds nothing"
# dry run: reports, changes nothing
before=$(sqlite3 "$DB" "SELECT count(*) FROM party")
printf 'name,kind,phone\n永山 一郎,person,042-999-0001\n永山 二郎,person,042-999-0002\n' >"$WORK/new.csv"
run "$T" import parties "$WORK/new.csv" --dry-run -d "$DB"
expect_rc 0 "dry run"
expect_out_has "新規 2 件" "dry run says what would happen"
expect_out_has "--dry-run" "dry run says it changed nothing"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM party")" "$before" "dry run added nothing"

# export: BOM, CRLF, 0600, consent respected
run "$T" export parties -o "$WORK/p.csv" -d "$DB"
expect_rc 0 "export parties"
expect_eq "$(mode_of "$WORK/p.csv")" 600 "export file mode"
expect_eq "$(head -c 3 "$WORK/p.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "UTF-8 BOM"
grep -q $'\r$' "$WORK/p.csv" || fail "CRLF line ends"
ok
head -1 "$WORK/p.csv" | grep -q '^.ID,区分,名称・氏名,よみ,団体種別,世代,電話,メール,住所,キーパーソン,本人同意,エリア,できること,備考' || fail "header = ID + the party fields' labels"
ok
! grep -q "042-222-3333" "$WORK/p.csv" || fail "phone of a person without consent exported"
ok
grep -q "090-1111-2222" "$WORK/p.csv" || fail "phone of a person with consent missing"
ok
grep -q "042-371-1234" "$WORK/p.csv" || fail "an organisation's phone missing"
ok

# re-importing the export changes nothing (and does not erase withheld phones)
run "$T" import parties "$WORK/p.csv" -d "$DB"
expect_rc 0 "re-import"
expect_out_has "新規 0 件、更新 0 件、変更なし 5 件" "round trip in place is a no-op"
expect_eq "$(sqlite3 "$DB" "SELECT phone FROM party WHERE name = '鈴木 次郎'")" "042-222-3333" "withheld phone kept"

# dry run of a changed export names the row and the field, not the value
sed 's/090-1111-2222/090-1111-3333/' "$WORK/p.csv" >"$WORK/changed.csv"
run "$T" import parties "$WORK/changed.csv" --dry-run -d "$DB"
expect_rc 0 "dry run of a change"
expect_out_has "更新予定 $(sqlite3 "$DB" "SELECT id FROM party WHERE name = '髙橋　①子'"): 電話" "names id and field"
expect_out_lacks "090-1111-3333" "no values in the report"
expect_out_has "更新 1 件" "one update"
expect_eq "$(sqlite3 "$DB" "SELECT phone FROM party WHERE name = '髙橋　①子'")" "090-1111-2222" "dry run kept the phone"

# round trip into a new file: same content
DB2="$WORK/second.db"
"$T" init -d "$DB2" >/dev/null 2>&1
run "$T" import parties "$WORK/p.csv" -d "$DB2"
expect_rc 0 "import into a new file"
expect_out_has "新規 5 件" "all rows new to this file"
expect_eq "$(sqlite3 "$DB2" "SELECT id FROM party ORDER BY id")" "$(sqlite3 "$DB" "SELECT id FROM party ORDER BY id")" "ids carried over"
run "$T" import parties "$WORK/p.csv" -d "$DB2"
expect_out_has "新規 0 件、更新 0 件、変更なし 5 件" "ids carried over: a second import changes nothing"
"$T" export parties -o "$WORK/p2.csv" -d "$DB2"
norm() { tail -n +2 "$1" | tr -d '\r' | sort; }
# same ids, same content (set members may come back in another order)
expect_eq "$(norm "$WORK/p.csv" | sed 's/"[^"]*,[^"]*"/SET/g')" "$(norm "$WORK/p2.csv" | sed 's/"[^"]*,[^"]*"/SET/g')" "export → import → export"

# an existing file is replaced (--force) only when the export succeeds
echo keep >"$WORK/keep.csv"
"$T" add party --name "吉田 𠮷子" -d "$DB" >/dev/null
run "$T" export parties --encoding cp932 -o "$WORK/keep.csv" --force -d "$DB"
expect_rc 1 "CP932 cannot hold 𠮷"
expect_err_has "「𠮷」(U+20BB7)" "names the character"
expect_err_has "$(sqlite3 "$DB" "SELECT id FROM party WHERE name = '吉田 𠮷子'")" "names the record id"
expect_one_err_line "cp932 failure"
expect_eq "$(cat "$WORK/keep.csv")" "keep" "failed export left the old file"
[ -z "$(ls -A "$WORK" | grep -e tmp- -e .tsunagu-)" ] || fail "temporary file left behind"
ok

# CP932 export that can be held: 〜 − ① 髙 come out as Windows bytes
"$T" delete party "$(sqlite3 "$DB" "SELECT id FROM party WHERE name = '吉田 𠮷子'")" -d "$DB" >/dev/null
run "$T" export parties --encoding cp932 -o "$WORK/sj.csv" -d "$DB"
expect_rc 0 "CP932 export"
iconv -f CP932 -t UTF-8 "$WORK/sj.csv" | grep -q "髙橋　①子" || fail "CP932 export content"
ok
# a variation selector (IVS) is named as one, with the name it is in
"$T" init -d "$WORK/ivs.db" 2>/dev/null
"$T" add party --name "$(printf '葛\xf3\xa0\x84\x80飾 花子')" --kind person -d "$WORK/ivs.db" >/dev/null
run "$T" export parties --encoding cp932 -o "$WORK/ivs.csv" -d "$WORK/ivs.db"
expect_rc 1 "an IVS cannot go to CP932"
expect_err_has "「名称・氏名」にある異体字セレクタ (U+E0100、前の字の字形の指定)" "named as a selector"
expect_err_has "飾 花子」のところ" "with the name it is in"

# ¥ and ‾ go as ￥ and ￣: iconv's own bytes for them read back as \ and ~
"$T" add party --name "¥100ショップ‾会" --kind org -d "$DB" >/dev/null
"$T" export parties --encoding cp932 -o "$WORK/yen.csv" -d "$DB" >/dev/null
"$T" init -d "$WORK/yen.db" 2>/dev/null
"$T" import parties "$WORK/yen.csv" -d "$WORK/yen.db" >/dev/null
run "$T" list parties --search ショップ --format tsv -d "$WORK/yen.db"
expect_out_has "￥100ショップ￣会" "¥ and ‾ read back as ￥ and ￣, not \\ and ~"
run "$T" import parties "$WORK/yen.csv" -d "$WORK/yen.db"
expect_out_has "新規 0 件、更新 0 件" "and read again change nothing"
run "$T" export tasks --area 諏訪 -d "$DB"
expect_rc 0 "export tasks to stdout"
expect_out_has "防災訓練の準備" "area filter keeps 諏訪"
expect_out_lacks "夏祭りの打合せ" "area filter drops 東寺方"
expect_out_has "諏訪中学区" "area written by name"
"$T" add event --title "エリアミーティング" --date 令和7年5月10日 --start-time 10:00 --area 諏訪 -d "$DB" >/dev/null
run "$T" export events -o "$WORK/e.csv" -d "$DB"
expect_rc 0 "export events"
grep -q "エリアミーティング,,2025-05-10,10:00,,,,,諏訪中学区" "$WORK/e.csv" || fail "event row: $(cat "$WORK/e.csv")"
ok
run "$T" import events "$WORK/e.csv" -d "$DB"
expect_rc 0 "events round trip"
expect_out_has "変更なし 1 件" "events unchanged"

# LibreOffice reads the UTF-8 CSV with Japanese intact
if command -v soffice >/dev/null 2>&1; then
	mkdir -p "$WORK/lo"
	(cd "$WORK/lo" && HOME="$WORK/lo" timeout 120 soffice --headless --infilter="CSV:44,34,76,1" \
		--convert-to csv:"Text - txt - csv (StarCalc)":44,34,76,1 --outdir "$WORK/lo" "$WORK/p.csv" >/dev/null 2>&1) || true
	if [ -f "$WORK/lo/p.csv" ]; then
		grep -q "髙橋　①子" "$WORK/lo/p.csv" || fail "LibreOffice lost Japanese"
		grep -q "桜ヶ丘三丁目自治会" "$WORK/lo/p.csv" || fail "LibreOffice lost a row"
		ok
	else
		echo "skip: soffice could not convert here"
	fi
else
	echo "skip: soffice not installed"
fi
# an id this file used for a deleted record is not revived: a new id, said so
DB3="$WORK/third.db"
"$T" init -d "$DB3" >/dev/null 2>&1
gone=$("$T" add party --name 削除される人 -d "$DB3")
"$T" export parties -o "$WORK/p3.csv" -d "$DB3"
"$T" delete party "$gone" -d "$DB3" 2>/dev/null
run "$T" import parties "$WORK/p3.csv" -d "$DB3"
expect_rc 0 "import over a deleted id"
expect_out_has "削除済みの記録と同じ id の 1 行は、新しい id で登録しました" "says the id was not reused"
expect_eq "$(sqlite3 "$DB3" "SELECT count(*) FROM party WHERE name = '削除される人' AND deleted_at IS NULL AND id <> '$gone'")" 1 "added under a new id"
done_tests
