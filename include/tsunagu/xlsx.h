#ifndef TSUNAGU_XLSX_H
#define TSUNAGU_XLSX_H
#include <stddef.h>
#include "tsunagu/sheet.h"

/*
 * The first worksheet of an Office Open XML workbook (.xlsx, as Excel,
 * LibreOffice and Google Sheets write it), read with libzip and expat
 * in memory only (no temporary file) and a chunk at a time: the sheet
 * is never held whole.  Shared strings without their furigana (<rPh>),
 * dates by the cell's number format (xl/styles.xml), the first sheet by
 * the order of xl/workbook.xml.  An entry larger than XLSX_ENTRY_MAX
 * once unpacked, or XML with a DOCTYPE, is refused.
 */
#define XLSX_ENTRY_MAX (512L * 1024 * 1024)
/* All entries together (a zip may point many entries at the same
 * compressed bytes). */
#define XLSX_TOTAL_MAX (1024L * 1024 * 1024)

extern const struct sheet_ops xlsx_ops;

/* Opens path; *impl is then used through xlsx_ops. */
enum tsu_status xlsx_open(const char *path, void **impl, struct tsu_error *err);
/* The same over a workbook in memory (data must outlive the reader). */
enum tsu_status xlsx_open_mem(const void *data, size_t len, const char *name, void **impl,
			      struct tsu_error *err);

#endif
