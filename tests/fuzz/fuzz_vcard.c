/* vCard reading (content lines, folding, quoted-printable, charsets) and
 * writing back what was read. */
#include "fuzz_util.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/vcard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tsu_error err = {0};
	struct ctl_reader *r;
	struct vcard c = {0};
	bool got = false;
	FILE *fp = fuzz_stream(data, size);

	if (!fp)
		return 0;
	if (ctl_open_fp(fp, "fuzz.vcf", IO_ENC_AUTO, &r, &err) != TSU_OK) {
		fuzz_check_error(&err);
		return 0;
	}
	for (int n = 0; n < 1000; n++) {
		if (vcard_next(r, &c, &got, &err) != TSU_OK) {
			fuzz_check_error(&err);
			break;
		}
		if (!got)
			break;
		struct sbuf out = {0};
		if (c.problem) /* quoted in the skip list: whole characters only */
			FUZZ_REQUIRE(fuzz_utf8_ok(c.problem));
		(void)vcard_is_org(&c);
		vcard_write(&out, &c);
		FUZZ_REQUIRE(fuzz_utf8_ok(sbuf_str(&out)));
		sbuf_free(&out);
	}
	vcard_clear(&c);
	ctl_close(r);
	return 0;
}
