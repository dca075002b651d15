#ifndef TSUNAGU_CLOCK_H
#define TSUNAGU_CLOCK_H
#include <stdint.h>
#include <stddef.h>

/*
 * Hybrid logical clock (DESIGN §5).  A stamp is a 64-bit integer:
 * wall-clock milliseconds shifted left 16 bits plus a counter, so it orders
 * like time but never goes backward, even when a laptop's clock is behind
 * the copy it merged from.
 */
#define HLC_COUNTER_BITS 16

/* Milliseconds since the Unix epoch; $TSUNAGU_NOW (ISO 8601 or seconds)
 * overrides it so tests are repeatable. */
uint64_t clock_now_ms(void);
/* The next stamp after `last`, given the wall clock `now_ms`. */
uint64_t hlc_next(uint64_t last, uint64_t now_ms);
/* The stamp's wall-clock part in milliseconds. */
uint64_t hlc_ms(uint64_t stamp);
/* ISO 8601 UTC "2026-11-23T09:15:02Z" for `ms`; buf at least 21 bytes. */
void clock_iso(uint64_t ms, char *buf, size_t n);
/* Today's local date "YYYY-MM-DD" (honours $TSUNAGU_NOW); buf >= 11. */
void clock_today(char *buf, size_t n);

#endif
