# Sync through a shared folder (issue 8): three copies of one file, each
# editing the same and different records, sync through one directory in
# random orders; after each has synced twice (one round after another) all
# three hold the same data.  A change file cut short, damaged or not ours is
# skipped with one line while the others still come in; a read-only folder
# still receives; a missing folder is a clear error; every change file is
# 0600 and written only by the copy its name says.
. "$(dirname "$0")/lib/common.bash"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
F="$WORK/共有フォルダ"
mkdir -p "$F"
A="$WORK/a.db" B="$WORK/b.db" C="$WORK/c.db"
"$T" init -d "$A" >/dev/null 2>&1
P=$("$T" add party --name 鈴木一郎 --kana すずきいちろう --kind person --area 諏訪 -d "$A")
Q=$("$T" add party --name 桜ヶ丘三丁目自治会 --kind org --area 東寺方 -d "$A")
K=$("$T" add task --title 見守り活動の立ち上げ --area 諏訪 --status 未着手 -d "$A")
cp "$A" "$B"
cp "$A" "$C"

# A sync sends every creation whole and leaves this file's own as they
# are: a row stands for its creation until it changes (creation.c), so the
# file does not grow by a copy of every record (a city's file: 160 MB).
D="$WORK/d.db" G="$WORK/送るだけ"
mkdir -p "$G"
cp "$A" "$D"
unpinned() { sqlite3 "$1" "SELECT count(*) FROM changes WHERE field = '_created' AND new_value IS NULL"; }
before=$(unpinned "$D")
[ "$before" -gt 3 ] || fail "a new file's creations are unpinned ($before)"
run "$T" sync "$G" -d "$D"
expect_rc 0 "a sync that only sends"
expect_eq "$(unpinned "$D")" "$before" "the file's creations stay as they were after a sync"
cf=$(ls "$G"/*.tsunagu-changes)
expect_eq "$(sqlite3 "$cf" "SELECT count(*) FROM changelog WHERE field = '_created' AND new_value IS NULL")" \
	0 "every creation travels whole"
expect_eq "$(sqlite3 "$cf" "SELECT json_extract(new_value, '\$.name') || ' ' || json_extract(new_value, '\$.kana')
	FROM changelog WHERE row_id = '$P' AND field = '_created'")" "鈴木一郎 すずきいちろう" \
	"a creation carries its record's fields"

# One change file per copy, named by the copy's replica id, holding it.
check_files() {
	"$PY" - "$F" <<'EOF' || fail "change files: $1"
import os, sqlite3, sys
d = sys.argv[1]
for n in os.listdir(d):
    if not n.endswith('.tsunagu-changes') or n.startswith(('x', 'ほか', 'broken')):
        continue
    p = os.path.join(d, n)
    assert oct(os.stat(p).st_mode & 0o777) == '0o600', (n, oct(os.stat(p).st_mode))
    db = sqlite3.connect('file:%s?mode=ro' % p, uri=True)
    meta = dict(db.execute('select key, value from meta'))
    assert meta['replica_id'] + '.tsunagu-changes' == n, (n, meta['replica_id'])
    assert int(meta['changes']) == db.execute('select count(*) from changelog').fetchone()[0]
EOF
	ok
}

# Everything a user sees of the data, the same in every copy.
state() {
	for k in parties tasks; do "$T" list "$k" --format json -d "$1"; done
	"$T" export parties -d "$1"
}

same_three() {
	local sa sb sc
	sa=$(state "$A"); sb=$(state "$B"); sc=$(state "$C")
	[ "$sa" = "$sb" ] || fail "$1: a and b differ: $(diff <(echo "$sa") <(echo "$sb") | head -5)"
	[ "$sa" = "$sc" ] || fail "$1: a and c differ: $(diff <(echo "$sa") <(echo "$sc") | head -5)"
	ok
	# no record twice
	dups=$("$T" list parties --format json -d "$A" | "$PY" -c '
import json, sys, collections
rows = json.load(sys.stdin)
c = collections.Counter(r["name"] for r in rows)
print(" ".join(n for n, k in c.items() if k > 1))')
	[ -z "$dups" ] || fail "$1: duplicated records: $dups"
	ok
}

sync_in_order() {
	local order=(A B C) i j t
	for ((i = 2; i > 0; i--)); do
		j=$((RANDOM % (i + 1)))
		t=${order[i]}; order[i]=${order[j]}; order[j]=$t
	done
	for x in "${order[@]}"; do
		run "$T" sync "$F" -d "${!x}"
		expect_rc 0 "round $2 sync of $x (seed $1)"
	done
}

for seed in 11 2026 4649 $((RANDOM)); do
	RANDOM=$seed
	# the same record edited in all three, different records in each
	"$T" edit party "$P" --phone "042-$seed-0001" -d "$A" >/dev/null
	"$T" edit party "$P" --phone "042-$seed-0002" --kana "すずき$seed" -d "$B" >/dev/null
	"$T" edit party "$P" --notes "メモ$seed" -d "$C" >/dev/null
	"$T" add party --name "山本$seed" --kind person -d "$A" >/dev/null
	"$T" add party --name "佐藤$seed" --kind person -d "$B" >/dev/null
	"$T" add party --name "高橋$seed" --kind person -d "$C" >/dev/null
	"$T" edit task "$K" --status 対応中 -d "$B" >/dev/null
	"$T" edit task "$K" --priority 高 -d "$C" >/dev/null
	sync_in_order "$seed" 1
	sync_in_order "$seed" 2
	same_three "seed $seed"
	check_files "seed $seed"
done
# a set field (offers) grown in two copies keeps both additions
"$T" edit party "$P" --offers "見守り" -d "$B" >/dev/null
"$T" edit party "$P" --offers "スマホ講師" -d "$C" >/dev/null
sync_in_order 3 1
sync_in_order 3 2
same_three "offers"
run "$T" show party "$P" -d "$A"
expect_out_has "見守り" "offers added in two copies both stay"
expect_out_has "スマホ講師" "offers added in two copies both stay"

# edit against delete, then converge
"$T" delete party "$Q" -d "$A" >/dev/null 2>&1
"$T" edit party "$Q" --phone 042-999-9999 -d "$B" >/dev/null
sync_in_order 7 1
sync_in_order 7 2
same_three "edit against delete"

# nothing new: said so, and neither the change file nor a backup is written
expect_eq "$(mode_of "$A.bak-merge")" 600 "a backup before changes came in"
rm -f "$A.bak-merge" "$B.bak-merge" "$C.bak-merge"
own=$(ls "$F" | head -1)
inode=$(stat -c %i "$F/$own")
for x in A B C; do
	run "$T" sync "$F" -d "${!x}"
	expect_rc 0 "idempotent sync of $x"
	expect_out_has "同期済みです" "a sync with nothing new says so"
	expect_out_has "新しい変更はありません" "nothing received"
done
expect_eq "$(stat -c %i "$F/$own")" "$inode" "an unchanged change file is left alone"
[ ! -e "$A.bak-merge" ] && [ ! -e "$B.bak-merge" ] && [ ! -e "$C.bak-merge" ] ||
	fail "a sync that brought nothing wrote a backup"
ok

# Temporary files a stopped sync left: a's own old ones go, others' stay.
arep=$("$PY" -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select value from meta where key = '"'replica_id'"'").fetchone()[0])' "$A")
touch -d '2 hours ago' "$F/.$arep.tsunagu-changes-old123" "$F/.0000-other.tsunagu-changes-old456"
touch "$F/.$arep.tsunagu-changes-new789"
"$T" add party --name 石井真理子 --kind person -d "$A" >/dev/null
run "$T" sync "$F" -d "$A"
expect_rc 0 "sync beside stale temporary files"
[ ! -e "$F/.$arep.tsunagu-changes-old123" ] || fail "an old temporary file of a's stays"
[ -e "$F/.$arep.tsunagu-changes-new789" ] || fail "a young temporary file was removed"
[ -e "$F/.0000-other.tsunagu-changes-old456" ] || fail "another copy's temporary file was removed"
ok
rm -f "$F/.$arep.tsunagu-changes-new789" "$F/.0000-other.tsunagu-changes-old456"

# A change file cut short is skipped with one line; the rest still come in.
"$T" add party --name 中村みどり --kind person -d "$C" >/dev/null
"$T" add party --name 小林健太 --kind person -d "$A" >/dev/null
run "$T" sync "$F" -d "$C"
run "$T" sync "$F" -d "$A"
afile=$("$PY" - "$F" "$A" <<'EOF'
import os, sqlite3, sys
d = sys.argv[1]
rep = sqlite3.connect(sys.argv[2]).execute("select value from meta where key='replica_id'").fetchone()[0]
print(os.path.join(d, rep + '.tsunagu-changes'))
EOF
)
[ -f "$afile" ] || fail "a's change file: $afile"
size=$(stat -c %s "$afile")
head -c $((size / 2)) "$afile" >"$WORK/half" && cat "$WORK/half" >"$afile"
run "$T" sync "$F" -d "$B"
expect_rc 0 "a sync with a cut-short change file"
expect_err_has "$(basename "$afile"): 途中で切れています" "the cut-short file is named with why"
expect_eq "$(grep -c 読み飛ばしました <<<"$ERR")" 1 "one line for the skipped file"
run "$T" list parties -d "$B"
expect_out_has "中村みどり" "the other change file still came in"
expect_out_lacks "小林健太" "nothing of the cut-short file came in"

# Files that are not ours: random bytes, a tsunagu database, another SQLite file.
head -c 5000 /dev/urandom >"$F/ほかのファイル.tsunagu-changes"
cp "$A" "$F/x-database.tsunagu-changes"
"$PY" -c 'import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute("create table t(名前)"); db.commit()' \
	"$F/broken-other.tsunagu-changes"
run "$T" sync "$F" -d "$C"
expect_rc 0 "sync with files not ours"
expect_err_has "ほかのファイル.tsunagu-changes: tsunagu の変更ファイルではありません" "random bytes skipped"
expect_err_has "x-database.tsunagu-changes: tsunagu のデータベースで、変更ファイルではありません" "a database skipped"
expect_err_has "broken-other.tsunagu-changes: tsunagu の変更ファイルではありません" "another SQLite file skipped"
expect_eq "$(grep -c 読み飛ばしました <<<"$ERR")" 4 "one line each (and the cut-short one)"
expect_out_has "送信:" "the own change file is still written"
rm -f "$F/ほかのファイル.tsunagu-changes" "$F/x-database.tsunagu-changes" "$F/broken-other.tsunagu-changes"

# Files from a newer version (format or schema), and a change file renamed.
G="$WORK/newer"
mkdir -p "$G"
bfile=$(ls "$F"/*.tsunagu-changes | grep -v "$(basename "$afile")" | head -1)
cp "$bfile" "$G/newer-format.tsunagu-changes"
cp "$bfile" "$G/$(basename "$bfile")"
cp "$bfile" "$G/改名したコピー.tsunagu-changes"
"$PY" - "$G/newer-format.tsunagu-changes" "$G/$(basename "$bfile")" <<'EOF'
import sqlite3, sys
a = sqlite3.connect(sys.argv[1]); a.execute("pragma user_version = 9"); a.commit()
b = sqlite3.connect(sys.argv[2]); b.execute("update meta set value = '99' where key = 'schema_version'"); b.commit()
EOF
run "$T" sync "$G" -d "$A"
expect_rc 0 "sync with files of a newer version"
expect_err_has "newer-format.tsunagu-changes: 新しい版の tsunagu で書かれた変更ファイルです" "newer format skipped"
expect_err_has "$(basename "$bfile"): 新しい版の tsunagu (データベースの版 99)" "newer schema skipped"
expect_err_has "改名したコピー.tsunagu-changes: ファイル名と中身の複製 ID が違います" "renamed copy skipped"
expect_eq "$(grep -c 読み飛ばしました <<<"$ERR")" 3 "one line each"
# a's own sync rewrites its cut-short file whole
run "$T" sync "$F" -d "$A"
expect_out_has "に変更" "a rewrites its damaged change file"
run "$T" sync "$F" -d "$B"
expect_eq "$(grep -c 読み飛ばしました <<<"$ERR" || true)" 0 "nothing skipped once rewritten"
run "$T" list parties -d "$B"
expect_out_has "小林健太" "a's change arrives once its file is whole"
check_files "after damage"

# A missing folder: one clear line, exit 1.  No folder at all: how to set one.
run "$T" sync "$WORK/ないフォルダ" -d "$A"
expect_rc 1 "missing folder"
expect_err_has "同期フォルダがありません" "missing folder message"
expect_one_err_line "missing folder"
run "$T" sync -d "$A"
expect_rc 2 "no folder given nor set"
expect_err_has "sync_dir=" "says which setting to write"
expect_err_has "$XDG_CONFIG_HOME/tsunagu/config" "says where the settings file is"
mkdir -p "$XDG_CONFIG_HOME/tsunagu"
printf 'name=山田 太郎\nsync_dir=%s\n' "$F" >"$XDG_CONFIG_HOME/tsunagu/config"
run "$T" sync -d "$A"
expect_rc 0 "sync with the folder of the settings"
expect_out_has "同期済みです" "the configured folder is the same folder"

# A read-only folder still receives; the own change file is not written.
R="$WORK/ro"
mkdir -p "$R"
"$T" add party --name 渡辺さくら --kind person -d "$B" >/dev/null
"$T" sync "$R" -d "$B" >/dev/null
mkdir -p "$WORK/reader"
cp "$A" "$WORK/reader/reader.db"
as_reader=()
if [ "$(id -u)" = 0 ]; then
	# root writes anywhere: read as the unprivileged user nobody
	if command -v setpriv >/dev/null; then
		chmod 711 "$WORK"
		chown -R 65534:65534 "$WORK/reader" "$R"
		as_reader=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	fi
fi
chmod 555 "$R"
if "${as_reader[@]}" sh -c 'touch "$1/.probe"' sh "$R" 2>/dev/null; then
	echo "skip: the read-only folder cannot be made read-only here"
	rm -f "$R/.probe"
else
	run "${as_reader[@]}" env HOME="$WORK" "$T" sync "$R" -d "$WORK/reader/reader.db"
	expect_rc 0 "a read-only folder receives"
	expect_err_has "自分の変更ファイル" "says the own change file could not be written"
	expect_err_has "受信だけ行いました" "says it only received"
	expect_out_has "変更 1 件を取り込みました" "received the other's change"
	run "$T" list parties -d "$WORK/reader/reader.db"
	expect_out_has "渡辺さくら" "the record from the folder is there"
	expect_eq "$(ls "$R" | grep -c tsunagu-changes)" 1 "nothing written into the read-only folder"
fi
chmod 755 "$R"

# More copies than SQLite attaches at once (ten): read in several transactions.
M="$WORK/many"
mkdir -p "$M"
for i in 1 2 3 4 5 6 7 8 9 10 11; do
	cp "$A" "$WORK/m$i.db"
	"$T" add party --name "会員$i号" --kind person -d "$WORK/m$i.db" >/dev/null
	"$T" sync "$M" -d "$WORK/m$i.db" >/dev/null
done
run "$T" sync "$M" -d "$A"
expect_rc 0 "sync with eleven other copies"
expect_eq "$(grep -c 取り込みました <<<"$OUT")" 11 "every change file read"
run "$T" list parties -d "$A"
for i in 1 2 3 4 5 6 7 8 9 10 11; do
	expect_out_has "会員$i号" "the record of copy $i came in"
done
done_tests
