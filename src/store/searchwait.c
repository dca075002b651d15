/*
 * Search documents waiting for their index during a bulk write (an
 * import, a merge).  FTS5 writes out the terms it holds at every
 * savepoint of a transaction it takes part in, and every row of a bulk
 * write is written in a savepoint of its own, so documents are kept here
 * and given to FTS5 a few thousand at a time, in the order of their
 * rowids (search_flush).
 *
 * They are kept in memory (an import of 100,000 parties spent a tenth of
 * its time putting them in a temporary table and reading them back).  A
 * row given up (its savepoint rolled back) takes its documents with it:
 * each savepoint marks how many were waiting when it began.  The waiting
 * ones are given to the index only while every open savepoint began with
 * none waiting (between the rows of an import): a rollback then takes
 * back only index writes of documents it takes away too, never those of
 * rows kept.
 *
 * Each entry says that document `rid` of an index (the party index or
 * search_index) goes (`old`: the index's document of that rowid is taken
 * out) or comes (`grams`, not NULL), or both; several entries of one
 * document are folded in the order they came.
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define SEARCH_WAIT_MAX 4096

struct search_wait {
	sqlite3_int64 rid;
	bool party;
	bool old;
	char *grams;
	size_t seq;
};

struct search_waiting {
	struct search_wait *docs;
	size_t n, cap;
	size_t *marks; /* waiting at each open savepoint */
	size_t nmarks, capmarks;
};

static struct search_waiting *waiting(struct store *st)
{
	if (!st->waiting)
		st->waiting = xcalloc(1, sizeof *st->waiting);
	return st->waiting;
}

static void drop_from(struct search_waiting *w, size_t n)
{
	while (w->n > n)
		free(w->docs[--w->n].grams);
}

void search_wait_mark(struct store *st)
{
	struct search_waiting *w = waiting(st);
	if (w->nmarks == w->capmarks) {
		w->capmarks = w->capmarks ? 2 * w->capmarks : 8;
		w->marks = xrealloc(w->marks, w->capmarks * sizeof *w->marks);
	}
	w->marks[w->nmarks++] = w->n;
}

/* Whether the waiting documents may go to the index now (see above). */
static bool flush_safe(const struct search_waiting *w)
{
	return w->nmarks == 0 || w->marks[w->nmarks - 1] == 0;
}

enum tsu_status search_wait_release(struct store *st, bool undone, struct tsu_error *err)
{
	struct search_waiting *w = waiting(st);
	if (!w->nmarks)
		return TSU_OK;
	size_t mark = w->marks[--w->nmarks];
	if (undone)
		drop_from(w, mark);
	return !undone && search_wait_full(st) && flush_safe(w) ? search_flush(st, err) : TSU_OK;
}

void search_wait_clear(struct store *st)
{
	if (!st->waiting)
		return;
	drop_from(st->waiting, 0);
	st->waiting->nmarks = 0;
}

void search_wait_free(struct store *st)
{
	if (!st->waiting)
		return;
	search_wait_clear(st);
	free(st->waiting->docs);
	free(st->waiting->marks);
	free(st->waiting);
	st->waiting = NULL;
}

bool search_wait_full(const struct store *st)
{
	return st->waiting && st->waiting->n >= SEARCH_WAIT_MAX;
}

enum tsu_status search_wait_put(struct store *st, sqlite3_int64 rid, bool party,
				const char *grams, struct tsu_error *err)
{
	struct search_waiting *w = waiting(st);
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 256;
		w->docs = xrealloc(w->docs, w->cap * sizeof *w->docs);
	}
	w->docs[w->n] = (struct search_wait){rid, party, grams == NULL, grams ? xstrdup(grams) : NULL,
					     w->n};
	w->n++;
	return search_wait_full(st) && flush_safe(w) ? search_flush(st, err) : TSU_OK;
}

bool search_wait_has(const struct store *st, sqlite3_int64 rid, bool party)
{
	const struct search_waiting *w = st->waiting;
	for (size_t i = w ? w->n : 0; i > 0; i--)
		if (w->docs[i - 1].rid == rid && w->docs[i - 1].party == party)
			return true;
	return false;
}

/* Index, then rowid, then the order they came. */
static int by_doc(const void *a, const void *b)
{
	const struct search_wait *x = a, *y = b;
	if (x->party != y->party)
		return x->party ? 1 : -1;
	if (x->rid != y->rid)
		return x->rid < y->rid ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Every document folded: the old ones out, then the new in, each index
 * in rising rowids. */
static enum tsu_status write_all(struct store *st, struct search_waiting *w,
				 struct tsu_error *err)
{
	enum tsu_status rc = TSU_OK;
	for (int pass = 0; pass < 2 && rc == TSU_OK; pass++) {
		for (size_t i = 0; i < w->n && rc == TSU_OK;) {
			size_t j = i;
			bool old = false;
			while (j < w->n && w->docs[j].party == w->docs[i].party &&
			       w->docs[j].rid == w->docs[i].rid)
				old |= w->docs[j++].old;
			const struct search_wait *last = &w->docs[j - 1];
			if (pass == 0 && old)
				rc = search_write_doc(st, last->party, last->rid, NULL, err);
			else if (pass == 1 && last->grams)
				rc = search_write_doc(st, last->party, last->rid, last->grams, err);
			i = j;
		}
	}
	return rc;
}

enum tsu_status search_flush(struct store *st, struct tsu_error *err)
{
	struct search_waiting *w = st->waiting;
	if (!w || !w->n)
		return TSU_OK;
	qsort(w->docs, w->n, sizeof *w->docs, by_doc);
	enum tsu_status rc = write_all(st, w, err);
	drop_from(w, 0);
	for (size_t i = 0; i < w->nmarks; i++)
		w->marks[i] = 0; /* none waits now */
	return rc;
}
