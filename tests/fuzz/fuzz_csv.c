/* The CSV reader on any bytes, in each encoding (first byte picks it:
 * auto, UTF-8, CP932).  Every field handed on must be valid UTF-8. */
#include "fuzz_util.h"
#include "tsunagu/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum io_encoding encs[] = {IO_ENC_AUTO, IO_ENC_UTF8, IO_ENC_CP932};
	struct tsu_error err = {0};
	struct csv_reader *r;
	const struct csv_row *row;

	if (size < 1)
		return 0;
	FILE *fp = fuzz_stream(data + 1, size - 1);
	if (!fp)
		return 0;
	if (csv_open_fp(fp, "fuzz.csv", encs[data[0] % 3], &r, &err) != TSU_OK) {
		fuzz_check_error(&err);
		return 0;
	}
	enum tsu_status st;
	while ((st = csv_next(r, &row, &err)) == TSU_OK && row) {
		FUZZ_REQUIRE(row->n >= 1 && row->line >= 1);
		for (size_t i = 0; i < row->n; i++)
			FUZZ_REQUIRE(fuzz_utf8_ok(row->f[i]));
		(void)csv_row_blank(row);
	}
	if (st != TSU_OK)
		fuzz_check_error(&err);
	csv_close(r);
	return 0;
}
