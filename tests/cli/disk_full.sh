# A write that runs out of room (disk full, or a file-size limit: an I/O
# error) is a database problem, exit 3, and leaves the file whole: no
# hot -journal, the .db alone as it was before (issue 14 item 4).
. "$(dirname "$0")/lib/common.bash"

big_csv() { # parties with long notes: several MB
	{
		echo "name,kind,notes"
		for i in $(seq 1 2500); do
			printf '山田%d,person,' "$i"
			printf '見守り活動の記録%.0s' $(seq 1 40)
			echo
		done
	} >"$1"
}
big_csv "$WORK/大量.csv"

# the file-size limit: writes fail with EFBIG, which SQLite reports as
# an I/O error (SIGXFSZ is ignored so the write returns the error)
"$T" init -d "$DB" 2>/dev/null
"$T" add party --name 鈴木一郎 -d "$DB" >/dev/null
before=$(sha256sum <"$DB")
set +e
(trap '' XFSZ; ulimit -f $(( $(stat -c %s "$DB") / 1024 + 600 )); exec "$T" import parties "$WORK/大量.csv" -d "$DB") >"$WORK/out" 2>"$WORK/err"
RC=$?
set -e
ERR=$(cat "$WORK/err")
expect_rc 3 "import past the file-size limit"
expect_err_has "変更は取り消しました" "says nothing was changed"
[ ! -e "$DB-journal" ] || fail "a hot journal was left"
ok
expect_eq "$(sha256sum <"$DB")" "$before" "the .db alone is as before"
expect_eq "$(sqlite3 "$DB" "PRAGMA integrity_check")" ok "integrity"

# a real ENOSPC on a 2 MB tmpfs, in a private mount namespace
if unshare -rm true 2>/dev/null; then
	set +e
	unshare -rm bash -c '
		mkdir -p "$1/small" && mount -t tmpfs -o size=2m tmpfs "$1/small" || exit 99
		"$2" init -d "$1/small/t.db" 2>/dev/null
		"$2" add party --name 鈴木一郎 -d "$1/small/t.db" >/dev/null
		sha256sum <"$1/small/t.db" >"$1/before"
		"$2" import parties "$1/大量.csv" -d "$1/small/t.db" 2>"$1/err"
		echo $? >"$1/rc"
		sha256sum <"$1/small/t.db" >"$1/after"
		ls -A "$1/small" >"$1/ls"
	' sh "$WORK" "$T"
	set -e
	RC=$(cat "$WORK/rc")
	ERR=$(cat "$WORK/err")
	expect_rc 3 "import onto a full disk"
	expect_err_has "ディスクがいっぱいです" "says the disk is full"
	expect_eq "$(cat "$WORK/after")" "$(cat "$WORK/before")" "the .db alone is as before"
	expect_eq "$(cat "$WORK/ls")" "t.db" "no journal left"
else
	echo "note: no user namespaces here; the ENOSPC case was not run" >&2
fi
done_tests
