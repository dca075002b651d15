#ifndef TSUNAGU_CONFIG_H
#define TSUNAGU_CONFIG_H
#include "tsunagu/localtime.h"
#include "tsunagu/status.h"

/*
 * Per-user settings kept in $XDG_CONFIG_HOME/tsunagu/config
 * (~/.config/tsunagu/config), lines "key=value", mode 0600.
 * Keys: name, role, date_style (iso | wareki: how dates and times read),
 * sync_dir (the shared folder of `tsunagu sync`; "~/" allowed).
 */
struct user_config {
	char *name;  /* user name recorded as author; NULL when never asked */
	char *role;  /* エリアサポーター / 地域福祉コーディネーター / 専任組織 */
	enum date_style date_style; /* DATE_STYLE_ISO unless the file says wareki */
	char *sync_dir; /* `tsunagu sync` with no folder given; NULL when unset */
};

/* Reads the file; a missing file is not an error (fields stay NULL). */
enum tsu_status config_load(struct user_config *c, struct tsu_error *err);
/* Writes the file (directories 0700, file 0600), replacing it atomically. */
enum tsu_status config_save(const struct user_config *c, struct tsu_error *err);
void config_free(struct user_config *c);

/* $TSUNAGU_DB, else $XDG_DATA_HOME/tsunagu/tsunagu.db, else
 * ~/.local/share/tsunagu/tsunagu.db.  New string. */
char *config_default_db_path(void);
/* $XDG_DATA_HOME/tsunagu/demo.db (or ~/.local/share/...): `tsunagu --demo`. */
char *config_demo_db_path(void);
/* The settings file: $XDG_CONFIG_HOME/tsunagu/config.  New string. */
char *config_file_path(void);
/* A file of the program's own state: $XDG_STATE_HOME/tsunagu/FILE (or
 * ~/.local/state/tsunagu/FILE).  New string. */
char *config_state_path(const char *file);
/* $TSUNAGU_USER, else c->name, else NULL (caller may ask, see tui). */
const char *config_author(const struct user_config *c);
/* The login name (getpwuid), or "unknown". */
const char *config_login_name(void);
/* The user's home folder: $HOME, else the password file's, else /tmp. */
const char *config_home_dir(void);
/* "~/x" (and "~") with the home folder put in for "~"; other paths as
 * they are.  New string.  Like a shell, so that a path typed in the app
 * means what it would at a prompt. */
char *config_expand_home(const char *path);
/* Creates the parent directories of `path` with mode 0700. */
enum tsu_status config_make_parent_dirs(const char *path, struct tsu_error *err);

#endif
