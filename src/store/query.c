/* Shared steps of the area-work queries (query.h). */
#include <stdlib.h>
#include "query.h"
#include "tsunagu/clock.h"
#include "tsunagu/sbuf.h"

enum tsu_status store_prepare_area_today(struct store *st, const char *sql,
					 const char *area_id, sqlite3_stmt **s,
					 struct tsu_error *err)
{
	char today[16];
	clock_today(today, sizeof today);
	if (store_prepare(st, sql, s, err))
		return err->status;
	const char *vals[] = {area_id, today};
	store_bind_texts(*s, 2, vals);
	return TSU_OK;
}

enum tsu_status store_json_row(struct store *st, sqlite3_stmt *s, char **out, const char *what,
			       struct tsu_error *err)
{
	int step = sqlite3_step(s);
	const char *v = step == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : NULL;
	*out = xstrdup(v ? v : "[]");
	store_finish(st, s);
	if (step == SQLITE_ROW || step == SQLITE_DONE)
		return TSU_OK;
	free(*out);
	*out = NULL;
	return store_sql_fail(st, err, what);
}
