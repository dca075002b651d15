/* 地域・年齢別人口 and 公共施設一覧 into districts and facilities. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tsunagu/csv.h"
#include "tsunagu/csvcell.h"
#include "tsunagu/date.h"
#include "tsunagu/io_opendata.h"
#include "tsunagu/opendata.h"
#include "tsunagu/textnorm.h"
#include "tsunagu/vcard.h"

#define UNMATCHED_SHOWN 30

struct place {
	uuid_str id;
	uuid_str area;     /* "" when none */
	char *key;
	char as_of[DATE_ISO_LEN + 1];  /* latest date imported this run */
};

struct places {
	struct place *p;
	size_t n;
};

static void places_add(struct places *ps, const char *id, const char *area, char *key)
{
	ps->p = xrealloc(ps->p, (ps->n + 1) * sizeof(*ps->p));
	struct place *p = &ps->p[ps->n++];
	memset(p, 0, sizeof(*p));
	snprintf(p->id, sizeof(p->id), "%s", id);
	snprintf(p->area, sizeof(p->area), "%s", area ? area : "");
	p->key = key;
}

static void places_free(struct places *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		free(ps->p[i].key);
	free(ps->p);
}

static int collect_district(void *ud, const struct record *r)
{
	places_add(ud, r->id, record_get(r, "area_id"), place_key(record_get(r, "name")));
	return 0;
}

/* Facilities are known by name and address together. */
static char *facility_key(const char *name, const char *address)
{
	char *a = place_key(name ? name : ""), *b = place_key(address ? address : "");
	struct sbuf s = {0};

	sbuf_addf(&s, "%s\t%s", a, b);
	free(a);
	free(b);
	return sbuf_detach(&s);
}

static int collect_facility(void *ud, const struct record *r)
{
	places_add(ud, r->id, NULL, facility_key(record_get(r, "name"), record_get(r, "address")));
	return 0;
}

static struct place *places_find(struct places *ps, const char *key)
{
	for (size_t i = 0; i < ps->n; i++)
		if (strcmp(ps->p[i].key, key) == 0)
			return &ps->p[i];
	return NULL;
}

static void free_keys(char **keys, size_t n);

/* How many lines at the top may be titles (「○○市 公共施設一覧」, a note, a
 * blank line) before the heading. */
#define HEADING_SEARCH_LINES 10

/* True when the keys are the heading of the format (fills *cols). */
typedef bool (*heading_fn)(char *const *keys, size_t n, void *cols);

/* Opens the CSV and finds its heading: the first of the top lines whose
 * cells are the format's headings (Excel files often have a title row or
 * two above it); the lines above it are named in the summary.  False in
 * *found when there is none. */
static enum tsu_status open_with_header(struct io_ctx *c, heading_fn fits, void *cols,
					struct csv_reader **r, char ***keys, size_t *nkeys,
					bool *found, struct tsu_error *err)
{
	const struct csv_row *row = NULL;
	enum tsu_status st = csv_open(c->path, c->opt->encoding, r, err);

	*keys = NULL;
	*nkeys = 0;
	*found = false;
	for (int i = 0; st == TSU_OK && i < HEADING_SEARCH_LINES && !*found; i++) {
		st = csv_next(*r, &row, err);
		if (st == TSU_OK && !row && i == 0)
			st = tsu_fail(err, TSU_INVALID, "%s:1: 空のファイルです", c->path);
		if (st != TSU_OK || !row)
			break;
		free_keys(*keys, *nkeys);
		*keys = xcalloc(row->n ? row->n : 1, sizeof(**keys));
		*nkeys = row->n;
		for (size_t k = 0; k < row->n; k++)
			(*keys)[k] = csv_header_key(row->f[k]);
		*found = fits(*keys, *nkeys, cols);
	}
	if (*found && row->line > 1)
		io_reportf(c, "%ld 行目を見出しとして読みました (上の %ld 行は表題として読み飛ばしました)",
			   row->line, row->line - 1);
	return st;
}

static bool population_fits(char *const *keys, size_t n, void *cols)
{
	od_population_free(cols); /* a row tried before */
	bool ok = od_population_columns(keys, n, cols);
	if (!ok)
		od_population_free(cols);
	return ok;
}

static bool facility_fits(char *const *keys, size_t n, void *cols)
{
	return od_facility_columns(keys, n, cols);
}

static void free_keys(char **keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
}

/* A row with more cells than headings has a comma where none belongs. */
static enum tsu_status check_width(struct io_ctx *c, const struct csv_row *row, size_t nkeys,
				   struct tsu_error *err)
{
	if (row->n <= nkeys)
		return TSU_OK;
	tsu_fail(err, TSU_INVALID, "列が多すぎます（%zu 列、見出しは %zu 列）", row->n, nkeys);
	return io_at_line(c, row->line, TSU_INVALID, err);
}

static const char *cell(const struct csv_row *row, int col)
{
	return col >= 0 && (size_t)col < row->n ? row->f[col] : "";
}

/* 地域名 without the prefecture and city names some files put before it. */
static const char *district_name(const struct csv_row *row, const struct od_population *p)
{
	const char *name = cell(row, p->name);
	const char *pref = cell(row, p->pref), *city = cell(row, p->city);

	if (*pref && strncmp(name, pref, strlen(pref)) == 0)
		name += strlen(pref);
	if (*city && strncmp(name, city, strlen(city)) == 0)
		name += strlen(city);
	return name;
}

struct pop_values {
	char *total, *old, *households;
	char date[DATE_ISO_LEN + 1];
};

static void pop_values_free(struct pop_values *v)
{
	free(v->total);
	free(v->old);
	free(v->households);
}

static enum tsu_status number_cell(const struct csv_row *row, int col, const char *label,
				   char **out, struct tsu_error *err)
{
	bool ok;

	*out = csv_cell_number(cell(row, col), &ok);
	if (!ok)
		return tsu_fail(err, TSU_INVALID, "「%s」が数値ではありません", label);
	return TSU_OK;
}

/* The as-of date of a row, read also when written as the city's tables
 * head it (令和6年4月1日現在). */
static enum tsu_status as_of_date(const char *cellv, char out[DATE_ISO_LEN + 1],
				  struct tsu_error *err)
{
	char *t = text_trim(cellv);
	size_t n = strlen(t), k = strlen("現在");

	if (n > k && strcmp(t + n - k, "現在") == 0)
		t[n - k] = '\0';
	enum tsu_status st = date_parse(t, out, err);
	free(t);
	return st;
}

/* The row's numbers; the 65+ sum is left NULL when a band is undisclosed. */
static enum tsu_status pop_values(const struct csv_row *row, const struct od_population *p,
				  char *const *keys, struct pop_values *v, struct tsu_error *err)
{
	enum tsu_status st = number_cell(row, p->total, "総人口", &v->total, err);
	long long sum = 0;
	bool known = p->nold > 0;

	if (st == TSU_OK && p->households >= 0)
		st = number_cell(row, p->households, "世帯数", &v->households, err);
	for (size_t i = 0; i < p->nold && st == TSU_OK; i++) {
		char *n = NULL;
		st = number_cell(row, p->old[i], keys[p->old[i]], &n, err);
		if (n)
			sum += strtoll(n, NULL, 10);
		else
			known = false;
		free(n);
	}
	if (st == TSU_OK && known) {
		struct sbuf b = {0};
		sbuf_addf(&b, "%lld", sum);
		v->old = sbuf_detach(&b);
	}
	v->date[0] = '\0';
	if (st == TSU_OK && *cell(row, p->date))
		st = as_of_date(cell(row, p->date), v->date, err);
	return st;
}

struct district_run {
	struct io_ctx *c;
	struct places ds;
	struct od_population p;
	char **keys;
	struct sbuf unmatched;
	long nunmatched, matched, totals;
	char *city;           /* 市区町村名 of the rows that matched a district */
	char *other_city;     /* of the first row that did not */
};

/* A row of the whole city rather than a district: no 地域名, or 合計, 総数 ... */
static bool total_row(const char *name)
{
	static const char *const totals[] = {"合計", "総数", "計", "総計", "市計", "区計", "全体", NULL};
	char *t = text_trim(name);
	bool total = !*t;
	for (int i = 0; totals[i] && !total; i++)
		total = strcmp(t, totals[i]) == 0;
	free(t);
	return total;
}

/* A row whose 地域名 matches no district: listed by name (a total row by
 * its city), its city kept to tell a file of another city. */
static void unmatched_row(struct district_run *x, const struct csv_row *row)
{
	const char *name = cell(row, x->p.name), *city = cell(row, x->p.city);
	x->c->skipped++;
	if (total_row(name)) {
		x->totals++;
		return;
	}
	if (*city && !x->other_city)
		x->other_city = xstrdup(city);
	if (x->nunmatched++ < UNMATCHED_SHOWN)
		sbuf_addf(&x->unmatched, "%s%s%s (%ld行目)", x->unmatched.len ? "、" : "",
			  *city && x->city && strcmp(city, x->city) ? city : "", name, row->line);
}

static enum tsu_status district_row(struct district_run *x, const struct csv_row *row,
				    struct tsu_error *err)
{
	const char *name = district_name(row, &x->p);
	char *key = place_key(name);
	struct place *d = places_find(&x->ds, key);
	struct pop_values v = {0};
	enum tsu_status st = TSU_OK;

	free(key);
	if (!d) {
		unmatched_row(x, row);
		return TSU_OK;
	}
	x->matched++;
	if (!x->city && *cell(row, x->p.city))
		x->city = xstrdup(cell(row, x->p.city));
	st = pop_values(row, &x->p, x->keys, &v, err);
	if (st == TSU_OK && d->as_of[0] && strcmp(v.date, d->as_of) < 0) {
		x->c->skipped++;  /* an older survey of a district already set */
	} else if (st == TSU_OK) {
		char *code = x->p.code >= 0 ? csv_cell_code(cell(row, x->p.code)) : NULL;
		struct field_value fv[5];
		size_t n = 0;
		fv[n++] = (struct field_value){"population", v.total};
		if (v.old)
			fv[n++] = (struct field_value){"population_65", v.old};
		if (x->p.households >= 0)
			fv[n++] = (struct field_value){"households", v.households};
		if (v.date[0])
			fv[n++] = (struct field_value){"as_of", v.date};
		if (code && *code)
			fv[n++] = (struct field_value){"code", code};
		st = io_apply(x->c, "district", d->id, fv, n, NULL, err);
		memcpy(d->as_of, v.date, sizeof(d->as_of));
		free(code);
	}
	pop_values_free(&v);
	return st == TSU_OK ? st : io_at_line(x->c, row->line, st, err);
}

enum tsu_status io_import_districts(struct io_ctx *c, struct tsu_error *err)
{
	struct district_run x = {.c = c};
	struct csv_reader *r = NULL;
	const struct csv_row *row;
	size_t nkeys;
	bool found;
	enum tsu_status st = open_with_header(c, population_fits, &x.p, &r, &x.keys, &nkeys,
					      &found, err);

	if (st == TSU_OK && !found)
		st = tsu_fail(err, TSU_INVALID,
			      "%s:1: 地域・年齢別人口の形式ではありません（最初の %d 行に「地域名」と「総人口」の"
			      "見出しがありません）", c->path, HEADING_SEARCH_LINES);
	if (st == TSU_OK && x.p.nold == 0)
		io_reportf(c, "65歳以上の年齢別の列がないため、65歳以上人口は変えません");
	if (st == TSU_OK)
		st = store_each(c->st, "district", NULL, collect_district, &x.ds, err);
	while (st == TSU_OK && (st = csv_next(r, &row, err)) == TSU_OK && row)
		if (!csv_row_blank(row) && (st = check_width(c, row, nkeys, err)) == TSU_OK)
			st = district_row(&x, row, err);
	if (st == TSU_OK && !x.matched && x.other_city)
		st = tsu_fail(err, TSU_INVALID, "%s: 「%s」の地域・年齢別人口です。このファイルの町丁目と"
			      "一致する地域名が一つもありません (別の市区町村のファイルではありませんか)。"
			      "何も変えていません", c->path, x.other_city);
	if (st == TSU_OK && x.totals)
		io_reportf(c, "市区町村全体 (合計) の行 %ld 件は読み飛ばしました%s%s%s", x.totals,
			   x.city ? " (" : "", x.city ? x.city : "", x.city ? ")" : "");
	if (st == TSU_OK && x.nunmatched)
		io_reportf(c, "登録されていない町丁目 %ld 件は読み飛ばしました: %s%s", x.nunmatched,
			   sbuf_str(&x.unmatched), x.nunmatched > UNMATCHED_SHOWN ? " ほか" : "");
	if (st == TSU_OK)
		io_report_sheet(c, r);
	sbuf_free(&x.unmatched);
	free(x.city);
	free(x.other_city);
	od_population_free(&x.p);
	places_free(&x.ds);
	free_keys(x.keys, nkeys);
	csv_close(r);
	return st;
}

/* The area of the district the address names most precisely, or NULL. */
static const char *area_by_address(struct places *ds, const char *address)
{
	char *ak = place_key(address);
	const char *area = NULL;
	size_t best = 0;

	for (size_t i = 0; i < ds->n; i++) {
		size_t m = ds->p[i].area[0] ? place_in_address(ak, ds->p[i].key) : 0;
		if (m > best) {
			best = m;
			area = ds->p[i].area;
		}
	}
	free(ak);
	return area;
}

/* The facility's address: its one column when that is filled, else the
 * parts of the current layout joined (東京都 多摩市 関戸 6-12-1). */
static char *facility_address(const struct csv_row *row, const struct od_facility *col)
{
	struct sbuf b = {0};
	const char *whole = cell(row, col->address);
	char *t = text_trim(whole);
	if (*t)
		return t;
	free(t);
	for (int i = 0; i < 4; i++) {
		char *part = text_trim(cell(row, col->parts[i]));
		if (*part)
			sbuf_add(&b, part);
		free(part);
	}
	return b.s ? sbuf_detach(&b) : xstrdup("");
}

struct facility_run {
	struct io_ctx *c;
	struct places ds, fs;
	struct od_facility col;
	long no_area;
};

/* The facility's notes: the 設置位置 line of its rows (NULL for none),
 * then its 備考. */
static char *facility_notes(const struct csv_row *row, const struct od_facility *col,
			    const char *spots)
{
	char *notes = text_trim(cell(row, col->notes));
	struct sbuf b = {0};

	if (!spots)
		return notes;
	sbuf_add(&b, spots);
	if (*notes)
		sbuf_addf(&b, "\n%s", notes);
	free(notes);
	return sbuf_detach(&b);
}

static enum tsu_status facility_row(struct facility_run *x, const struct csv_row *row,
				    const char *spots, struct tsu_error *err)
{
	/* t: as written, c: a code (csv_cell_code), p: a phone number
	 * (csv_cell_phone), r: よみ (vcard_reading), n: facility_notes */
	static const struct { const char *field; size_t off; char how; } cols[] = {
		{"name", offsetof(struct od_facility, name), 't'},
		{"kana", offsetof(struct od_facility, kana), 'r'},
		{"alias", offsetof(struct od_facility, alias), 't'},
		{"kind", offsetof(struct od_facility, kind), 't'},
		{"poi_code", offsetof(struct od_facility, poi_code), 'c'},
		{"address", offsetof(struct od_facility, address), 't'},
		{"address2", offsetof(struct od_facility, address2), 't'},
		{"lat", offsetof(struct od_facility, lat), 'c'},
		{"lon", offsetof(struct od_facility, lon), 'c'},
		{"phone", offsetof(struct od_facility, phone), 'p'},
		{"notes", offsetof(struct od_facility, notes), 'n'},
	};
	struct field_value fv[13];
	char *vals[13] = {0};
	size_t n = 0;
	const char *name = cell(row, x->col.name);
	char *address = facility_address(row, &x->col);
	enum tsu_status st = TSU_OK;

	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		int col = *(const int *)((const char *)&x->col + cols[i].off);
		bool addr = cols[i].how == 't' && strcmp(cols[i].field, "address") == 0;
		if (col < 0 && !(addr && *address) && !(cols[i].how == 'n' && spots))
			continue;
		const char *v = addr ? address : cell(row, col);
		vals[n] = cols[i].how == 'c' ? csv_cell_code(v)
			: cols[i].how == 'p' ? csv_cell_phone(v)
			: cols[i].how == 'n' ? facility_notes(row, &x->col, spots)
			: cols[i].how == 'r' ? vcard_reading(v) : xstrdup(v);
		if (!vals[n])
			vals[n] = xstrdup("");
		fv[n] = (struct field_value){cols[i].field, vals[n]};
		n++;
	}
	const char *area = *address ? area_by_address(&x->ds, address) : NULL;
	if (area)
		fv[n++] = (struct field_value){"area_id", area};
	else
		x->no_area++;
	char *key = facility_key(name, address);
	struct place *f = places_find(&x->fs, key);
	uuid_str id;
	st = io_apply(x->c, "facility", f ? f->id : NULL, fv, n, id, err);
	if (st == TSU_OK && !f)
		places_add(&x->fs, id, NULL, key);
	else
		free(key);
	for (size_t i = 0; i < n; i++)
		free(vals[i]);
	free(address);
	return st == TSU_OK ? st : io_at_line(x->c, row->line, st, err);
}

/*
 * A list may have several rows for one place (名称 and 住所): an AED list
 * has a row for each AED, two in one building.  Imported one by one they
 * would each overwrite the facility the one before wrote, and every import
 * would change it again.  They are one facility, read from the first of
 * them, the 設置位置 of each in its notes (「設置位置: 本庁舎1階、第二庁舎
 * 2階」); in a list without 設置位置 the later rows are skipped and named.
 * So the rows are read whole before any is written.
 */
struct frows {
	struct csv_row *r;   /* copies, their cells owned */
	char **key;          /* facility_key of each row ("" without a name) */
	size_t *first;       /* the first row of each row's place */
	char **spots;        /* at a place's first row: its 設置位置 line, or NULL */
	size_t n;
};

static void frows_free(struct frows *fr)
{
	for (size_t i = 0; i < fr->n; i++) {
		free_keys(fr->r[i].f, fr->r[i].n);
		free(fr->key[i]);
		free(fr->spots[i]);
	}
	free(fr->r);
	free(fr->key);
	free(fr->first);
	free(fr->spots);
}

static enum tsu_status frows_read(struct io_ctx *c, struct csv_reader *r, size_t nkeys,
				  const struct od_facility *col, struct frows *fr,
				  struct tsu_error *err)
{
	const struct csv_row *row;
	enum tsu_status st;

	while ((st = csv_next(r, &row, err)) == TSU_OK && row) {
		if (csv_row_blank(row))
			continue;
		if ((st = check_width(c, row, nkeys, err)) != TSU_OK)
			break;
		fr->r = xrealloc(fr->r, (fr->n + 1) * sizeof(*fr->r));
		fr->key = xrealloc(fr->key, (fr->n + 1) * sizeof(*fr->key));
		struct csv_row *copy = &fr->r[fr->n];
		copy->n = row->n;
		copy->line = row->line;
		copy->f = xcalloc(row->n, sizeof(*copy->f));
		for (size_t k = 0; k < row->n; k++)
			copy->f[k] = xstrdup(row->f[k]);
		char *name = text_trim(cell(row, col->name)), *address = facility_address(row, col);
		fr->key[fr->n++] = *name ? facility_key(name, address) : xstrdup("");
		free(name);
		free(address);
	}
	return st;
}

struct keyed_row {
	const char *key;
	size_t i;
};

static int by_key_then_line(const void *a, const void *b)
{
	const struct keyed_row *x = a, *y = b;
	int k = strcmp(x->key, y->key);
	return k ? k : (x->i > y->i) - (x->i < y->i);
}

/* The 設置位置 line of the place whose rows are idx[0..n), or NULL. */
static char *place_spots(const struct frows *fr, const struct keyed_row *idx, size_t n, int spot)
{
	struct sbuf b = {0};

	for (size_t i = 0; spot >= 0 && i < n; i++) {
		const char *v = cell(&fr->r[idx[i].i], spot);
		char *t = text_trim(v);
		bool again = false;
		for (size_t j = 0; j < i && !again; j++)
			again = strcmp(cell(&fr->r[idx[j].i], spot), v) == 0;
		if (*t && !again)
			sbuf_addf(&b, "%s%s", b.len ? "、" : "設置位置: ", t);
		free(t);
	}
	return b.s ? sbuf_detach(&b) : NULL;
}

/* Fills fr->first and fr->spots: the rows grouped by place. */
static void frows_group(struct frows *fr, int spot)
{
	size_t m = fr->n ? fr->n : 1;
	struct keyed_row *idx = xcalloc(m, sizeof(*idx));

	fr->first = xcalloc(m, sizeof(*fr->first));
	fr->spots = xcalloc(m, sizeof(*fr->spots));
	for (size_t i = 0; i < fr->n; i++)
		idx[i] = (struct keyed_row){fr->key[i], i};
	qsort(idx, fr->n, sizeof(*idx), by_key_then_line);
	for (size_t g = 0, e; g < fr->n; g = e) {
		for (e = g + 1; e < fr->n && *idx[g].key && strcmp(idx[e].key, idx[g].key) == 0; e++)
			;
		for (size_t k = g; k < e; k++)
			fr->first[idx[k].i] = idx[g].i;
		fr->spots[idx[g].i] = place_spots(fr, idx + g, e - g, spot);
	}
	free(idx);
}

/* Row i of the list: imported, or named and skipped. */
static enum tsu_status facility_list_row(struct facility_run *x, const struct frows *fr, size_t i,
					 struct tsu_error *err)
{
	const struct csv_row *row = &fr->r[i], *first = &fr->r[fr->first[i]];
	char why[TSU_ERROR_MSG_MAX];

	if (!*fr->key[i])
		return io_skip_item(x->c, row->line, "「名称」が空です", "行", err);
	if (fr->first[i] == i)
		return facility_row(x, row, fr->spots[i], err);
	if (x->col.spot >= 0) {
		io_reportf(x->c, "%s:%ld: 「%s」は %ld 行目と同じ名称・住所の施設なので、設置位置をその"
			   "施設の備考に加えました", x->c->path, row->line, cell(row, x->col.name),
			   first->line);
		return TSU_OK;
	}
	snprintf(why, sizeof why, "「%s」は %ld 行目と同じ名称・住所の行です", cell(row, x->col.name),
		 first->line);
	return io_skip_item(x->c, row->line, why, "行", err);
}

enum tsu_status io_import_facilities(struct io_ctx *c, struct tsu_error *err)
{
	struct facility_run x = {.c = c};
	struct frows fr = {0};
	struct csv_reader *r = NULL;
	char **keys;
	size_t nkeys;
	bool found;
	enum tsu_status st = open_with_header(c, facility_fits, &x.col, &r, &keys, &nkeys, &found,
					      err);

	if (st == TSU_OK && !found)
		st = tsu_fail(err, TSU_INVALID, "%s:1: 公共施設一覧の形式ではありません（最初の %d 行に"
			      "「名称」の見出しがありません）", c->path, HEADING_SEARCH_LINES);
	if (st == TSU_OK)
		st = store_each(c->st, "district", NULL, collect_district, &x.ds, err);
	if (st == TSU_OK)
		st = store_each(c->st, "facility", NULL, collect_facility, &x.fs, err);
	if (st == TSU_OK)
		st = frows_read(c, r, nkeys, &x.col, &fr, err);
	if (st == TSU_OK)
		frows_group(&fr, x.col.spot);
	for (size_t i = 0; st == TSU_OK && i < fr.n; i++)
		st = facility_list_row(&x, &fr, i, err);
	if (st == TSU_OK && fr.n && c->skipped == (long)fr.n)
		st = tsu_fail(err, TSU_INVALID, "%s (使える行が一つもありません。%ld 行とも読み飛ばしました)",
			      c->first_skip, c->skipped);
	if (st == TSU_OK && x.no_area)
		io_reportf(c, "住所から町丁目が分からずエリアを決められなかった施設: %ld 件", x.no_area);
	if (st == TSU_OK)
		io_report_sheet(c, r);
	frows_free(&fr);
	places_free(&x.ds);
	places_free(&x.fs);
	free_keys(keys, nkeys);
	csv_close(r);
	return st;
}
