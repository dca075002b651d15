/*
 * The hot queries keep their plans (issue 13): what the app runs for its
 * first frame and for every keystroke of a search — the areas with their
 * counts, each board column (count and page, with and without an area),
 * 私の担当, the directory (count and page, by area, searched) — is caught
 * as it runs on a demo file, and SQLite's EXPLAIN QUERY PLAN of each must
 * not read a big table from end to end, nor sort a list that an index
 * could give in order.  A city's file has 100,000 parties and tasks and a
 * million log entries: one such plan is the difference between 17 ms and
 * seconds (scripts/bench).  And a search as you type gives way to the
 * next key (store_yield_to) instead of finishing a result already out of
 * date.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>
#include "tsunagu/duplicates.h"
#include "tsunagu/list.h"
#include "tsunagu/record.h"
#include "tsunagu/store.h"
#include "test_util.h"
#include "../../src/store/internal.h"

/* Tables that grow with the city; scanning one of them is a bug. */
static const char *const big[] = {
	"party", "task", "log_entry", "changelog", "party_area", "offer",
	"membership", "task_party", "task_need", "event", "attendance", NULL,
};

struct caught {
	char *sql[256];
	int n;
};

static int catch_sql(unsigned type, void *ud, void *p, void *x)
{
	struct caught *c = ud;
	(void)type;
	(void)x;
	char *sql = sqlite3_expanded_sql(p);
	if (sql && c->n < 256 && strncmp(sql, "SELECT", 6) == 0)
		c->sql[c->n++] = strdup(sql);
	sqlite3_free(sql);
	return 0;
}

/* "SCAN party ..." / "SEARCH t USING ...": a big table (or its alias). */
static bool reads_big(const char *detail)
{
	const char *name = strchr(detail, ' ') + 1;
	size_t n = strcspn(name, " ");
	static const char *const aliases[] = {"p", "t", "l", "m", "o", "x", "pa", "d", "e", NULL};
	for (int i = 0; big[i]; i++)
		if (strlen(big[i]) == n && strncmp(name, big[i], n) == 0)
			return true;
	for (int i = 0; aliases[i]; i++)
		if (strlen(aliases[i]) == n && strncmp(name, aliases[i], n) == 0)
			return true;
	return false;
}

/* "SCAN t" or "SCAN party" (no index): a big table is read whole. */
static bool full_scan(const char *detail)
{
	return strncmp(detail, "SCAN ", 5) == 0 && !strstr(detail, "USING") && reads_big(detail);
}

/* A page is chosen first, in a subquery, and its few rows are then
 * given their costly columns: scanning and sorting that subquery's rows
 * (a co-routine of at most a page) is fine. */
static bool is_page(char pages[][32], int npages, const char *detail)
{
	for (int i = 0; i < npages; i++)
		if (strncmp(detail, "SCAN ", 5) == 0 && strcmp(detail + 5, pages[i]) == 0)
			return true;
	return false;
}

static int bad_plans(sqlite3 *db, const char *sql, bool searched)
{
	char *q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *s;
	char pages[8][32];
	int npages = 0, bad = 0;
	bool top_is_page = false, top_big = false;
	assert_int_equal(sqlite3_prepare_v2(db, q, -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		int parent = sqlite3_column_int(s, 1);
		const char *d = (const char *)sqlite3_column_text(s, 3);
		if ((strncmp(d, "CO-ROUTINE ", 11) == 0 || strncmp(d, "MATERIALIZE ", 12) == 0) && npages < 8)
			snprintf(pages[npages++], 32, "%s", strchr(d, ' ') + 1);
		if (is_page(pages, npages, d)) {
			top_is_page |= parent == 0;
			continue;
		}
		bool scan = full_scan(d);
		if (parent == 0 && (strncmp(d, "SCAN ", 5) == 0 || strncmp(d, "SEARCH ", 7) == 0))
			top_big |= reads_big(d);
		/* the matches of a search are sorted: as many as it finds; and
		 * a few rows (the areas, a page) may be */
		bool sorts = strstr(d, "USE TEMP B-TREE FOR ORDER BY") && !searched &&
			     !(parent == 0 && (top_is_page || !top_big));
		if (scan || sorts) {
			print_message("bad plan (%s) of: %.300s\n", d, sql);
			bad++;
		}
	}
	sqlite3_finalize(s);
	sqlite3_free(q);
	return bad;
}

/* `check` reads every row, as it must; but what it counts must not be
 * sorted one row at a time in a temporary B-tree: that holds every live
 * task (or party) in memory at once, +10 MB on a city's file, which took
 * check past the 32 MB of issue 13.  Sorting a few groups (already
 * counted from an index in their order) is fine: a temporary B-tree for
 * GROUP BY or DISTINCT beside a read of a big table is caught. */
static int sorts_big_groups(sqlite3 *db, const char *sql)
{
	char *q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *s;
	int parent[128], n = 0, bad = 0;
	char *detail[128];
	assert_int_equal(sqlite3_prepare_v2(db, q, -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW && n < 128) {
		parent[n] = sqlite3_column_int(s, 1);
		detail[n++] = strdup((const char *)sqlite3_column_text(s, 3));
	}
	for (int i = 0; i < n; i++) {
		if (!strstr(detail[i], "USE TEMP B-TREE FOR GROUP BY") &&
		    !strstr(detail[i], "USE TEMP B-TREE FOR DISTINCT"))
			continue;
		for (int j = 0; j < n; j++)
			if (parent[j] == parent[i] && (strncmp(detail[j], "SCAN ", 5) == 0 ||
						       strncmp(detail[j], "SEARCH ", 7) == 0) &&
			    reads_big(detail[j])) {
				print_message("sorts every row (%s) of: %.300s\n", detail[j], sql);
				bad++;
				break;
			}
	}
	for (int i = 0; i < n; i++)
		free(detail[i]);
	sqlite3_finalize(s);
	sqlite3_free(q);
	return bad;
}

static int on_row(void *ud, int n, const char *const *vals)
{
	(void)ud;
	(void)n;
	(void)vals;
	return 0;
}

/* The bad plans among the statements caught (at least `least` of them). */
static int judge(struct store *st, struct caught *c, int least, bool searched)
{
	assert_true(c->n >= least);
	int bad = 0;
	for (int i = 0; i < c->n; i++) {
		bad += bad_plans(st->db, c->sql[i], searched);
		free(c->sql[i]);
	}
	return bad;
}

/* Runs one list (a page and its count) and checks what it ran. */
static int check_list(struct store *st, enum list_kind kind, struct list_query q)
{
	struct caught c = {0};
	long count;
	sqlite3_trace_v2(st->db, SQLITE_TRACE_STMT, catch_sql, &c);
	assert_int_equal(store_list(st, kind, &q, on_row, NULL, NULL), TSU_OK);
	assert_int_equal(store_list_count(st, kind, &q, &count, NULL), TSU_OK);
	sqlite3_trace_v2(st->db, 0, NULL, NULL);
	return judge(st, &c, 2, q.search != NULL);
}

/* The first column of the first row of a query. */
static char *text_of(struct store *st, const char *sql)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(st->db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	char *v = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return v;
}

static char *an_area(struct store *st)
{
	return text_of(st, "SELECT id FROM area WHERE name = '諏訪中学区'");
}

/* A new demo file of scale 1, open. */
static struct store *demo_file(const char *name)
{
	char path[512];
	struct store *st;
	test_path(path, sizeof path, name);
	unlink(path);
	assert_int_equal(store_open(path, STORE_OPEN_CREATE, &st, NULL), TSU_OK);
	store_set_author(st, "山田 花子");
	assert_int_equal(store_demo(st, 1, NULL), TSU_OK);
	return st;
}

static void hot_queries_use_their_indexes(void **state)
{
	(void)state;
	struct store *st = demo_file("plans.db");
	char *area = an_area(st);
	static const char *const statuses[] = {"未着手", "対応中", "保留", "完了"};
	int bad = check_list(st, LIST_AREAS, (struct list_query){0});
	for (int i = 0; i < 4; i++) {
		bad += check_list(st, LIST_TASKS, (struct list_query){.status = statuses[i], .limit = 30});
		bad += check_list(st, LIST_TASKS,
				  (struct list_query){.status = statuses[i], .area_id = area, .limit = 30});
	}
	bad += check_list(st, LIST_MINE, (struct list_query){.limit = 30});
	bad += check_list(st, LIST_PARTIES, (struct list_query){.limit = 40});
	bad += check_list(st, LIST_PARTIES, (struct list_query){.area_id = area, .limit = 40});
	/* デ finds every party (its notes): its page walks the order */
	static const char *const searches[] = {"山", "やま", "ｽｽﾞｷ", "見守り", "デ", NULL};
	for (int i = 0; searches[i]; i++) {
		bad += check_list(st, LIST_PARTIES, (struct list_query){.search = searches[i], .limit = 40});
		bad += check_list(st, LIST_PARTIES,
				  (struct list_query){.search = searches[i], .area_id = area, .limit = 40});
	}
	/* a task is found by its document and its log entries': the index's
	 * matches are taken to their rows by rowid (search.c), so neither
	 * the tasks nor the log entries are read whole */
	for (int i = 0; searches[i]; i++) {
		bad += check_list(st, LIST_TASKS, (struct list_query){.search = searches[i], .limit = 30});
		bad += check_list(st, LIST_TASKS, (struct list_query){.search = searches[i],
				  .status = statuses[i % 4], .area_id = area, .limit = 30});
		bad += check_list(st, LIST_MINE, (struct list_query){.search = searches[i], .limit = 30});
	}
	bad += check_list(st, LIST_EVENTS, (struct list_query){.area_id = area, .limit = 30});
	assert_int_equal(bad, 0);
	free(area);
	store_close(st);
}

static int on_related(void *ud, int n, const char *const *names, const char *const *vals)
{
	(void)ud;
	(void)n;
	(void)names;
	(void)vals;
	return 0;
}

/* One row's detail relation, and what it ran. */
static int check_related(struct store *st, const char *entity, const char *id,
			 const char *relation)
{
	struct caught c = {0};
	sqlite3_trace_v2(st->db, SQLITE_TRACE_STMT, catch_sql, &c);
	assert_int_equal(store_related(st, entity, id, relation, on_related, NULL, NULL), TSU_OK);
	sqlite3_trace_v2(st->db, 0, NULL, NULL);
	return judge(st, &c, 1, false);
}

/* A detail view's log entries are read through the index of their owner
 * (from schema 15 those by party and by area hold only the entries that
 * have one), never by reading every entry: a city's file has a million. */
static void detail_logs_use_their_owners_index(void **state)
{
	(void)state;
	struct store *st = demo_file("plans-logs.db");
	char *area = an_area(st);
	char *party = text_of(st, "SELECT id FROM party WHERE deleted_at IS NULL LIMIT 1");
	char *task = text_of(st, "SELECT id FROM task WHERE deleted_at IS NULL LIMIT 1");
	int bad = check_related(st, "area", area, "logs") + check_related(st, "party", party, "logs") +
		  check_related(st, "task", task, "logs");
	assert_int_equal(bad, 0);
	/* without the index, the same query reads every entry: caught */
	assert_int_equal(sqlite3_exec(st->db, "DROP INDEX log_party", NULL, NULL, NULL), SQLITE_OK);
	assert_true(check_related(st, "party", party, "logs") > 0);
	free(area);
	free(party);
	free(task);
	store_close(st);
}

/* The guard can fail: a board column sorted by something no index gives,
 * and a count that must read every task, are both caught. */
static void a_scan_and_a_sort_are_caught(void **state)
{
	(void)state;
	char path[512];
	struct store *st;
	test_path(path, sizeof path, "plans-bad.db");
	unlink(path);
	assert_int_equal(store_open(path, STORE_OPEN_CREATE, &st, NULL), TSU_OK);
	assert_int_equal(bad_plans(st->db, "SELECT id FROM task t WHERE t.deleted_at IS NULL"
				   " AND t.status = '未着手' ORDER BY t.title LIMIT 30", false), 1);
	assert_int_equal(bad_plans(st->db, "SELECT count(*) FROM log_entry WHERE text LIKE '%見守り%'",
				   false), 1);
	assert_int_equal(bad_plans(st->db, "SELECT id FROM task t WHERE t.deleted_at IS NULL"
				   " AND t.status = '未着手' ORDER BY t.due IS NULL, t.due, t.id LIMIT 30",
				   false), 0);
	assert_int_equal(sorts_big_groups(st->db, "SELECT coalesce(area_id, ''), status, count(*)"
					  " FROM task WHERE deleted_at IS NULL GROUP BY 1, 2"), 1);
	assert_int_equal(sorts_big_groups(st->db, "SELECT coalesce(area_id, ''), status, sum(n) FROM"
					  " (SELECT area_id, status, count(*) AS n FROM task"
					  " WHERE deleted_at IS NULL GROUP BY area_id, status) GROUP BY 1, 2"), 0);
	store_close(st);
}

static void ignore_problem(void *ud, const char *line)
{
	(void)line;
	++*(int *)ud;
}

/* Every count `check` makes on a demo file groups without sorting the
 * rows of a big table (sorts_big_groups), and the file is found sound. */
static void check_counts_without_sorting_every_row(void **state)
{
	(void)state;
	struct store *st = demo_file("check.db");
	struct caught c = {0};
	int problems = 0, bad = 0;
	sqlite3_trace_v2(st->db, SQLITE_TRACE_STMT, catch_sql, &c);
	assert_int_equal(store_check(st, ignore_problem, &problems, NULL), TSU_OK);
	sqlite3_trace_v2(st->db, 0, NULL, NULL);
	assert_int_equal(problems, 0);
	assert_true(c.n >= 3); /* the search documents and the two tallies */
	for (int i = 0; i < c.n; i++) {
		bad += sorts_big_groups(st->db, c.sql[i]);
		free(c.sql[i]);
	}
	assert_int_equal(bad, 0);
	store_close(st);
}

static int key_waiting(void *ud)
{
	return *(int *)ud;
}

/* With a key waiting, a search stops at once (TSU_INTERRUPTED) and holds
 * nothing; with none, or once the hook is gone, it answers in full. */
static void a_search_gives_way_to_the_next_key(void **state)
{
	(void)state;
	char path[512];
	struct store *st;
	test_path(path, sizeof path, "yield.db");
	unlink(path);
	assert_int_equal(store_open(path, STORE_OPEN_CREATE, &st, NULL), TSU_OK);
	assert_int_equal(store_demo(st, 3, NULL), TSU_OK);
	struct list_query q = {.search = "デモ"};   /* every party's notes */
	struct tsu_error err = {0};
	long all = 0, n = -1;
	assert_int_equal(store_list_count(st, LIST_PARTIES, &q, &all, NULL), TSU_OK);
	assert_true(all > 0);
	int waiting = 1;
	store_yield_to(st, key_waiting, &waiting);
	q.search = "モ用";   /* the next key: a count not asked before */
	assert_int_equal(store_list_count(st, LIST_PARTIES, &q, &n, &err), TSU_INTERRUPTED);
	assert_non_null(strstr(err.msg, "中断"));
	q.limit = 40;
	assert_int_equal(store_list(st, LIST_PARTIES, &q, on_row, NULL, NULL), TSU_INTERRUPTED);
	waiting = 0;
	assert_int_equal(store_list_count(st, LIST_PARTIES, &q, &n, NULL), TSU_OK);
	assert_int_equal(n, all);
	waiting = 1;
	store_yield_to(st, NULL, NULL);
	assert_int_equal(store_list_count(st, LIST_PARTIES, &q, &n, NULL), TSU_OK);
	assert_int_equal(n, all);
	store_close(st);
}

/* The plan of the duplicate finder's pairs, judged as it runs (its table
 * of keys is temporary): each party is met with the parties sharing one
 * of its keys, through that key's index, not with every party of its kind
 * (SQLite's AUTOMATIC index on kind, or a SCAN: 33 s for 18,000 parties,
 * minutes for a city's). */
struct pair_plans {
	int seen, bad;
};

static int judge_pairs(unsigned type, void *ud, void *p, void *x)
{
	struct pair_plans *pp = ud;
	(void)type;
	(void)x;
	const char *sql = sqlite3_sql(p);
	if (!sql || !strstr(sql, "FROM dup_key a JOIN dup_key b"))
		return 0;
	pp->seen++;
	char *q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(sqlite3_db_handle(p), q, -1, &s, NULL) == SQLITE_OK) {
		while (sqlite3_step(s) == SQLITE_ROW) {
			const char *d = (const char *)sqlite3_column_text(s, 3);
			if (strstr(d, "AUTOMATIC") || strncmp(d, "SCAN b", 6) == 0) {
				print_message("bad plan (%s) of the duplicate pairs\n", d);
				pp->bad++;
			}
		}
		sqlite3_finalize(s);
	}
	sqlite3_free(q);
	return 0;
}

static int no_pair(void *ud, const struct dup_pair *p)
{
	(void)p;
	++*(int *)ud;
	return 0;
}

static void duplicates_pair_through_the_key_indexes(void **state)
{
	(void)state;
	struct store *st = demo_file("plans-dups.db");
	struct pair_plans pp = {0};
	int pairs = 0;
	sqlite3_trace_v2(st->db, SQLITE_TRACE_STMT, judge_pairs, &pp);
	assert_int_equal(store_duplicates(st, no_pair, &pairs, NULL), TSU_OK);
	sqlite3_trace_v2(st->db, 0, NULL, NULL);
	assert_true(pp.seen >= 1);
	assert_int_equal(pp.bad, 0);
	store_close(st);
}

/* Whether any line of the plan of sql holds `needle`. */
static bool plan_has(sqlite3 *db, const char *sql, const char *needle)
{
	char *q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *s;
	bool has = false;
	assert_int_equal(sqlite3_prepare_v2(db, q, -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW)
		has |= strstr((const char *)sqlite3_column_text(s, 3), needle) != NULL;
	sqlite3_finalize(s);
	sqlite3_free(q);
	return has;
}

struct walk {
	int rows;
	const char *person; /* every row must be this person's */
};

static int count_row(void *ud, const struct record *r)
{
	struct walk *w = ud;
	if (w->person)
		assert_string_equal(record_get(r, "person_id"), w->person);
	w->rows++;
	return 0;
}

/* The 地域カルテ's walks: an area's parties (its key groups and persons)
 * and each key person's roles.  The area's parties were chosen by a
 * subquery that named the party's deleted_at, so SQLite ran it again for
 * every party; and each key person's roles were looked for among every
 * membership of the file (the karte of one area of a city's file did not
 * end in minutes).  Now one subquery, and the person's roles through
 * membership_person. */
static void karte_walks_use_their_indexes(void **state)
{
	(void)state;
	struct store *st = demo_file("plans-karte.db");
	char *area = an_area(st);
	char *person = text_of(st, "SELECT person_id FROM membership WHERE deleted_at IS NULL"
				   " GROUP BY person_id ORDER BY count(*) DESC LIMIT 1");
	struct caught c = {0};
	struct walk parties = {0}, roles = {0, person};
	sqlite3_trace_v2(st->db, SQLITE_TRACE_STMT, catch_sql, &c);
	assert_int_equal(store_each(st, "party", area, count_row, &parties, NULL), TSU_OK);
	assert_int_equal(store_each_of(st, "membership", "person_id", person, count_row, &roles,
				       NULL), TSU_OK);
	sqlite3_trace_v2(st->db, 0, NULL, NULL);
	/* the walk of the parties runs first; the roles' is the one of
	 * memberships (each record read runs its own look-ups besides) */
	int walk = -1;
	for (int i = c.n - 1; i >= 0; i--)
		if (strstr(c.sql[i], "FROM membership WHERE"))
			walk = i;
	assert_true(c.n >= 2 && walk > 0);
	assert_false(plan_has(st->db, c.sql[0], "CORRELATED"));
	assert_true(plan_has(st->db, c.sql[walk], "USING INDEX membership_person"));
	for (int i = 0; i < c.n; i++)
		free(c.sql[i]);
	/* and the same rows as a count by SQL */
	char *want = text_of(st, "SELECT count(*) FROM party p WHERE p.deleted_at IS NULL AND p.id IN"
				 " (SELECT party_id FROM party_area WHERE area_id ="
				 " (SELECT id FROM area WHERE name = '諏訪中学区'))");
	assert_int_equal(parties.rows, atoi(want));
	free(want);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(st->db, "SELECT count(*) FROM membership WHERE person_id = ?1"
					    " AND deleted_at IS NULL", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, person, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_true(roles.rows >= 2);
	assert_int_equal(roles.rows, sqlite3_column_int(s, 0));
	sqlite3_finalize(s);
	struct tsu_error err = {0};
	assert_int_equal(store_each_of(st, "party", "offers", "見守り", count_row, &parties, &err),
			 TSU_INVALID);
	free(area);
	free(person);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hot_queries_use_their_indexes),
		cmocka_unit_test(a_scan_and_a_sort_are_caught),
		cmocka_unit_test(detail_logs_use_their_owners_index),
		cmocka_unit_test(a_search_gives_way_to_the_next_key),
		cmocka_unit_test(check_counts_without_sorting_every_row),
		cmocka_unit_test(duplicates_pair_through_the_key_indexes),
		cmocka_unit_test(karte_walks_use_their_indexes),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	test_cleanup();
	return rc;
}
