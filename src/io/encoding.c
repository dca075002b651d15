/*
 * Decoding of input files to UTF-8, chunk by chunk, so a 100,000-row file
 * never sits in memory.  Auto-detection needs one extra pass over the
 * bytes (validating UTF-8 costs far less than parsing), then rewinds.
 * Lines are counted on the decoded text ('\n'), which for CP932 is the same
 * as counting raw 0x0A bytes: 0x0A is never a CP932 trail byte.  UTF-16
 * (found by its byte order mark) goes through iconv like CP932; a chunk
 * holds an even number of bytes after the mark, and a surrogate pair or
 * odd byte cut by its end waits in the buffer for the next read.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "tsunagu/encoding.h"
#include "tsunagu/filekind.h"
#include "tsunagu/foldmend.h"
#include "tsunagu/utf8.h"
#include "tsunagu/syserr.h"

#define ENC_CHUNK 65536

struct enc_reader {
	FILE *fp;
	char *name;
	enum io_encoding enc;
	iconv_t cd;
	unsigned char in[ENC_CHUNK];
	size_t inlen;
	char *out;
	long line;      /* line of the first byte not yet delivered */
	long done, total;
	bool eof, started;
	bool mend;      /* content lines: characters cut by a fold are mended */
};

size_t enc_utf8_valid_prefix(const unsigned char *s, size_t len, bool *incomplete)
{
	size_t i = 0;

	*incomplete = false;
	while (i < len) {
		unsigned char c = s[i];
		size_t n;
		unsigned lo = 0x80, hi = 0xBF;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 2;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 3;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 4;
		else
			return i;
		/* Overlong forms, surrogates and code points past U+10FFFF are
		 * ruled out by the range of the second byte. */
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
		else if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
		for (size_t k = 1; k < n; k++) {
			if (i + k >= len) {
				*incomplete = true;
				return i;
			}
			unsigned char d = s[i + k];
			if (d < (k == 1 ? lo : 0x80) || d > (k == 1 ? hi : 0xBF))
				return i;
		}
		i += n;
	}
	return i;
}

static bool has_bom(const unsigned char *s, size_t n)
{
	return n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
}

/* One pass over the file: UTF-8 if it has a BOM or is valid throughout. */
static enum tsu_status detect(struct enc_reader *r, struct tsu_error *err)
{
	/* room for what is carried over: a character cut by the end of a
	 * chunk, or by a fold that the chunk ends in */
	unsigned char *buf = xmalloc(ENC_CHUNK + 16);
	size_t carry = 0;
	bool first = true, utf8 = true;

	for (;;) {
		size_t n = fread(buf + carry, 1, ENC_CHUNK, r->fp), len = carry + n, p;
		bool inc;

		if (first && has_bom(buf, len))
			break;
		first = false;
		size_t safe = r->mend ? foldmend(buf, len, n == 0) : len;
		p = enc_utf8_valid_prefix(buf, safe, &inc);
		if (p < safe && !(inc && n > 0)) {
			utf8 = false;
			break;
		}
		if (n == 0)
			break;
		carry = len - p;
		memmove(buf, buf + p, carry);
	}
	free(buf);
	if (ferror(r->fp) || fseek(r->fp, 0, SEEK_SET) != 0)
		return tsu_fail(err, TSU_IO, "%s: 読み込めません: %s", r->name, syserr_text(errno, false));
	r->enc = utf8 ? IO_ENC_UTF8 : IO_ENC_CP932;
	return TSU_OK;
}

/* The encoding a byte order mark of UTF-16 names (Excel's 「Unicode
 * テキスト」, Google's CSV, Windows address books), else IO_ENC_AUTO.
 * FF FE and FE FF never begin UTF-8 or CP932 text, so the mark wins over
 * the encoding asked for. */
static enum tsu_status sniff_utf16(struct enc_reader *r, enum io_encoding *found,
				   struct tsu_error *err)
{
	unsigned char b[2] = {0, 0};
	size_t n = fread(b, 1, 2, r->fp);

	*found = IO_ENC_AUTO;
	if (fseek(r->fp, 0, SEEK_SET) != 0 && n > 0)
		return tsu_fail(err, TSU_IO, "%s: 読み込めません: %s", r->name, syserr_text(errno, false));
	if (n == 2 && b[0] == 0xFF && b[1] == 0xFE)
		*found = IO_ENC_UTF16LE;
	else if (n == 2 && b[0] == 0xFE && b[1] == 0xFF)
		*found = IO_ENC_UTF16BE;
	return TSU_OK;
}

static const char *iconv_source(enum io_encoding enc)
{
	return enc == IO_ENC_UTF16LE ? "UTF-16LE" : enc == IO_ENC_UTF16BE ? "UTF-16BE" : "CP932";
}

/* A file that is not text (a workbook, a PDF …) is refused here, before
 * any of its bytes is taken for a character: every text importer reads
 * through this reader, and the line naming what the file is helps where
 * "NUL 文字 (0x00) があります" would not.  path (or NULL) lets the sniff
 * look inside a zip. */
static enum tsu_status refuse_binary(FILE *fp, const char *name, const char *path,
				     bool content_lines, struct tsu_error *err)
{
	enum file_kind kind;
	enum tsu_status st = file_kind_sniff(fp, path, &kind, err);

	return st != TSU_OK ? st : file_kind_refuse(kind, name, content_lines, err);
}

static enum tsu_status open_fp(FILE *fp, const char *name, const char *path,
			       enum io_encoding want, bool content_lines,
			       struct enc_reader **out, struct tsu_error *err)
{
	struct enc_reader *r = xcalloc(1, sizeof(*r));
	struct stat sb;
	enum tsu_status st = refuse_binary(fp, name ? name : "-", path, content_lines, err);

	r->fp = fp;
	r->name = xstrdup(name ? name : "-");
	r->enc = want;
	r->mend = content_lines;
	r->line = 1;
	r->cd = (iconv_t)-1;
	if (fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode))
		r->total = (long)sb.st_size;
	enum io_encoding bom = IO_ENC_AUTO;
	if (st == TSU_OK)
		st = sniff_utf16(r, &bom, err);
	if (st == TSU_OK && bom != IO_ENC_AUTO)
		r->enc = bom;
	else if (st == TSU_OK && want == IO_ENC_AUTO)
		st = detect(r, err);
	if (st == TSU_OK && r->enc != IO_ENC_UTF8) {
		r->cd = iconv_open("UTF-8", iconv_source(r->enc));
		if (r->cd == (iconv_t)-1)
			st = tsu_fail(err, TSU_ENCODING, "%s の変換が使えません (iconv)",
				      iconv_source(r->enc));
	}
	if (st == TSU_OK)
		r->out = xmalloc(ENC_CHUNK * 3 + 16);
	if (st != TSU_OK) {
		enc_reader_close(r);
		return st;
	}
	*out = r;
	return TSU_OK;
}

enum tsu_status enc_reader_open_fp(FILE *fp, const char *name, enum io_encoding want,
				   bool content_lines, struct enc_reader **out,
				   struct tsu_error *err)
{
	return open_fp(fp, name, NULL, want, content_lines, out, err);
}

enum tsu_status enc_reader_open(const char *path, enum io_encoding want, bool content_lines,
				struct enc_reader **out, struct tsu_error *err)
{
	FILE *fp = fopen(path, "rb");

	if (!fp)
		return tsu_fail(err, TSU_IO, "%s: 開けません: %s", path, syserr_text(errno, false));
	return open_fp(fp, path, path, want, content_lines, out, err);
}

static void count_lines(struct enc_reader *r, const char *s, size_t n)
{
	for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + n - p))); p++)
		r->line++;
}

static void consume(struct enc_reader *r, size_t n)
{
	r->inlen -= n;
	memmove(r->in, r->in + n, r->inlen);
}

static enum tsu_status bad_byte(struct enc_reader *r, size_t off, bool truncated,
				struct tsu_error *err)
{
	const char *enc = r->enc == IO_ENC_UTF8 ? "UTF-8" : "CP932";

	if (truncated)
		return tsu_fail(err, TSU_ENCODING, "%s:%ld: ファイルの終わりで %s の文字が途切れています",
				r->name, r->line, enc);
	return tsu_fail(err, TSU_ENCODING, "%s:%ld: %s として読めないバイト 0x%02X があります",
			r->name, r->line, enc, r->in[off]);
}

/* What iconv stopped at in UTF-16: the file cut after an odd byte, or a
 * surrogate without its partner (named by its code unit). */
static enum tsu_status bad_utf16(struct enc_reader *r, bool truncated, struct tsu_error *err)
{
	const char *enc = iconv_source(r->enc);
	unsigned unit = 0;

	if (r->inlen >= 2)
		unit = r->enc == IO_ENC_UTF16LE ? (unsigned)(r->in[0] | r->in[1] << 8)
						: (unsigned)(r->in[0] << 8 | r->in[1]);
	if (truncated && r->inlen % 2)
		return tsu_fail(err, TSU_ENCODING,
				"%s:%ld: ファイルの終わりで %s の文字が途切れています（バイト数が奇数です）",
				r->name, r->line, enc);
	if (truncated)
		return tsu_fail(err, TSU_ENCODING,
				"%s:%ld: ファイルの終わりで %s の文字が途切れています（サロゲート U+%04X の対がありません）",
				r->name, r->line, enc, unit);
	return tsu_fail(err, TSU_ENCODING,
			"%s:%ld: %s として読めない文字があります（対になっていないサロゲート U+%04X）",
			r->name, r->line, enc, unit);
}

/* Decodes what is buffered; *len 0 means more input is needed. */
static enum tsu_status decode(struct enc_reader *r, size_t *len, struct tsu_error *err)
{
	if (r->enc == IO_ENC_UTF8) {
		bool inc;
		size_t safe = r->mend ? foldmend(r->in, r->inlen, r->eof) : r->inlen;
		size_t p = enc_utf8_valid_prefix(r->in, safe, &inc);
		if (p == 0 && safe > 0 && !(inc && !r->eof))
			return bad_byte(r, 0, inc, err);
		memcpy(r->out, r->in, p);
		consume(r, p);
		*len = p;
		return TSU_OK;
	}
	char *inp = (char *)r->in, *outp = r->out;
	size_t inleft = r->inlen, outleft = ENC_CHUNK * 3 + 16;
	size_t rc = iconv(r->cd, &inp, &inleft, &outp, &outleft);
	int e = errno;

	*len = (size_t)(outp - r->out);
	consume(r, r->inlen - inleft);
	if (rc == (size_t)-1 && *len == 0 && r->inlen > 0 && (e == EILSEQ || (e == EINVAL && r->eof)))
		return r->enc == IO_ENC_CP932 ? bad_byte(r, 0, e == EINVAL, err)
					      : bad_utf16(r, e == EINVAL, err);
	return TSU_OK;
}

enum tsu_status enc_reader_next(struct enc_reader *r, const char **data, size_t *len,
				struct tsu_error *err)
{
	for (;;) {
		if (!r->eof && r->inlen < ENC_CHUNK) {
			size_t n = fread(r->in + r->inlen, 1, ENC_CHUNK - r->inlen, r->fp);
			if (ferror(r->fp))
				return tsu_fail(err, TSU_IO, "%s: 読み込めません", r->name);
			r->inlen += n;
			r->done += (long)n;
			if (n == 0)
				r->eof = true;
		}
		if (!r->started && (r->eof || r->inlen >= 3)) {
			r->started = true;
			if (r->enc == IO_ENC_UTF8 && has_bom(r->in, r->inlen))
				consume(r, 3);
			else if ((r->enc == IO_ENC_UTF16LE || r->enc == IO_ENC_UTF16BE) && r->inlen >= 2)
				consume(r, 2); /* the mark, which sniff_utf16 saw */
		}
		if (!r->started)
			continue;
		if (r->inlen == 0 && r->eof) {
			*len = 0;
			*data = r->out;
			return TSU_OK;
		}
		enum tsu_status st = decode(r, len, err);
		if (st != TSU_OK)
			return st;
		if (*len > 0) {
			*data = r->out;
			count_lines(r, r->out, *len);
			return TSU_OK;
		}
	}
}

enum io_encoding enc_reader_encoding(const struct enc_reader *r)
{
	return r->enc;
}

const char *enc_reader_name(const struct enc_reader *r)
{
	return r->name;
}

void enc_reader_progress(const struct enc_reader *r, long *done, long *total)
{
	*done = r->done;
	*total = r->total;
}

void enc_reader_close(struct enc_reader *r)
{
	if (!r)
		return;
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	if (r->fp)
		fclose(r->fp);
	free(r->name);
	free(r->out);
	free(r);
}

/* Runs s through cd into out; on EILSEQ leaves out as it was and points
 * *badp at the offending input. */
static enum tsu_status convert(iconv_t cd, const char *s, size_t len, struct sbuf *out,
			       const char **badp)
{
	size_t keep = out->len;
	char *inp = (char *)s;
	size_t inleft = len;

	*badp = NULL;
	iconv(cd, NULL, NULL, NULL, NULL);
	while (inleft > 0) {
		char buf[4096], *outp = buf;
		size_t outleft = sizeof(buf);
		size_t rc = iconv(cd, &inp, &inleft, &outp, &outleft);
		int e = errno;

		sbuf_addn(out, buf, (size_t)(outp - buf));
		if (rc == (size_t)-1 && e != E2BIG) {
			out->len = keep;
			if (out->s)
				out->s[keep] = '\0';
			*badp = inp;
			return TSU_ENCODING;
		}
	}
	return TSU_OK;
}

/* iconv writes ¥ (U+00A5) and ‾ (U+203E) as the bytes of \ and ~, which
 * read back as those: they go as their full-width forms ￥ and ￣, as 〜
 * and − come back.  s itself when it holds neither, else a copy in tmp. */
static const char *cp932_fold(const char *s, size_t *len, struct sbuf *tmp)
{
	static const struct {
		const char *from, *to;
	} folds[] = {{"\u00A5", "\uFFE5"}, {"\u203E", "\uFFE3"}};
	size_t nf = sizeof folds / sizeof folds[0], done = 0;
	for (size_t i = 0; i < *len; i++) {
		size_t k = 0;
		while (k < nf && (*len - i < strlen(folds[k].from) ||
				  memcmp(s + i, folds[k].from, strlen(folds[k].from)) != 0))
			k++;
		if (k == nf)
			continue;
		sbuf_addn(tmp, s + done, i - done);
		sbuf_add(tmp, folds[k].to);
		done = i + strlen(folds[k].from);
		i = done - 1;
	}
	if (!done)
		return s;
	sbuf_addn(tmp, s + done, *len - done);
	*len = tmp->len;
	return tmp->s;
}

enum tsu_status enc_to_cp932(struct enc_cp932 *e, const char *s, size_t len,
			     struct sbuf *out, int32_t *bad, struct tsu_error *err)
{
	const char *badp;
	enum tsu_status st;
	struct sbuf tmp = {0};

	*bad = 0;
	if (!e->opened) {
		iconv_t cd = iconv_open("CP932", "UTF-8");
		if (cd == (iconv_t)-1)
			return tsu_fail(err, TSU_ENCODING, "CP932 の変換が使えません (iconv)");
		e->cd = (void *)cd;
		e->opened = true;
	}
	s = cp932_fold(s, &len, &tmp);
	st = convert((iconv_t)e->cd, s, len, out, &badp);
	if (st != TSU_OK) {
		utf8_decode(badp, len - (size_t)(badp - s), bad);
		st = tsu_fail(err, TSU_ENCODING, "文字 U+%04X は CP932 で表せません", (unsigned)*bad);
	}
	sbuf_free(&tmp);
	return st;
}

void enc_cp932_free(struct enc_cp932 *e)
{
	if (e->opened)
		iconv_close((iconv_t)e->cd);
	e->opened = false;
}

/* The iconv name for a charset as phones write it. */
static const char *charset_alias(const char *cs)
{
	static const char *const sjis[] = {"SHIFT_JIS", "SHIFT-JIS", "SJIS", "MS_KANJI",
					   "WINDOWS-31J", "CP932", "X-SJIS"};
	for (size_t i = 0; i < sizeof(sjis) / sizeof(sjis[0]); i++)
		if (strcasecmp(cs, sjis[i]) == 0)
			return "CP932";
	return cs;
}

enum tsu_status enc_from_charset(const char *charset, const char *s, size_t len,
				 struct sbuf *out, struct tsu_error *err)
{
	const char *cs = charset ? charset_alias(charset) : "UTF-8";
	const char *badp;
	bool inc;

	if (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0) {
		size_t p = enc_utf8_valid_prefix((const unsigned char *)s, len, &inc);
		if (p < len)
			return tsu_fail(err, TSU_ENCODING, "UTF-8 として読めないバイト 0x%02X があります",
					(unsigned char)s[p]);
		sbuf_addn(out, s, len);
		return TSU_OK;
	}
	iconv_t cd = iconv_open("UTF-8", cs);
	if (cd == (iconv_t)-1)
		return tsu_fail(err, TSU_ENCODING, "文字コード %s は扱えません", charset);
	enum tsu_status st = convert(cd, s, len, out, &badp);
	iconv_close(cd);
	if (st != TSU_OK)
		return tsu_fail(err, TSU_ENCODING, "%s として読めないバイト 0x%02X があります",
				charset, (unsigned char)*badp);
	return TSU_OK;
}
