/* Date input (ISO, 2021/4/1, 和暦 令和3年4月1日, R3.4.1) and times of day:
 * whatever is accepted must come out as a valid ISO date that converts
 * back to 和暦 and round-trips through the day count. */
#include "fuzz_util.h"
#include "tsunagu/date.h"
#include "tsunagu/ical.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tsu_error err = {0};
	char iso[DATE_ISO_LEN + 1], wareki[64], hhmm[6];
	char *s = fuzz_cstr(data, size);

	if (date_parse(s, iso, &err) == TSU_OK) {
		int y, m, d, y2, m2, d2;
		FUZZ_REQUIRE(date_is_iso(iso));
		FUZZ_REQUIRE(sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3);
		date_civil_from_days(date_days_from_civil(y, m, d), &y2, &m2, &d2);
		FUZZ_REQUIRE(y == y2 && m == m2 && d == d2);
		(void)date_to_wareki(iso, wareki, sizeof(wareki));
		long days;
		FUZZ_REQUIRE(date_diff_days(iso, iso, &days) && days == 0);
	} else {
		fuzz_check_error(&err);
	}
	if (ical_parse_hhmm(s, hhmm))
		FUZZ_REQUIRE(strlen(hhmm) == 5 && hhmm[2] == ':');
	free(s);
	return 0;
}
