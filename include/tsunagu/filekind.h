#ifndef TSUNAGU_FILEKIND_H
#define TSUNAGU_FILEKIND_H
#include <stdbool.h>
#include <stdio.h>
#include "tsunagu/status.h"

/*
 * What a file given to `import` is, by its first bytes and not by its
 * name: the text the importers read (CSV, vCard, iCalendar), an Excel
 * workbook (read by sheet.h), or another kind of file that is refused
 * with one line naming what it seems to be.
 */
#define FILE_KINDS(X) \
	X(FILE_TEXT, NULL) \
	X(FILE_XLSX, "Excel ブック (.xlsx)") \
	X(FILE_XLS, "Excel 97-2003 ブック (.xls)") \
	X(FILE_ODS, "LibreOffice の表 (.ods)") \
	X(FILE_ODF, "LibreOffice の文書") \
	X(FILE_DOCX, "Word 文書 (.docx)") \
	X(FILE_PPTX, "PowerPoint のスライド (.pptx)") \
	X(FILE_ZIP, "ZIP 形式のファイル") \
	X(FILE_ZIP_BROKEN, "壊れた ZIP 形式のファイル") \
	X(FILE_DOC, "Word 97-2003 文書 (.doc)") \
	X(FILE_PPT, "PowerPoint 97-2003 のスライド (.ppt)") \
	X(FILE_LOCKED, "パスワードで保護された Office のファイル") \
	X(FILE_PDF, "PDF") \
	X(FILE_IMAGE, "画像 (PNG, JPEG, GIF)")

#define FILE_KIND_ENUM(k, label) k,
enum file_kind { FILE_KINDS(FILE_KIND_ENUM) };
#undef FILE_KIND_ENUM

/* "Excel ブック (.xlsx)" ...; NULL for FILE_TEXT. */
const char *file_kind_label(enum file_kind k);

/* The kind of the file fp reads (rewound afterwards).  Inside a zip or
 * an OLE2 container is looked at only when path is given (fp alone
 * tells a zip apart but not which). */
enum tsu_status file_kind_sniff(FILE *fp, const char *path, enum file_kind *out,
				struct tsu_error *err);

/* TSU_OK for FILE_TEXT; else TSU_INVALID with the line a user can act on,
 * for a table import (cards false: "…は表のファイル (CSV, Excel) ではあり
 * ません") or a vCard/iCalendar import (cards true). */
enum tsu_status file_kind_refuse(enum file_kind k, const char *name, bool cards,
				 struct tsu_error *err);

#endif
