/* The report document model and its three renderers (reportdoc.h). */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tsunagu/csv.h"
#include "tsunagu/csvcell.h"
#include "tsunagu/reportdoc.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/utf8.h"

enum block_kind { B_HEADING, B_PARA, B_KV, B_TABLE };

struct block {
	enum block_kind kind;
	int level;          /* heading */
	bool new_page;      /* heading */
	char *text;         /* heading, paragraph, key, table caption */
	char *value;        /* kv */
	size_t ncols;       /* table */
	char **cells;       /* table: headings then rows, ncols each */
	size_t nrows;       /* table: rows after the headings */
};

struct rdoc {
	char *title;
	char *author, *when;
	char *last_heading;
	struct block *b;
	size_t n, cap;
};

/* Every text is kept as it will be shown, whatever the format: control
 * characters and escape sequences spelled out as on the screen (ESC as
 * ^[), bidi overrides as <U+202E> so that no name prints reversed, CRs
 * left out; line breaks and the IVS of a name kept (sanitize.h). */
static char *dup0(const char *s)
{
	struct sbuf b = {0};
	size_t len = s ? strlen(s) : 0;
	char rep[TEXT_SANITIZE_CP_MAX];

	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		size_t r = cp == '\r' ? 0 : text_sanitize_cp(cp, 1, rep);

		if (r > 0)
			sbuf_addn(&b, rep, r);
		else if (cp == 0xFFFD && n == 1)
			sbuf_add(&b, "\xEF\xBF\xBD");
		else if (cp != '\r')
			sbuf_addn(&b, s + i, n);
		i += n;
	}
	return b.s ? sbuf_detach(&b) : xstrdup("");
}

struct rdoc *rdoc_new(const char *title)
{
	struct rdoc *d = xcalloc(1, sizeof(*d));
	d->title = dup0(title);
	return d;
}

void rdoc_set_title(struct rdoc *d, const char *title)
{
	free(d->title);
	d->title = dup0(title);
}

void rdoc_free(struct rdoc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		struct block *b = &d->b[i];
		free(b->text);
		free(b->value);
		for (size_t k = 0; b->cells && k < b->ncols * (b->nrows + 1); k++)
			free(b->cells[k]);
		free(b->cells);
	}
	free(d->b);
	free(d->title);
	free(d->author);
	free(d->when);
	free(d->last_heading);
	free(d);
}

static struct block *add(struct rdoc *d, enum block_kind kind)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->b = xrealloc(d->b, d->cap * sizeof(*d->b));
	}
	struct block *b = &d->b[d->n++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	return b;
}

void rdoc_heading(struct rdoc *d, int level, const char *text, bool new_page)
{
	struct block *b = add(d, B_HEADING);
	b->level = level < 2 ? 2 : level > 4 ? 4 : level;
	b->new_page = new_page;
	b->text = dup0(text);
	free(d->last_heading);
	d->last_heading = dup0(text);
}

void rdoc_para(struct rdoc *d, const char *text)
{
	add(d, B_PARA)->text = dup0(text);
}

void rdoc_kv(struct rdoc *d, const char *key, const char *value)
{
	struct block *b = add(d, B_KV);
	b->text = dup0(key);
	b->value = dup0(value);
}

void rdoc_table(struct rdoc *d, const char *caption, size_t ncols, const char *const *headings)
{
	struct block *b = add(d, B_TABLE);
	b->text = dup0(caption ? caption : d->last_heading);
	b->ncols = ncols;
	b->cells = xcalloc(ncols, sizeof(char *));
	for (size_t k = 0; k < ncols; k++)
		b->cells[k] = dup0(headings[k]);
}

static struct block *last_table(struct rdoc *d)
{
	for (size_t i = d->n; i-- > 0;)
		if (d->b[i].kind == B_TABLE)
			return &d->b[i];
	return NULL;
}

void rdoc_row(struct rdoc *d, const char *const *cells)
{
	struct block *b = last_table(d);
	if (!b)
		return;
	b->nrows++;
	b->cells = xrealloc(b->cells, b->ncols * (b->nrows + 1) * sizeof(char *));
	for (size_t k = 0; k < b->ncols; k++)
		b->cells[b->ncols * b->nrows + k] = dup0(cells[k]);
}

void rdoc_rowf(struct rdoc *d, const char *fmt, ...)
{
	struct block *b = last_table(d);
	va_list ap;
	char small[256], *buf = small;
	int n;

	if (!b)
		return;
	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof small) { /* a long row: formatted again in full */
		buf = xmalloc((size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(buf, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	const char **cells = xcalloc(b->ncols, sizeof(char *));
	char *p = buf;
	for (size_t k = 0; k < b->ncols; k++) {
		cells[k] = p;
		char *tab = p ? strchr(p, '\t') : NULL;
		if (tab)
			*tab = '\0';
		p = tab ? tab + 1 : NULL;
	}
	rdoc_row(d, cells);
	free(cells);
	if (buf != small)
		free(buf);
}

void rdoc_footer(struct rdoc *d, const char *author, const char *when)
{
	free(d->author);
	free(d->when);
	d->author = dup0(author);
	d->when = dup0(when);
}

size_t rdoc_tables(const struct rdoc *d)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->b[i].kind == B_TABLE;
	return n;
}

bool rdoc_is_number(const char *s)
{
	bool digit = false;

	if (!s || !*s)
		return false;
	if (*s == '-' || *s == '+')
		s++;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digit = true;
		else if (*s == '%' && s[1] == '\0')
			break;
		else if (*s != ',' && *s != '.')
			return false;
	}
	return digit;
}

/* ---- HTML ---------------------------------------------------------------- */

/* A run of letters, digits and signs without a space (a URL, an e-mail
 * address, a long code) may break after this many characters: a table
 * is as wide as its widest unbreakable text, so one long URL in a note
 * would push the table, every column of it, past the edge of the paper.
 * Japanese text breaks between any two characters by itself. */
enum { HTML_RUN_BREAK = 10 };

/* Escaped text, with <wbr> in long runs (HTML_RUN_BREAK); control
 * characters other than line breaks and tabs are left out (they have no
 * place in a printed page). */
static void esc(struct sbuf *o, const char *s)
{
	size_t run = 0;

	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		run = c > 0x20 && c < 0x7F ? run + 1 : 0;
		if (run > HTML_RUN_BREAK && run % HTML_RUN_BREAK == 1)
			sbuf_add(o, "<wbr>");
		switch (c) {
		case '&': sbuf_add(o, "&amp;"); break;
		case '<': sbuf_add(o, "&lt;"); break;
		case '>': sbuf_add(o, "&gt;"); break;
		case '"': sbuf_add(o, "&quot;"); break;
		case '\'': sbuf_add(o, "&#39;"); break;
		case '\r': break;
		default:
			if (c >= 0x20 || c == '\n' || c == '\t')
				sbuf_addc(o, (char)c);
		}
	}
}

/* "2026-12-05" or "2026-12-05 15:17": kept on one line in a table. */
static bool iso_date(const char *s)
{
	static const char pat[] = "dddd-dd-dd dd:dd";
	size_t n = strlen(s);

	if (n != 10 && n != 16)
		return false;
	for (size_t i = 0; i < n; i++)
		if (pat[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != pat[i])
			return false;
	return true;
}

static const char STYLE[] =
	"@page { size: A4; margin: 15mm 14mm 18mm 14mm; }\n"
	"html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
	"body { font-family: \"Hiragino Sans\", \"Hiragino Kaku Gothic ProN\", \"Yu Gothic\", "
	"\"Meiryo\", \"Noto Sans CJK JP\", \"IPAexGothic\", sans-serif;\n"
	"  font-size: 10.5pt; line-height: 1.55; color: #000; background: #fff; margin: 0 auto; max-width: 190mm; }\n"
	"h1 { font-size: 16pt; margin: 0 0 6pt; border-bottom: 2px solid #000; }\n"
	"h2 { font-size: 13.5pt; margin: 14pt 0 4pt; border-left: 5px solid #333; padding-left: 5pt; }\n"
	"h3 { font-size: 11.5pt; margin: 10pt 0 3pt; border-bottom: 1px solid #888; }\n"
	"h4 { font-size: 10.5pt; margin: 8pt 0 2pt; }\n"
	"h2, h3, h4 { break-after: avoid; page-break-after: avoid; }\n"
	".newpage { break-before: page; page-break-before: always; }\n"
	"p { margin: 3pt 0; white-space: pre-wrap; orphans: 2; widows: 2; }\n"
	"dl { display: grid; grid-template-columns: max-content auto; gap: 1pt 10pt; margin: 4pt 0; }\n"
	"dt { font-weight: bold; } dd { margin: 0; white-space: pre-wrap; }\n"
	"table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 9.5pt; }\n"
	"caption { text-align: left; font-weight: bold; padding: 2pt 0; }\n"
	"thead { display: table-header-group; }\n"
	"tr { break-inside: avoid; page-break-inside: avoid; }\n"
	"th, td { border: 1px solid #555; padding: 2pt 4pt; vertical-align: top; text-align: left; }\n"
	"td { white-space: pre-wrap; }\n"
	"th { background: #e8e8e8; }\n"
	"td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }\n"
	"td.date { white-space: nowrap; }\n"
	"th, td { min-width: 3em; }\n"
	"h1, h2, h3, h4, p, dt, dd, caption, footer { overflow-wrap: anywhere; }\n"
	"footer { margin-top: 14pt; padding-top: 3pt; border-top: 1px solid #888; font-size: 8.5pt; color: #333; }\n"
	"@media screen { body { padding: 12mm; } }\n";

static void html_table(const struct block *b, struct sbuf *o)
{
	if (b->nrows == 0) {
		sbuf_add(o, "<p class=\"none\">（該当なし）</p>\n");
		return;
	}
	sbuf_add(o, "<table>\n<thead><tr>");
	for (size_t k = 0; k < b->ncols; k++) {
		sbuf_add(o, "<th>");
		esc(o, b->cells[k]);
		sbuf_add(o, "</th>");
	}
	sbuf_add(o, "</tr></thead>\n<tbody>\n");
	for (size_t r = 1; r <= b->nrows; r++) {
		sbuf_add(o, "<tr>");
		for (size_t k = 0; k < b->ncols; k++) {
			const char *c = b->cells[b->ncols * r + k];
			sbuf_add(o, rdoc_is_number(c) ? "<td class=\"num\">"
				    : iso_date(c) ? "<td class=\"date\">" : "<td>");
			esc(o, c);
			sbuf_add(o, "</td>");
		}
		sbuf_add(o, "</tr>\n");
	}
	sbuf_add(o, "</tbody>\n</table>\n");
}

void rdoc_html(const struct rdoc *d, struct sbuf *o)
{
	bool content = false;

	sbuf_add(o, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	esc(o, d->title);
	sbuf_addf(o, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", STYLE);
	esc(o, d->title);
	sbuf_add(o, "</h1>\n");
	for (size_t i = 0; i < d->n; i++) {
		const struct block *b = &d->b[i];
		switch (b->kind) {
		case B_HEADING:
			sbuf_addf(o, "<h%d%s>", b->level, b->new_page && content ? " class=\"newpage\"" : "");
			esc(o, b->text);
			sbuf_addf(o, "</h%d>\n", b->level);
			break;
		case B_PARA:
			sbuf_add(o, "<p>");
			esc(o, b->text);
			sbuf_add(o, "</p>\n");
			break;
		case B_KV:
			if (i == 0 || d->b[i - 1].kind != B_KV)
				sbuf_add(o, "<dl>\n");
			sbuf_add(o, "<dt>");
			esc(o, b->text);
			sbuf_add(o, "</dt><dd>");
			esc(o, b->value);
			sbuf_add(o, "</dd>\n");
			if (i + 1 == d->n || d->b[i + 1].kind != B_KV)
				sbuf_add(o, "</dl>\n");
			break;
		case B_TABLE:
			html_table(b, o);
			break;
		}
		content = true;
	}
	if (d->author || d->when) {
		sbuf_add(o, "<footer>作成者: ");
		esc(o, d->author);
		sbuf_add(o, "　作成日時: ");
		esc(o, d->when);
		sbuf_add(o, "　（tsunagu）</footer>\n");
	}
	sbuf_add(o, "</body>\n</html>\n");
}

/* ---- Markdown ------------------------------------------------------------ */

/* Where md_text's text stands: in a table cell (one line, '|' ends the
 * cell), at the start of a block (a paragraph: its first character is a
 * line start), or after other text on its line (a heading, a list item). */
enum md_place { MD_CELL, MD_BLOCK, MD_INLINE };

/* Characters that make Markdown markup anywhere in a line: emphasis,
 * code, links and images ("![](https://...)" would load a picture in a
 * viewer), the escape itself.  '_' only where it could open or close
 * emphasis: not between two letters or digits (a URL's mimamori_net). */
static bool md_inline_mark(const char *s, const char *start)
{
	bool alnum_before = s > start && ((unsigned char)s[-1] >= 0x80 || isalnum((unsigned char)s[-1]));
	bool alnum_after = (unsigned char)s[1] >= 0x80 || isalnum((unsigned char)s[1]);

	if (*s == '_')
		return !(alnum_before && alnum_after);
	return strchr("\\`*[]~", *s) != NULL;
}

/* At the start of a line, what would begin a heading, a quote, a list
 * ("- ", "+ ", "1. ", "1) ") or a rule. */
static bool md_line_mark(const char *s, const char *line)
{
	const char *p = line;

	if (strchr("#>-+=", *s))
		return true;
	while (p < s && isdigit((unsigned char)*p))
		p++;
	return p == s && s > line && (*s == '.' || *s == ')');
}

/* Text as Markdown that shows it as written: '<' and '&' as entities
 * (no HTML), markup characters backslash-escaped (CommonMark reads \* as
 * *); in a table cell '|' is escaped and line breaks become <br>,
 * elsewhere a line break stays one (two spaces before it). */
static void md_text(struct sbuf *o, const char *s, enum md_place place)
{
	const char *start = s, *line = place == MD_BLOCK ? s : NULL;

	for (; s && *s; s++) {
		if (*s == '\r')
			continue;
		if (place == MD_CELL && *s == '|')
			sbuf_add(o, "\\|");
		else if (place == MD_CELL && *s == '\n')
			sbuf_add(o, "<br>");
		else if (*s == '<')
			sbuf_add(o, "&lt;");
		else if (*s == '&')
			sbuf_add(o, "&amp;");
		else if (*s == '\n')
			sbuf_add(o, "  \n");   /* a hard line break */
		else {
			if (md_inline_mark(s, start) || (line && md_line_mark(s, line)))
				sbuf_addc(o, '\\');
			sbuf_addc(o, *s);
		}
		/* a line start lasts through its digits (1.) and leading spaces */
		if (place != MD_CELL && *s == '\n')
			line = s + 1;
		else if (line && !(isdigit((unsigned char)*s) || *s == ' '))
			line = NULL;
		else if (line && *s == ' ')
			line = s + 1;
	}
}

static void md_table(const struct block *b, struct sbuf *o)
{
	if (b->nrows == 0) {
		sbuf_add(o, "（該当なし）\n");
		return;
	}
	for (size_t r = 0; r <= b->nrows; r++) {
		sbuf_add(o, "|");
		for (size_t k = 0; k < b->ncols; k++) {
			sbuf_addc(o, ' ');
			md_text(o, b->cells[b->ncols * r + k], MD_CELL);
			sbuf_add(o, " |");
		}
		sbuf_addc(o, '\n');
		if (r == 0) {
			sbuf_add(o, "|");
			for (size_t k = 0; k < b->ncols; k++) {
				/* figures right, text and an empty column left */
				bool num = true, any = false;
				for (size_t j = 1; j <= b->nrows && num; j++) {
					const char *c = b->cells[b->ncols * j + k];
					num = !*c || rdoc_is_number(c);
					any |= *c != '\0';
				}
				sbuf_add(o, num && any ? "---:|" : "---|");
			}
			sbuf_addc(o, '\n');
		}
	}
}

void rdoc_markdown(const struct rdoc *d, struct sbuf *o)
{
	bool content = false;

	sbuf_add(o, "# ");
	md_text(o, d->title, MD_INLINE);
	sbuf_add(o, "\n");
	for (size_t i = 0; i < d->n; i++) {
		const struct block *b = &d->b[i];
		switch (b->kind) {
		case B_HEADING:
			sbuf_add(o, b->new_page && content ? "\n---\n\n" : "\n");
			for (int k = 0; k < b->level; k++)
				sbuf_addc(o, '#');
			sbuf_addc(o, ' ');
			md_text(o, b->text, MD_INLINE);
			sbuf_addc(o, '\n');
			break;
		case B_PARA:
			sbuf_addc(o, '\n');
			md_text(o, b->text, MD_BLOCK);
			sbuf_addc(o, '\n');
			break;
		case B_KV:
			if (i == 0 || d->b[i - 1].kind != B_KV)
				sbuf_addc(o, '\n');
			sbuf_add(o, "- ");
			md_text(o, b->text, MD_INLINE);
			sbuf_add(o, ": ");
			md_text(o, b->value, MD_INLINE);
			sbuf_addc(o, '\n');
			break;
		case B_TABLE:
			sbuf_addc(o, '\n');
			md_table(b, o);
			break;
		}
		content = true;
	}
	if (d->author || d->when) {
		sbuf_add(o, "\n---\n\n作成者: ");
		md_text(o, d->author, MD_INLINE);
		sbuf_add(o, "　作成日時: ");
		md_text(o, d->when, MD_INLINE);
		sbuf_add(o, "\n");
	}
}

/* ---- CSV ----------------------------------------------------------------- */

/* A cell Excel would run as a formula ("=HYPERLINK(...)", "@SUM(A1)" in
 * a name or a note) goes out with ' in front, as text; figures as they
 * are. */
static void csv_text(struct sbuf *o, const char *cell)
{
	char *inert = rdoc_is_number(cell) ? NULL : csv_cell_inert(cell);

	csv_put_field(o, inert ? inert : cell);
	free(inert);
}

static void csv_row(struct sbuf *o, char *const *cells, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		if (k)
			csv_put_sep(o);
		csv_text(o, cells[k]);
	}
	csv_end_row(o);
}

void rdoc_csv(const struct rdoc *d, struct sbuf *o)
{
	bool several = rdoc_tables(d) > 1, first = true;

	for (size_t i = 0; i < d->n; i++) {
		const struct block *b = &d->b[i];
		if (b->kind != B_TABLE)
			continue;
		if (!first)
			csv_end_row(o);
		first = false;
		if (several) {
			csv_text(o, b->text);
			csv_end_row(o);
		}
		for (size_t r = 0; r <= b->nrows; r++)
			csv_row(o, b->cells + b->ncols * r, b->ncols);
	}
	if (d->author || d->when) {
		char *cells[2];
		struct sbuf who = {0}, when = {0};
		sbuf_addf(&who, "作成者: %s", d->author ? d->author : "");
		sbuf_addf(&when, "作成日時: %s", d->when ? d->when : "");
		cells[0] = who.s;
		cells[1] = when.s;
		if (!first)
			csv_end_row(o);
		csv_row(o, cells, 2);
		sbuf_free(&who);
		sbuf_free(&when);
	}
}
