/*
 * Entity CSV import and export, driven by the field tables of entity.c
 * so that a new field is a new column without any change here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tsunagu/consent.h"
#include "tsunagu/csv.h"
#include "tsunagu/csvcell.h"
#include "tsunagu/headings.h"
#include "tsunagu/io_contacts.h"
#include "tsunagu/io_table.h"
#include "tsunagu/partymatch.h"
#include "tsunagu/report_kinds.h"
#include "tsunagu/timeofday.h"
#include "tsunagu/textnorm.h"
#include "tsunagu/utf8.h"
#include "tsunagu/vcard.h"

#define IO_PROGRESS_ROWS 500

enum tsu_status io_cp932_fail(struct tsu_error *err, const char *id, const char *label,
			      const char *value, int32_t bad)
{
	struct sbuf what = {0};
	sbuf_addf(&what, "レコード %s の「%s」", id, label);
	enum tsu_status st = report_cp932_fail(err, what.s, value, bad);
	sbuf_free(&what);
	return st;
}

/* ---- import ---- */

struct table_map {
	const struct entity_def *e;
	int *field;      /* per column: field index, -1 unused, -2 the id */
	size_t ncols;
	int id_col;
	long new_ids;    /* rows whose id this file had used for a deleted row */
	struct partymatch *pm; /* parties: the one a row without an id is about */
	struct contacts_map *contacts; /* parties: a Google or Outlook contact list */
	bool org_rows;   /* parties named under 団体名: 団体 unless a column says */
	int all_day_col; /* events: Outlook's 終日イベント column, or -1 */
};

/* Field index of a heading: the field name or its Japanese label, or a
 * heading people write in their own lists (headings.h: *alias set). */
static int heading_field(const struct entity_def *e, const char *key, struct heading_alias *alias)
{
	*alias = (struct heading_alias){0};
	for (int i = 0; i < e->nfields; i++) {
		char *kn = csv_header_key(e->fields[i].name), *kl = csv_header_key(e->fields[i].label);
		bool hit = strcmp(kn, key) == 0 || strcmp(kl, key) == 0;
		free(kn);
		free(kl);
		if (hit)
			return i;
	}
	if (!heading_alias_find(e->name, key, alias))
		return -1;
	return entity_field_index(e, alias->field);
}

/* The field of column `key`; -1 for none, -2 for the id, -3 for a column
 * whose heading only resembles a field's (携帯電話 after 電話番号) when an
 * earlier column fills that field: it is not read. */
enum { COL_NONE = -1, COL_ID = -2, COL_AGAIN = -3 };
static int column_field(struct table_map *m, const char *key, size_t col)
{
	struct heading_alias alias;
	int f = strcmp(key, "id") == 0 ? COL_ID : heading_field(m->e, key, &alias);
	for (size_t j = 0; j < col && f >= 0 && alias.field; j++)
		if (m->field[j] == f)
			return COL_AGAIN;
	if (f >= 0 && alias.org && strcmp(alias.field, "name") == 0)
		m->org_rows = true;
	return f;
}

static enum tsu_status map_header(struct io_ctx *c, const struct csv_row *row,
				  struct table_map *m, struct tsu_error *err)
{
	struct unread_cols unread = {0}, again = {0};
	char tail[160];

	m->ncols = row->n;
	m->field = xcalloc(row->n, sizeof(*m->field));
	m->id_col = -1;
	m->all_day_col = -1;
	for (size_t i = 0; i < row->n; i++) {
		char *key = csv_header_key(row->f[i]);
		int f = column_field(m, key, i);
		bool all_day = strcmp(m->e->name, "event") == 0 &&
			       (strcmp(key, "終日イベント") == 0 || strcmp(key, "終日") == 0);
		free(key);
		if (all_day) {   /* read, though no field: it says the times are none */
			m->all_day_col = (int)i;
			m->field[i] = COL_NONE;
			continue;
		}
		if (f == COL_AGAIN) {
			unread_add(&again, row->f[i]);
			f = COL_NONE;
			m->field[i] = f;
			continue;
		}
		for (size_t j = 0; j < i && f != -1; j++)
			if (m->field[j] == f) {
				sbuf_free(&unread.names);
				sbuf_free(&again.names);
				return io_at_line(c, row->line, TSU_INVALID,
						  (tsu_fail(err, TSU_INVALID, "列「%s」が二つあります",
							    row->f[i]), err));
			}
		if (f >= 0 && (m->e->fields[f].flags & FIELD_READONLY))
			f = -1;
		m->field[i] = f;
		if (f == -2)
			m->id_col = (int)i;
		if (f == -1 && row->f[i][0])
			unread_add(&unread, row->f[i]);
	}
	snprintf(tail, sizeof tail, "は%sの項目ではないので読み込みません", m->e->label);
	unread_report(c, &unread, tail);
	unread_report(c, &again, "は前の列と同じ項目なので読み込みません (前の列を読みます)");
	return TSU_OK;
}

/* The heading row: the project's layout, or for parties a contact list
 * exported by Google or Outlook (io_contacts.h) when that knows more of
 * its headings than the layout does (Google CSV has "Name" and "Notes"). */
static enum tsu_status read_heading(struct io_ctx *c, const struct csv_row *row,
				    struct table_map *m, struct tsu_error *err)
{
	int known = 0;

	for (size_t i = 0; i < row->n; i++) {
		struct heading_alias alias;
		char *key = csv_header_key(row->f[i]);
		known += strcmp(key, "id") == 0 || heading_field(m->e, key, &alias) >= 0;
		free(key);
	}
	if (strcmp(m->e->name, "party") == 0 && (m->contacts = contacts_map_new(row, known))) {
		m->ncols = row->n;
		m->id_col = -1;
		contacts_map_report(c, m->contacts, row);
		return TSU_OK;
	}
	return map_header(c, row, m, err);
}

/* The value to give the store for one cell, or NULL after an error. */
static char *cell_value(const struct field_def *f, const char *cell, struct tsu_error *err)
{
	bool ok;
	char *v;

	cell = csv_cell_uninert(cell); /* '=1+1 as our export writes it: =1+1 */
	switch (f->type) {
	case FIELD_INT:
	case FIELD_REAL:
		v = csv_cell_number(cell, &ok);
		if (!ok) {
			tsu_fail(err, TSU_INVALID, "「%s」は数値で書いてください", f->label);
			return NULL;
		}
		return v ? v : xstrdup("");
	case FIELD_LONGTEXT:
	case FIELD_SET:
		return xstrdup(cell);
	case FIELD_BOOL:
		/* an empty cell is いいえ for a row that updates, as for a new row
		 * (Excel lists leave キーパーソン or 本人同意 blank); given as
		 * empty it would clear a flag that cannot be empty */
		v = text_trim(cell);
		if (v && !*v) {
			free(v);
			return xstrdup("0");
		}
		return v ? v : xstrdup(cell);
	default:
		/* よみ as a vCard's: half-width ｶﾅ made full-width */
		if (strcmp(f->name, "kana") == 0) {
			v = vcard_reading(cell);
			return v ? v : xstrdup("");
		}
		/* codes, phone numbers and addresses of mail: width-folded */
		if (strcmp(f->name, "phone") == 0)
			return csv_cell_phone(cell);
		if (strstr(f->name, "code") || strcmp(f->name, "email") == 0)
			return csv_cell_code(cell);
		v = text_trim(cell);
		return v ? v : xstrdup(cell);
	}
}

/*
 * 庁内部局 are a list each office keeps by name: a task file from another
 * office (or our own export read into a new file) may name one this file
 * does not have yet.  It is added, and the summary says so, rather than
 * refusing the file.  Other references (areas, parties) must exist.
 */
static enum tsu_status add_missing_department(struct io_ctx *c, const struct field_def *f,
					      const char *name, struct tsu_error *err)
{
	uuid_str id;
	struct tsu_error e2 = {0};

	if (f->type != FIELD_REF || !f->ref || strcmp(f->ref, "department") != 0 || !*name ||
	    store_resolve(c->st, "department", name, id, &e2) != TSU_NOT_FOUND)
		return TSU_OK;
	struct field_value fv[] = {{"name", name}};
	enum tsu_status st = store_insert(c->st, "department", fv, 1, id, err);
	if (st == TSU_OK)
		io_reportf(c, "庁内部局「%s」がなかったので追加しました", name);
	return st;
}

/*
 * An export leaves the contact details of a person without consent empty;
 * importing that file back must not erase them.  So for such an existing
 * row, empty contact cells are dropped (not given) rather than clearing.
 * Returns the new count of fv.
 */
static size_t keep_withheld(struct io_ctx *c, const struct entity_def *e, const char *id,
			    struct field_value *fv, size_t n)
{
	struct record *old = NULL;
	struct tsu_error e2 = {0};
	size_t out = 0;

	if (strcmp(e->name, "party") != 0 ||
	    store_get(c->st, e->name, id, false, &old, &e2) != TSU_OK)
		return n;
	bool allowed = consent_record_allowed(old);
	record_free(old);
	for (size_t i = 0; i < n; i++) {
		const struct field_def *f = entity_field(e, fv[i].name);
		if (!allowed && (f->flags & FIELD_CONTACT) && !fv[i].value[0])
			free((char *)fv[i].value);
		else
			fv[out++] = fv[i];
	}
	return out;
}

/* A party row without an id: the party already here whose name and phone
 * or e-mail read the same (partymatch.h), so a list read twice is not
 * doubled; its name and number stay as this file writes them (the row's
 * are dropped from fv).  NULL for a new party. */
static const char *same_party(struct partymatch *pm, struct field_value *fv, size_t *n,
			      struct party_found *found)
{
	partymatch_find(pm, field_value_of(fv, *n, "name"), field_value_of(fv, *n, "phone"),
			field_value_of(fv, *n, "email"), found);
	if (!found->id)
		return NULL;
	size_t out = 0;
	for (size_t i = 0; i < *n; i++) {
		bool keep_ours = strcmp(fv[i].name, "name") == 0 ||
				 (strcmp(fv[i].name, "phone") == 0 && found->same_phone);
		if (keep_ours)
			free((char *)fv[i].value);
		else
			fv[out++] = fv[i];
	}
	*n = out;
	return found->id;
}

/* A time that does not read as one (10時ごろ, kept as written by an older
 * version and exported since) is left out of the row, named, rather than
 * the row being refused: the event comes in without it. */
static bool time_readable(struct io_ctx *c, const struct csv_row *row, const struct field_def *f,
			  const char *cell)
{
	char hm[TIME_HM_LEN + 1];
	if (f->type != FIELD_TIME || !*cell || time_parse(cell, hm, NULL) == TSU_OK)
		return true;
	io_reportf(c, "%s:%ld: 「%s」の「%s」は時刻として読めないので入れませんでした (例 9:30、14:00)",
		   c->path, row->line, f->label, cell);
	return false;
}

/* An all-day event of Outlook's calendar list (終日イベント 真) has no
 * times: the 0:00:00 it writes in 開始時刻 and 終了時刻 is dropped. */
static size_t drop_all_day_times(const struct table_map *m, const struct csv_row *row,
				 struct field_value *fv, size_t n)
{
	static const char *const yes[] = {"真", "TRUE", "True", "true", "はい", "1", "○", "Yes"};
	const char *cell = m->all_day_col >= 0 && (size_t)m->all_day_col < row->n
		? row->f[m->all_day_col] : "";
	bool all_day = false;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		all_day = all_day || strcmp(cell, yes[i]) == 0;
	size_t out = 0;
	for (size_t i = 0; i < n; i++) {
		bool time = strcmp(fv[i].name, "start_time") == 0 || strcmp(fv[i].name, "end_time") == 0;
		if (all_day && time)
			free((char *)fv[i].value);
		else
			fv[out++] = fv[i];
	}
	return out;
}

/* A row that cannot be used (a value the field does not take, a required
 * one missing, a name that matches nothing) is skipped and listed with
 * its line, as a card of a vCard file is; --strict refuses the file.
 * Anything else (the disk, the database) ends the import. */
static enum tsu_status skip_row(struct io_ctx *c, const struct csv_row *row, enum tsu_status st,
				struct tsu_error *err)
{
	if (st != TSU_INVALID && st != TSU_NOT_FOUND && st != TSU_AMBIGUOUS)
		return io_at_line(c, row->line, st, err);
	char why[TSU_ERROR_MSG_MAX];
	snprintf(why, sizeof why, "%s", err && err->msg[0] ? err->msg : tsu_status_message(st));
	if (err)
		*err = (struct tsu_error){0};
	return io_skip_item(c, row->line, why, "行", err);
}

static enum tsu_status import_row(struct io_ctx *c, struct table_map *m,
				  const struct csv_row *row, struct tsu_error *err)
{
	size_t n = 0;
	const char *id = NULL;
	enum tsu_status st = TSU_OK;

	if (row->n > m->ncols)
		return skip_row(c, row, tsu_fail(err, TSU_INVALID, "列が多すぎます（%zu 列、見出しは %zu 列）",
						 row->n, m->ncols), err);
	struct field_value *fv = xcalloc(m->ncols + CONTACTS_FIELDS_MAX, sizeof(*fv));
	if (m->contacts) {
		int got = contacts_row(m->contacts, row, fv, err);
		st = got < 0 ? TSU_INVALID : TSU_OK;
		n = got < 0 ? 0 : (size_t)got;
	}
	for (size_t i = 0; i < m->ncols && st == TSU_OK && !m->contacts; i++) {
		const char *cell = i < row->n ? row->f[i] : "";
		if (m->field[i] == -2) {
			id = cell;
		} else if (m->field[i] >= 0) {
			const struct field_def *f = &m->e->fields[m->field[i]];
			if (!time_readable(c, row, f, cell))
				continue;
			char *v = cell_value(f, cell, err);
			if (!v)
				st = TSU_INVALID;
			else
				fv[n++] = (struct field_value){f->name, v};
		}
	}
	if (st == TSU_OK && m->all_day_col >= 0)
		n = drop_all_day_times(m, row, fv, n);
	if (st == TSU_OK && m->org_rows && !field_value_of(fv, n, "kind"))
		fv[n++] = (struct field_value){"kind", xstrdup("org")};
	/* departments named by a row whose cells are all good */
	for (size_t i = 0; i < n && st == TSU_OK; i++)
		st = add_missing_department(c, entity_field(m->e, fv[i].name), fv[i].value, err);
	if (st == TSU_OK && id && *id && !uuid_valid(id))
		st = tsu_fail(err, TSU_INVALID, "id の列が UUID の形ではありません（新規なら空にしてください）");
	struct party_found found = {0};
	if (st == TSU_OK && m->pm && !(id && *id))
		id = same_party(m->pm, fv, &n, &found);
	uuid_str same;
	bool is_same = false;
	if (st == TSU_OK && !m->pm && !m->contacts && !(id && *id))
		st = store_same_record(c->st, m->e->name, fv, n, same, &is_same, err);
	if (is_same)
		id = same;
	if (st == TSU_OK && id && *id)
		n = keep_withheld(c, m->e, id, fv, n);
	uuid_str got;
	if (st == TSU_OK)
		st = io_apply(c, m->e->name, id, fv, n, got, err);
	if (st == TSU_OK && id && *id && strcmp(got, id) != 0)
		m->new_ids++;
	if (st == TSU_OK && found.namesake)
		io_report_namesake(c, row->line, field_value_of(fv, n, "name"), found.namesake);
	if (st == TSU_OK && m->pm && !found.id)
		partymatch_add(m->pm, got, field_value_of(fv, n, "name"), field_value_of(fv, n, "phone"),
			       field_value_of(fv, n, "email"));
	for (size_t i = 0; i < n; i++)
		free((char *)fv[i].value);
	free(fv);
	return st == TSU_OK ? st : skip_row(c, row, st, err);
}

enum tsu_status io_table_import(struct io_ctx *c, const char *entity, struct tsu_error *err)
{
	struct table_map m = {.e = entity_find(entity), .all_day_col = -1};
	struct csv_reader *r;
	const struct csv_row *row;
	enum tsu_status st = csv_open(c->path, c->opt->encoding, &r, err);
	long rows = 0, done, total;

	if (st != TSU_OK)
		return st;
	st = csv_next(r, &row, err);
	if (st == TSU_OK && !row)
		st = tsu_fail(err, TSU_INVALID, "%s:1: 空のファイルです", c->path);
	if (st == TSU_OK)
		st = read_heading(c, row, &m, err);
	if (st == TSU_OK && strcmp(entity, "party") == 0 &&
	    !(m.pm = partymatch_load(c->st, err)))
		st = err->status;
	while (st == TSU_OK && (st = csv_next(r, &row, err)) == TSU_OK && row) {
		if (csv_row_blank(row))
			continue;
		st = import_row(c, &m, row, err);
		if (++rows % IO_PROGRESS_ROWS == 0) {
			csv_progress(r, &done, &total);
			io_progress(c, done, total);
		}
	}
	if (st == TSU_OK && rows > 0 && rows == c->skipped)
		st = tsu_fail(err, TSU_INVALID, "%s (使える行が一つもありません。%ld 行とも読み飛ばしました)",
			      c->first_skip, rows);
	if (st == TSU_OK)
		if (!io_report_sheet(c, r))
			io_reportf(c, "文字コード: %s", io_encoding_name(csv_encoding(r)));
	if (st == TSU_OK && m.new_ids)
		io_reportf(c, "削除済みの記録と同じ id の %ld 行は、新しい id で登録しました", m.new_ids);
	free(m.field);
	contacts_map_free(m.contacts);
	partymatch_free(m.pm);
	csv_close(r);
	return st;
}

/* ---- export ---- */

struct ref_entry {
	uuid_str id;
	char *shown;
};

struct table_export {
	struct io_ctx *c;
	const struct entity_def *e;
	struct outfile *o;
	struct ref_entry *refs;
	size_t nrefs;
	struct sbuf line;
	struct sbuf set;  /* a reference set as written, reused per cell */
	struct tsu_error *err;
	enum tsu_status st;
};

/* A name that would split in a set cell ("a,b") or read as two items. */
static bool name_splits(const char *name)
{
	static const char *const seps[] = {",", "、", "，", ";", "；", "\n"};
	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++)
		if (strstr(name, seps[i]))
			return true;
	return false;
}

/* The name of the row `id` points to when that name resolves to it (and
 * would not split in a set cell); else the full id, which always does. */
static const char *ref_shown(struct table_export *x, const struct field_def *f, const char *id)
{
	struct record *r = NULL;
	struct tsu_error e2 = {0};
	uuid_str back;

	for (size_t i = 0; i < x->nrefs; i++)
		if (strcmp(x->refs[i].id, id) == 0)
			return x->refs[i].shown;
	x->refs = xrealloc(x->refs, (x->nrefs + 1) * sizeof(*x->refs));
	struct ref_entry *re = &x->refs[x->nrefs++];
	snprintf(re->id, sizeof(re->id), "%s", id);
	re->shown = xstrdup(id);
	if (store_get(x->c->st, f->ref, id, false, &r, &e2) == TSU_OK) {
		const char *title = record_get(r, r->def->title_field);
		if (title && !name_splits(title) &&
		    store_resolve(x->c->st, f->ref, title, back, &e2) == TSU_OK &&
		    strcmp(back, id) == 0) {
			free(re->shown);
			re->shown = xstrdup(title);
		}
		record_free(r);
	}
	return re->shown;
}

/* A reference set: each member by its name, or by its id where the name
 * is shared (namesakes) or would split the cell, so import finds each. */
static const char *set_shown(struct table_export *x, const struct field_def *f, const char *owner)
{
	char *ids = store_set_ids(x->c->st, x->e->name, owner, f->name), *save = NULL;
	sbuf_reset(&x->set);
	sbuf_add(&x->set, "");
	for (char *id = ids ? strtok_r(ids, ",", &save) : NULL; id; id = strtok_r(NULL, ",", &save))
		sbuf_addf(&x->set, "%s%s", x->set.len ? "," : "", ref_shown(x, f, id));
	free(ids);
	return x->set.s;
}

/* The exported text of field i of r ("" for contact details withheld):
 * with Japanese headings, choices and yes/no as the app shows them. */
static const char *shown_value(struct table_export *x, const struct record *r, int i,
			       bool contact_ok)
{
	const struct field_def *f = &x->e->fields[i];
	const char *v = r->values[i];

	if (!v || ((f->flags & FIELD_CONTACT) && !contact_ok))
		return "";
	if (f->type == FIELD_REF)
		return ref_shown(x, f, v);
	if (f->type == FIELD_SET && f->ref)
		return set_shown(x, f, r->id);
	if (x->c->opt->field_headings)
		return v; /* the machine layout keeps codes: org, 1, A */
	if (f->type == FIELD_CHOICE)
		return store_choice_label(x->c->st, f->ref, v); /* 団体, 作業支援 */
	if (f->type == FIELD_BOOL)
		return strcmp(v, "1") == 0 ? "はい" : "いいえ";
	return v;
}

static int export_row(void *ud, const struct record *r)
{
	struct table_export *x = ud;
	bool contact_ok = strcmp(x->e->name, "party") != 0 || consent_record_allowed(r);
	int32_t bad;

	sbuf_reset(&x->line);
	csv_put_field(&x->line, r->id);
	for (int i = 0; i < x->e->nfields; i++) {
		const char *v = shown_value(x, r, i, contact_ok);
		char *inert = csv_cell_inert(v);
		csv_put_sep(&x->line);
		csv_put_field(&x->line, inert ? inert : v);
		free(inert);
	}
	csv_end_row(&x->line);
	x->st = outfile_write(x->o, x->line.s, x->line.len, &bad, x->err);
	if (x->st == TSU_ENCODING) {
		/* name the field holding it */
		const char *label = "id", *value = r->id;
		char ch[5] = {0};
		utf8_encode(bad, ch);
		for (int i = 0; i < x->e->nfields; i++) {
			if (strstr(shown_value(x, r, i, contact_ok), ch)) {
				label = x->e->fields[i].label;
				value = shown_value(x, r, i, contact_ok);
				break;
			}
		}
		x->st = io_cp932_fail(x->err, r->id, label, value, bad);
	}
	if (x->st == TSU_OK && ++x->c->written % IO_PROGRESS_ROWS == 0)
		io_progress(x->c, x->c->written, 0);
	return x->st != TSU_OK;
}

enum tsu_status io_table_export(struct io_ctx *c, const char *entity, struct outfile *o,
				struct tsu_error *err)
{
	struct table_export x = {.c = c, .e = entity_find(entity), .o = o, .err = err};
	int32_t bad;
	enum tsu_status st;

	bool names = c->opt->field_headings;
	csv_put_field(&x.line, names ? "id" : "ID");
	for (int i = 0; i < x.e->nfields; i++) {
		csv_put_sep(&x.line);
		csv_put_field(&x.line, names ? x.e->fields[i].name : x.e->fields[i].label);
	}
	csv_end_row(&x.line);
	st = outfile_write(o, x.line.s, x.line.len, &bad, err);
	if (st == TSU_OK)
		st = store_each(c->st, entity, c->opt->area_id, export_row, &x, err);
	if (st == TSU_OK)
		st = x.st;
	for (size_t i = 0; i < x.nrefs; i++)
		free(x.refs[i].shown);
	free(x.refs);
	sbuf_free(&x.line);
	sbuf_free(&x.set);
	return st;
}
