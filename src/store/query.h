#ifndef TSUNAGU_STORE_QUERY_H
#define TSUNAGU_STORE_QUERY_H
#include "internal.h"

/*
 * Small steps the area-work queries share (karte, heatmap, keyload,
 * requests, matrix, handover report): a statement bound to an area and
 * today, and a statement whose one row is a JSON text.
 */

/* Prepares sql with ?1 = area_id (NULL: every area) and ?2 = today
 * (YYYY-MM-DD, local). */
enum tsu_status store_prepare_area_today(struct store *st, const char *sql,
					 const char *area_id, sqlite3_stmt **s,
					 struct tsu_error *err);
/* Steps s once and gives back its first column as *out (a new string;
 * "[]" when it is NULL or there is no row), then finishes s.  `what`
 * names the query in an error. */
enum tsu_status store_json_row(struct store *st, sqlite3_stmt *s, char **out, const char *what,
			       struct tsu_error *err);

#endif
