/* Choice lists (refvalue): loaded once per open, matched by code or label. */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/textnorm.h"

enum tsu_status choices_load(struct store *st, struct tsu_error *err)
{
	sqlite3_stmt *s;
	choices_free(st);
	if (store_prepare(st, "SELECT kind, code, label FROM refvalue ORDER BY kind, sort", &s, err))
		return err->status;
	size_t cap = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (st->nchoices == cap) {
			cap = cap ? cap * 2 : 128;
			st->choices = xrealloc(st->choices, cap * sizeof *st->choices);
		}
		struct choice *c = &st->choices[st->nchoices++];
		c->kind = store_col_dup(s, 0);
		c->code = store_col_dup(s, 1);
		c->label = store_col_dup(s, 2);
	}
	store_finish(st, s);
	return TSU_OK;
}

void choices_free(struct store *st)
{
	for (size_t i = 0; i < st->nchoices; i++) {
		free(st->choices[i].kind);
		free(st->choices[i].code);
		free(st->choices[i].label);
	}
	free(st->choices);
	st->choices = NULL;
	st->nchoices = 0;
}

static bool folded_equal(const char *a, const char *b)
{
	char *ka = text_search_key(a), *kb = text_search_key(b);
	bool eq = ka && kb && *ka && strcmp(ka, kb) == 0;
	free(ka);
	free(kb);
	return eq;
}

static bool of_kind(const struct choice *c, const char *kind)
{
	return c->kind[0] == kind[0] && strcmp(c->kind, kind) == 0;
}

const char *choice_match(struct store *st, const char *kind, const char *input)
{
	for (size_t i = 0; i < st->nchoices; i++) {
		struct choice *c = &st->choices[i];
		if (of_kind(c, kind) &&
		    (strcmp(c->code, input) == 0 || strcmp(c->label, input) == 0))
			return c->code;
	}
	for (size_t i = 0; i < st->nchoices; i++) {
		struct choice *c = &st->choices[i];
		if (of_kind(c, kind) &&
		    (folded_equal(c->code, input) || folded_equal(c->label, input)))
			return c->code;
	}
	return NULL;
}

enum tsu_status store_choices(struct store *st, const char *kind, store_choice_cb cb,
			      void *ud, struct tsu_error *err)
{
	for (size_t i = 0; i < st->nchoices; i++) {
		struct choice *c = &st->choices[i];
		if (strcmp(c->kind, kind) == 0 && cb(ud, c->code, c->label))
			break;
	}
	return TSU_OK;
}

const char *store_choice_label(struct store *st, const char *kind, const char *code)
{
	for (size_t i = 0; i < st->nchoices; i++) {
		struct choice *c = &st->choices[i];
		if (strcmp(c->kind, kind) == 0 && strcmp(c->code, code) == 0)
			return c->label;
	}
	return code;
}
