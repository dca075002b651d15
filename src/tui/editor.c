/*
 * Long text in the user's editor: leave curses, run $VISUAL, else $EDITOR,
 * else Debian's sensible-editor (the editor the system chose, nano for
 * most; then nano, then vi where it is missing) on a private temporary
 * file, read it back, return to the screen.  The editor string goes through sh -c like git does, so
 * "code --wait" works; the file name is passed as "$1", never spliced in.
 */
#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "app.h"
#include "screens.h"
#include "strings.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/tmpfiles.h"
#include "tsunagu/syserr.h"

/* True when `name` is an executable file in a directory of $PATH. */
static bool editor_on_path(const char *name)
{
	const char *path = getenv("PATH");
	bool found = false;
	if (!path || !*path)
		path = "/usr/bin:/bin";
	char *copy = xstrdup(path), *save = NULL;
	for (char *dir = strtok_r(copy, ":", &save); dir && !found;
	     dir = strtok_r(NULL, ":", &save)) {
		struct sbuf file = {0};
		sbuf_addf(&file, "%s/%s", *dir ? dir : ".", name);
		found = access(file.s, X_OK) == 0;
		sbuf_free(&file);
	}
	free(copy);
	return found;
}

static const char *editor_command(void)
{
	static const char *const fallback[] = {"sensible-editor", "nano"};
	const char *e = getenv("VISUAL");
	if (!e || !*e)
		e = getenv("EDITOR");
	if (e && *e)
		return e;
	for (size_t i = 0; i < sizeof(fallback) / sizeof(fallback[0]); i++)
		if (editor_on_path(fallback[i]))
			return fallback[i];
	return "vi";
}

static bool editor_write(int fd, const char *text)
{
	size_t len = text ? strlen(text) : 0, done = 0;
	while (done < len) {
		ssize_t w = write(fd, text + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		done += (size_t)w;
	}
	/* editors expect a final newline; it is taken off again on reading */
	return write(fd, "\n", 1) == 1;
}

static char *editor_read(const char *path)
{
	FILE *fp = fopen(path, "rb");
	struct sbuf b = {0};
	char buf[4096];
	size_t n;
	if (!fp)
		return NULL;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		sbuf_addn(&b, buf, n);
	fclose(fp);
	while (b.len > 0 && (b.s[b.len - 1] == '\n' || b.s[b.len - 1] == '\r'))
		b.s[--b.len] = '\0';
	return sbuf_detach(&b);
}

/* Runs the editor on path with the terminal in normal mode; exit status. */
static int editor_spawn(const char *path)
{
	struct sbuf cmd = {0};
	struct sigaction ign = {.sa_handler = SIG_IGN}, oint, oquit;
	int status = -1;
	sbuf_addf(&cmd, "%s \"$1\"", editor_command());
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	def_prog_mode();
	endwin();
	pid_t pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		execl("/bin/sh", "sh", "-c", cmd.s, "sh", path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	sbuf_free(&cmd);
	return pid < 0 ? -1 : status;
}

bool editor_edit(struct tui *t, const char *text, char **out)
{
	const char *base = getenv("TMPDIR");
	struct tmpdir tmp;
	struct tsu_error err = {0};
	int fd = -1;
	*out = NULL;
	/* a private 0700 directory, removed on SIGTERM/SIGHUP/SIGINT: the
	 * text may be a case note about a resident */
	if (tmpdir_make(&tmp, base && *base ? base : "/tmp", "tsunagu.txt", &err) == TSU_OK) {
		fd = open(tmp.file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0)
			tmpdir_remove(&tmp);
	}
	if (fd < 0) {
		tui_msg(t, S_EDITOR_FAIL, err.msg[0] ? err.msg : syserr_text(errno, false));
		t->msg_error = true;
		return false;
	}
	bool ok = editor_write(fd, text);
	close(fd);
	int status = ok ? editor_spawn(tmp.file) : -1;
	if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
		*out = editor_read(tmp.file);
	tmpdir_remove(&tmp);
	if (!*out) {
		tui_msg(t, S_EDITOR_FAIL, editor_command());
		t->msg_error = true;
	}
	return *out != NULL;
}
