/*
 * Normalisation through utf8proc.  The search key is built in two passes:
 * utf8proc does NFKC with case folding (which also turns half-width ｽﾞ into
 * ズ, composing the voiced mark), then each code point is folded further
 * (hiragana -> katakana) or dropped (spaces, punctuation, symbols, controls).
 * Keys of a query and of stored text compare with plain strstr().
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "tsunagu/sbuf.h"
#include "tsunagu/textnorm.h"
#include "tsunagu/utf8.h"

/* True for a code point that NFC leaves as it is wherever it stands: no
 * decomposition that stays decomposed, combining class 0, and never the
 * second of a composed pair.  ASCII, kana (not the combining voiced marks
 * U+3099/U+309A), the ideographs (not the compatibility ideographs, which
 * NFC replaces), CJK punctuation (not the tone marks U+302A-F) and the
 * full- and half-width forms: nearly every character of a Japanese
 * record, which therefore needs no pass through utf8proc.  test_text
 * checks each against utf8proc. */
bool text_nfc_inert(int32_t cp)
{
	return cp < 0x80 || (cp >= 0x3000 && cp <= 0x3029) || (cp >= 0x3030 && cp <= 0x3096) ||
	       (cp >= 0x309B && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xFF01 && cp <= 0xFFEE);
}

char *text_nfc(const char *s)
{
	size_t len = strlen(s), i = 0;
	while (i < len) {
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (!text_nfc_inert(cp)) /* an invalid byte too: U+FFFD */
			return (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
		i += n;
	}
	return strdup(s);
}

/* s with invalid byte sequences removed, so utf8proc accepts it. */
static char *drop_invalid(const char *s)
{
	struct sbuf b = {0};
	size_t len = strlen(s);

	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (!(cp == 0xFFFD && n == 1))
			sbuf_addn(&b, s + i, n);
		i += n;
	}
	return sbuf_detach(&b);
}

/* True for what users do not see as part of a name: white space,
 * punctuation, symbols, controls and invisible format characters.
 * ー (U+30FC) and 々 are letters (Lm) and stay. */
static bool search_ignores(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
	case UTF8PROC_CATEGORY_SM:
	case UTF8PROC_CATEGORY_SC:
	case UTF8PROC_CATEGORY_SK:
	case UTF8PROC_CATEGORY_SO:
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF:
		return true;
	default:
		return false;
	}
}

static int cmp_variant(const void *key, const void *elem)
{
	int cp = *(const int *)key, v = ((const struct text_variant *)elem)->variant;
	return (cp > v) - (cp < v);
}

int text_variant_fold(int cp)
{
	const struct text_variant *v = bsearch(&cp, text_variants, text_variants_count,
					       sizeof(*text_variants), cmp_variant);
	return v ? v->standard : cp;
}

/* Variation selectors: U+FE00-FE0F and the ideographic ones (IVS) of
 * U+E0100-E01EF, which pick a glyph of the same character. */
static bool variation_selector(int32_t cp)
{
	return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

/* Hiragana to the katakana one row over; ゝゞ to ヽヾ. */
static int32_t to_katakana(int32_t cp)
{
	if ((cp >= 0x3041 && cp <= 0x3096) || cp == 0x309D || cp == 0x309E)
		return cp + 0x60;
	return cp;
}

/* Like text_nfc_inert for NFKC with case folding: lower-case ASCII, kana
 * (not the spacing voiced marks, ゟ or ヿ, which NFKC spells out), the
 * ideographs, 、。々 and the CJK brackets.  test_text checks each against
 * utf8proc. */
bool text_fold_inert(int32_t cp)
{
	return (cp >= 0x20 && cp < 0x7F && !(cp >= 'A' && cp <= 'Z')) ||
	       (cp >= 0x3001 && cp <= 0x3007) || (cp >= 0x3008 && cp <= 0x3011) ||
	       (cp >= 0x3041 && cp <= 0x3096) || cp == 0x309D || cp == 0x309E ||
	       (cp >= 0x30A1 && cp <= 0x30FE) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF);
}

static bool all_fold_inert(const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		int32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		if (!text_fold_inert(cp))
			return false;
	}
	return true;
}

char *text_search_key(const char *s)
{
	char *valid = drop_invalid(s);
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t len;
	struct sbuf b = {0};

	if (all_fold_inert(valid)) { /* most names and notes: utf8proc would copy them */
		folded = (utf8proc_uint8_t *)valid;
		len = (utf8proc_ssize_t)strlen(valid);
	} else {
		len = utf8proc_map((const utf8proc_uint8_t *)valid, 0, &folded,
				   UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
				   UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
		free(valid);
	}
	if (len < 0)
		return sbuf_detach(&b);
	for (utf8proc_ssize_t i = 0; i < len;) {
		int32_t cp;
		char enc[4];
		i += (utf8proc_ssize_t)utf8_decode((const char *)folded + i, (size_t)(len - i), &cp);
		if (search_ignores(cp) || variation_selector(cp))
			continue;
		if (cp >= 0x3400)
			cp = text_variant_fold(cp);
		sbuf_addn(&b, enc, utf8_encode(to_katakana(cp), enc));
	}
	free(folded);
	return sbuf_detach(&b);
}

static bool is_trim_space(const char *p, size_t avail, size_t *n)
{
	if (avail >= 1 && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) {
		*n = 1;
		return true;
	}
	if (avail >= 3 && memcmp(p, "\xE3\x80\x80", 3) == 0) {	/* U+3000 */
		*n = 3;
		return true;
	}
	return false;
}

/* Trims at both ends; the end is scanned backwards, where U+3000 is the
 * only multi-byte space to recognise. */
char *text_trim(const char *s)
{
	size_t len = strlen(s), start = 0, end = len, n;

	while (start < len && is_trim_space(s + start, len - start, &n))
		start += n;
	while (end > start) {
		if (end - start >= 3 && is_trim_space(s + end - 3, 3, &n) && n == 3)
			end -= 3;
		else if (is_trim_space(s + end - 1, 1, &n))
			end -= 1;
		else
			break;
	}
	return xstrndup(s + start, end - start);
}

/* ASCII is its own NFKC: a phone number or an e-mail address (most of
 * what an import's matcher reads) needs no trip through utf8proc. */
static bool all_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

char *text_nfkc_trim(const char *s)
{
	if (all_ascii(s))
		return text_trim(s);
	char *nfkc = (char *)utf8proc_NFKC((const utf8proc_uint8_t *)s);
	char *out;

	if (!nfkc)
		return NULL;
	out = text_trim(nfkc);
	free(nfkc);
	return out;
}
