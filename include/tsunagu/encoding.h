#ifndef TSUNAGU_ENCODING_H
#define TSUNAGU_ENCODING_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "tsunagu/io.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/status.h"

/*
 * Reading a text file of unknown encoding as UTF-8, a chunk at a time.
 * Auto-detection: a UTF-8 BOM, or a file that is valid UTF-8 throughout, is
 * UTF-8; anything else is CP932 (what Excel writes on Japanese Windows).
 * A file that starts with a UTF-16 byte order mark (FF FE or FE FF: Excel's
 * 「Unicode テキスト」) is UTF-16LE or UTF-16BE whatever was asked; an odd
 * byte at its end or a surrogate without its partner is an error naming
 * "FILE:LINE".
 * CP932 goes through glibc iconv "CP932", not "SHIFT_JIS": only CP932 has
 * the NEC/IBM extensions (①, ㈱, 髙) and maps 0x8160 to ～ and 0x5C to a
 * backslash, as Windows does.  Undecodable bytes are errors naming
 * "FILE:LINE".
 */
struct enc_reader;

/* Opens `path`.  content_lines: a vCard or iCalendar file, whose
 * characters cut in two by a fold are mended (foldmend.h). */
enum tsu_status enc_reader_open(const char *path, enum io_encoding want, bool content_lines,
				struct enc_reader **out, struct tsu_error *err);
/* Reads from `fp` (which the reader then owns and closes); `name` is used
 * in messages (NULL: "-"); auto-detection needs fp to be seekable. */
enum tsu_status enc_reader_open_fp(FILE *fp, const char *name, enum io_encoding want,
				   bool content_lines, struct enc_reader **out,
				   struct tsu_error *err);
/* The next decoded UTF-8 chunk (valid UTF-8, whole characters), owned by
 * the reader until the next call; *len 0 at end of file. */
enum tsu_status enc_reader_next(struct enc_reader *r, const char **data, size_t *len,
				struct tsu_error *err);
/* The encoding in use after detection (never IO_ENC_AUTO). */
enum io_encoding enc_reader_encoding(const struct enc_reader *r);
const char *enc_reader_name(const struct enc_reader *r);
/* Bytes consumed so far and the file size (0 if unknown). */
void enc_reader_progress(const struct enc_reader *r, long *done, long *total);
void enc_reader_close(struct enc_reader *r);

/* Length of the valid UTF-8 prefix of s[0..len); *incomplete is set when
 * what stops it is a sequence cut short by the end of the buffer. */
size_t enc_utf8_valid_prefix(const unsigned char *s, size_t len, bool *incomplete);

/* A UTF-8 -> CP932 converter kept open across calls (zero-initialise,
 * then enc_cp932_free). */
struct enc_cp932 {
	void *cd;
	bool opened;
};
/* Appends s (UTF-8) converted to CP932 to out.  On a character CP932
 * cannot hold, returns TSU_ENCODING with *bad set to it (and nothing of s
 * appended); err gets a generic message the caller may replace.  Note that
 * glibc's CP932 writes 〜 (U+301C) and − (U+2212) as the Windows ～ and －
 * (same JIS cell), which read back as U+FF5E and U+FF0D. */
enum tsu_status enc_to_cp932(struct enc_cp932 *e, const char *s, size_t len,
			     struct sbuf *out, int32_t *bad, struct tsu_error *err);
void enc_cp932_free(struct enc_cp932 *e);
/* Appends s converted from `charset` (as named in a vCard CHARSET
 * parameter: "UTF-8", "SHIFT_JIS", "CP932" ...) to UTF-8. */
enum tsu_status enc_from_charset(const char *charset, const char *s, size_t len,
				 struct sbuf *out, struct tsu_error *err);

#endif
