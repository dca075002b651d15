/*
 * Physical lines are read from the decoded stream; one line of look-ahead
 * decides whether the next line continues the current one (a leading space
 * or tab, or a quoted-printable soft break).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "tsunagu/ctline.h"
#include "tsunagu/encoding.h"

struct ctl_reader {
	struct enc_reader *src;
	const char *data;
	size_t len, pos;
	bool eof;
	bool in_eol;           /* after a CR: more CRs and one LF end the same line */
	bool unread;           /* ctl_next gives r->prop again */
	long line;             /* number of the next physical line */
	struct sbuf pending;   /* look-ahead physical line */
	long pending_line;
	bool have_pending;
	struct sbuf logical;
	struct ctl_prop prop;
};

static enum tsu_status open_common(struct ctl_reader *r, struct ctl_reader **out)
{
	r->line = 1;
	*out = r;
	return TSU_OK;
}

enum tsu_status ctl_open(const char *path, enum io_encoding enc, struct ctl_reader **out,
			 struct tsu_error *err)
{
	struct ctl_reader *r = xcalloc(1, sizeof(*r));
	enum tsu_status st = enc_reader_open(path, enc, true, &r->src, err);

	if (st != TSU_OK) {
		free(r);
		return st;
	}
	return open_common(r, out);
}

enum tsu_status ctl_open_fp(FILE *fp, const char *name, enum io_encoding enc,
			    struct ctl_reader **out, struct tsu_error *err)
{
	struct ctl_reader *r = xcalloc(1, sizeof(*r));
	enum tsu_status st = enc_reader_open_fp(fp, name, enc, true, &r->src, err);

	if (st != TSU_OK) {
		free(r);
		return st;
	}
	return open_common(r, out);
}

static void prop_clear(struct ctl_prop *p)
{
	for (size_t i = 0; i < p->nparams; i++) {
		free(p->params[i].name);
		free(p->params[i].value);
	}
	free(p->params);
	free(p->name);
	free(p->value);
	memset(p, 0, sizeof(*p));
}

void ctl_close(struct ctl_reader *r)
{
	if (!r)
		return;
	enc_reader_close(r->src);
	sbuf_free(&r->pending);
	sbuf_free(&r->logical);
	prop_clear(&r->prop);
	free(r);
}

const char *ctl_name(const struct ctl_reader *r)
{
	return enc_reader_name(r->src);
}

void ctl_progress(const struct ctl_reader *r, long *done, long *total)
{
	enc_reader_progress(r->src, done, total);
}

/* Length of the run of s[0..n) before its first CR or LF (n if none). */
static size_t strcspn_n(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\r' || s[i] == '\n')
			return i;
	return n;
}

/* Skips what is left of a line end after its first CR: CR CR LF (iPhone),
 * CR LF, or a CR alone (old Macs).  Returns false when the chunk ran out
 * first, so the rest of the line end is looked at in the next chunk. */
static bool skip_eol(struct ctl_reader *r)
{
	while (r->in_eol && r->pos < r->len) {
		char c = r->data[r->pos];
		if (c != '\r' && c != '\n') {
			r->in_eol = false;
			break;
		}
		r->pos++;
		if (c == '\n')
			r->in_eol = false;
	}
	return !r->in_eol;
}

/* Reads one physical line (without its line end) into b; false at EOF.
 * A line ends at LF, CR LF, CR CR LF or a lone CR. */
static enum tsu_status read_line(struct ctl_reader *r, struct sbuf *b, bool *got,
				 struct tsu_error *err)
{
	sbuf_reset(b);
	*got = false;
	for (;;) {
		if (r->pos == r->len && !r->eof) {
			enum tsu_status st = enc_reader_next(r->src, &r->data, &r->len, err);
			if (st != TSU_OK)
				return st;
			r->pos = 0;
			r->eof = r->len == 0;
		}
		if (r->eof)
			return TSU_OK;
		if (!skip_eol(r))
			continue;
		const char *start = r->data + r->pos;
		size_t n = strcspn_n(start, r->len - r->pos);
		bool ended = r->pos + n < r->len;

		if (memchr(start, '\0', n))
			return tsu_fail(err, TSU_INVALID, "%s:%ld: NUL 文字 (0x00) があります",
					enc_reader_name(r->src), r->line);
		if (b->len + n > IO_FIELD_MAX)
			return tsu_fail(err, TSU_INVALID, "%s:%ld: 1 行が大きすぎます (%zu バイトを超えました。上限は %d MB)",
					enc_reader_name(r->src), r->line, b->len + n, IO_FIELD_MAX >> 20);
		*got = true;
		sbuf_addn(b, start, n);
		r->pos += n;
		if (ended) {
			r->in_eol = true;
			r->line++;
			return TSU_OK;
		}
	}
}

/* A quoted-printable value whose physical line ends in a soft break. */
static bool qp_soft_break(const struct sbuf *b)
{
	const char *colon = b->len ? memchr(b->s, ':', b->len) : NULL;

	if (!colon || b->s[b->len - 1] != '=')
		return false;
	for (const char *p = b->s; p + 16 <= colon; p++)
		if (strncasecmp(p, "QUOTED-PRINTABLE", 16) == 0)
			return true;
	return false;
}

/* vCard 2.1 base64 data (PHOTO) that older phones write without the
 * leading space: a line with no ':' after a BASE64 property. */
static bool base64_run(const struct sbuf *logical, const struct sbuf *phys)
{
	const char *colon = logical->len ? memchr(logical->s, ':', logical->len) : NULL;

	if (!colon || memchr(phys->s ? phys->s : "", ':', phys->len))
		return false;
	for (const char *p = logical->s; p + 6 <= colon; p++)
		if (strncasecmp(p, "BASE64", 6) == 0)
			return true;
	return false;
}

/* A line ending in an odd number of backslashes (vCard 2.1 writers that
 * continue a value on the next line that way): the break is part of the
 * value. */
static bool backslash_continues(const struct sbuf *b)
{
	size_t n = 0;

	while (n < b->len && b->s[b->len - 1 - n] == '\\')
		n++;
	return n % 2 == 1 && memchr(b->s, ':', b->len) != NULL;
}

/* Assembles the next non-empty logical line into r->logical; lines
 * starting with '#' (comments some writers add) are skipped. */
static enum tsu_status next_logical(struct ctl_reader *r, long *line, bool *got,
				    struct tsu_error *err)
{
	struct sbuf phys = {0};
	enum tsu_status st = TSU_OK;

	*got = false;
	while (!*got) {
		if (!r->have_pending) {
			r->pending_line = r->line;
			st = read_line(r, &r->pending, &r->have_pending, err);
			if (st != TSU_OK || !r->have_pending)
				break;
		}
		r->have_pending = false;
		if (r->pending.len > 0 && r->pending.s[0] == '#')
			continue;
		sbuf_reset(&r->logical);
		sbuf_add(&r->logical, sbuf_str(&r->pending));
		*line = r->pending_line;
		for (;;) {
			long pl = r->line;
			bool more;
			if (r->logical.len > IO_FIELD_MAX) {
				st = tsu_fail(err, TSU_INVALID, "%s:%ld: 1 行が大きすぎます (%zu バイトを超えました。上限は %d MB)",
					      ctl_name(r), *line, r->logical.len, IO_FIELD_MAX >> 20);
				break;
			}
			if ((st = read_line(r, &phys, &more, err)) != TSU_OK || !more)
				break;
			if (phys.len > 0 && (phys.s[0] == ' ' || phys.s[0] == '\t')) {
				sbuf_add(&r->logical, phys.s + 1);
			} else if (qp_soft_break(&r->logical)) {
				r->logical.s[--r->logical.len] = '\0';
				sbuf_add(&r->logical, sbuf_str(&phys));
			} else if (backslash_continues(&r->logical)) {
				sbuf_addc(&r->logical, 'n');
				sbuf_add(&r->logical, sbuf_str(&phys));
			} else if (phys.len > 0 && base64_run(&r->logical, &phys)) {
				sbuf_add(&r->logical, sbuf_str(&phys));
			} else {
				sbuf_reset(&r->pending);
				sbuf_add(&r->pending, sbuf_str(&phys));
				r->pending_line = pl;
				r->have_pending = true;
				break;
			}
		}
		if (st != TSU_OK)
			break;
		*got = r->logical.len > 0;
	}
	sbuf_free(&phys);
	return st;
}

static char *upper_dup(const char *s, size_t n)
{
	char *t = xstrndup(s, n);

	for (char *p = t; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	return t;
}

/* Splits "NAME;P=V;P2=\"x:y\":value" in place into r->prop. */
static bool parse_prop(struct ctl_reader *r, char *s)
{
	struct ctl_prop *p = &r->prop;
	char *q = s, *colon = NULL;
	bool quoted = false;

	for (; *q; q++) {
		if (*q == '"')
			quoted = !quoted;
		else if (*q == ':' && !quoted) {
			colon = q;
			break;
		}
	}
	if (!colon)
		return false;
	*colon = '\0';
	p->value = xstrdup(colon + 1);
	char *semi = strchr(s, ';');
	char *name = s, *dot;
	size_t nlen = semi ? (size_t)(semi - s) : strlen(s);
	if ((dot = memchr(name, '.', nlen))) {
		nlen -= (size_t)(dot + 1 - name);
		name = dot + 1;
	}
	p->name = upper_dup(name, nlen);
	while (semi) {
		char *start = semi + 1, *eq;
		quoted = false;
		for (semi = start; *semi && (quoted || *semi != ';'); semi++)
			if (*semi == '"')
				quoted = !quoted;
		char *end = semi;
		semi = *semi ? semi : NULL;
		p->params = xrealloc(p->params, (p->nparams + 1) * sizeof(*p->params));
		struct ctl_param *pa = &p->params[p->nparams++];
		eq = memchr(start, '=', (size_t)(end - start));
		pa->name = eq ? upper_dup(start, (size_t)(eq - start)) : xstrdup("TYPE");
		struct sbuf v = {0};
		for (const char *c = eq ? eq + 1 : start; c < end; c++)
			if (*c != '"')
				sbuf_addc(&v, *c);
		pa->value = sbuf_detach(&v);
	}
	return true;
}

enum tsu_status ctl_next(struct ctl_reader *r, const struct ctl_prop **prop,
			 struct tsu_error *err)
{
	long line = 0;
	bool got;

	if (r->unread) {
		r->unread = false;
		*prop = &r->prop;
		return TSU_OK;
	}
	enum tsu_status st = next_logical(r, &line, &got, err);

	*prop = NULL;
	prop_clear(&r->prop);
	if (st != TSU_OK || !got)
		return st;
	if (!parse_prop(r, r->logical.s)) {
		/* kept whole for the reader to report and go past */
		r->prop.name = xstrdup("");
		r->prop.value = xstrdup(r->logical.s);
		r->prop.malformed = true;
	}
	r->prop.line = line;
	*prop = &r->prop;
	return TSU_OK;
}

void ctl_unread(struct ctl_reader *r)
{
	r->unread = r->prop.name != NULL;
}

const char *ctl_param(const struct ctl_prop *p, const char *name)
{
	for (size_t i = 0; i < p->nparams; i++)
		if (strcmp(p->params[i].name, name) == 0)
			return p->params[i].value;
	return NULL;
}

bool ctl_param_has(const struct ctl_prop *p, const char *name, const char *value)
{
	size_t vl = strlen(value);

	for (size_t i = 0; i < p->nparams; i++) {
		if (strcmp(p->params[i].name, name) != 0)
			continue;
		for (const char *s = p->params[i].value; *s;) {
			size_t n = strcspn(s, ",");
			if (n == vl && strncasecmp(s, value, n) == 0)
				return true;
			s += n + (s[n] == ',');
		}
	}
	return false;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)toupper((unsigned char)c);
	return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The charset of a quoted-printable value: its CHARSET, else UTF-8 when
 * the bytes are UTF-8, else Shift_JIS: Outlook on Japanese Windows writes
 * 2.1 cards in CP932 and names no CHARSET, and a file whose Japanese is
 * all quoted-printable reads as plain ASCII. */
static const char *qp_charset(const struct ctl_prop *p, const struct sbuf *bytes)
{
	const char *cs = ctl_param(p, "CHARSET");
	bool inc;

	if (cs)
		return cs;
	if (enc_utf8_valid_prefix((const unsigned char *)sbuf_str(bytes), bytes->len, &inc) ==
	    bytes->len)
		return "UTF-8";
	return "CP932";
}

enum tsu_status ctl_raw_value(const struct ctl_prop *p, struct sbuf *out,
			      struct tsu_error *err)
{
	const char *enc = ctl_param(p, "ENCODING");

	if (!enc || strcasecmp(enc, "QUOTED-PRINTABLE") != 0) {
		sbuf_add(out, p->value);
		return TSU_OK;
	}
	struct sbuf bytes = {0};
	for (const char *s = p->value; *s; s++) {
		int hi, lo;
		if (*s == '=' && (hi = hexval(s[1])) >= 0 && (lo = hexval(s[2])) >= 0) {
			if (hi == 0 && lo == 0) { /* it would cut the text short */
				sbuf_free(&bytes);
				return tsu_fail(err, TSU_INVALID, "NUL 文字 (=00) があります");
			}
			sbuf_addc(&bytes, (char)(hi * 16 + lo));
			s += 2;
		} else {
			sbuf_addc(&bytes, *s);
		}
	}
	enum tsu_status st = enc_from_charset(qp_charset(p, &bytes), sbuf_str(&bytes),
					      bytes.len, out, err);
	sbuf_free(&bytes);
	return st;
}

/* Unescapes s[0..n) onto b. */
static void unescape(struct sbuf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			char c = s[++i];
			sbuf_addc(b, c == 'n' || c == 'N' ? '\n' : c);
		} else {
			sbuf_addc(b, s[i]);
		}
	}
}

enum tsu_status ctl_text(const struct ctl_prop *p, char **out, struct tsu_error *err)
{
	struct sbuf raw = {0}, b = {0};
	enum tsu_status st = ctl_raw_value(p, &raw, err);

	if (st == TSU_OK) {
		unescape(&b, sbuf_str(&raw), raw.len);
		*out = sbuf_detach(&b);
	}
	sbuf_free(&raw);
	return st;
}

enum tsu_status ctl_parts(const struct ctl_prop *p, char ***parts, size_t *n,
			  struct tsu_error *err)
{
	struct sbuf raw = {0};
	enum tsu_status st = ctl_raw_value(p, &raw, err);
	const char *s = sbuf_str(&raw);

	*parts = NULL;
	*n = 0;
	if (st != TSU_OK) {
		sbuf_free(&raw); /* a failed conversion may have filled it */
		return st;
	}
	for (size_t start = 0, i = 0;; i++) {
		if (s[i] == '\\' && s[i + 1]) {
			i++;
			continue;
		}
		if (s[i] != ';' && s[i])
			continue;
		struct sbuf b = {0};
		unescape(&b, s + start, i - start);
		*parts = xrealloc(*parts, (*n + 1) * sizeof(**parts));
		(*parts)[(*n)++] = sbuf_detach(&b);
		start = i + 1;
		if (!s[i])
			break;
	}
	sbuf_free(&raw);
	return TSU_OK;
}

void ctl_free_parts(char **parts, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(parts[i]);
	free(parts);
}

void ctl_one_line(char *s)
{
	for (; s && *s; s++)
		if (*s == '\n' || *s == '\r')
			*s = ' ';
}

void ctl_escape(struct sbuf *b, const char *text)
{
	for (const char *s = text; s && *s; s++) {
		if (*s == '\\' || *s == ',' || *s == ';') {
			sbuf_addc(b, '\\');
			sbuf_addc(b, *s);
		} else if (*s == '\n') {
			sbuf_add(b, "\\n");
		} else if (*s != '\r') {
			sbuf_addc(b, *s);
		}
	}
}

void ctl_fold(struct sbuf *b, const char *line)
{
	size_t len = strlen(line), col = 0;

	for (size_t i = 0; i < len;) {
		size_t n = 1;
		unsigned char c = (unsigned char)line[i];
		if (c >= 0xF0)
			n = 4;
		else if (c >= 0xE0)
			n = 3;
		else if (c >= 0xC0)
			n = 2;
		if (col + n > 75) {
			sbuf_add(b, "\r\n ");
			col = 1;
		}
		sbuf_addn(b, line + i, n);
		col += n;
		i += n;
	}
	sbuf_add(b, "\r\n");
}
