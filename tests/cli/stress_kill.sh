# A few runs of scripts/stress: SIGKILL at random moments of an import, a
# burst of edits and a merge leaves a whole file and all-or-nothing actions.
# (scripts/stress --runs 30 does the long version.)
. "$(dirname "$0")/lib/common.bash"
: "${TSUNAGU_SRC:?}"
run env TSUNAGU_BIN="$T" "$TSUNAGU_SRC/scripts/stress" --runs 3
printf '%s\n' "$OUT"
expect_rc 0 "stress runs (stderr: $ERR)"
expect_out_has "scripts/stress: OK" "no failures"
done_tests
