/*
 * The tokenizer of the search indexes (schema 10), `tsu_grams`.
 *
 * A document is its texts' search keys (text_search_key: no spaces in
 * them), each followed by a space, and the party index's area tokens
 * ("_a<area id>": search keys never hold '_').  The tokenizer cuts each
 * key into the overlapping two-character grams search.c's comment
 * describes, and the last character alone: "スズキ " gives スズ ズキ キ.
 * An area token is one token.  Before, the document held the grams
 * themselves ("スズ ズキ キ "), every character twice and a space per
 * gram: the index's copy of a city's text took three times its size.
 *
 * A query (search_fts_query) is already grams: its strings are cut at
 * spaces only.
 */
#include <string.h>
#include "internal.h"

/* Bytes of the UTF-8 character at p (at most `left`). */
static int char_len(const char *p, int left)
{
	unsigned char c = (unsigned char)*p;
	int n = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	return n < left ? n : left;
}

typedef int (*token_cb)(void *ctx, int flags, const char *token, int n, int start, int end);

/* The grams of one search key at text[start, end). */
static int key_grams(void *ctx, token_cb cb, const char *text, int start, int end)
{
	if (text[start] == '_') /* an area token */
		return cb(ctx, 0, text + start, end - start, start, end);
	for (int i = start; i < end;) {
		int a = char_len(text + i, end - i);
		int b = i + a < end ? char_len(text + i + a, end - i - a) : 0;
		int rc = cb(ctx, 0, text + i, a + b, i, i + a + b);
		if (rc != SQLITE_OK)
			return rc;
		i += a;
	}
	return SQLITE_OK;
}

static int gram_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int n,
			 token_cb cb)
{
	(void)tok;
	bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
	int start = 0;
	for (int i = 0; i <= n; i++) {
		if (i < n && text[i] != ' ')
			continue;
		if (i > start) {
			int rc = query ? cb(ctx, 0, text + start, i - start, start, i)
				       : key_grams(ctx, cb, text, start, i);
			if (rc != SQLITE_OK)
				return rc;
		}
		start = i + 1;
	}
	return SQLITE_OK;
}

/* One tokenizer serves every table: it keeps no state. */
static int gram_create(void *ud, const char **args, int nargs, Fts5Tokenizer **out)
{
	(void)args;
	*out = (Fts5Tokenizer *)ud;
	return nargs == 0 ? SQLITE_OK : SQLITE_ERROR;
}

static void gram_delete(Fts5Tokenizer *tok)
{
	(void)tok;
}

int gramtok_register(sqlite3 *db)
{
	static int instance; /* the address stands for the (stateless) tokenizer */
	fts5_api *api = NULL;
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(s, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	rc = sqlite3_finalize(s);
	if (rc != SQLITE_OK || !api)
		return rc != SQLITE_OK ? rc : SQLITE_ERROR;
	fts5_tokenizer t = {gram_create, gram_delete, gram_tokenize};
	return api->xCreateTokenizer(api, "tsu_grams", &instance, &t, NULL);
}
