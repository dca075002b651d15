/* The .xlsx reader on any bytes.  The first byte picks what they are:
 * even, a whole workbook (a zip); odd, the XML parts of one, separated by
 * the byte 0x01 (never valid in XML) in the order sheet, shared strings,
 * styles, workbook, relationships, put into a zip here so that the
 * fuzzer works on the XML and not on deflate.  Every row handed on has
 * valid UTF-8 cells and a row number after the one before. */
#include <zip.h>
#include "fuzz_util.h"
#include "tsunagu/filekind.h"
#include "tsunagu/sheet.h"

static const char *const part_names[] = {
	"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
	"xl/workbook.xml", "xl/_rels/workbook.xml.rels",
};
static const char *const part_defaults[] = {
	"<worksheet/>", "<sst/>", "<styleSheet/>",
	"<workbook xmlns:r=\"r\"><sheets><sheet name=\"名簿\" r:id=\"rId1\"/></sheets></workbook>",
	"<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"x/styles\" Target=\"styles.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"</Relationships>",
};

/* A zip (stored, not deflated) of the parts in data; malloc'ed. */
static void *make_zip(const uint8_t *data, size_t size, size_t *len)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	void *out = NULL;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	za = src ? zip_open_from_source(src, ZIP_CREATE | ZIP_TRUNCATE, &ze) : NULL;
	if (!za) {
		zip_source_free(src);
		zip_error_fini(&ze);
		return NULL;
	}
	zip_source_keep(src);
	bool more = true; /* input left for this part (after a separator, even if empty) */
	for (size_t i = 0; i < 5; i++) {
		const uint8_t *end = size ? memchr(data, 0x01, size) : NULL;
		size_t n = end ? (size_t)(end - data) : size;
		const void *p = more ? (const void *)data : part_defaults[i];
		size_t len_part = more ? n : strlen(part_defaults[i]);
		zip_source_t *s = zip_source_buffer(za, p, len_part, 0);
		zip_int64_t idx = s ? zip_file_add(za, part_names[i], s, ZIP_FL_ENC_UTF_8) : -1;
		if (idx < 0)
			zip_source_free(s);
		else
			zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
		if (more) {
			data += n + (end ? 1 : 0);
			size -= n + (end ? 1 : 0);
			more = end != NULL;
		}
	}
	if (zip_close(za) != 0) {
		zip_discard(za);
	} else if (zip_source_open(src) == 0) {
		zip_source_seek(src, 0, SEEK_END);
		zip_int64_t total = zip_source_tell(src);
		zip_source_seek(src, 0, SEEK_SET);
		out = malloc(total > 0 ? (size_t)total : 1);
		*len = total > 0 ? (size_t)zip_source_read(src, out, (zip_uint64_t)total) : 0;
		zip_source_close(src);
	}
	zip_source_free(src);
	zip_error_fini(&ze);
	return out;
}

static void read_sheet(const void *zipdata, size_t len)
{
	struct tsu_error err = {0};
	struct sheet *s;
	const struct sheet_row *row;
	enum tsu_status st;
	long last = 0;

	if (sheet_open_xlsx_mem(zipdata, len, "fuzz.xlsx", &s, &err) != TSU_OK) {
		fuzz_check_error(&err);
		return;
	}
	FUZZ_REQUIRE(fuzz_utf8_ok(sheet_describe(s)));
	for (size_t i = 0; sheet_other(s, i); i++)
		FUZZ_REQUIRE(fuzz_utf8_ok(sheet_other(s, i)));
	while ((st = sheet_next(s, &row, &err)) == TSU_OK && row) {
		FUZZ_REQUIRE(row->n >= 1 && row->line > last);
		last = row->line;
		for (size_t i = 0; i < row->n; i++)
			FUZZ_REQUIRE(fuzz_utf8_ok(row->cell[i]));
	}
	if (st != TSU_OK)
		fuzz_check_error(&err);
	sheet_close(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	FILE *fp = fuzz_stream(data + 1, size - 1);
	if (fp) {
		struct tsu_error err = {0};
		enum file_kind k;
		if (file_kind_sniff(fp, NULL, &k, &err) == TSU_OK)
			FUZZ_REQUIRE(file_kind_refuse(k, "fuzz", data[0] & 2, &err) == TSU_OK ||
				     err.msg[0]);
		fclose(fp);
	}
	if (data[0] % 2 == 0) {
		read_sheet(data + 1, size - 1);
		return 0;
	}
	size_t len = 0;
	void *z = make_zip(data + 1, size - 1, &len);
	if (z)
		read_sheet(z, len);
	free(z);
	return 0;
}
