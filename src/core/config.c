#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tsunagu/config.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/syserr.h"

const char *config_home_dir(void)
{
	const char *home = getenv("HOME");
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw && pw->pw_dir ? pw->pw_dir : "/tmp";
	}
	return home;
}

char *config_expand_home(const char *path)
{
	struct sbuf b = {0};
	if (path[0] == '~' && (path[1] == '/' || path[1] == '\0'))
		sbuf_addf(&b, "%s%s", config_home_dir(), path + 1);
	else
		sbuf_add(&b, path);
	return sbuf_detach(&b);
}

/* $XDG_<kind>_HOME or ~/<fallback>, joined with "tsunagu/<file>". */
static char *xdg_path(const char *env, const char *fallback, const char *file)
{
	struct sbuf b = {0};
	const char *base = getenv(env);
	if (base && *base)
		sbuf_add(&b, base);
	else
		sbuf_addf(&b, "%s/%s", config_home_dir(), fallback);
	sbuf_addf(&b, "/tsunagu/%s", file);
	return sbuf_detach(&b);
}

char *config_default_db_path(void)
{
	const char *db = getenv("TSUNAGU_DB");
	if (db && *db)
		return xstrdup(db);
	return xdg_path("XDG_DATA_HOME", ".local/share", "tsunagu.db");
}

char *config_demo_db_path(void)
{
	return xdg_path("XDG_DATA_HOME", ".local/share", "demo.db");
}

char *config_state_path(const char *file)
{
	return xdg_path("XDG_STATE_HOME", ".local/state", file);
}

char *config_file_path(void)
{
	return xdg_path("XDG_CONFIG_HOME", ".config", "config");
}

enum tsu_status config_make_parent_dirs(const char *path, struct tsu_error *err)
{
	char *dir = xstrdup(path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			tsu_fail(err, TSU_IO, "%s: フォルダを作れません: %s", dir, syserr_text(errno, true));
			free(dir);
			return TSU_IO;
		}
		*p = '/';
	}
	free(dir);
	return TSU_OK;
}

/* Cuts blanks from both ends of s in place ("date_style = wareki"). */
static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* False for a date_style the program does not know (it keeps iso). */
static bool config_set(struct user_config *c, const char *key, const char *val)
{
	if (strcmp(key, "date_style") == 0)
		return date_style_parse(val, &c->date_style);
	char **slot = strcmp(key, "name") == 0 ? &c->name :
		      strcmp(key, "role") == 0 ? &c->role :
		      strcmp(key, "sync_dir") == 0 ? &c->sync_dir : NULL;
	if (!slot || !*val)
		return true;
	free(*slot);
	*slot = xstrdup(val);
	return true;
}

enum tsu_status config_load(struct user_config *c, struct tsu_error *err)
{
	c->name = c->role = c->sync_dir = NULL;
	c->date_style = DATE_STYLE_ISO;
	char *path = config_file_path();
	FILE *f = fopen(path, "r");
	if (!f) {
		enum tsu_status st = errno == ENOENT ? TSU_OK :
			tsu_fail(err, TSU_IO, "%s: 設定を読めません: %s", path, syserr_text(errno, false));
		free(path);
		return st;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	enum tsu_status st = TSU_OK;
	for (int lineno = 1; (n = getline(&line, &cap, f)) > 0; lineno++) {
		line[strcspn(line, "\r\n")] = '\0';
		char *eq = strchr(line, '=');
		if (line[0] == '#' || !eq)
			continue;
		*eq = '\0';
		const char *val = trim(eq + 1);
		if (!config_set(c, trim(line), val) && st == TSU_OK)
			st = tsu_fail(err, TSU_INVALID, "%s:%d: date_style は iso か wareki です"
				      " (「%s」は使えません。iso で表示します)", path, lineno, val);
	}
	free(line);
	fclose(f);
	free(path);
	return st;
}

enum tsu_status config_save(const struct user_config *c, struct tsu_error *err)
{
	char *path = config_file_path();
	struct sbuf tmp = {0};
	sbuf_addf(&tmp, "%s.tmp", path);
	enum tsu_status st = config_make_parent_dirs(path, err);
	int fd = st == TSU_OK ? open(tmp.s, O_WRONLY | O_CREAT | O_TRUNC, 0600) : -1;
	if (st == TSU_OK && fd < 0)
		st = tsu_fail(err, TSU_IO, "%s: 設定を書けません: %s", path, syserr_text(errno, true));
	if (fd >= 0) {
		FILE *f = fdopen(fd, "w");
		fprintf(f, "# tsunagu user settings\nname=%s\nrole=%s\n"
			"# date_style=iso (2026-11-25 15:17) or wareki (令和8年11月25日 15:17)\n"
			"date_style=%s\n",
			c->name ? c->name : "", c->role ? c->role : "",
			date_style_name(c->date_style));
		if (c->sync_dir)
			fprintf(f, "# tsunagu sync: the shared folder of change files\nsync_dir=%s\n",
				c->sync_dir);
		if (fclose(f) != 0 || rename(tmp.s, path) != 0)
			st = tsu_fail(err, TSU_IO, "%s: 設定を書けません: %s", path, syserr_text(errno, true));
	}
	sbuf_free(&tmp);
	free(path);
	return st;
}

void config_free(struct user_config *c)
{
	free(c->name);
	free(c->role);
	free(c->sync_dir);
	c->name = c->role = c->sync_dir = NULL;
}

const char *config_author(const struct user_config *c)
{
	const char *u = getenv("TSUNAGU_USER");
	if (u && *u)
		return u;
	return c && c->name && *c->name ? c->name : NULL;
}

const char *config_login_name(void)
{
	struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_name && *pw->pw_name)
		return pw->pw_name;
	const char *u = getenv("USER");
	return u && *u ? u : "unknown";
}
