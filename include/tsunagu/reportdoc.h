#ifndef TSUNAGU_REPORTDOC_H
#define TSUNAGU_REPORTDOC_H
#include <stdbool.h>
#include <stddef.h>
#include "tsunagu/sbuf.h"

/*
 * A printed report as a small document: a title, headings (a heading may
 * start a new printed page, e.g. one per area), paragraphs (line breaks
 * kept), key-value lists and tables, and a footer saying who made it and
 * when.  Built once, rendered as standalone printable HTML (A4), Markdown
 * or Excel CSV (the tables only).  Every text goes in as UTF-8 and is
 * escaped by the renderer; callers never write markup.
 */
struct rdoc;

struct rdoc *rdoc_new(const char *title);
void rdoc_free(struct rdoc *d);
void rdoc_set_title(struct rdoc *d, const char *title);

/* A heading of level 2..4 (the title is level 1); new_page: on paper the
 * heading starts a new page (not when nothing comes before it); in
 * Markdown a rule "---" goes before it. */
void rdoc_heading(struct rdoc *d, int level, const char *text, bool new_page);
/* A paragraph; its line breaks are kept. */
void rdoc_para(struct rdoc *d, const char *text);
/* One item of a key-value list; consecutive items make one list.  A NULL
 * or empty value shows as empty. */
void rdoc_kv(struct rdoc *d, const char *key, const char *value);
/* Starts a table: caption (NULL: the last heading's text, used as its
 * title row in CSV), ncols headings.  Rows follow with rdoc_row. */
void rdoc_table(struct rdoc *d, const char *caption, size_t ncols, const char *const *headings);
/* A row of the last table: ncols cells, NULL for empty.  A cell that is
 * a number ("1029", "6.9%", "-3", "1,029") is right-aligned in HTML and
 * Markdown. */
void rdoc_row(struct rdoc *d, const char *const *cells);
/* A row from a format: cells separated by '\t' (none may contain one). */
void rdoc_rowf(struct rdoc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The footer: "作成者 AUTHOR・作成日時 WHEN" (when: local time, already
 * formatted). */
void rdoc_footer(struct rdoc *d, const char *author, const char *when);

/* How many tables the document has. */
size_t rdoc_tables(const struct rdoc *d);

/* Renderers: append the whole document to out. */
void rdoc_html(const struct rdoc *d, struct sbuf *out);
void rdoc_markdown(const struct rdoc *d, struct sbuf *out);
/* Excel CSV (CRLF rows): with one table, the table alone (heading row
 * first); with several, each preceded by a title row and followed by a
 * blank row; the footer as a last row.  The BOM or CP932 is the output
 * file's business (outfile.h). */
void rdoc_csv(const struct rdoc *d, struct sbuf *out);

/* True when s reads as a number ("1029", "6.9%", "-3", "1,029", "12人"
 * is not). */
bool rdoc_is_number(const char *s);

#endif
