/*
 * Merging copies edited apart (DESIGN §5): the clock, sets, edit against
 * delete, and a randomized property test — three copies of one file take
 * random inserts, edits, deletions, set and link changes (the same fields
 * on purpose) and are merged in random pairwise orders until quiet; they
 * must end identical, merging again must change nothing, and every value
 * ever written must be current or in the change log.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>
#include "tsunagu/record.h"
#include "tsunagu/merge.h"
#include "test_util.h"
#include "../../src/store/internal.h"
#include "test_copies.h"

#define SEEDS_DEFAULT 50
#define OPS_PER_COPY 200

static void fresh(char *path, size_t n, const char *name)
{
	test_path(path, n, name);
	unlink(path);
}

static long merge(struct store *st, const char *other)
{
	struct merge_summary sum;
	struct tsu_error err = {0};
	enum tsu_status rc = store_merge(st, other, false, &sum, &err);
	if (rc != TSU_OK)
		fail_msg("merge %s: %s", other, err.msg);
	return sum.changes;
}

static char *field_of(struct store *st, const char *entity, const char *id, const char *field)
{
	struct record *r;
	assert_int_equal(store_get(st, entity, id, true, &r, NULL), TSU_OK);
	const char *v = record_get(r, field);
	char *out = v ? strdup(v) : NULL;
	int deleted = r->deleted_at != NULL;
	record_free(r);
	if (deleted) {
		free(out);
		return strdup("(deleted)");
	}
	return out;
}

static void edit(struct store *st, const char *entity, const char *id, const char *field,
		 const char *value)
{
	struct field_value fv = {field, value};
	struct tsu_error err = {0};
	if (store_update(st, entity, id, &fv, 1, &err) != TSU_OK)
		fail_msg("edit %s.%s: %s", entity, field, err.msg);
}

/* A base file with one party, and two copies of it (copied files). */
static void three_files(char a[512], char b[512], const char *tag, uuid_str party)
{
	char na[64], nb[64];
	snprintf(na, sizeof na, "%s-a.db", tag);
	snprintf(nb, sizeof nb, "%s-b.db", tag);
	fresh(a, 512, na);
	fresh(b, 512, nb);
	struct store *st = open_db(a, "山田 太郎");
	struct field_value fv[] = {{"name", "鈴木一郎"}, {"kana", "すずきいちろう"},
				   {"phone", "042-000-0000"}, {"offers", "見守り"}};
	assert_int_equal(store_insert(st, "party", fv, 4, party, NULL), TSU_OK);
	store_close(st);
	copy_file(a, b);
}

/* An edit made after a merge orders after what was merged, even when this
 * laptop's clock is years behind the other copy's. */
static void clock_absorbs_stamps_of_a_clock_ahead(void **state)
{
	char a[512], b[512];
	uuid_str p;
	three_files(a, b, "clock", p);
	setenv("TSUNAGU_NOW", "2031-01-01T00:00:00", 1);
	struct store *sa = open_db(a, "山田 太郎");
	edit(sa, "party", p, "phone", "042-111-1111");
	uint64_t ahead = sa->hlc_last;
	store_close(sa);
	setenv("TSUNAGU_NOW", "2026-01-01T00:00:00", 1);
	struct store *sb = open_db(b, "佐藤 花子");
	assert_true(merge(sb, a) > 0);
	edit(sb, "party", p, "phone", "042-222-2222");
	assert_true(sb->hlc_last > ahead);
	store_close(sb);
	/* a process that opens the file later continues from the merged stamp */
	sb = open_db(b, "佐藤 花子");
	edit(sb, "party", p, "notes", "後から");
	assert_true(sb->hlc_last > ahead);
	store_close(sb);
	unsetenv("TSUNAGU_NOW");
	sa = open_db(a, "山田 太郎");
	merge(sa, b);
	char *v = field_of(sa, "party", p, "phone");
	assert_string_equal(v, "042-222-2222"); /* the later edit, by causality */
	free(v);
	store_close(sa);
}

/* Additions on both copies survive; a removal takes only what it saw. */
static void sets_merge_by_element(void **state)
{
	char a[512], b[512];
	uuid_str p;
	three_files(a, b, "sets", p);
	struct store *sa = open_db(a, "山田 太郎"), *sb = open_db(b, "佐藤 花子");
	edit(sa, "party", p, "offers", "見守り,スマホ講師");
	edit(sb, "party", p, "offers", "見守り,料理教室");
	merge(sa, b);
	merge(sb, a);
	char *va = field_of(sa, "party", p, "offers"), *vb = field_of(sb, "party", p, "offers");
	assert_non_null(strstr(va, "スマホ講師"));
	assert_non_null(strstr(va, "料理教室"));
	assert_non_null(strstr(va, "見守り"));
	assert_string_equal(va, vb);
	free(va);
	free(vb);
	/* A removes 見守り; B removes it and adds it back (an add A never saw) */
	edit(sa, "party", p, "offers", "スマホ講師,料理教室");
	edit(sb, "party", p, "offers", "スマホ講師,料理教室");
	edit(sb, "party", p, "offers", "スマホ講師,料理教室,見守り");
	merge(sa, b);
	merge(sb, a);
	va = field_of(sa, "party", p, "offers");
	vb = field_of(sb, "party", p, "offers");
	assert_non_null(strstr(va, "見守り"));
	assert_string_equal(va, vb);
	free(va);
	free(vb);
	store_close(sa);
	store_close(sb);
}

/* The later of a deletion and an edit wins, the same on both sides, and
 * the pair is listed as a conflict on both. */
static void edit_against_delete_resolves_the_same_both_ways(void **state)
{
	char a[512], b[512];
	uuid_str p;
	three_files(a, b, "del", p);
	struct store *sa = open_db(a, "山田 太郎"), *sb = open_db(b, "佐藤 花子");
	setenv("TSUNAGU_NOW", "2026-05-01T09:00:00", 1);
	assert_int_equal(store_delete(sa, "party", p, NULL), TSU_OK);
	setenv("TSUNAGU_NOW", "2026-05-01T10:00:00", 1);
	edit(sb, "party", p, "phone", "042-333-3333");
	unsetenv("TSUNAGU_NOW");
	merge(sa, b);
	merge(sb, a);
	char *va = field_of(sa, "party", p, "phone"), *vb = field_of(sb, "party", p, "phone");
	assert_string_equal(va, "042-333-3333"); /* edited after the deletion: kept */
	assert_string_equal(vb, "042-333-3333");
	free(va);
	free(vb);
	assert_int_equal(store_conflicts_open(sa), 1);
	assert_int_equal(store_conflicts_open(sb), 1);
	/* take the other side in A: the deletion, which then merges to B */
	char *json;
	assert_int_equal(store_conflicts_json(sa, false, &json, NULL), TSU_OK);
	char id[37] = {0};
	const char *at = strstr(json, "\"id\":\"");
	assert_non_null(at);
	memcpy(id, at + 6, 36);
	free(json);
	assert_int_equal(store_conflict_resolve(sa, id, true, NULL), TSU_OK);
	assert_int_equal(store_conflicts_open(sa), 0);
	merge(sb, a);
	vb = field_of(sb, "party", p, "phone");
	assert_string_equal(vb, "(deleted)");
	free(vb);
	assert_int_equal(store_conflicts_open(sb), 0); /* reviewed there, reviewed here */
	store_close(sa);
	store_close(sb);
}

/* Both copies change one field: the later value is kept everywhere, the
 * other is listed with who and when, and stays in the log. */
static void field_conflict_is_listed_with_both_values(void **state)
{
	char a[512], b[512];
	uuid_str p;
	three_files(a, b, "conf", p);
	struct store *sa = open_db(a, "山田 太郎"), *sb = open_db(b, "佐藤 花子");
	setenv("TSUNAGU_NOW", "2026-05-01T09:00:00", 1);
	edit(sb, "party", p, "phone", "042-111-1111");
	setenv("TSUNAGU_NOW", "2026-05-01T10:00:00", 1);
	edit(sa, "party", p, "phone", "042-222-2222");
	unsetenv("TSUNAGU_NOW");
	struct merge_summary sum;
	assert_int_equal(store_merge(sb, a, true, &sum, NULL), TSU_OK); /* dry run */
	assert_int_equal(sum.conflicts, 1);
	char *vb = field_of(sb, "party", p, "phone");
	assert_string_equal(vb, "042-111-1111"); /* nothing changed */
	free(vb);
	merge(sb, a);
	merge(sa, b);
	char *json;
	assert_int_equal(store_conflicts_json(sb, false, &json, NULL), TSU_OK);
	assert_non_null(strstr(json, "042-111-1111"));
	assert_non_null(strstr(json, "042-222-2222"));
	assert_non_null(strstr(json, "佐藤 花子"));
	free(json);
	vb = field_of(sb, "party", p, "phone");
	assert_string_equal(vb, "042-222-2222");
	free(vb);
	assert_int_equal(store_conflicts_open(sa), 1);
	store_close(sa);
	store_close(sb);
}

/* ---- the property test ---- */

struct prng {
	uint64_t s;
};

static uint32_t rnd(struct prng *r, uint32_t n)
{
	r->s ^= r->s << 13;
	r->s ^= r->s >> 7;
	r->s ^= r->s << 17;
	return n ? (uint32_t)(r->s % n) : 0;
}

/* A random live row of `table`, or false when there is none. */
static bool pick(struct store *st, struct prng *r, const char *table, uuid_str out)
{
	char sql[160];
	sqlite3_stmt *s;
	snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE deleted_at IS NULL ORDER BY id"
		 " LIMIT 1 OFFSET (SELECT abs(?1) %% max(count(*), 1) FROM %s WHERE deleted_at IS NULL)",
		 table, table);
	assert_int_equal(sqlite3_prepare_v2(st->db, sql, -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_int64(s, 1, rnd(r, 1u << 30));
	bool found = sqlite3_step(s) == SQLITE_ROW;
	if (found)
		snprintf(out, UUID_STR_LEN + 1, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return found;
}

static const char *const NAMES[] = {"山田 太郎", "佐藤 花子", "池田 大輔", "諏訪の見守り隊", "鈴木一郎"};
static const char *const TAGS[] = {"見守り", "スマホ講師", "会場提供", "料理教室", "送迎"};
static const char *const STATUSES[] = {"未着手", "対応中", "保留", "完了"};

static void random_set(struct prng *r, const char *const *from, int n, char *out, size_t len)
{
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		if (rnd(r, 2))
			snprintf(out + strlen(out), len - strlen(out), "%s%s", out[0] ? "," : "", from[i]);
}

/* Parties of this file as a set value (a few, random). */
static void random_parties(struct store *st, struct prng *r, char *out, size_t len)
{
	uuid_str id;
	out[0] = '\0';
	for (int i = rnd(r, 3); i > 0; i--)
		if (pick(st, r, "party", id) && !strstr(out, id))
			snprintf(out + strlen(out), len - strlen(out), "%s%s", out[0] ? "," : "", id);
}

/* The parties the random work created, with what they were created with:
 * every copy's history must give these back, however they changed since. */
#define BIRTHS_MAX 1024
struct birth {
	uuid_str id;
	char name[64], phone[32], offers[256];
};
struct births {
	struct birth b[BIRTHS_MAX];
	int n;
};

static void born(struct births *bs, const char *id, const struct field_value *fv)
{
	if (bs->n == BIRTHS_MAX)
		return;
	struct birth *b = &bs->b[bs->n++];
	snprintf(b->id, sizeof b->id, "%s", id);
	snprintf(b->name, sizeof b->name, "%s", fv[0].value);
	snprintf(b->offers, sizeof b->offers, "%s", fv[1].value);
	snprintf(b->phone, sizeof b->phone, "%s", fv[2].value ? fv[2].value : "");
}

static void random_op(struct store *st, struct prng *r, int k, struct births *bs)
{
	uuid_str id, a, b;
	char v[256];
	struct tsu_error err = {0};
	switch (rnd(r, 14)) {
	case 12: {
		struct field_value fv[] = {{"title", "エリアミーティング"}, {"area_id", "諏訪"}};
		assert_int_equal(store_insert(st, "event", fv, 2, id, &err), TSU_OK);
		break;
	}
	case 13:
		/* the same generation's count, added or changed on any copy */
		if (pick(st, r, "event", a)) {
			static const char *const gens[] = {"子ども", "若者", "現役・子育て", "シニア"};
			snprintf(v, sizeof v, "%u", rnd(r, 40));
			struct field_value fv[] = {{"event_id", a}, {"generation", gens[rnd(r, 4)]},
						   {"count", v}};
			if (store_insert(st, "attendance", fv, 3, id, &err) != TSU_OK)
				assert_int_equal(err.status, TSU_INVALID); /* there already */
		}
		break;
	case 0: case 1: {
		random_set(r, TAGS, 5, v, sizeof v);
		struct field_value fv[] = {{"name", NAMES[rnd(r, 5)]}, {"offers", v},
					   {"phone", rnd(r, 2) ? "042-000-1234" : NULL}};
		assert_int_equal(store_insert(st, "party", fv, 3, id, &err), TSU_OK);
		born(bs, id, fv);
		break;
	}
	case 2: {
		char parties[200];
		random_parties(st, r, parties, sizeof parties);
		struct field_value fv[] = {{"title", "見守り体制づくり"}, {"parties", parties},
					   {"area_id", "諏訪"}};
		assert_int_equal(store_insert(st, "task", fv, 3, id, &err), TSU_OK);
		break;
	}
	case 3:
		if (pick(st, r, "party", id)) {
			snprintf(v, sizeof v, "042-%03d-%04d", rnd(r, 1000), k);
			edit(st, "party", id, "phone", v);
		}
		break;
	case 4:
		if (pick(st, r, "party", id))
			edit(st, "party", id, "name", NAMES[rnd(r, 5)]);
		break;
	case 5:
		if (pick(st, r, "party", id)) {
			random_set(r, TAGS, 5, v, sizeof v);
			edit(st, "party", id, "offers", v);
		}
		break;
	case 6:
		if (pick(st, r, "task", id))
			edit(st, "task", id, "status", STATUSES[rnd(r, 4)]);
		break;
	case 7:
		if (pick(st, r, "task", id)) {
			random_parties(st, r, v, sizeof v);
			edit(st, "task", id, "parties", v);
		}
		break;
	case 8:
		if (pick(st, r, "party", id) && rnd(r, 2))
			assert_int_equal(store_delete(st, "party", id, NULL), TSU_OK);
		break;
	case 9:
		if (pick(st, r, "task", id))
			assert_int_equal(store_delete(st, "task", id, NULL), TSU_OK);
		break;
	case 10:
		if (pick(st, r, "party", a) && pick(st, r, "party", b)) {
			struct field_value fv[] = {{"person_id", a}, {"org_id", b}, {"role", "会長"}};
			assert_int_equal(store_insert(st, "membership", fv, 3, id, &err), TSU_OK);
		}
		break;
	default:
		if (pick(st, r, "membership", id))
			edit(st, "membership", id, "role", rnd(r, 2) ? "委員" : "世話人");
		break;
	}
}

/* Every user-visible table, every column, in id order. */
static char *dump(struct store *st)
{
	static const char *const sql[] = {
		"SELECT * FROM party ORDER BY id", "SELECT * FROM task ORDER BY id",
		"SELECT * FROM membership ORDER BY id", "SELECT * FROM area ORDER BY id",
		"SELECT * FROM event ORDER BY id", "SELECT * FROM attendance ORDER BY id",
		"SELECT * FROM offer ORDER BY 1, 2", "SELECT * FROM task_party ORDER BY 1, 2",
		"SELECT * FROM party_area ORDER BY 1, 2",
		/* both search indexes, each document by its row (each copy
		 * numbers its rows its own way): tasks' and log entries' under
		 * rowid * 2 (+ 1), the directory's by party */
		("SELECT 'task', t.id, i.grams FROM search_index i JOIN task t"
		 " ON t.rowid = i.rowid >> 1 WHERE i.rowid & 1 = 0"
		 " UNION ALL SELECT 'log', l.id, i.grams FROM search_index i JOIN log_entry l"
		 " ON l.rowid = i.rowid >> 1 WHERE i.rowid & 1"
		 " UNION ALL SELECT 'party', p.id, s.grams FROM search_party s"
		 " JOIN party p ON p.rowid = s.rowid ORDER BY 2"),
	};
	struct sbuf out = {0};
	for (size_t q = 0; q < sizeof sql / sizeof sql[0]; q++) {
		sqlite3_stmt *s;
		assert_int_equal(sqlite3_prepare_v2(st->db, sql[q], -1, &s, NULL), SQLITE_OK);
		while (sqlite3_step(s) == SQLITE_ROW) {
			for (int i = 0; i < sqlite3_column_count(s); i++) {
				const char *t = (const char *)sqlite3_column_text(s, i);
				sbuf_addf(&out, "%s|", t ? t : "NULL");
			}
			sbuf_addc(&out, '\n');
		}
		sqlite3_finalize(s);
		sbuf_add(&out, "--\n");
	}
	return sbuf_detach(&out);
}

static void print_problem(void *ud, const char *line)
{
	(void)ud;
	print_message("check: %s\n", line);
}

static void check_integrity(struct store *st)
{
	sqlite3_stmt *s;
	struct tsu_error err = {0};
	/* schema, counts kept by triggers against a fresh count, search index */
	assert_int_equal(store_check(st, print_problem, NULL, &err), TSU_OK);
	assert_int_equal(sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "ok");
	sqlite3_finalize(s);
	assert_int_equal(sqlite3_prepare_v2(st->db, "PRAGMA foreign_key_check", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
}

/* Every phone ever written in any copy is in this file's log: the current
 * value or a change that lost. */
static void check_values_kept(struct store *st, struct store *const *copies, int n)
{
	for (int c = 0; c < n; c++) {
		sqlite3_stmt *s, *q;
		assert_int_equal(sqlite3_prepare_v2(copies[c]->db, "SELECT row_id, new_value FROM"
			" changelog WHERE field = 'phone' AND new_value IS NOT NULL", -1, &s, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(st->db, "SELECT count(*) FROM changelog WHERE"
			" row_id = ?1 AND field = 'phone' AND new_value = ?2", -1, &q, NULL), SQLITE_OK);
		while (sqlite3_step(s) == SQLITE_ROW) {
			sqlite3_bind_value(q, 1, sqlite3_column_value(s, 0));
			sqlite3_bind_value(q, 2, sqlite3_column_value(s, 1));
			assert_int_equal(sqlite3_step(q), SQLITE_ROW);
			assert_int_equal(sqlite3_column_int(q, 0), 1);
			sqlite3_reset(q);
		}
		sqlite3_finalize(s);
		sqlite3_finalize(q);
	}
}

/* Random pairwise merges until a whole round of every ordered pair brings
 * nothing. */
static void merge_until_quiet(struct store **st, char paths[][512], int n, struct prng *r)
{
	for (int round = 0; round < 10; round++) {
		long moved = 0;
		for (int k = 0; k < n * n; k++) {
			int i = (int)rnd(r, (uint32_t)n), j = (int)rnd(r, (uint32_t)n);
			if (i != j)
				moved += merge(st[i], paths[j]);
		}
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++)
				if (i != j)
					moved += merge(st[i], paths[j]);
		if (moved == 0)
			return;
	}
	fail_msg("copies did not converge");
}

/* The fields of one creation as history gives them back. */
struct created_seen {
	char change_id[64];
	char name[64], phone[32], offers[256];
	bool in_creation;
};

static int creation_fields(void *ud, const struct history_row *h)
{
	struct created_seen *c = ud;
	if (strcmp(h->field, "_created") == 0) {
		snprintf(c->change_id, sizeof c->change_id, "%s", h->change_id);
		c->in_creation = true;
		return 0;
	}
	if (!c->in_creation || strcmp(h->change_id, c->change_id) != 0)
		return 1; /* past the creation */
	const char *v = h->new_value ? h->new_value : "";
	if (strcmp(h->field, "name") == 0)
		snprintf(c->name, sizeof c->name, "%s", v);
	else if (strcmp(h->field, "phone") == 0)
		snprintf(c->phone, sizeof c->phone, "%s", v);
	else if (strcmp(h->field, "offers") == 0)
		snprintf(c->offers, sizeof c->offers, "%s", v);
	return 0;
}

/* Whether two comma-joined sets hold the same elements. */
static bool same_set(const char *a, const char *b)
{
	int na = 0, nb = 0;
	for (int i = 0; i < 5; i++) {
		bool ia = strstr(a, TAGS[i]) != NULL, ib = strstr(b, TAGS[i]) != NULL;
		if (ia != ib)
			return false;
		na += ia;
		nb += ib;
	}
	return na == nb;
}

/* Every copy's history gives each party's creation as it was made, though
 * the party was edited, its offers changed, merged, or deleted since. */
static void check_births(struct store *const *copies, int n, const struct births *bs, int seed)
{
	for (int c = 0; c < n; c++)
		for (int i = 0; i < bs->n; i++) {
			const struct birth *b = &bs->b[i];
			struct created_seen seen = {0};
			assert_int_equal(store_history(copies[c], "party", b->id, creation_fields, &seen,
						       NULL), TSU_OK);
			if (strcmp(seen.name, b->name) != 0 || strcmp(seen.phone, b->phone) != 0 ||
			    !same_set(seen.offers, b->offers))
				fail_msg("seed %d copy %d: %s created as %s/%s/%s, history says %s/%s/%s",
					 seed, c, b->id, b->name, b->phone, b->offers, seen.name,
					 seen.phone, seen.offers);
		}
}

static void one_seed(int seed, int ops)
{
	char paths[3][512], name[64];
	struct births *bs = calloc(1, sizeof *bs);
	struct store *st[3];
	struct prng r = {.s = 0x9E3779B97F4A7C15ULL ^ (uint64_t)(seed + 1) * 0x100000001B3ULL};
	for (int i = 0; i < 3; i++) {
		snprintf(name, sizeof name, "prop-%d-%d.db", seed, i);
		fresh(paths[i], sizeof paths[i], name);
	}
	st[0] = open_db(paths[0], "事務所");
	for (int k = 0; k < 20; k++)
		random_op(st[0], &r, k, bs);
	store_close(st[0]);
	for (int i = 1; i < 3; i++)
		copy_file(paths[0], paths[i]);
	static const char *const who[] = {"事務所", "ノートA", "ノートB"};
	for (int i = 0; i < 3; i++)
		st[i] = open_db(paths[i], who[i]);
	/* two rounds of work apart, then merging, in random interleavings */
	for (int phase = 0; phase < 2; phase++) {
		for (int k = 0; k < ops / 2; k++) {
			int i = (int)rnd(&r, 3);
			assert_int_equal(store_begin(st[i], NULL), TSU_OK);
			random_op(st[i], &r, k + phase * ops, bs);
			assert_int_equal(store_commit(st[i], NULL), TSU_OK);
		}
		for (int k = (int)rnd(&r, 3); k > 0; k--) {
			int i = (int)rnd(&r, 3), j = (int)rnd(&r, 3);
			if (i != j)
				merge(st[i], paths[j]);
		}
	}
	merge_until_quiet(st, paths, 3, &r);
	char *d0 = dump(st[0]);
	for (int i = 0; i < 3; i++) {
		char *di = dump(st[i]);
		if (strcmp(d0, di) != 0) {
			char dp[512];
			FILE *f = fopen(test_path(dp, sizeof dp, "diverged-0.txt"), "w");
			fputs(d0, f);
			fclose(f);
			f = fopen(test_path(dp, sizeof dp, "diverged-n.txt"), "w");
			fputs(di, f);
			fclose(f);
			fail_msg("seed %d: copy %d differs from copy 0 (dumps in %s)", seed, i, dp);
		}
		free(di);
		check_integrity(st[i]);
		assert_int_equal(merge(st[i], paths[(i + 1) % 3]), 0); /* again: nothing */
		assert_int_equal(merge(st[i], paths[i]), 0);          /* itself: nothing */
	}
	check_values_kept(st[0], st, 3);
	check_births(st, 3, bs, seed);
	free(bs);
	char *again = dump(st[0]);
	assert_string_equal(d0, again);
	free(again);
	free(d0);
	char replicas[3][64];
	for (int i = 0; i < 3; i++) {
		snprintf(replicas[i], sizeof replicas[i], "%s", st[i]->replica);
		store_close(st[i]);
		unlink(paths[i]);
	}
	(void)replicas;
}

static void three_copies_converge_in_any_order(void **state)
{
	const char *env = getenv("TSUNAGU_MERGE_SEEDS");
	int seeds = env ? atoi(env) : SEEDS_DEFAULT;
	for (int seed = 0; seed < seeds; seed++)
		one_seed(seed, OPS_PER_COPY * 3);
}

/* A copied file mints its own replica id before its first change. */
static void copied_file_gets_its_own_replica(void **state)
{
	char a[512], b[512];
	uuid_str p;
	three_files(a, b, "replica", p);
	struct store *sa = open_db(a, "山田 太郎"), *sb = open_db(b, "佐藤 花子");
	edit(sa, "party", p, "notes", "A");
	edit(sb, "party", p, "notes", "B");
	assert_true(uuid_valid(sa->replica) || sa->replica[0] == '\0');
	sqlite3_stmt *s;
	char ra[64] = "", rb[64] = "";
	struct store *both[] = {sa, sb};
	char *out[] = {ra, rb};
	for (int i = 0; i < 2; i++) {
		assert_int_equal(sqlite3_prepare_v2(both[i]->db, "SELECT replica FROM changelog"
			" WHERE field = 'notes'", -1, &s, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		snprintf(out[i], 64, "%s", (const char *)sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
	}
	assert_true(uuid_valid(ra));
	assert_true(uuid_valid(rb));
	assert_string_not_equal(ra, rb);
	store_close(sa);
	store_close(sb);
}

/* Copies bytes over `to` in place (same inode), as `cp` onto an existing
 * file does: a restore from a backup that copy detection cannot see. */
static void overwrite_in_place(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "r+b");
	char buf[65536];
	size_t n;
	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	assert_int_equal(ftruncate(fileno(out), ftell(out)), 0);
	fclose(in);
	fclose(out);
}

/* A file restored from a backup and written again writes under its old
 * replica id, with stamps the other copy has already seen from that
 * replica: the merge notices the difference and compares every change. */
static void restored_file_is_merged_in_full(void **state)
{
	char a[512], b[512], bak[512];
	uuid_str p;
	three_files(a, b, "restore", p);
	test_path(bak, sizeof bak, "restore-a-backup.db");
	setenv("TSUNAGU_NOW", "2026-05-01T09:00:00", 1);
	struct store *sa = open_db(a, "山田 太郎");
	edit(sa, "party", p, "notes", "九時");
	store_close(sa);
	copy_file(a, bak);
	setenv("TSUNAGU_NOW", "2026-05-01T10:00:00", 1);
	sa = open_db(a, "山田 太郎");
	edit(sa, "party", p, "notes", "十時");
	edit(sa, "party", p, "name", "十時の名前");
	store_close(sa);
	struct store *sb = open_db(b, "佐藤 花子");
	assert_true(merge(sb, a) > 0);
	store_close(sb);
	overwrite_in_place(bak, a);
	setenv("TSUNAGU_NOW", "2026-05-01T09:30:00", 1);
	sa = open_db(a, "山田 太郎");
	edit(sa, "party", p, "phone", "042-930-0930");
	store_close(sa);
	unsetenv("TSUNAGU_NOW");
	sb = open_db(b, "佐藤 花子");
	assert_true(merge(sb, a) > 0);
	char *v = field_of(sb, "party", p, "phone");
	assert_string_equal(v, "042-930-0930"); /* not skipped */
	free(v);
	store_close(sb);
}

/* OTHER is never written; a file that is not ours is refused (exit 3). */
static void other_file_is_read_only_and_checked(void **state)
{
	char a[512], b[512], junk[512];
	uuid_str p;
	three_files(a, b, "ro", p);
	struct store *sb = open_db(b, "佐藤 花子");
	edit(sb, "party", p, "notes", "B");
	store_close(sb);
	struct stat before, after;
	stat(b, &before);
	chmod(b, 0400);
	struct store *sa = open_db(a, "山田 太郎");
	assert_true(merge(sa, b) > 0);
	chmod(b, 0600);
	stat(b, &after);
	assert_int_equal(before.st_mtime, after.st_mtime);
	assert_int_equal(before.st_size, after.st_size);
	fresh(junk, sizeof junk, "ro-junk.db");
	FILE *f = fopen(junk, "w");
	fputs("住所録,電話\n山田,042\n", f);
	fclose(f);
	struct merge_summary sum;
	struct tsu_error err = {0};
	enum tsu_status rc = store_merge(sa, junk, false, &sum, &err);
	assert_int_equal(tsu_status_exit_code(rc), 3);
	store_close(sa);
}

int main(void)
{
	/* thousands of small commits: on tmpfs the test measures merging, not fsync */
	if (!getenv("TMPDIR") && access("/dev/shm", W_OK) == 0)
		setenv("TMPDIR", "/dev/shm", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(clock_absorbs_stamps_of_a_clock_ahead),
		cmocka_unit_test(sets_merge_by_element),
		cmocka_unit_test(edit_against_delete_resolves_the_same_both_ways),
		cmocka_unit_test(field_conflict_is_listed_with_both_values),
		cmocka_unit_test(copied_file_gets_its_own_replica),
		cmocka_unit_test(other_file_is_read_only_and_checked),
		cmocka_unit_test(restored_file_is_merged_in_full),
		cmocka_unit_test(three_copies_converge_in_any_order),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	if (!failed)
		test_cleanup(); /* kept when something failed, to look at */
	return failed;
}
