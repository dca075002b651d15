/*
 * Participation by generation over a period and the period before it
 * (generations.h).  One query computes counts, shares and changes, so
 * the screen, the table and the JSON of the command line agree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "query.h"
#include "tsunagu/date.h"
#include "tsunagu/generations.h"

static void iso_of(long days, char out[GEN_DATE_LEN])
{
	int y, m, d;
	date_civil_from_days(days, &y, &m, &d);
	snprintf(out, GEN_DATE_LEN, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
}

static long days_of(const char *iso)
{
	int y = 1970, m = 1, d = 1;
	if (sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3)
		return 0;
	return date_days_from_civil(y, m, d);
}

void gen_fiscal_year(const char *day, struct gen_period *out)
{
	int y = 1970, m = 4, d = 1;
	if (sscanf(day, "%d-%d-%d", &y, &m, &d) != 3)
		y = 1970;
	if (m < 4)
		y--;
	snprintf(out->from, GEN_DATE_LEN, "%04u-04-01", (unsigned)y % 10000u);
	snprintf(out->to, GEN_DATE_LEN, "%04u-03-31", (unsigned)(y + 1) % 10000u);
}

/* True for a period from 1 April to 31 March of the next year. */
static bool is_fiscal_year(const struct gen_period *p)
{
	int y1, y2;
	return sscanf(p->from, "%d-04-01", &y1) == 1 && strcmp(p->from + 4, "-04-01") == 0 &&
	       sscanf(p->to, "%d", &y2) == 1 && strcmp(p->to + 4, "-03-31") == 0 && y2 == y1 + 1;
}

void gen_previous(const struct gen_period *p, struct gen_period *out)
{
	if (is_fiscal_year(p)) {
		int y = atoi(p->from);
		snprintf(out->from, GEN_DATE_LEN, "%04u-04-01", (unsigned)(y - 1) % 10000u);
		snprintf(out->to, GEN_DATE_LEN, "%04u-03-31", (unsigned)y % 10000u);
		return;
	}
	long from = days_of(p->from), to = days_of(p->to);
	iso_of(from - 1, out->to);
	iso_of(from - 1 - (to - from), out->from);
}

void gen_shift(struct gen_period *p, int dir)
{
	if (is_fiscal_year(p)) {
		int y = atoi(p->from) + dir;
		snprintf(p->from, GEN_DATE_LEN, "%04u-04-01", (unsigned)y % 10000u);
		snprintf(p->to, GEN_DATE_LEN, "%04u-03-31", (unsigned)(y + 1) % 10000u);
		return;
	}
	long from = days_of(p->from), to = days_of(p->to), len = to - from + 1;
	iso_of(from + dir * len, p->from);
	iso_of(to + dir * len, p->to);
}

/*
 * ?1 area (NULL: all), ?2 ?3 the period, ?4 ?5 the one before.  Rows:
 * generation, count, prev, share, prev_share, events, prev_events.
 */
#define GEN_SQL \
	"WITH ev AS (SELECT id, date FROM event WHERE deleted_at IS NULL" \
	"  AND (?1 IS NULL OR area_id = ?1))," \
	" c AS (SELECT r.code AS generation, r.sort," \
	"  coalesce((SELECT sum(x.count) FROM attendance x JOIN ev ON ev.id = x.event_id" \
	"   WHERE x.deleted_at IS NULL AND x.generation = r.code AND ev.date BETWEEN ?2 AND ?3), 0) AS n," \
	"  coalesce((SELECT sum(x.count) FROM attendance x JOIN ev ON ev.id = x.event_id" \
	"   WHERE x.deleted_at IS NULL AND x.generation = r.code AND ev.date BETWEEN ?4 AND ?5), 0) AS p" \
	"  FROM refvalue r WHERE r.kind = 'generation')," \
	" t AS (SELECT sum(n) AS tn, sum(p) AS tp FROM c)," \
	" g AS (SELECT generation, sort, n AS count, p AS prev," \
	"  coalesce(round(100.0 * n / nullif(tn, 0), 1), 0) AS share," \
	"  coalesce(round(100.0 * p / nullif(tp, 0), 1), 0) AS prev_share," \
	"  (SELECT count(*) FROM ev WHERE date BETWEEN ?2 AND ?3) AS events," \
	"  (SELECT count(*) FROM ev WHERE date BETWEEN ?4 AND ?5) AS prev_events" \
	"  FROM c, t)"

static enum tsu_status gen_prepare(struct store *st, const char *sql, const char *area_id,
				   const struct gen_period *p, const struct gen_period *prev,
				   sqlite3_stmt **s, struct tsu_error *err)
{
	enum tsu_status rc = store_prepare(st, sql, s, err);
	if (rc != TSU_OK)
		return rc;
	store_bind_texts(*s, 5, (const char *const[]){area_id, p->from, p->to, prev->from,
						      prev->to});
	return TSU_OK;
}

static enum tsu_status valid_period(const struct gen_period *p, struct tsu_error *err)
{
	if (!date_is_iso(p->from) || !date_is_iso(p->to))
		return tsu_fail(err, TSU_INVALID, "期間の日付が正しくありません");
	if (strcmp(p->from, p->to) > 0)
		return tsu_fail(err, TSU_INVALID, "期間の始め (%s) が終わり (%s) より後です",
				p->from, p->to);
	return TSU_OK;
}

enum tsu_status store_generations(struct store *st, const char *area_id,
				  const struct gen_period *p, struct gen_summary *out,
				  struct tsu_error *err)
{
	memset(out, 0, sizeof *out);
	enum tsu_status rc = valid_period(p, err);
	if (rc != TSU_OK)
		return rc;
	out->cur = *p;
	gen_previous(p, &out->prev);
	sqlite3_stmt *s;
	if ((rc = gen_prepare(st, GEN_SQL " SELECT generation, count, prev, share, prev_share, events,"
			" prev_events FROM g ORDER BY sort", area_id, p, &out->prev, &s, err)) != TSU_OK)
		return rc;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW && out->n < GEN_MAX) {
		struct gen_row *r = &out->rows[out->n++];
		snprintf(r->generation, sizeof r->generation, "%s",
			 (const char *)sqlite3_column_text(s, 0));
		r->count = (long)sqlite3_column_int64(s, 1);
		r->prev = (long)sqlite3_column_int64(s, 2);
		r->share = sqlite3_column_double(s, 3);
		r->prev_share = sqlite3_column_double(s, 4);
		out->events = (long)sqlite3_column_int64(s, 5);
		out->prev_events = (long)sqlite3_column_int64(s, 6);
		out->total += r->count;
		out->prev_total += r->prev;
	}
	store_finish(st, s);
	return step == SQLITE_ROW || step == SQLITE_DONE ? TSU_OK
							 : store_sql_fail(st, err, "世代別の参加");
}

enum tsu_status store_generations_json(struct store *st, const char *area_id,
				       const struct gen_period *p, struct sbuf *out,
				       struct tsu_error *err)
{
	enum tsu_status rc = valid_period(p, err);
	if (rc != TSU_OK)
		return rc;
	struct gen_period prev;
	gen_previous(p, &prev);
	sqlite3_stmt *s;
	if ((rc = gen_prepare(st, GEN_SQL " SELECT json_group_array(json_object("
			"'area', (SELECT name FROM area WHERE id = ?1), 'from', ?2, 'to', ?3,"
			" 'previous_from', ?4, 'previous_to', ?5, 'generation', generation,"
			" 'count', count, 'share', share, 'previous_count', prev,"
			" 'previous_share', prev_share, 'change', count - prev,"
			" 'share_change', round(share - prev_share, 1),"
			" 'events', events, 'previous_events', prev_events))"
			" FROM (SELECT * FROM g ORDER BY sort)", area_id, p, &prev, &s, err)) != TSU_OK)
		return rc;
	char *json;
	if ((rc = store_json_row(st, s, &json, "世代別の参加", err)) == TSU_OK)
		sbuf_add(out, json);
	free(json);
	return rc;
}
