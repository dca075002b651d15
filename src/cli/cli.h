#ifndef TSUNAGU_CLI_H
#define TSUNAGU_CLI_H
#include <stdio.h>
#include "tsunagu/localtime.h"
#include "tsunagu/store.h"

/*
 * The command line (DESIGN §7).  main() parses the global options, then
 * finds the subcommand in the table of cli.c and calls its run function.
 * A run function returns an exit status (0 ok, 1 user error, 2 usage,
 * 3 database); it prints results on stdout and at most one error line on
 * stderr, through cli_error()/cli_fail().
 */
struct cli {
	const char *db_path;   /* resolved: -d, $TSUNAGU_DB, XDG default */
	const char *author;    /* $TSUNAGU_USER, config, login name */
	struct store *st;      /* opened lazily by cli_open() */
	bool verify;           /* cli_open checks header, schema and pages
				* (store_verify) before the command writes or copies */
	FILE *out;
	FILE *errf;
	enum date_style date_style; /* how human formats show times */
};

struct cli_command {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv); /* argv[0] = name */
	bool needs_db;         /* cli_run opens the (existing) file before run;
				* verbs that check their arguments first leave
				* this false and call cli_open() themselves, so
				* a usage error is reported as one (exit 2). */
	const char *usage;     /* one line: "list areas|parties|... [--area A]" */
	bool writes;           /* writes to the file or copies it out: the
				* file is verified first (struct cli.verify) */
	const char *help;      /* what it does, in Japanese (--help) */
};

/* The subcommand table, NULL-terminated (cli.c). */
extern const struct cli_command cli_commands[];

/* Opens c->db_path (creating it when `create`); prints the error and
 * returns its exit code on failure, 0 on success. */
int cli_open(struct cli *c, bool create);
/* Prints prefix and the formatted line, then a newline, on f.  The line
 * goes through text_sanitize like everything on the screen: it quotes
 * paths, arguments and cell values, which may hold escape sequences
 * (ESC ] 0 ; ... BEL retitles a terminal).  Every message of the command
 * line that quotes anything is printed through here. */
void cli_say(FILE *f, const char *prefix, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Prints "tsunagu: MESSAGE" on stderr and returns the exit code of st. */
int cli_fail(struct cli *c, const struct tsu_error *err);
int cli_error(struct cli *c, enum tsu_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The help of `tsunagu --help` (cmd NULL) or `tsunagu CMD --help`, in
 * Japanese (cli_help.c); an unknown cmd gives the whole help. */
void cli_print_help(FILE *f, const char *cmd);
/* `tsunagu help [COMMAND]`: the same help as a command (cli_help.c). */
int cli_cmd_help(struct cli *c, int argc, char **argv);
/* Usage error for the command: prints its usage line, returns 2. */
int cli_usage(struct cli *c, const char *cmd, const char *why);

/*
 * Option parsing shared by subcommands: "--name value" / "--name=value".
 * Returns the value of option `name` at argv[*i] (advancing *i past it),
 * or NULL when argv[*i] is not that option.  A missing value is reported
 * through *missing.
 */
const char *cli_opt(int argc, char **argv, int *i, const char *name, bool *missing);

/* A stored value as `show` and `history` print it (new string, NULL for
 * NULL): labels for choices, はい/いいえ, "名前 (id8)" for references, dates
 * in the user's date style (cli_show.c). */
struct field_def;
char *cli_shown_value(struct cli *c, const struct field_def *f, const char *v);

/* Subcommand entry points, one file per verb group. */
int cli_cmd_init(struct cli *c, int argc, char **argv);
int cli_cmd_list(struct cli *c, int argc, char **argv);
int cli_cmd_show(struct cli *c, int argc, char **argv);
int cli_cmd_add(struct cli *c, int argc, char **argv);
int cli_cmd_edit(struct cli *c, int argc, char **argv);
int cli_cmd_delete(struct cli *c, int argc, char **argv);
int cli_cmd_history(struct cli *c, int argc, char **argv);
int cli_cmd_check(struct cli *c, int argc, char **argv);
int cli_cmd_snapshot(struct cli *c, int argc, char **argv);
int cli_cmd_import(struct cli *c, int argc, char **argv);
int cli_cmd_export(struct cli *c, int argc, char **argv);
int cli_cmd_report(struct cli *c, int argc, char **argv);
int cli_cmd_merge(struct cli *c, int argc, char **argv);
int cli_cmd_conflicts(struct cli *c, int argc, char **argv);
int cli_cmd_sync(struct cli *c, int argc, char **argv);
int cli_cmd_deleted(struct cli *c, int argc, char **argv);
int cli_cmd_restore(struct cli *c, int argc, char **argv);
/* The entity a KIND argument names: party, parties, or 関係者・団体; NULL
 * when none (cli_deleted.c). */
const struct entity_def *cli_kind_parse(const char *word);
int cli_cmd_undo(struct cli *c, int argc, char **argv);   /* undo and redo */
int cli_cmd_duplicates(struct cli *c, int argc, char **argv);
int cli_cmd_fold_party(struct cli *c, int argc, char **argv);
int cli_cmd_karte(struct cli *c, int argc, char **argv);   /* cli_area.c */
int cli_cmd_heatmap(struct cli *c, int argc, char **argv);
/* Area work (issue 9): participation by generation, staff coverage. */
int cli_cmd_generations(struct cli *c, int argc, char **argv);
int cli_cmd_coverage(struct cli *c, int argc, char **argv);
/* (aligned tables: cli_table.h) */
int cli_cmd_matrix(struct cli *c, int argc, char **argv);   /* cli_matrix.c */

/* issue 9 (area work, helper C): matching, key-person load, area requests */
int cli_cmd_suggest(struct cli *c, int argc, char **argv);
int cli_cmd_load(struct cli *c, int argc, char **argv);
/* `list requests` (cli_requests.c), called by cli_cmd_list */
int cli_cmd_list_requests(struct cli *c, int argc, char **argv);
#endif
