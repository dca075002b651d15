/* Refusing to write over what must not be written over (outguard.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tsunagu/outguard.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/syserr.h"

#define SQLITE_MAGIC "SQLite format 3"  /* 16 bytes with its NUL */
#define JOURNAL_SUFFIX "-journal"

bool outguard_is_sqlite(const char *path)
{
	char head[16];
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, head, sizeof(head));
	close(fd);
	return n == (ssize_t)sizeof(head) && memcmp(head, SQLITE_MAGIC, sizeof(head)) == 0;
}

static bool same_file(const struct stat *a, const char *path)
{
	struct stat b;
	return path && stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* "X-journal" beside a database X (or beside the open one). */
static bool is_journal_of_db(const char *path, const char *db_path)
{
	size_t n = strlen(path), k = strlen(JOURNAL_SUFFIX);
	if (n <= k || strcmp(path + n - k, JOURNAL_SUFFIX) != 0)
		return false;
	char *db = xstrndup(path, n - k);
	struct stat sb;
	/* the open database is recognised without opening it: closing a
	 * descriptor on it would drop this process's SQLite locks */
	bool hit = stat(db, &sb) == 0 && (same_file(&sb, db_path) || outguard_is_sqlite(db));
	free(db);
	return hit;
}

enum tsu_status outguard_check(const char *path, const char *db_path, bool force,
			       struct tsu_error *err)
{
	struct stat sb;

	if (is_journal_of_db(path, db_path))
		return tsu_fail(err, TSU_IO, "%s: データベースのジャーナルです。書き出し先に別の名前を指定してください", path);
	if (lstat(path, &sb) != 0) {
		if (errno == ENOENT)
			return TSU_OK;
		return tsu_fail(err, TSU_IO, "%s: 調べられません: %s", path, syserr_text(errno, true));
	}
	if (stat(path, &sb) == 0 && same_file(&sb, db_path))
		return tsu_fail(err, TSU_IO, "%s: 開いているデータベースそのものです。書き出し先に別の名前を指定してください", path);
	if (!S_ISREG(sb.st_mode))
		return tsu_fail(err, TSU_IO, "%s: 通常のファイルではないので書き出せません", path);
	if (outguard_is_sqlite(path))
		return tsu_fail(err, TSU_IO, "%s: SQLite のデータベースです。上書きしません (--force でも上書きしません)", path);
	if (!force)
		return tsu_fail(err, TSU_IO, "%s: 既にあります。上書きするには --force を付けてください", path);
	return TSU_OK;
}
