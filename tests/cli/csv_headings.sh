# Japanese-first files: CSV exports are headed by the labels the app shows
# (ID, 区分, 名称・氏名, よみ ...); --headings field gives the field names;
# import reads both, so a Japanese-headed export goes into a fresh file and
# a second import there adds nothing.  Errors read in one language, and
# --help is Japanese.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" 2>/dev/null
"$T" add party --name 諏訪自治会 --kana すわじちかい --kind org --org-type 自治会・管理組合 \
	--areas 諏訪 --offers "見守り,会場提供" -d "$DB" >/dev/null
"$T" add party --name "山田 花子" --kana やまだはなこ --kind person --phone 042-111-2222 \
	--consent はい --areas 諏訪 -d "$DB" >/dev/null
"$T" add task --title 見守り体制づくり --area 諏訪 --due 令和8年12月1日 --parties 諏訪自治会 -d "$DB" >/dev/null

run "$T" export parties -o "$WORK/関係者.csv" -d "$DB"
expect_rc 0 "export parties"
head=$(head -1 "$WORK/関係者.csv" | tr -d '\r' | sed 's/^\xef\xbb\xbf//')
expect_eq "$head" "ID,区分,名称・氏名,よみ,団体種別,世代,電話,メール,住所,キーパーソン,本人同意,エリア,できること,備考" "Japanese headings by default"
run "$T" export tasks -d "$DB"
expect_out_has "ID,件名,状態,種別,エリア,支援区分,柱,カテゴリー,担当部局,担当者,期限,優先度,きっかけ,つなぎ先,要望の状況,照会日,回答日,部局の回答,関係者,ニーズ,内容" "task headings"
run "$T" export parties --headings field -d "$DB"
expect_rc 0 "--headings field"
expect_out_has "id,kind,name,kana,org_type,generation,phone,email,address,key_person,consent,areas,offers,notes" "field names on request"
run "$T" export parties --headings english -d "$DB"
expect_rc 2 "an unknown headings style is a usage error"
expect_err_has "--headings" "names the option"

# round trip of the Japanese-headed file into a fresh file, twice
F2="$WORK/fresh.db"
"$T" init -d "$F2" 2>/dev/null
run "$T" import parties "$WORK/関係者.csv" -d "$F2"
expect_rc 0 "import Japanese headings"
expect_out_has "新規 2 件" "both rows added"
expect_out_lacks "読み込みません" "every heading understood"
run "$T" import parties "$WORK/関係者.csv" -d "$F2"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "a second import adds nothing"
run "$T" show party "$("$T" list parties --search 諏訪自治会 --format tsv -d "$F2" | awk -F'\t' 'NR == 2 { print $1 }')" -d "$F2"
expect_out_has "会場提供" "sets came across"
expect_out_has "見守り" "every element of a set"
expect_out_has "団体種別: 自治会・管理組合" "choices came across"
"$T" export parties -o "$WORK/again.csv" -d "$F2"
# the same file, but for the order of a set's elements
norm() { tr -d '\r' <"$1" | sed 's/"[^"]*,[^"]*"/SET/g' | sort; }
expect_eq "$(norm "$WORK/again.csv")" "$(norm "$WORK/関係者.csv")" "export → import → export gives the same file"
# field-named headings are still read
"$T" export tasks --headings field -o "$WORK/tasks.csv" -d "$DB"
run "$T" import tasks "$WORK/tasks.csv" -d "$F2"
expect_rc 0 "import field-name headings"
expect_out_has "新規 1 件" "task added"
run "$T" import tasks "$WORK/tasks.csv" -d "$F2"
expect_out_has "変更なし 1 件" "and not twice"

# values as the app shows them: 団体 / 個人, はい / いいえ, 作業支援; the
# field-named layout keeps the codes
run "$T" export parties -d "$DB"
expect_out_has ",団体,諏訪自治会," "kind as its label"
expect_out_has ",個人,山田 花子,やまだはなこ,,,042-111-2222,,,いいえ,はい," "yes/no in Japanese"
expect_out_lacks ",org," "no codes under Japanese headings"
run "$T" export parties --headings field -d "$DB"
expect_out_has ",org,諏訪自治会," "codes with field names"
"$T" edit task "$("$T" list tasks --format tsv -d "$DB" | awk -F'\t' 'NR == 2 { print $1 }')" --duty A -d "$DB" >/dev/null
run "$T" export tasks -d "$DB"
expect_out_has ",作業支援," "a choice's label"


# namesakes in a task's 関係者: each is written so import finds it (the id
# where the name is shared), and the file goes into a fresh file twice
"$T" add party --name "山田 花子" --kana やまだはなこ --kind person --areas 青陵 -d "$DB" >/dev/null
nid=$(sqlite3 "$DB" "SELECT p.id FROM party p JOIN party_area pa ON pa.party_id = p.id JOIN area a ON a.id = pa.area_id WHERE p.name = '山田 花子' AND a.name = '青陵中学区'")
"$T" add task --title 同姓同名の見守り --area 青陵 --parties "諏訪自治会,$nid" -d "$DB" >/dev/null
"$T" export parties -o "$WORK/ns-parties.csv" -d "$DB"
"$T" export tasks -o "$WORK/ns-tasks.csv" -d "$DB"
grep -q "\"諏訪自治会,$nid\"" "$WORK/ns-tasks.csv" || fail "namesake not written by id: $(grep 同姓同名 "$WORK/ns-tasks.csv")"
ok
F3="$WORK/fresh3.db"
"$T" init -d "$F3" 2>/dev/null
for pass in 1 2; do
	run "$T" import parties "$WORK/ns-parties.csv" -d "$F3"
	expect_rc 0 "namesakes' parties, pass $pass"
	run "$T" import tasks "$WORK/ns-tasks.csv" -d "$F3"
	expect_rc 0 "tasks naming a namesake, pass $pass (stderr: $ERR)"
done
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "the second pass adds nothing"
expect_eq "$(sqlite3 "$F3" "SELECT count(*) FROM task_party tp JOIN party p ON p.id = tp.party_id WHERE p.id = '$nid'")" 1 "the namesake linked, by its id"

# errors in one language: the system's reason in Japanese
run "$T" export parties -o "$WORK/ない/関係者.csv" -d "$DB"
expect_rc 1 "no such folder"
expect_err_has "書き込めません: フォルダがありません" "the reason in Japanese"
expect_one_err_line "no such folder"
if LC_ALL=C.UTF-8 grep -q '[A-Za-z]\{4,\}' <<<"${ERR##*書き込めません}"; then fail "English in: $ERR"; fi
ok
run "$T" import parties "$WORK/ありません.csv" -d "$DB"
expect_rc 1 "missing file"
expect_err_has "ファイルがありません" "missing file in Japanese"
expect_out_lacks "No such" "no English"
[[ "$ERR" != *"No such"* ]] || fail "English reason: $ERR"
ok

# --help in Japanese; the command's own help
run "$T" --help
expect_rc 0 "--help"
expect_out_has "使い方:" "Japanese help"
expect_out_has "tsunagu export" "lists the commands"
expect_out_has "書き出します" "says what export does"
expect_out_lacks "Usage:" "no English heading"
run "$T" export --help
expect_rc 0 "export --help"
expect_out_has "使い方: tsunagu export" "the command's usage"
expect_out_has "--headings field" "the headings option explained"
expect_out_lacks "tsunagu list" "only that command"
# きっかけ and つなぎ先 (schema 4): set from the command line, shown, logged,
# exported under their Japanese headings and read back into a fresh file
kid=$("$T" add task --title 独居の方の見守り --area 諏訪 --referral-source 民生委員 \
	--connected-to 地域包括支援センター -d "$DB")
run "$T" show task "$kid" -d "$DB"
expect_out_has "きっかけ: 民生委員" "きっかけ shown"
expect_out_has "つなぎ先: 地域包括支援センター" "つなぎ先 shown"
run "$T" add task --title 不明なきっかけ --referral-source 通りすがり -d "$DB"
expect_rc 1 "a きっかけ outside the list is refused"
"$T" edit task "$kid" --connected-to 社会福祉協議会 -d "$DB" >/dev/null
run "$T" history task "$kid" -d "$DB"
expect_out_has "つなぎ先	地域包括支援センター → 社会福祉協議会" "the edit is in the change log"
"$T" export tasks -o "$WORK/kk.csv" -d "$DB"
F4="$WORK/fresh4.db"
"$T" init -d "$F4" 2>/dev/null
"$T" export parties -o "$WORK/kp.csv" -d "$DB"
"$T" import parties "$WORK/kp.csv" -d "$F4" >/dev/null
run "$T" import tasks "$WORK/kk.csv" -d "$F4"
expect_rc 0 "tasks with きっかけ and つなぎ先 imported"
run "$T" show task "$kid" -d "$F4"
expect_out_has "きっかけ: 民生委員" "きっかけ came across"
expect_out_has "つなぎ先: 社会福祉協議会" "つなぎ先 came across"
# ordinary fields: a copy's edit merges in, and undo takes an edit back
"$T" snapshot "$WORK/laptop.db" -d "$DB" >/dev/null
"$T" edit task "$kid" --referral-source 近隣住民 -d "$WORK/laptop.db" >/dev/null
run "$T" merge "$WORK/laptop.db" -d "$DB"
expect_rc 0 "merge a copy's きっかけ"
run "$T" show task "$kid" -d "$DB"
expect_out_has "きっかけ: 近隣住民" "the copy's きっかけ merged in"
"$T" edit task "$kid" --connected-to 医療機関 -d "$DB" >/dev/null
run "$T" undo -d "$DB"
expect_rc 0 "undo the つなぎ先 edit"
run "$T" show task "$kid" -d "$DB"
expect_out_has "つなぎ先: 社会福祉協議会" "undo put the つなぎ先 back"
# a list made by hand in Excel, headed as people head them (名前, フリガナ,
# 電話番号 and a second number under 携帯電話, メールアドレス, 所在地, 地区):
# read into the fields they mean, the second number named as not read, and
# read twice adds nothing; a list headed 団体名 is one of groups
F5="$WORK/fresh5.db"
"$T" init -d "$F5" 2>/dev/null
printf '%s\r\n' '名前,フリガナ,電話番号,携帯電話,メールアドレス,所在地,地区,備考' \
	'石川 ゆかり,イシカワ ユカリ,042-371-0001,090-1111-2222,yukari@example.jp,多摩市諏訪2-1,諏訪,傾聴ボランティア' \
	'落合 学,おちあい まなぶ,０４２－３７５－０００２,,,多摩市落合1-1,,' | iconv -f utf-8 -t cp932 >"$WORK/名簿.csv"
run "$T" import parties "$WORK/名簿.csv" -d "$F5"
expect_rc 0 "a hand-made list is read (stderr: $ERR)"
expect_out_has "新規 2 件" "both people added"
expect_out_has "列「携帯電話」は前の列と同じ項目なので読み込みません (前の列を読みます)" "the second number is named, not taken"
expect_eq "$(sqlite3 "$F5" "SELECT kind || '|' || kana || '|' || phone || '|' || email || '|' || address || '|' || notes FROM party WHERE name = '石川 ゆかり'")" \
	"person|イシカワ ユカリ|042-371-0001|yukari@example.jp|多摩市諏訪2-1|傾聴ボランティア" "each column in its field"
expect_eq "$(sqlite3 "$F5" "SELECT a.name FROM party p JOIN party_area x ON x.party_id = p.id JOIN area a ON a.id = x.area_id WHERE p.name = '石川 ゆかり'")" \
	"諏訪中学区" "地区 names the area"
expect_eq "$(sqlite3 "$F5" "SELECT phone FROM party WHERE name = '落合 学'")" "042-375-0002" "a number typed in full width"
run "$T" import parties "$WORK/名簿.csv" -d "$F5"
expect_out_has "新規 0 件、更新 0 件、変更なし 2 件" "read twice: nothing added"
printf '%s\n' '団体名,フリガナ,連絡先,所在地' '多摩川クラブ,たまがわくらぶ,042-300-1234,多摩市関戸3-3' >"$WORK/団体.csv"
run "$T" import parties "$WORK/団体.csv" -d "$F5"
expect_rc 0 "a list of groups (stderr: $ERR)"
expect_eq "$(sqlite3 "$F5" "SELECT kind || '|' || phone FROM party WHERE name = '多摩川クラブ'")" "org|042-300-1234" "団体名: a group, 連絡先 its number"
printf '%s\n' 'タイトル,ステータス,締切,担当,詳細' '集会所の鍵の受け渡し,対応中,2027-01-15,中村,自治会長から相談' >"$WORK/課題.csv"
run "$T" import tasks "$WORK/課題.csv" -d "$F5"
expect_rc 0 "a hand-made task list (stderr: $ERR)"
expect_eq "$(sqlite3 "$F5" "SELECT status || '|' || due || '|' || assignee || '|' || body FROM task WHERE title = '集会所の鍵の受け渡し'")" \
	"対応中|2027-01-15|中村|自治会長から相談" "task columns in their fields"
# --headings is for the CSV of parties, tasks and events: elsewhere it is
# refused, not silently ignored (a vCard has no headings to choose)
for kind in vcard ical karte matrix; do
	run "$T" export "$kind" --headings field -d "$F5"
	expect_rc 2 "export $kind --headings"
	expect_err_has "--headings は parties・tasks・events の書き出しで使えます" "export $kind --headings says where it applies"
done
run "$T" export tasks --headings field -d "$F5"
expect_rc 0 "export tasks --headings field"
expect_out_has "集会所の鍵の受け渡し" "the task exported"
done_tests
