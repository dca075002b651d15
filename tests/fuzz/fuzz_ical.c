/* iCalendar reading (VEVENT, VTODO, dates and times) and writing back. */
#include "fuzz_util.h"
#include "tsunagu/ical.h"
#include "tsunagu/icaltime.h"
#include "tsunagu/sbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tsu_error err = {0};
	struct ctl_reader *r;
	struct ical_item it = {0};
	bool got = false;
	FILE *fp = fuzz_stream(data, size);

	if (!fp)
		return 0;
	if (ctl_open_fp(fp, "fuzz.ics", IO_ENC_AUTO, &r, &err) != TSU_OK) {
		fuzz_check_error(&err);
		return 0;
	}
	struct sbuf out = {0};
	struct ical_zones *zones = ical_zones_new(); /* VTIMEZONEs through libical */
	ical_begin(&out);
	for (int n = 0; n < 1000; n++) {
		if (ical_next(r, zones, &it, &got, &err) != TSU_OK) {
			fuzz_check_error(&err);
			break;
		}
		if (!got)
			break;
		if (it.problem)
			FUZZ_REQUIRE(fuzz_utf8_ok(it.problem));
		ical_write(&out, &it, "20250401T000000Z");
	}
	ical_end(&out);
	FUZZ_REQUIRE(fuzz_utf8_ok(sbuf_str(&out)));
	sbuf_free(&out);
	ical_clear(&it);
	ical_zones_free(zones);
	ctl_close(r);
	return 0;
}
