/*
 * The party an import is about (partymatch.h): an open hash table of the
 * parties' name keys, each entry the keys of one party.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tsunagu/duplicates.h"
#include "tsunagu/partymatch.h"
#include "tsunagu/record.h"
#include "tsunagu/textnorm.h"

struct pm_entry {
	uuid_str id;
	char *name_key, *phone_key, *email_key;
	size_t next;           /* index + 1 of the next entry in its bucket, 0 ends */
};

struct partymatch {
	struct pm_entry *e;
	size_t n, cap;
	size_t *bucket;        /* index + 1 of a bucket's first entry, 0 when empty */
	size_t nbuckets;       /* a power of two */
};

static uint64_t hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static char *email_key(const char *email)
{
	char *k = xstrdup(email ? email : "");
	for (char *q = k; *q; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q - 'A' + 'a');
	return k;
}

static void rehash(struct partymatch *m)
{
	free(m->bucket);
	m->nbuckets = m->nbuckets ? m->nbuckets * 2 : 1024;
	m->bucket = xcalloc(m->nbuckets, sizeof(*m->bucket));
	for (size_t i = 0; i < m->n; i++) {
		size_t b = hash(m->e[i].name_key) & (m->nbuckets - 1);
		m->e[i].next = m->bucket[b];
		m->bucket[b] = i + 1;
	}
}

void partymatch_add(struct partymatch *m, const char *id, const char *name, const char *phone,
		    const char *email)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 256;
		m->e = xrealloc(m->e, m->cap * sizeof(*m->e));
	}
	struct pm_entry *p = &m->e[m->n++];
	snprintf(p->id, sizeof(p->id), "%s", id);
	p->name_key = text_search_key(name ? name : "");
	p->phone_key = dup_phone_key(phone);
	p->email_key = email_key(email);
	if (m->n * 2 > m->nbuckets) {
		rehash(m);
		return;
	}
	size_t b = hash(p->name_key) & (m->nbuckets - 1);
	p->next = m->bucket[b];
	m->bucket[b] = m->n;
}

static int collect(void *ud, const struct record *r)
{
	partymatch_add(ud, r->id, record_get(r, "name"), record_get(r, "phone"),
		       record_get(r, "email"));
	return 0;
}

struct partymatch *partymatch_load(struct store *st, struct tsu_error *err)
{
	struct partymatch *m = xcalloc(1, sizeof(*m));
	if (store_each(st, "party", NULL, collect, m, err) != TSU_OK) {
		partymatch_free(m);
		return NULL;
	}
	if (!m->nbuckets)
		rehash(m);
	return m;
}

void partymatch_free(struct partymatch *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->e[i].name_key);
		free(m->e[i].phone_key);
		free(m->e[i].email_key);
	}
	free(m->e);
	free(m->bucket);
	free(m);
}

static bool same_key(const char *a, const char *b)
{
	return a && b && *a && strcmp(a, b) == 0;
}

void partymatch_find(const struct partymatch *m, const char *name, const char *phone,
		     const char *email, struct party_found *out)
{
	char *nk = text_search_key(name ? name : ""), *pk = dup_phone_key(phone);
	char *ek = email_key(email);
	memset(out, 0, sizeof(*out));
	size_t i = *nk ? m->bucket[hash(nk) & (m->nbuckets - 1)] : 0;
	for (; i && !out->id; i = m->e[i - 1].next) {
		const struct pm_entry *p = &m->e[i - 1];
		if (!same_key(p->name_key, nk))
			continue;
		out->same_phone = same_key(p->phone_key, pk);
		if (out->same_phone || same_key(p->email_key, ek))
			out->id = p->id;
		else if (!out->namesake)
			out->namesake = p->id;
	}
	if (out->id)
		out->namesake = NULL;
	free(nk);
	free(pk);
	free(ek);
}
