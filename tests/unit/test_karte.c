/*
 * The 地域カルテ and heatmap store modules (karte.h, heatmap.h): figures
 * from districts (only those with both numbers count for the rate), the
 * order of items (sort first, then as made), moving an item within its
 * section at the edges and in the middle, the heatmap's rows for districts
 * without residents or figures, and the bar arithmetic.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <unistd.h>
#include <cmocka.h>
#include "tsunagu/heatmap.h"
#include "tsunagu/karte.h"
#include "tsunagu/record.h"
#include "test_util.h"

struct fixture {
	struct store *st;
	uuid_str suwa, item_a, item_b, item_c;
};

static void set_district(struct store *st, const char *name, const char *pop, const char *old)
{
	uuid_str id;
	struct tsu_error err = {0};
	struct field_value fv[] = {{"population", pop}, {"population_65", old}};
	assert_int_equal(store_resolve(st, "district", name, id, &err), TSU_OK);
	if (store_update(st, "district", id, fv, 2, &err) != TSU_OK)
		fail_msg("district %s: %s", name, err.msg);
}

static void add_item(struct store *st, const char *when, const char *area, const char *section,
		     const char *title, const char *sort, uuid_str id)
{
	struct tsu_error err = {0};
	struct field_value fv[] = {{"area_id", area}, {"section", section}, {"title", title},
				   {"sort", sort}};
	setenv("TSUNAGU_NOW", when, 1);
	if (store_insert(st, "karte", fv, 4, id, &err) != TSU_OK)
		fail_msg("karte item %s: %s", title, err.msg);
}

static int setup(void **state)
{
	static int n;
	char path[512], name[64];
	struct fixture *f = calloc(1, sizeof *f);
	uuid_str other;
	snprintf(name, sizeof name, "karte-%d.db", n++);
	test_path(path, sizeof path, name);
	unlink(path);
	setenv("TSUNAGU_NOW", "2025-01-01T00:00:00", 1);
	assert_int_equal(store_open(path, STORE_OPEN_CREATE, &f->st, NULL), TSU_OK);
	store_set_author(f->st, "山田 太郎");
	assert_int_equal(store_resolve(f->st, "area", "諏訪", f->suwa, NULL), TSU_OK);
	set_district(f->st, "諏訪1丁目", "1000", "324");
	set_district(f->st, "諏訪2丁目", "2000", "400");
	set_district(f->st, "諏訪3丁目", "800", NULL);  /* no 65+ figure */
	set_district(f->st, "諏訪6丁目", "0", "0");     /* no residents */
	set_district(f->st, "桜ヶ丘3丁目", "1500", "300");
	add_item(f->st, "2025-01-02T00:00:00", f->suwa, "地域資源", "見守り隊", NULL, f->item_a);
	add_item(f->st, "2025-01-03T00:00:00", f->suwa, "地域資源", "スマホ教室", NULL, f->item_b);
	add_item(f->st, "2025-01-04T00:00:00", f->suwa, "地域資源", "子ども食堂", "1", f->item_c);
	add_item(f->st, "2025-01-05T00:00:00", f->suwa, "課題", "担い手不足", NULL, other);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	store_close(f->st);
	free(f);
	unsetenv("TSUNAGU_NOW");
	return 0;
}

static void figures(void **state)
{
	struct fixture *f = *state;
	struct karte_basics b;
	assert_int_equal(store_karte_basics(f->st, f->suwa, &b, NULL), TSU_OK);
	assert_int_equal(b.districts, 11);
	assert_int_equal(b.counted, 3);          /* 1, 2 and 6丁目 */
	assert_int_equal(b.population, 3000);
	assert_int_equal(b.population_65, 724);
	assert_true(b.has_rate);
	assert_true(b.rate > 24.13 && b.rate < 24.14);
	assert_int_equal(store_karte_basics(f->st, NULL, &b, NULL), TSU_OK);
	assert_int_equal(b.population, 4500);   /* the city: 1024 / 4500 */
	assert_true(b.rate > 22.75 && b.rate < 22.76);
}

struct titles {
	char s[256];
};

static int title_cb(void *ud, const struct karte_item *it)
{
	struct titles *t = ud;
	size_t n = strlen(t->s);
	snprintf(t->s + n, sizeof t->s - n, "%s%s", n ? "|" : "", it->title);
	return 0;
}

static const char *order(struct fixture *f, const char *section, struct titles *t)
{
	t->s[0] = '\0';
	assert_int_equal(store_karte_items(f->st, f->suwa, section, title_cb, t, NULL), TSU_OK);
	return t->s;
}

static void move(struct fixture *f, const char *id, int dir, bool want)
{
	bool moved = !want;
	struct tsu_error err = {0};
	assert_int_equal(store_begin(f->st, &err), TSU_OK);
	assert_int_equal(store_karte_move(f->st, id, dir, &moved, &err), TSU_OK);
	assert_int_equal(store_commit(f->st, &err), TSU_OK);
	assert_int_equal(moved, want);
}

static void items_in_order(void **state)
{
	struct fixture *f = *state;
	struct titles t;
	/* numbered first, the others as made */
	assert_string_equal(order(f, "地域資源", &t), "子ども食堂|見守り隊|スマホ教室");
	assert_string_equal(order(f, NULL, &t), "子ども食堂|見守り隊|スマホ教室|担い手不足");
	move(f, f->item_c, -1, false);           /* already first */
	move(f, f->item_b, 1, false);            /* already last */
	move(f, f->item_b, -1, true);
	assert_string_equal(order(f, "地域資源", &t), "子ども食堂|スマホ教室|見守り隊");
	move(f, f->item_c, 1, true);
	assert_string_equal(order(f, "地域資源", &t), "スマホ教室|子ども食堂|見守り隊");
	assert_string_equal(order(f, "課題", &t), "担い手不足");
	struct record *r = NULL;
	assert_int_equal(store_get(f->st, "karte", f->item_a, false, &r, NULL), TSU_OK);
	assert_string_equal(record_get(r, "sort"), "3");   /* the section numbered */
	record_free(r);
	assert_int_equal(store_karte_next_sort(f->st, f->suwa, "地域資源"), 4);
	assert_int_equal(store_karte_next_sort(f->st, f->suwa, "ビジョン"), 1);
}

struct heat_seen {
	int n;
	char rows[16][96];
};

static int heat_cb(void *ud, const struct heat_row *r)
{
	struct heat_seen *h = ud;
	if (h->n < 16)
		snprintf(h->rows[h->n++], sizeof h->rows[0], "%s %d%d %.1f", r->district,
			 r->has_figures, r->has_rate, r->rate);
	return 0;
}

static void heat_rows(void **state)
{
	struct fixture *f = *state;
	struct heat_seen h = {0};
	assert_int_equal(store_heatmap(f->st, f->suwa, true, heat_cb, &h, NULL), TSU_OK);
	assert_int_equal(h.n, 11);
	assert_string_equal(h.rows[0], "諏訪1丁目 11 32.4");
	assert_string_equal(h.rows[1], "諏訪2丁目 11 20.0");
	assert_string_equal(h.rows[2], "諏訪3丁目 00 0.0");    /* no rate: district order */
	assert_string_equal(h.rows[5], "諏訪6丁目 10 0.0");    /* no residents */
	memset(&h, 0, sizeof h);
	assert_int_equal(store_heatmap(f->st, NULL, false, heat_cb, &h, NULL), TSU_OK);
	assert_true(h.n >= 12);
}

static void bars(void **state)
{
	(void)state;
	assert_true(heatmap_scale(0) == 10);
	assert_true(heatmap_scale(37.3) == 40);
	assert_true(heatmap_scale(40) == 40);
	assert_int_equal(heatmap_cells(20, 40, 30), 15);
	assert_int_equal(heatmap_cells(0.1, 40, 30), 1);
	assert_int_equal(heatmap_cells(0, 40, 30), 0);
	assert_int_equal(heatmap_cells(90, 40, 30), 30);
	assert_string_equal(heatmap_shade(20, 25.5), "░");
	assert_string_equal(heatmap_shade(25, 25.5), "▒");
	assert_string_equal(heatmap_shade(25.5, 25.5), "▓");
	assert_string_equal(heatmap_shade(32.4, 25.5), "█");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(figures, setup, teardown),
		cmocka_unit_test_setup_teardown(items_in_order, setup, teardown),
		cmocka_unit_test_setup_teardown(heat_rows, setup, teardown),
		cmocka_unit_test(bars),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	test_cleanup();
	return rc;
}
