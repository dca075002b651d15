#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "rows.h"
#include "strings.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/store.h"

/* Rows fetched per window at first, and at most: a window that was slow to
 * fetch (a sort over a very large file) doubles, so that scrolling stalls
 * ever more rarely. */
#define ROWS_WINDOW 60
#define ROWS_WINDOW_MAX 3840
#define ROWS_SLOW_MS 150
/* how the store joins a person's roles, and how the others are counted */
#define ROWS_ROLE_SEP "、"

void rows_init(struct rows *r, enum list_kind kind)
{
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->cols = list_columns(kind);
	r->ncols = r->cols ? r->cols->n : 0;
}

static void rows_drop(struct rows *r)
{
	for (int i = 0; i < r->n * r->ncols; i++)
		free(r->cells[i]);
	free(r->cells);
	r->cells = NULL;
	r->n = 0;
	r->base = 0;
}

void rows_free(struct rows *r)
{
	rows_drop(r);
	free(r->area_id);
	free(r->status);
	free(r->search);
	free(r->org_type);
	free(r->generation);
	free(r->offer);
	memset(r, 0, sizeof(*r));
}

void rows_set(struct rows *r, char **field, const char *value)
{
	free(*field);
	*field = (value && *value) ? xstrdup(value) : NULL;
	r->loaded = false;
}

static void rows_query(const struct rows *r, struct list_query *q)
{
	memset(q, 0, sizeof(*q));
	q->area_id = r->area_id;
	q->status = r->status;
	q->search = r->search;
	q->org_type = r->org_type;
	q->generation = r->generation;
	q->offer = r->offer;
}

void rows_reload(struct rows *r, struct store *st)
{
	struct list_query q;
	rows_drop(r);
	rows_query(r, &q);
	r->total = 0;
	r->failed = false;
	r->interrupted = false;
	tsu_error_clear(&r->err);
	if (store_list_count(st, r->kind, &q, &r->total, &r->err) != TSU_OK) {
		r->interrupted = r->err.status == TSU_INTERRUPTED;
		r->failed = !r->interrupted;
		r->total = 0;
	}
	/* given way to a key: counted again when next asked */
	r->loaded = !r->interrupted;
}

long rows_count(struct rows *r, struct store *st)
{
	if (!r->loaded)
		rows_reload(r, st);
	return r->total;
}

struct rows_fill {
	struct rows *r;
	int cap;
};

static int rows_fill_cb(void *ud, int ncols, const char *const *values)
{
	struct rows_fill *f = ud;
	struct rows *r = f->r;
	if (r->n >= f->cap)
		return 1;
	for (int c = 0; c < r->ncols; c++) {
		const char *v = c < ncols ? values[c] : NULL;
		r->cells[r->n * r->ncols + c] = v ? xstrdup(v) : NULL;
	}
	r->n++;
	return 0;
}

static long rows_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void rows_fetch(struct rows *r, struct store *st, long idx)
{
	struct list_query q;
	if (r->window < ROWS_WINDOW)
		r->window = ROWS_WINDOW;
	struct rows_fill f = {r, r->window};
	long before = r->window / 4;
	rows_drop(r);
	rows_query(r, &q);
	q.offset = idx > before ? idx - before : 0;
	q.limit = r->window;
	r->base = q.offset;
	r->cells = xcalloc((size_t)r->window * (size_t)(r->ncols ? r->ncols : 1),
			   sizeof(char *));
	long start = rows_now_ms();
	if (store_list(st, r->kind, &q, rows_fill_cb, &f, &r->err) != TSU_OK) {
		r->interrupted = r->err.status == TSU_INTERRUPTED;
		r->failed = !r->interrupted;
		if (r->interrupted) {   /* nothing half-shown: fetched again later */
			rows_drop(r);
			return;
		}
	}
	if (rows_now_ms() - start > ROWS_SLOW_MS && r->window < ROWS_WINDOW_MAX)
		r->window *= 2;
}

int rows_col(const struct rows *r, const char *name)
{
	return r->cols ? list_column_index(r->kind, name) : -1;
}

const char *rows_get(struct rows *r, struct store *st, long idx, const char *name)
{
	if (!r->loaded)
		rows_reload(r, st);
	if (idx < 0 || idx >= r->total)
		return NULL;
	int c = rows_col(r, name);
	if (c < 0)
		return NULL;
	if (idx < r->base || idx >= r->base + r->n) {
		rows_fetch(r, st, idx);
		if (idx < r->base || idx >= r->base + r->n)
			return NULL;
	}
	return r->cells[(idx - r->base) * r->ncols + c];
}

void rows_party_who(struct sbuf *b, const char *areas, const char *generation,
		    const char *roles, const char *load)
{
	size_t start = b->len;
	if (areas && *areas)
		sbuf_add(b, areas);
	if (generation && *generation)
		sbuf_addf(b, "%s%s", b->len > start ? " " : "", generation);
	if (roles && *roles) {
		const char *sep = strstr(roles, ROWS_ROLE_SEP);
		size_t n = sep ? (size_t)(sep - roles) : strlen(roles);
		long more = load ? strtol(load, NULL, 10) - 1 : 0;
		sbuf_addf(b, "%s%.*s", b->len > start ? " " : "", (int)n, roles);
		if (more > 0)
			sbuf_addf(b, S_MORE_ROLES, more);
	}
}

void rows_party_who_cols(struct party_who_cols *c)
{
	*c = (struct party_who_cols){
		.areas = list_column_index(LIST_PARTIES, "areas"),
		.generation = list_column_index(LIST_PARTIES, "generation"),
		.roles = list_column_index(LIST_PARTIES, "roles"),
		.load = list_column_index(LIST_PARTIES, "load"),
	};
}

void rows_party_who_row(struct sbuf *b, const struct party_who_cols *c, const char *const *v)
{
	struct sbuf who = {0};
	rows_party_who(&who, v[c->areas], v[c->generation], v[c->roles], v[c->load]);
	if (who.len)
		sbuf_addf(b, " %s", who.s);
	sbuf_free(&who);
}

void rows_clamp(long total, int h, long *sel, long *top)
{
	if (h < 1)
		h = 1;
	if (*sel >= total)
		*sel = total - 1;
	if (*sel < 0)
		*sel = 0;
	if (*top > *sel)
		*top = *sel;
	if (*sel >= *top + h)
		*top = *sel - h + 1;
	if (*top > total - h)
		*top = total - h;
	if (*top < 0)
		*top = 0;
}
