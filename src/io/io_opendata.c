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

static enum tsu_status facility_row(struct facility_run *x, const struct csv_row *row,
				    struct tsu_error *err)
{
	/* t: as written, c: a code (csv_cell_code), r: よみ (vcard_reading) */
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
		{"phone", offsetof(struct od_facility, phone), 'c'},
		{"notes", offsetof(struct od_facility, notes), 't'},
	};
	struct field_value fv[13];
	char *vals[13] = {0};
	size_t n = 0;
	const char *name = cell(row, x->col.name);
	char *address = facility_address(row, &x->col);
	enum tsu_status st = TSU_OK;

	if (!*name) {
		free(address);
		return io_at_line(x->c, row->line, TSU_INVALID,
				  (tsu_fail(err, TSU_INVALID, "「名称」が空です"), err));
	}
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		int col = *(const int *)((const char *)&x->col + cols[i].off);
		bool addr = strcmp(cols[i].field, "address") == 0;
		if (col < 0 && !(addr && *address))
			continue;
		const char *v = addr ? address : cell(row, col);
		vals[n] = cols[i].how == 'c' ? csv_cell_code(v)
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

enum tsu_status io_import_facilities(struct io_ctx *c, struct tsu_error *err)
{
	struct facility_run x = {.c = c};
	struct csv_reader *r = NULL;
	const struct csv_row *row;
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
	while (st == TSU_OK && (st = csv_next(r, &row, err)) == TSU_OK && row)
		if (!csv_row_blank(row) && (st = check_width(c, row, nkeys, err)) == TSU_OK)
			st = facility_row(&x, row, err);
	if (st == TSU_OK && x.no_area)
		io_reportf(c, "住所から町丁目が分からずエリアを決められなかった施設: %ld 件", x.no_area);
	places_free(&x.ds);
	places_free(&x.fs);
	free_keys(keys, nkeys);
	csv_close(r);
	return st;
}
