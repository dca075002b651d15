/*
 * The party an import is about (partymatch.h): a chained hash table of
 * the parties by name key.  An entry keeps 64-bit hashes of the keys, not
 * the keys, so a city's 100,000 parties take a few megabytes; two
 * different keys with one hash are as likely as not to happen in the
 * lifetime of the universe.
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
	uint64_t name, phone, email;  /* hashes of the keys; 0 for an empty one */
	unsigned char id[16];  /* the UUID's bytes */
	uint32_t next;         /* index + 1 of the next entry in its bucket, 0 ends */
};

struct partymatch {
	struct pm_entry *e;
	size_t n, cap;
	uint32_t *bucket;      /* index + 1 of a bucket's first entry, 0 when empty */
	size_t nbuckets;       /* a power of two */
	uuid_str found, namesake;  /* the ids partymatch_find returns */
	/* the last keys made (an import finds a row's party, then adds it:
	 * the same name made into a search key twice was 4 % of its time) */
	char *last_in[3];
	uint64_t last[3];
	bool have_last;
};

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		: c >= 'A' && c <= 'F' ? c - 'A' + 10 : 0;
}

static void id_pack(const char *id, unsigned char out[16])
{
	memset(out, 0, 16);
	for (int i = 0, n = 0; id[i] && n < 32; i++)
		if (id[i] != '-') {
			out[n / 2] |= (unsigned char)(hexval(id[i]) << (n % 2 ? 0 : 4));
			n++;
		}
}

static void id_unpack(const unsigned char in[16], uuid_str out)
{
	static const char hex[] = "0123456789abcdef";
	char *o = out;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*o++ = '-';
		*o++ = hex[in[i] >> 4];
		*o++ = hex[in[i] & 15];
	}
	*o = '\0';
}

/* FNV-1a of a key, never 0; 0 for an empty key. */
static uint64_t hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;
	if (!s || !*s)
		return 0;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h ? h : 1;
}

static bool same_text(const char *a, const char *b)
{
	return a && b ? strcmp(a, b) == 0 : a == b;
}

/* The hashes of one party's name, phone and e-mail keys; `keep`: kept
 * for the next call with the same values. */
static void keys_of(struct partymatch *m, const char *name, const char *phone, const char *email,
		    uint64_t out[3], bool keep)
{
	const char *in[3] = {name, phone, email};
	bool again = m->have_last;
	for (int i = 0; i < 3; i++)
		again = again && same_text(m->last_in[i], in[i]);
	if (again) {
		memcpy(out, m->last, sizeof m->last);
		return;
	}
	char *nk = text_search_key(name ? name : ""), *pk = dup_phone_key(phone);
	char *ek = dup_email_key(email);
	out[0] = hash(nk);
	out[1] = hash(pk);
	out[2] = hash(ek);
	free(nk);
	free(pk);
	free(ek);
	for (int i = 0; i < 3 && keep; i++) {
		free(m->last_in[i]);
		m->last_in[i] = in[i] ? xstrdup(in[i]) : NULL;
		m->last[i] = out[i];
	}
	m->have_last = m->have_last || keep;
}

static void rehash(struct partymatch *m)
{
	free(m->bucket);
	m->nbuckets = m->nbuckets ? m->nbuckets * 2 : 1024;
	m->bucket = xcalloc(m->nbuckets, sizeof(*m->bucket));
	for (size_t i = 0; i < m->n; i++) {
		size_t b = m->e[i].name & (m->nbuckets - 1);
		m->e[i].next = m->bucket[b];
		m->bucket[b] = (uint32_t)(i + 1);
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
	uint64_t k[3];
	keys_of(m, name, phone, email, k, false);
	id_pack(id, p->id);
	p->name = k[0];
	p->phone = k[1];
	p->email = k[2];
	if (m->n * 2 > m->nbuckets) {
		rehash(m);
		return;
	}
	size_t b = p->name & (m->nbuckets - 1);
	p->next = m->bucket[b];
	m->bucket[b] = (uint32_t)m->n;
}

static void collect(void *ud, const char *id, const char *name, const char *phone,
		    const char *email)
{
	partymatch_add(ud, id, name, phone, email);
}

struct partymatch *partymatch_load(struct store *st, struct tsu_error *err)
{
	struct partymatch *m = xcalloc(1, sizeof(*m));
	if (store_each_party_contact(st, collect, m, err) != TSU_OK) {
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
	free(m->e);
	free(m->bucket);
	for (int i = 0; i < 3; i++)
		free(m->last_in[i]);
	free(m);
}

/* Of two parties that both fit, the one with the greater id (for ids of
 * the program's own, the later made): the same party in every copy,
 * whatever order the file keeps its rows in. */
static bool prefer(const struct pm_entry *p, const struct pm_entry *best)
{
	return !best || memcmp(p->id, best->id, sizeof p->id) > 0;
}

void partymatch_find(struct partymatch *m, const char *name, const char *phone,
		     const char *email, struct party_found *out)
{
	uint64_t k[3];
	keys_of(m, name, phone, email, k, true);
	memset(out, 0, sizeof(*out));
	const struct pm_entry *same = NULL, *namesake = NULL;
	bool same_phone = false;
	size_t i = k[0] ? m->bucket[k[0] & (m->nbuckets - 1)] : 0;
	for (; i; i = m->e[i - 1].next) {
		const struct pm_entry *p = &m->e[i - 1];
		if (p->name != k[0])
			continue;
		bool phone_too = k[1] && p->phone == k[1];
		if (phone_too || (k[2] && p->email == k[2])) {
			if (prefer(p, same)) {
				same = p;
				same_phone = phone_too;
			}
		} else if (prefer(p, namesake)) {
			namesake = p;
		}
	}
	if (same) {
		id_unpack(same->id, m->found);
		out->id = m->found;
		out->same_phone = same_phone;
	} else if (namesake) {
		id_unpack(namesake->id, m->namesake);
		out->namesake = m->namesake;
	}
}
