#ifndef TSUNAGU_CLI_PUBLIC_H
#define TSUNAGU_CLI_PUBLIC_H
#include "tsunagu/localtime.h"

/* What main() needs from the command-line layer. */
#include <stdbool.h>

struct cli_globals {
	char *db_path;      /* -d FILE, $TSUNAGU_DB, or the XDG default */
	char *author;       /* $TSUNAGU_USER or config name; NULL if never set */
	bool db_given;      /* -d FILE was on the command line */
	enum date_style date_style; /* config date_style: how times read */
	char *config_warning; /* a setting not understood (NULL: none) */
	char *timing_path;  /* --timing FILE: the app's frame times (scripts/bench) */
};

/*
 * Takes the global options out of argv wherever they stand (-d FILE,
 * --db=FILE, --timing FILE, --help, --version).  Returns -1 to go on, or an exit status
 * when the program should stop (after --help / --version / a usage error).
 */
int cli_globals_parse(int *argc, char **argv, struct cli_globals *g);
void cli_globals_free(struct cli_globals *g);
/* Runs the subcommand argv[0]; returns the exit status. */
int cli_run(const struct cli_globals *g, int argc, char **argv);

#endif
