# An older file is upgraded as it opens, up to a minute on a city's file:
# on a terminal the command says so first (and where the original is
# kept), so that no one takes the wait for a hang; into a pipe it says
# nothing; a file already upgraded opens without a word.
. "$(dirname "$0")/lib/common.bash"
command -v script >/dev/null || fail "script (util-linux) is missing"
latest=$("$T" init -d "$WORK/new.db" 2>/dev/null; sqlite3 "$WORK/new.db" 'PRAGMA user_version')
"$T" init -d "$DB" 2>/dev/null
"$T" add party --name 旧版の会 --kind org -d "$DB" >/dev/null
sqlite3 "$DB" < "$(dirname "$0")/lib/to-v4.sql"
cp "$DB" "$WORK/piped.db"

OUT=$(script -qec "$(printf '%q ' "$T" list parties --format tsv -d "$DB")" /dev/null | tr -d '\r')
expect_out_has "を新しい版 (4 → $latest) に更新しています。元のファイルは $DB.bak-v4 に残します" \
	"on a terminal, the upgrade is said before it starts"
expect_out_has "旧版の会" "and the command does its work after"
expect_eq "$(sqlite3 "$DB" 'PRAGMA user_version')" "$latest" "the file is upgraded"
OUT=$(script -qec "$(printf '%q ' "$T" list parties --format tsv -d "$DB")" /dev/null | tr -d '\r')
expect_out_lacks "に更新しています" "an upgraded file opens without a word"

run "$T" list parties --format tsv -d "$WORK/piped.db"
expect_rc 0 "into a pipe"
expect_eq "$ERR" "" "into a pipe nothing is said"
expect_out_has "旧版の会" "the piped command's output"
done_tests
