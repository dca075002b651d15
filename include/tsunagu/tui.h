#ifndef TSUNAGU_TUI_H
#define TSUNAGU_TUI_H
#include <stdbool.h>
#include "tsunagu/localtime.h"

/* The full-screen program (the only code that calls curses). */
struct tui_options {
	const char *db_path; /* file to open; created (ten areas) if missing */
	const char *author;  /* NULL: first run, ask the user's name and role */
	bool demo;           /* --demo: make db_path a demo file if missing */
	enum date_style date_style; /* how times and dates read (config) */
	const char *notice;  /* shown on the status line at start (config warning) */
	const char *timing;  /* --timing FILE: first frame and per-key times, or NULL */
};

/* Runs until the user quits; returns the process exit status. */
int tui_main(const struct tui_options *opt);

#endif
