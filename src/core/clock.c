#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "tsunagu/clock.h"

/* $TSUNAGU_NOW as "YYYY-MM-DDTHH:MM:SSZ" or seconds; 0 when unset/invalid. */
static uint64_t fixed_now_ms(void)
{
	const char *v = getenv("TSUNAGU_NOW");
	if (!v || !*v)
		return 0;
	struct tm tm = {0};
	const char *end = strptime(v, "%Y-%m-%dT%H:%M:%S", &tm);
	if (end)
		return (uint64_t)timegm(&tm) * 1000;
	char *e;
	unsigned long long s = strtoull(v, &e, 10);
	return *e ? 0 : (uint64_t)s * 1000;
}

uint64_t clock_now_ms(void)
{
	uint64_t fixed = fixed_now_ms();
	if (fixed)
		return fixed;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

uint64_t hlc_next(uint64_t last, uint64_t now_ms)
{
	uint64_t wall = now_ms << HLC_COUNTER_BITS;
	return wall > last ? wall : last + 1;
}

uint64_t hlc_ms(uint64_t stamp)
{
	return stamp >> HLC_COUNTER_BITS;
}

void clock_iso(uint64_t ms, char *buf, size_t n)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void clock_today(char *buf, size_t n)
{
	time_t t = (time_t)(clock_now_ms() / 1000);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, n, "%Y-%m-%d", &tm);
}
