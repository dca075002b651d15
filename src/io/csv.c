/*
 * The CSV reader is a byte-at-a-time state machine over the decoded UTF-8
 * chunks of enc_reader; it never looks ahead, so a record may span chunk
 * boundaries freely.  A CR ends a line on its own and swallows the LF that
 * may follow (CRLF, LF and old-Mac CR all count as one line each).
 * Fields of the current record live in one buffer separated by NULs.
 * The separator is the comma, or the tab when the file's first line holds
 * more tabs than commas (Excel's 「テキスト (タブ区切り)」 and other TSV).
 * An Excel workbook (found by its content, whatever its name) is read
 * through sheet.h instead: its first sheet's rows come out as the records
 * of the CSV Excel would save, numbered by the sheet's rows.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "tsunagu/csv.h"
#include "tsunagu/encoding.h"
#include "tsunagu/filekind.h"
#include "tsunagu/sheet.h"
#include "tsunagu/syserr.h"

/* Excel holds at most 32,767 characters in a cell; a quoted field longer
 * than this many bytes is an unclosed quote swallowing the file. */
#define CSV_FIELD_MAX (1024 * 1024)

enum csv_state { S_START, S_UNQ, S_QUOTED, S_QQ, S_AFTER };

struct csv_reader {
	struct enc_reader *src;
	const char *data;
	size_t len, pos;
	long line;          /* current physical line */
	long field_line;    /* where the current quoted field opened */
	bool skip_lf, eof;
	char sep;           /* ',' or '\t', decided on the first chunk */
	struct sbuf buf;    /* fields of the record, NUL separated */
	size_t field_start;
	size_t *offs;
	size_t noffs, capoffs;
	char **ptrs;
	size_t capptrs;
	struct csv_row row;
	struct sheet *sheet;  /* a workbook: read through it, src unused */
};

enum tsu_status csv_open_fp(FILE *fp, const char *name, enum io_encoding enc,
			    struct csv_reader **out, struct tsu_error *err)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));
	enum tsu_status st = enc_reader_open_fp(fp, name, enc, false, &r->src, err);

	if (st != TSU_OK) {
		free(r);
		return st;
	}
	r->line = 1;
	*out = r;
	return TSU_OK;
}

enum tsu_status csv_open(const char *path, enum io_encoding enc,
			 struct csv_reader **out, struct tsu_error *err)
{
	FILE *fp = fopen(path, "rb");
	enum file_kind kind = FILE_TEXT;
	enum tsu_status st;

	if (!fp)
		return tsu_fail(err, TSU_IO, "%s: 開けません: %s", path, syserr_text(errno, false));
	st = file_kind_sniff(fp, path, &kind, err);
	if (st != TSU_OK || kind != FILE_TEXT) {
		fclose(fp);
		if (st != TSU_OK || (kind != FILE_XLSX && kind != FILE_XLS))
			return st != TSU_OK ? st : file_kind_refuse(kind, path, false, err);
		struct sheet *sh;
		if ((st = sheet_open(path, kind, &sh, err)) != TSU_OK)
			return st;
		*out = xcalloc(1, sizeof(**out));
		(*out)->sheet = sh;
		return TSU_OK;
	}
	return csv_open_fp(fp, path, enc, out, err);
}

/* The next row of the workbook as a record. */
static enum tsu_status sheet_record(struct csv_reader *r, const struct csv_row **row,
				    struct tsu_error *err)
{
	const struct sheet_row *sr;
	enum tsu_status st = sheet_next(r->sheet, &sr, err);

	*row = NULL;
	if (st != TSU_OK || !sr)
		return st;
	r->row = (struct csv_row){.n = sr->n, .f = sr->cell, .line = sr->line};
	*row = &r->row;
	return TSU_OK;
}

static void end_field(struct csv_reader *r)
{
	if (r->noffs == r->capoffs) {
		r->capoffs = r->capoffs ? r->capoffs * 2 : 32;
		r->offs = xrealloc(r->offs, r->capoffs * sizeof(*r->offs));
	}
	r->offs[r->noffs++] = r->field_start;
	sbuf_addc(&r->buf, '\0');
	r->field_start = r->buf.len;
}

static const struct csv_row *make_row(struct csv_reader *r, long line)
{
	if (r->capptrs < r->noffs) {
		r->capptrs = r->noffs;
		r->ptrs = xrealloc(r->ptrs, r->capptrs * sizeof(*r->ptrs));
	}
	for (size_t i = 0; i < r->noffs; i++)
		r->ptrs[i] = r->buf.s + r->offs[i];
	r->row.n = r->noffs;
	r->row.f = r->ptrs;
	r->row.line = line;
	return &r->row;
}

static enum tsu_status quote_error(struct csv_reader *r, struct tsu_error *err)
{
	const char *name = enc_reader_name(r->src);

	if (r->field_line != r->line)
		return tsu_fail(err, TSU_INVALID,
				"%s:%ld: この行で始まる引用符「\"」の欄が正しく閉じられていません（%ld 行目で食い違い）",
				name, r->field_line, r->line);
	return tsu_fail(err, TSU_INVALID,
			"%s:%ld: 引用符「\"」の閉じ方が正しくありません（閉じる「\"」の後に文字があります）",
			name, r->line);
}

/* Only spaces so far in the current unquoted field (" \"x\"" is fine). */
static bool field_is_spaces(const struct csv_reader *r)
{
	for (size_t i = r->field_start; i < r->buf.len; i++)
		if (r->buf.s[i] != ' ' && r->buf.s[i] != '\t')
			return false;
	return true;
}

/* Feeds one byte; *done is set when it ended the record. */
static enum tsu_status feed(struct csv_reader *r, enum csv_state *s, char c, bool *done,
			    struct tsu_error *err)
{
	bool eol = c == '\r' || c == '\n';

	if (eol && *s != S_QUOTED) {
		r->line++;
		r->skip_lf = c == '\r';
		end_field(r);
		*done = true;
		return TSU_OK;
	}
	switch (*s) {
	case S_START:
	case S_UNQ:
		if (c == r->sep) {
			end_field(r);
			*s = S_START;
		} else if (c == '"') {
			if (*s == S_UNQ && !field_is_spaces(r))
				return tsu_fail(err, TSU_INVALID,
						"%s:%ld: 引用符で囲まれていない欄の途中に「\"」があります",
						enc_reader_name(r->src), r->line);
			r->buf.len = r->field_start;
			r->field_line = r->line;
			*s = S_QUOTED;
		} else {
			sbuf_addc(&r->buf, c);
			*s = S_UNQ;
		}
		break;
	case S_QUOTED:
		if (c == '"') {
			*s = S_QQ;
			break;
		}
		if (eol) {
			r->line++;
			r->skip_lf = c == '\r';
			c = '\n';
		}
		sbuf_addc(&r->buf, c);
		if (r->buf.len - r->field_start > CSV_FIELD_MAX)
			return tsu_fail(err, TSU_INVALID, "%s:%ld: 引用符「\"」が閉じられていません",
					enc_reader_name(r->src), r->field_line);
		break;
	case S_QQ:
	case S_AFTER:
		if (c == '"' && *s == S_QQ) {
			sbuf_addc(&r->buf, '"');
			*s = S_QUOTED;
		} else if (c == r->sep) {
			end_field(r);
			*s = S_START;
		} else if (c == ' ' || c == '\t') {
			*s = S_AFTER;
		} else {
			return quote_error(r, err);
		}
		break;
	}
	return TSU_OK;
}

/* The separator from the first line (outside quotes) of the first chunk. */
static char first_line_sep(const char *s, size_t len)
{
	size_t tabs = 0, commas = 0;
	bool quoted = false;

	for (size_t i = 0; i < len && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && s[i] == '\t')
			tabs++;
		else if (!quoted && s[i] == ',')
			commas++;
	}
	return tabs > commas ? '\t' : ',';
}

static enum tsu_status refill(struct csv_reader *r, struct tsu_error *err)
{
	enum tsu_status st = enc_reader_next(r->src, &r->data, &r->len, err);

	if (st == TSU_OK && !r->sep)
		r->sep = first_line_sep(r->data, r->len);
	r->pos = 0;
	if (st == TSU_OK && r->len == 0)
		r->eof = true;
	return st;
}

static enum tsu_status next_record(struct csv_reader *r, const struct csv_row **row,
				   struct tsu_error *err);

/* Excel honours a first line "sep=," naming the separator; only the comma
 * and the tab are read here, so that line is skipped and any other is
 * refused. */
enum tsu_status csv_next(struct csv_reader *r, const struct csv_row **row,
			 struct tsu_error *err)
{
	if (r->sheet)
		return sheet_record(r, row, err);
	enum tsu_status st = next_record(r, row, err);
	const struct csv_row *w = *row;

	if (st != TSU_OK || !w || w->line != 1 || w->n > 2 || strncmp(w->f[0], "sep=", 4) != 0)
		return st;
	/* "sep=," (or "sep=<tab>") reads as the two cells "sep=" and "" */
	if (w->n == 2 && strcmp(w->f[0], "sep=") == 0 && !w->f[1][0])
		return next_record(r, row, err);
	if (w->n == 1)
		return tsu_fail(err, TSU_INVALID, "%s:1: 区切り文字は「,」とタブだけ読めます（%s）",
				enc_reader_name(r->src), w->f[0]);
	return st;
}

static enum tsu_status next_record(struct csv_reader *r, const struct csv_row **row,
				   struct tsu_error *err)
{
	enum csv_state s = S_START;
	long start = r->line;
	enum tsu_status st;

	sbuf_reset(&r->buf);
	r->noffs = 0;
	r->field_start = 0;
	*row = NULL;
	for (;;) {
		if (r->pos == r->len && !r->eof && (st = refill(r, err)) != TSU_OK)
			return st;
		if (r->eof) {
			if (s == S_QUOTED)
				return tsu_fail(err, TSU_INVALID, "%s:%ld: 引用符「\"」が閉じられていません",
						enc_reader_name(r->src), r->field_line);
			if (s == S_START && r->noffs == 0)
				return TSU_OK;
			end_field(r);
			*row = make_row(r, start);
			return TSU_OK;
		}
		char c = r->data[r->pos++];
		bool done = false;

		if (r->skip_lf) {
			r->skip_lf = false;
			if (c == '\n')
				continue;
		}
		if (c == '\0')
			return tsu_fail(err, TSU_INVALID, "%s:%ld: NUL 文字 (0x00) があります",
					enc_reader_name(r->src), r->line);
		if ((st = feed(r, &s, c, &done, err)) != TSU_OK)
			return st;
		if (r->buf.len > IO_FIELD_MAX)
			return tsu_fail(err, TSU_INVALID, "%s:%ld: 1 件が大きすぎます (%zu バイトを超えました。上限は %d MB)",
					enc_reader_name(r->src), start, r->buf.len, IO_FIELD_MAX >> 20);
		if (!done)
			continue;
		if (r->noffs == 1 && r->buf.len == 1) {
			/* an empty line: not a record */
			sbuf_reset(&r->buf);
			r->noffs = 0;
			r->field_start = 0;
			s = S_START;
			start = r->line;
			continue;
		}
		*row = make_row(r, start);
		return TSU_OK;
	}
}

bool csv_row_blank(const struct csv_row *row)
{
	for (size_t i = 0; i < row->n; i++)
		if (row->f[i][0])
			return false;
	return true;
}

enum io_encoding csv_encoding(const struct csv_reader *r)
{
	return r->sheet ? IO_ENC_UTF8 : enc_reader_encoding(r->src);
}

const char *csv_sheet(const struct csv_reader *r)
{
	return r->sheet ? sheet_describe(r->sheet) : NULL;
}

const char *csv_sheet_name(const struct csv_reader *r)
{
	return r->sheet ? sheet_name(r->sheet) : NULL;
}

const char *csv_sheet_other(const struct csv_reader *r, size_t i)
{
	return r->sheet ? sheet_other(r->sheet, i) : NULL;
}

void csv_progress(const struct csv_reader *r, long *done, long *total)
{
	if (r->sheet)
		sheet_progress(r->sheet, done, total);
	else
		enc_reader_progress(r->src, done, total);
}

void csv_close(struct csv_reader *r)
{
	if (!r)
		return;
	sheet_close(r->sheet);
	enc_reader_close(r->src);
	sbuf_free(&r->buf);
	free(r->offs);
	free(r->ptrs);
	free(r);
}

void csv_put_field(struct sbuf *b, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n") && s[0] != ' ' && s[0] != '\t') {
		sbuf_add(b, s);
		return;
	}
	sbuf_addc(b, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			sbuf_addc(b, '"');
		sbuf_addc(b, *p);
	}
	sbuf_addc(b, '"');
}

void csv_put_sep(struct sbuf *b)
{
	sbuf_addc(b, ',');
}

void csv_end_row(struct sbuf *b)
{
	sbuf_add(b, "\r\n");
}
