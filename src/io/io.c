/*
 * io_import / io_export: the kind names of the command line mapped onto
 * the modules of io/, and the one transaction around every import.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "tsunagu/io_card.h"
#include "tsunagu/io_karte.h"
#include "tsunagu/io_matrix.h"
#include "tsunagu/io_opendata.h"
#include "tsunagu/io_table.h"
#include "tsunagu/outguard.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/store_activity.h"

bool io_encoding_parse(const char *s, enum io_encoding *out)
{
	static const struct { const char *name; enum io_encoding enc; } names[] = {
		{"auto", IO_ENC_AUTO}, {"utf-8", IO_ENC_UTF8}, {"utf8", IO_ENC_UTF8},
		{"cp932", IO_ENC_CP932}, {"sjis", IO_ENC_CP932}, {"shift_jis", IO_ENC_CP932},
		{"shift-jis", IO_ENC_CP932}, {"windows-31j", IO_ENC_CP932}, {"ms932", IO_ENC_CP932},
	};

	for (size_t i = 0; s && i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcasecmp(s, names[i].name) == 0) {
			*out = names[i].enc;
			return true;
		}
	}
	return false;
}

const char *io_encoding_name(enum io_encoding enc)
{
	switch (enc) {
	case IO_ENC_CP932:
		return "CP932";
	case IO_ENC_UTF16LE:
		return "UTF-16LE";
	case IO_ENC_UTF16BE:
		return "UTF-16BE";
	case IO_ENC_AUTO:
	case IO_ENC_UTF8:
		break;
	}
	return "UTF-8";
}

typedef enum tsu_status (*import_fn)(struct io_ctx *c, struct tsu_error *err);

static enum tsu_status import_parties(struct io_ctx *c, struct tsu_error *err)
{
	return io_table_import(c, "party", err);
}

static enum tsu_status import_tasks(struct io_ctx *c, struct tsu_error *err)
{
	return io_table_import(c, "task", err);
}

static enum tsu_status import_events(struct io_ctx *c, struct tsu_error *err)
{
	return io_table_import(c, "event", err);
}

static const struct {
	const char *kind;
	import_fn run;
	const char *label;
} importers[] = {
	{"parties", import_parties, "関係者・団体"},
	{"tasks", import_tasks, "課題・取組"},
	{"events", import_events, "行事"},
	{"districts", io_import_districts, "町丁目"},
	{"facilities", io_import_facilities, "拠点・施設"},
	{"vcard", io_import_vcard, "関係者・団体 (vCard)"},
	{"ical", io_import_ical, "行事・課題 (iCalendar)"},
};

static void summary(struct io_ctx *c, const char *label)
{
	io_reportf(c, "%s: 新規 %ld 件、更新 %ld 件、変更なし %ld 件%s", label, c->inserted,
		   c->updated, c->unchanged, "");
	if (c->skipped)
		io_reportf(c, "読み飛ばし %ld 件", c->skipped);
	if (c->opt->dry_run)
		io_reportf(c, "試行 (--dry-run) のため、データベースは変更していません");
}

enum tsu_status io_import(struct store *st, const char *kind, const char *path,
			  const struct io_options *opt, io_progress_cb progress,
			  io_report_cb report, void *ud, struct tsu_error *err)
{
	struct io_ctx c = {.st = st, .path = path, .opt = opt, .progress = progress,
			   .report = report, .ud = ud};
	enum tsu_status rc;

	for (size_t i = 0; i < sizeof(importers) / sizeof(importers[0]); i++) {
		if (strcmp(kind, importers[i].kind) != 0)
			continue;
		if ((rc = store_begin(st, err)) != TSU_OK)
			return rc;
		store_bulk_begin(st);
		if ((rc = store_bulk_defer(st, err)) != TSU_OK) {
			store_rollback(st);
			return rc;
		}
		/* a long import holds the write lock: let others know why */
		struct store_activity *note;
		struct sbuf what = {0};
		sbuf_addf(&what, "取り込み中 (%s %s)", kind, path);
		store_activity_begin(st, what.s, &note);
		sbuf_free(&what);
		rc = importers[i].run(&c, err);
		if (rc == TSU_OK)
			rc = store_bulk_end(st, err);
		if (rc == TSU_OK && !opt->dry_run)
			rc = store_commit(st, err);
		else
			store_rollback(st);
		store_activity_end(note);
		if (rc == TSU_OK)
			summary(&c, importers[i].label);
		return rc;
	}
	return tsu_fail(err, TSU_USAGE, "読み込める種類は parties, tasks, events, districts, facilities, vcard, ical です");
}

typedef enum tsu_status (*export_fn)(struct io_ctx *c, struct outfile *o, struct tsu_error *err);

static enum tsu_status export_parties(struct io_ctx *c, struct outfile *o, struct tsu_error *err)
{
	return io_table_export(c, "party", o, err);
}

static enum tsu_status export_tasks(struct io_ctx *c, struct outfile *o, struct tsu_error *err)
{
	return io_table_export(c, "task", o, err);
}

static enum tsu_status export_events(struct io_ctx *c, struct outfile *o, struct tsu_error *err)
{
	return io_table_export(c, "event", o, err);
}

static const struct {
	const char *kind;
	export_fn run;
	bool csv;        /* UTF-8 gets a BOM for Excel */
	bool utf8_only;  /* vCard 4.0 and iCalendar are UTF-8 by definition */
	const char *label, *ext;
} exporters[] = {
	{"parties", export_parties, true, false, "関係者・団体", "csv"},
	{"tasks", export_tasks, true, false, "課題・取組", "csv"},
	{"events", export_events, true, false, "行事", "csv"},
	{"vcard", io_export_vcard, false, true, "連絡先 (vCard)", "vcf"},
	{"ical", io_export_ical, false, true, "予定 (iCalendar)", "ics"},
	{"karte", io_export_karte, false, false, "地域カルテ", "md"},
	{"matrix", io_export_matrix, true, false, "一覧表 (カテゴリー×部局)", "csv"},
};

bool io_export_kind(size_t i, struct io_kind *k)
{
	if (i >= sizeof(exporters) / sizeof(exporters[0]))
		return false;
	*k = (struct io_kind){exporters[i].kind, exporters[i].label, exporters[i].ext};
	return true;
}

bool io_import_kind(size_t i, struct io_kind *k)
{
	if (i >= sizeof(importers) / sizeof(importers[0]))
		return false;
	*k = (struct io_kind){importers[i].kind, importers[i].label, NULL};
	return true;
}

enum tsu_status io_export(struct store *st, const char *kind, const char *path,
			  const struct io_options *opt, io_progress_cb progress,
			  void *ud, struct tsu_error *err)
{
	struct io_ctx c = {.st = st, .path = path ? path : "-", .opt = opt,
			   .progress = progress, .ud = ud};
	struct outfile *o;
	enum tsu_status rc;

	for (size_t i = 0; i < sizeof(exporters) / sizeof(exporters[0]); i++) {
		if (strcmp(kind, exporters[i].kind) != 0)
			continue;
		if (exporters[i].utf8_only && opt->encoding == IO_ENC_CP932)
			return tsu_fail(err, TSU_USAGE, "%s は UTF-8 でしか書き出せません", kind);
		if (path && strcmp(path, "-") != 0 &&
		    (rc = outguard_check(path, store_path(st), opt->force, err)) != TSU_OK)
			return rc;
		rc = outfile_open(path, opt->encoding, exporters[i].csv, &o, err);
		if (rc != TSU_OK)
			return rc;
		rc = exporters[i].run(&c, o, err);
		if (rc == TSU_OK)
			return outfile_commit(o, err);
		outfile_abort(o);
		return rc;
	}
	return tsu_fail(err, TSU_USAGE, "書き出せる種類は parties, tasks, events, vcard, ical, karte, matrix です");
}
