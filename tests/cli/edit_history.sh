# edit leaves history (who, when, old -> new); delete leaves a tombstone.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" 2>/dev/null
id=$("$T" add party --name 鈴木一郎 --kana すずきいちろう --phone 042-000-1111 -d "$DB")
short=${id: -8}

# -d may also stand before the subcommand
run "$T" -d "$DB" edit party "$short" --phone 042-000-2222
expect_rc 0 "edit by short id"
run "$T" history party "$short" -d "$DB"
expect_rc 0 "history"
expect_out_has "電話	042-000-1111 → 042-000-2222" "history old → new"
line=$(grep -F '042-000-1111 → 042-000-2222' <<<"$OUT")
grep -qE '^20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}	山田 太郎	' <<<"$line" || fail "history time and author: $line"
ok

# a prefix of the UUID works as well
run "$T" edit party "${id:0:24}" --kana すずき いちろう -d "$DB"
expect_rc 2 "stray argument is a usage error"
run "$T" edit party "${id:0:24}" --key-person はい -d "$DB"
expect_rc 0 "edit by prefix"
run "$T" show party "$short" -d "$DB"
expect_out_has "キーパーソン: はい" "bool field"

# a yes/no field cannot be emptied: one Japanese line, not SQLite's
run "$T" edit party "$short" --consent "" -d "$DB"
expect_rc 1 "empty consent"
expect_err_has "「本人同意」ははい/いいえ" "names the field and what it takes"
expect_one_err_line "empty consent"
run "$T" show party "$short" -d "$DB"
expect_out_has "キーパーソン: はい" "the flag unchanged"

# a bad value changes nothing and says which field
run "$T" edit party "$short" --generation 宇宙世代 -d "$DB"
expect_rc 1 "bad choice"
expect_err_has "世代" "names the field"
expect_one_err_line "bad choice"

run "$T" delete party "$short" -d "$DB"
expect_rc 0 "delete"
run "$T" list parties --format tsv -d "$DB"
expect_out_lacks "鈴木一郎" "deleted party not listed"
run "$T" show party "$short" -d "$DB"
expect_rc 1 "deleted party not shown"
run "$T" history party "$id" -d "$DB"
expect_out_has "削除" "history keeps the deletion"
[ "$(sqlite3 "$DB" "SELECT deleted_at IS NOT NULL FROM party WHERE id = '$id'")" = 1 ] || fail "tombstone row"
ok
done_tests
