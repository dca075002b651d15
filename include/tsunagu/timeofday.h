#ifndef TSUNAGU_TIMEOFDAY_H
#define TSUNAGU_TIMEOFDAY_H
#include "tsunagu/status.h"

#define TIME_HM_LEN 5

/*
 * Parses a time of day typed by a person or written by another program and
 * writes "HH:MM" to out (6 bytes).  Accepts: 9:30, 09:30, 14:00:00 (the
 * seconds of Outlook's and Excel's lists dropped), 930 and 1400, 14時,
 * 14時30分, 9時半, 午前9時 / 午後2時30分 / 午後 2:30 (also AM/PM and
 * 2:30 PM), full-width digits and colons (１４：００).  Hours 0-23,
 * minutes 0-59; 午前12時 is midnight and 午後12時 noon; 24:00 is refused.
 * On failure: TSU_INVALID with a message naming the input.
 */
enum tsu_status time_parse(const char *in, char out[TIME_HM_LEN + 1], struct tsu_error *err);

#endif
