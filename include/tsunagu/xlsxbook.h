#ifndef TSUNAGU_XLSXBOOK_H
#define TSUNAGU_XLSXBOOK_H
#include <expat.h>
#include <stdbool.h>
#include <stddef.h>
#include "tsunagu/sheetcell.h"
#include "tsunagu/status.h"

/*
 * The parts of an .xlsx around its sheets, read when it is opened: which
 * sheet comes first (xl/workbook.xml through its relationships), the
 * 1904 date system, the number format of each cell style (xl/styles.xml)
 * and the shared strings.  Used by xlsx.c, which streams the sheet.
 */
struct zip;

/* Every expat handler's user data starts with this, so that any handler
 * can stop its parser, and a DOCTYPE (entity expansion) is refused. */
struct xml_base {
	XML_Parser p;
	bool doctype;      /* a DOCTYPE was met: refused */
	bool stopped;      /* a handler stopped the parse on purpose */
	enum tsu_status st;
	struct tsu_error *err;
};

struct xlsx_book {
	struct zip *zip;
	char *name;              /* the file, for messages */
	bool date1904;
	char *sheet_name, *sheet_entry;  /* the first worksheet */
	char **others;           /* other sheets that hold a value */
	size_t nothers;
	unsigned char *xf_kind;  /* per cell style: enum sheet_numfmt */
	size_t nxf;
	char **sst;              /* shared strings */
	size_t nsst;
	long unpacked;           /* bytes unpacked from all entries so far */
};

/* Reads what xlsx_book holds from the zip (owned by b from now on). */
enum tsu_status xlsx_book_load(struct xlsx_book *b, struct zip *za, const char *name,
			       struct tsu_error *err);
void xlsx_book_free(struct xlsx_book *b);

/* A new expat parser with the DOCTYPE refusal, user data base. */
XML_Parser xlsx_parser_new(struct xml_base *base, struct tsu_error *err);
/* The element or attribute name without its namespace prefix. */
const char *xlsx_local(const char *name);
/* The value of attribute `local` (prefix ignored), or NULL. */
const char *xlsx_attr(const XML_Char **atts, const char *local);
/* The message for a parse that failed: the DOCTYPE refusal, the
 * handler's own error, or expat's with its line. */
enum tsu_status xlsx_parse_fail(struct xml_base *b, const char *name, const char *entry);
/* Opens entry for reading after checking its size against
 * XLSX_ENTRY_MAX (*size gets it, 0 if unknown; size may be NULL); NULL
 * with err set on failure. */
struct zip_file *xlsx_entry_open(struct xlsx_book *bk, const char *entry, long *size,
				 struct tsu_error *err);
/* Reads the next chunk of entry (counting *total against
 * XLSX_ENTRY_MAX); returns the bytes read, -1 with err set. */
long xlsx_entry_read(struct xlsx_book *bk, struct zip_file *zf, const char *entry, char *buf,
		     size_t n, long *total, struct tsu_error *err);

#endif
