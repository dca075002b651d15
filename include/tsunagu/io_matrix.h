#ifndef TSUNAGU_IO_MATRIX_H
#define TSUNAGU_IO_MATRIX_H
#include "tsunagu/ioctx.h"
#include "tsunagu/matrix.h"
#include "tsunagu/outfile.h"
#include "tsunagu/sbuf.h"

/*
 * The department matrix (一覧表) as CSV for Excel: one row per category,
 * one column per department holding that cell's entries, one per line as
 * "取組中: text", then 重複の可能性 (the departments with 取組中 when two
 * or more have some) and 空白 (「空白」 when none has).  Rows end in CRLF;
 * the BOM (or CP932) is the outfile's, as for every CSV written.
 */
void io_matrix_csv(const struct matrix *m, struct sbuf *out);

/* `export matrix`: the CSV above, for the area of the options (its
 * entries and the city-wide ones) or for all. */
enum tsu_status io_export_matrix(struct io_ctx *c, struct outfile *o, struct tsu_error *err);

/* Writes the CSV of m to o; a character CP932 cannot hold is
 * TSU_ENCODING with a message naming it. */
enum tsu_status io_matrix_write(const struct matrix *m, struct outfile *o, struct tsu_error *err);

#endif
