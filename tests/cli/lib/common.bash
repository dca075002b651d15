# Shared by the CLI tests: a private temp HOME, the binary, and assertions
# that say what a user would have seen go wrong.
set -euo pipefail
: "${TSUNAGU_BIN:?TSUNAGU_BIN must name the built binary}"
T="$TSUNAGU_BIN"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tsunagu-cli.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/data" XDG_CONFIG_HOME="$WORK/home/config" XDG_STATE_HOME="$WORK/home/state"
export TSUNAGU_USER="山田 太郎" LC_ALL=C.UTF-8 TZ=Asia/Tokyo
unset TSUNAGU_DB TSUNAGU_NOW
mkdir -p "$HOME"
DB="$WORK/test.db"
PASSED=0

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { PASSED=$((PASSED + 1)); }

# run CMD...: sets OUT, ERR, RC without stopping on failure.
run() {
	set +e
	"$@" >"$WORK/out" 2>"$WORK/err"
	RC=$?
	set -e
	OUT=$(cat "$WORK/out")
	ERR=$(cat "$WORK/err")
}

expect_rc() { [ "$RC" -eq "$1" ] || fail "$2: exit $RC, wanted $1 (stderr: $ERR)"; ok; }
expect_out_has() { grep -qF -- "$1" <<<"$OUT" || fail "$2: stdout lacks «$1»: $OUT"; ok; }
expect_out_lacks() { ! grep -qF -- "$1" <<<"$OUT" || fail "$2: stdout has «$1»"; ok; }
expect_err_has() { grep -qF -- "$1" <<<"$ERR" || fail "$2: stderr lacks «$1»: $ERR"; ok; }
expect_one_err_line() {
	[ "$(printf '%s\n' "$ERR" | grep -c .)" -eq 1 ] || fail "$1: want one stderr line, got: $ERR"
	ok
}
expect_eq() { [ "$1" = "$2" ] || fail "$3: «$1» != «$2»"; ok; }
mode_of() { stat -c %a "$1"; }
done_tests() { echo "$PASSED passed, 0 failed"; }
