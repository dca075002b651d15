/*
 * Telling files apart by their magic bytes.  A zip is an Office Open XML
 * file (.xlsx, .docx, .pptx) or an OpenDocument one (.ods: its first entry
 * "mimetype" names it); an OLE2 compound file is an old Office file whose
 * streams are named in its directory in UTF-16LE ("Workbook" for .xls,
 * "WordDocument" for .doc, "EncryptedPackage" for an .xlsx saved with a
 * password), so a scan for those names tells them apart without parsing.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include "tsunagu/filekind.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/syserr.h"

/* How much of an OLE2 file is scanned for the names of its streams. */
#define OLE_SCAN_MAX (64L * 1024 * 1024)

const char *file_kind_label(enum file_kind k)
{
#define FILE_KIND_LABEL(kind, label) label,
	static const char *const labels[] = {FILE_KINDS(FILE_KIND_LABEL)};
#undef FILE_KIND_LABEL
	return labels[k];
}

static const char *const ODF_SHEET = "application/vnd.oasis.opendocument.spreadsheet";

static enum file_kind zip_kind(const char *path)
{
	int ze = 0;
	zip_t *za = zip_open(path, ZIP_RDONLY, &ze);
	enum file_kind k = FILE_ZIP;

	if (!za)
		return FILE_ZIP_BROKEN;
	if (zip_name_locate(za, "xl/workbook.xml", 0) >= 0)
		k = FILE_XLSX;
	else if (zip_name_locate(za, "word/document.xml", 0) >= 0)
		k = FILE_DOCX;
	else if (zip_name_locate(za, "ppt/presentation.xml", 0) >= 0)
		k = FILE_PPTX;
	else if (zip_name_locate(za, "mimetype", 0) >= 0) {
		char mt[64] = {0};
		zip_file_t *zf = zip_fopen(za, "mimetype", 0);
		zip_int64_t n = zf ? zip_fread(zf, mt, sizeof mt - 1) : -1;
		if (zf)
			zip_fclose(zf);
		if (n > 0)
			k = strncmp(mt, ODF_SHEET, strlen(ODF_SHEET)) == 0 ? FILE_ODS
			    : strncmp(mt, "application/vnd.oasis.opendocument.", 35) == 0 ? FILE_ODF
			    : FILE_ZIP;
	}
	zip_discard(za);
	return k;
}

/* True when the UTF-16LE form of the ASCII name s is in buf[0..n). */
static bool has_utf16(const unsigned char *buf, size_t n, const char *s)
{
	size_t len = strlen(s);

	for (size_t i = 0; i + 2 * len <= n; i++) {
		size_t k = 0;
		while (k < len && buf[i + 2 * k] == (unsigned char)s[k] && buf[i + 2 * k + 1] == 0)
			k++;
		if (k == len)
			return true;
	}
	return false;
}

static enum file_kind ole_kind(FILE *fp)
{
	enum { CHUNK = 65536, KEEP = 64 };
	unsigned char *buf = xmalloc(CHUNK + KEEP);
	size_t have = 0, n;
	long total = 0;
	enum file_kind k = FILE_XLS;

	while (total < OLE_SCAN_MAX && (n = fread(buf + have, 1, CHUNK, fp)) > 0) {
		total += (long)n;
		have += n;
		if (has_utf16(buf, have, "EncryptedPackage")) {
			k = FILE_LOCKED;
			break;
		}
		if (has_utf16(buf, have, "WordDocument")) {
			k = FILE_DOC;
			break;
		}
		if (has_utf16(buf, have, "PowerPoint Document")) {
			k = FILE_PPT;
			break;
		}
		size_t keep = have < KEEP ? have : KEEP;
		memmove(buf, buf + have - keep, keep);
		have = keep;
	}
	free(buf);
	return k;
}

enum tsu_status file_kind_sniff(FILE *fp, const char *path, enum file_kind *out,
				struct tsu_error *err)
{
	static const unsigned char ole[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
	unsigned char b[8] = {0};
	size_t n = fread(b, 1, sizeof b, fp);

	*out = FILE_TEXT;
	if (n >= 4 && memcmp(b, "PK\3\4", 4) == 0)
		*out = path ? zip_kind(path) : FILE_ZIP;
	else if (n >= 4 && (memcmp(b, "PK\5\6", 4) == 0))
		*out = FILE_ZIP;
	else if (n == 8 && memcmp(b, ole, 8) == 0)
		*out = ole_kind(fp);
	else if (n >= 5 && memcmp(b, "%PDF-", 5) == 0)
		*out = FILE_PDF;
	else if ((n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0) ||
		 (n >= 3 && memcmp(b, "\xFF\xD8\xFF", 3) == 0) ||
		 (n >= 6 && (memcmp(b, "GIF87a", 6) == 0 || memcmp(b, "GIF89a", 6) == 0)))
		*out = FILE_IMAGE;
	if (ferror(fp) || (fseek(fp, 0, SEEK_SET) != 0 && n > 0))
		return tsu_fail(err, TSU_IO, "%s: 読み込めません: %s", path ? path : "-",
				syserr_text(errno, false));
	clearerr(fp);
	return TSU_OK;
}

enum tsu_status file_kind_refuse(enum file_kind k, const char *name, bool cards,
				 struct tsu_error *err)
{
	const char *what = file_kind_label(k);

	if (k == FILE_TEXT)
		return TSU_OK;
	/* a space between Japanese and Latin text, none between Japanese */
	const char *l = (unsigned char)what[0] < 0x80 ? " " : "";
	const char *r = (unsigned char)what[strlen(what) - 1] < 0x80 ? " " : "";
	if (cards)
		return tsu_fail(err, TSU_INVALID,
				"%s は%s%s%sで、連絡先 (vCard) や予定 (iCalendar) のファイルではありません",
				name, l, what, r);
	if (k == FILE_ODS || k == FILE_ODF)
		return tsu_fail(err, TSU_INVALID,
				"%s は%s%s%sです。LibreOffice の「名前を付けて保存」で Excel ブック (.xlsx) か CSV にしてから読み込んでください",
				name, l, what, r);
	if (k == FILE_ZIP_BROKEN)
		return tsu_fail(err, TSU_INVALID,
				"%s は ZIP 形式 (Excel ブック .xlsx もこの形式です) ですが、壊れていて開けません。ダウンロードや保存が途中で切れていないか確かめてください",
				name);
	if (k == FILE_LOCKED)
		return tsu_fail(err, TSU_INVALID,
				"%s はパスワードで保護された Office のファイルです。Excel でパスワードを外して保存してから読み込んでください",
				name);
	return tsu_fail(err, TSU_INVALID, "%s は%s%s%sで、表のファイル (CSV, Excel ブック) ではありません",
			name, l, what, r);
}
