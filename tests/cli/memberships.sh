# Memberships link a person to an organisation with a role and a term;
# both sides show them, and past terms stop counting towards 兼務.
. "$(dirname "$0")/lib/common.bash"
export TSUNAGU_NOW=2026-06-01T00:00:00
"$T" init -d "$DB" 2>/dev/null
org=$("$T" add party --name 桜ヶ丘三丁目自治会 --kana さくらがおかさんちょうめじちかい --type 自治会・管理組合 --area 東寺方 -d "$DB")
npo=$("$T" add party --name NPO法人見守りネット --type NPO -d "$DB")
p=$("$T" add party --name 佐藤花子 --kana さとうはなこ --key-person はい -d "$DB")

run "$T" add membership --person "${p: -8}" --org "${org: -8}" --role 会長 --from 令和6年4月1日 -d "$DB"
expect_rc 0 "add membership"
"$T" add membership --person "${p: -8}" --org "${npo: -8}" --role 理事 --from 2025/4/1 -d "$DB" >/dev/null
"$T" add membership --person "${p: -8}" --org "${npo: -8}" --role 会計 --from 2020/4/1 --to 2022/3/31 -d "$DB" >/dev/null

run "$T" show party "${p: -8}" -d "$DB"
expect_out_has "会長" "person shows her role"
expect_out_has "桜ヶ丘三丁目自治会" "person shows the org"
run "$T" show party "${org: -8}" -d "$DB"
expect_out_has "佐藤花子" "org shows its member"

run "$T" list parties --search さとう --format json -d "$DB"
/usr/bin/python3 - "$OUT" <<'PY' || fail "roles and load"
import json, sys
r = json.loads(sys.argv[1])[0]
assert r["key_person"] == 1, r
assert r["load"] == 2, r            # the ended 会計 term does not count
assert "会長(桜ヶ丘三丁目自治会)" in r["roles"], r
assert "会計" not in r["roles"], r
PY
ok

run "$T" add membership --person "${p: -8}" -d "$DB"
expect_rc 1 "membership needs an org"
expect_err_has "団体" "names the missing field"
done_tests
