# What the importers refuse rather than misread (issue 14 item 9): a NUL
# in a vCard (it used to cut the name), a field larger than the limit
# (named with file:line and its size); and memory stays under 64 MB for
# the largest field accepted.
. "$(dirname "$0")/lib/common.bash"
"$T" init -d "$DB" 2>/dev/null

printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:山田\000太郎\r\nEND:VCARD\r\n' >"$WORK/nul.vcf"
run "$T" import vcard "$WORK/nul.vcf" -d "$DB"
expect_rc 1 "a NUL byte in a vCard"
expect_err_has "nul.vcf:3: NUL 文字" "names the line"
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=E5=B1=B1=E7=94=B0=00=E5=A4=AA=E9=83=8E\r\nEND:VCARD\r\n' >"$WORK/qp.vcf"
run "$T" import vcard "$WORK/qp.vcf" -d "$DB"
expect_rc 1 "a NUL in quoted-printable"
expect_err_has "qp.vcf:3:" "names the line"
run "$T" list parties --format tsv -d "$DB"
expect_out_lacks "山田" "nothing half-imported"

# sizes: the limit is 2 MB of UTF-8 per record
big() { python3 -c "import sys; sys.stdout.write('見守り' * ($1 // 9))"; }
{ echo "name,kind,notes"; printf '山田太郎,person,'; big 2200000; echo; } >"$WORK/大きい.csv"
run "$T" import parties "$WORK/大きい.csv" -d "$DB"
expect_rc 1 "a field over the limit"
expect_err_has "大きい.csv:2: 1 件が大きすぎます" "names file:line"
expect_err_has "バイトを超えました。上限は 2 MB" "names the size"
{ printf 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:山田 花子\r\nNOTE:'; big 2200000; printf '\r\nEND:VCARD\r\n'; } >"$WORK/大きい.vcf"
run "$T" import vcard "$WORK/大きい.vcf" -d "$DB"
expect_rc 1 "a vCard line over the limit"
expect_err_has "大きい.vcf:4: 1 行が大きすぎます" "names file:line"

{ echo "name,kind,notes"; printf '佐藤一郎,person,'; big 2000000; echo; } >"$WORK/上限.csv"
# (ldd read whole first: `ldd | grep -q` under pipefail fails when grep
# stops reading early, and the sanitizer build was then measured)
libs=$(ldd "$T" 2>/dev/null || true)
if command -v /usr/bin/time >/dev/null && [[ "$libs" != *libasan* ]]; then
	run /usr/bin/time -f '%M' "$T" import parties "$WORK/上限.csv" -d "$DB"
	expect_rc 0 "the largest field accepted"
	kb=$(tail -n 1 <<<"$ERR")
	[ "$kb" -le 65536 ] || fail "peak memory $kb KB for a 2 MB field"
	ok
else
	run "$T" import parties "$WORK/上限.csv" -d "$DB"
	expect_rc 0 "the largest field accepted"
fi
run "$T" list parties --search 佐藤一郎 --format tsv -d "$DB"
expect_out_has "佐藤一郎" "imported whole"
done_tests
