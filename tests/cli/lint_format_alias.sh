# No formatting into a buffer that is also one of the arguments
# (issue 14 item 3): snprintf(x, .., x) is undefined, and sbuf_addf(&b,
# .., b.s) reads memory the append may have moved.  tsu_fail() formats
# into a buffer of its own, so err->msg may be quoted; everything else
# is checked here over the whole source, one statement at a time.
. "$(dirname "$0")/lib/common.bash"
: "${TSUNAGU_SRC:?}"

# scan FILE...: prints each call whose destination is among its arguments
scan() {
	perl -0777 -ne '
		my $file = $ARGV;
		while (/\b(v?sn?printf|sbuf_addf)\s*\(([^;]*?)\);/sg) {
			my ($fn, $args) = ($1, $2);
			my ($dst) = $args =~ /^\s*&?\s*([\w.>\[\]-]+?)\s*,/s or next;
			(my $rest = $args) =~ s/^[^,]*,//s;
			$rest =~ s/sizeof\s*\(?\s*\Q$dst\E\s*\)?//gs;
			my $re = $fn eq "sbuf_addf" ? quotemeta($dst) . "\\s*\\.\\s*s\\b"
				: "(?<![\\w.>])" . quotemeta($dst) . "(?![\\w\\[])";
			print "$file: $fn($args)\n" if $rest =~ /$re/s;
		}' "$@"
}

# the scan finds what it is meant to find
cat >"$WORK/bad.c" <<'C'
void f(struct tsu_error *err, char *b, struct sbuf s)
{
	snprintf(err->msg, sizeof(err->msg), "名簿.csv:%d: %s", 3, err->msg);
	sbuf_addf(&s, "%s%s", s.s, "山田");
	snprintf(b, 10, "%s", "ok");
}
C
expect_eq "$(scan "$WORK/bad.c" | wc -l)" 2 "the scan flags both bad calls and not the good one"

mapfile -d '' files < <(find "$TSUNAGU_SRC/src" "$TSUNAGU_SRC/tests/unit" "$TSUNAGU_SRC/tests/fuzz" -name '*.c' -print0)
hits=$(scan "${files[@]}")
[ -z "$hits" ] || fail "formatting into one of its own arguments:
$hits"
ok
done_tests
