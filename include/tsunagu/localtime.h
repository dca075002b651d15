#ifndef TSUNAGU_LOCALTIME_H
#define TSUNAGU_LOCALTIME_H
#include <stdbool.h>
#include <stddef.h>

/*
 * Times as a person reads them.  Times are stored and exchanged as ISO 8601
 * UTC ("2026-11-25T06:17:17Z": history, conflicts, created/updated); every
 * screen and every human format of the command line shows them through
 * here, in the local time zone ($TZ) and the user's date style (config key
 * date_style).  Machine formats (json, tsv, csv) keep the stored ISO text.
 */

/* The date styles: enum, config keyword. */
#define DATE_STYLE_LIST(_) \
	_(ISO,    "iso") \
	_(WAREKI, "wareki")

enum date_style {
#define DATE_STYLE_ENUM(id, word) DATE_STYLE_##id,
	DATE_STYLE_LIST(DATE_STYLE_ENUM)
#undef DATE_STYLE_ENUM
	DATE_STYLE_COUNT
};

/* The style named `word` ("iso", "wareki"); false for an unknown word. */
bool date_style_parse(const char *word, enum date_style *out);
/* The config keyword of a style. */
const char *date_style_name(enum date_style style);

/* Enough for "令和10年12月31日 23:59" and any text copied unchanged. */
#define LOCALTIME_MAX 64

/*
 * "2026-11-25T06:17:17Z" with TZ=Asia/Tokyo -> "2026-11-25 15:17" (iso) or
 * "令和8年11月25日 15:17" (wareki).  Text that is not such a time is copied
 * unchanged (cut to fit), and NULL gives "", so a caller never shows less
 * than it was given.  Returns out.
 */
char *localtime_format(const char *iso_utc, enum date_style style, char *out, size_t n);

/* A calendar date "2026-11-25" in the style: unchanged for iso,
 * "令和8年11月25日" for wareki; text that is not a date is copied.  Returns out. */
char *localtime_date(const char *iso_date, enum date_style style, char *out, size_t n);

#endif
