#ifndef TSUNAGU_TUI_TIMING_H
#define TSUNAGU_TUI_TIMING_H
/*
 * `tsunagu --timing FILE`: how long the program keeps the user waiting,
 * measured inside it for scripts/bench.  One line per event, appended:
 *
 *   first-frame MS     start of the program to the first frame on screen
 *   key U+XXXX MS      a key read to the program ready for the next one
 *                      (its frame drawn); a function key reads F+XXXX
 *
 * A frame is on screen when the program asks for the next key, so both
 * are taken where keys are read (tui_getkey).  The file holds key codes
 * and times only, never what is shown.
 */
#include <stdio.h>
#include <time.h>

struct tui_timing {
	FILE *f;
	struct timespec start;   /* the program began */
	struct timespec key_at;  /* the last key was read */
	int key;                 /* that key (function keys are negative) */
	int pending;             /* 1 while a key read is not yet reported */
	int waiting;             /* 1 once the first frame was reported */
};

/* Opens `path` for appending (0600); false when it cannot. */
int timing_open(struct tui_timing *tm, const char *path);
/* The program waits for a key: reports the first frame or the last key. */
void timing_idle(struct tui_timing *tm);
/* A key was read. */
void timing_key(struct tui_timing *tm, int key);
void timing_close(struct tui_timing *tm);

#endif
