#ifndef TSUNAGU_XLS_H
#define TSUNAGU_XLS_H
#include "tsunagu/sheet.h"

/*
 * The first worksheet of an Excel 97-2003 workbook (.xls, BIFF) through
 * freexl, which hands cells out as UTF-8 text, numbers and dates.  A
 * workbook saved with a password is refused.
 */
extern const struct sheet_ops xls_ops;

enum tsu_status xls_open(const char *path, void **impl, struct tsu_error *err);

#endif
