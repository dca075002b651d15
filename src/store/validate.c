/* User input to stored value, by field type (entity.h). */
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/date.h"
#include "tsunagu/textnorm.h"
#include "tsunagu/timeofday.h"
#include "tsunagu/utf8.h"

static enum tsu_status check_utf8(const struct field_def *f, const char *in,
				  struct tsu_error *err)
{
	size_t bad;
	if (utf8_valid(in, strlen(in), &bad))
		return TSU_OK;
	return tsu_fail(err, TSU_ENCODING, "「%s」の %zu バイト目 (0x%02X) が UTF-8 ではありません",
			f->label, bad + 1, (unsigned char)in[bad]);
}

static enum tsu_status norm_text(const struct field_def *f, const char *in, char **out,
				 struct tsu_error *err)
{
	char *nfc = text_nfc(in);
	if (!nfc)
		return tsu_fail(err, TSU_ENCODING, "「%s」を正規化できません", f->label);
	if (f->type == FIELD_LONGTEXT) {
		char *w = nfc;
		for (char *r = nfc; *r; r++)
			if (!(r[0] == '\r' && r[1] == '\n'))
				*w++ = *r == '\r' ? '\n' : *r;
		*w = '\0';
		*out = nfc;
		return TSU_OK;
	}
	if (strpbrk(nfc, "\r\n")) {
		free(nfc);
		return tsu_fail(err, TSU_INVALID, "「%s」に改行は入れられません", f->label);
	}
	*out = text_trim(nfc);
	free(nfc);
	return TSU_OK;
}

static enum tsu_status norm_number(const struct field_def *f, const char *in, char **out,
				   struct tsu_error *err)
{
	char *t = text_nfkc_trim(in);
	char *w = t;
	for (char *r = t; *r; r++)
		if (*r != ',')
			*w++ = *r;
	*w = '\0';
	char *end;
	errno = 0;
	if (f->type == FIELD_INT)
		(void)strtoll(t, &end, 10);
	else
		(void)strtod(t, &end);
	if (!*t || *end || errno) {
		free(t);
		return tsu_fail(err, TSU_INVALID, "「%s」は%sで入力してください: 「%s」", f->label,
				f->type == FIELD_INT ? "整数" : "数値", in);
	}
	*out = t;
	return TSU_OK;
}

static enum tsu_status norm_bool(const struct field_def *f, const char *in, char **out,
				 struct tsu_error *err)
{
	static const char *const yes[] = {"1", "yes", "y", "true", "on", "はい", "有", "あり", "○", "◯", NULL};
	static const char *const no[] = {"0", "no", "n", "false", "off", "いいえ", "無", "なし", "×", NULL};
	char *t = text_nfkc_trim(in);
	for (char *p = t; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	int v = -1;
	for (int i = 0; yes[i] && v < 0; i++)
		if (strcmp(t, yes[i]) == 0)
			v = 1;
	for (int i = 0; no[i] && v < 0; i++)
		if (strcmp(t, no[i]) == 0)
			v = 0;
	if (v >= 0) {
		free(t);
		*out = xstrdup(v ? "1" : "0");
		return TSU_OK;
	}
	free(t);
	return tsu_fail(err, TSU_INVALID, "「%s」ははい/いいえ (1/0) で入力してください: 「%s」", f->label, in);
}

static enum tsu_status norm_choice(struct store *st, const struct field_def *f,
				   const char *in, char **out, struct tsu_error *err)
{
	const char *code = choice_match(st, f->ref, in);
	if (code) {
		*out = xstrdup(code);
		return TSU_OK;
	}
	/* each as it may be typed: its code too where that is not its label
	 * (A 作業支援) */
	struct sbuf list = {0};
	for (size_t i = 0; i < st->nchoices; i++) {
		const struct choice *ch = &st->choices[i];
		if (strcmp(ch->kind, f->ref) != 0)
			continue;
		sbuf_addf(&list, "%s%s", list.len ? " / " : "", strcmp(ch->code, ch->label) ? ch->code : "");
		sbuf_addf(&list, "%s%s", strcmp(ch->code, ch->label) ? " " : "", ch->label);
	}
	tsu_fail(err, TSU_INVALID, "「%s」に「%s」は選べません (選択肢: %s)", f->label, in, sbuf_str(&list));
	sbuf_free(&list);
	return TSU_INVALID;
}

/* A date or time as its parser wrote it into `text`, or the parser's
 * message (which names the input) under the field's label. */
static enum tsu_status parsed(const struct field_def *f, enum tsu_status rc, const char *text,
			      char **out, struct tsu_error *err)
{
	if (rc != TSU_OK) {
		char why[TSU_ERROR_MSG_MAX];
		snprintf(why, sizeof why, "%s", err ? err->msg : "");
		return tsu_fail(err, TSU_INVALID, "「%s」: %s", f->label, why);
	}
	*out = xstrdup(text);
	return TSU_OK;
}

enum tsu_status value_normalize(struct store *st, const struct field_def *f,
				const char *input, char **out, struct tsu_error *err)
{
	*out = NULL;
	if (!input || !*input)
		return TSU_OK;
	if (check_utf8(f, input, err) != TSU_OK)
		return TSU_ENCODING;
	char iso[DATE_ISO_LEN + 1], hm[TIME_HM_LEN + 1];
	uuid_str id;
	switch (f->type) {
	case FIELD_TEXT:
	case FIELD_LONGTEXT:
	case FIELD_SET:
		return norm_text(f, input, out, err);
	case FIELD_INT:
	case FIELD_REAL:
		return norm_number(f, input, out, err);
	case FIELD_BOOL:
		return norm_bool(f, input, out, err);
	case FIELD_CHOICE:
		return norm_choice(st, f, input, out, err);
	case FIELD_TIME:
		return parsed(f, time_parse(input, hm, err), hm, out, err);
	case FIELD_DATE:
		return parsed(f, date_parse(input, iso, err), iso, out, err);
	case FIELD_REF:
		if (store_resolve(st, f->ref, input, id, err) != TSU_OK)
			return err ? err->status : TSU_NOT_FOUND;
		*out = xstrdup(id);
		return TSU_OK;
	}
	return TSU_OK;
}

/* Separators a person may type between tags: , 、 ， ; ； and newline. */
static size_t sep_len(const char *p)
{
	if (*p == ',' || *p == ';' || *p == '\n')
		return 1;
	if (strncmp(p, "、", 3) == 0 || strncmp(p, "，", 3) == 0 || strncmp(p, "；", 3) == 0)
		return 3;
	return 0;
}

/* The items of a set value, trimmed and NFC; an item met again is left
 * out unless `repeats`. */
static size_t split_items(const char *value, bool repeats, char ***items)
{
	size_t n = 0, cap = 0;
	*items = NULL;
	const char *p = value ? value : "";
	while (*p) {
		const char *start = p;
		size_t k;
		while (*p && !sep_len(p))
			p++;
		char *raw = xstrndup(start, (size_t)(p - start));
		char *nfc = text_nfc(raw);
		char *item = text_trim(nfc ? nfc : raw);
		free(raw);
		free(nfc);
		bool dup = !*item;
		for (size_t i = 0; i < n && !dup && !repeats; i++)
			dup = strcmp((*items)[i], item) == 0;
		if (dup) {
			free(item);
		} else {
			if (n == cap)
				*items = xrealloc(*items, (cap = cap ? cap * 2 : 8) * sizeof **items);
			(*items)[n++] = item;
		}
		if ((k = sep_len(p)))
			p += k;
	}
	return n;
}

size_t value_split_set(const char *value, char ***items)
{
	return split_items(value, false, items);
}

size_t record_set_items(const char *value, char ***items)
{
	return split_items(value, true, items);
}

void record_set_items_free(char **items, size_t n)
{
	value_free_list(items, n);
}

void value_free_list(char **items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
}
