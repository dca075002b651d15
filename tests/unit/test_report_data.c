/*
 * The figures of the cases, activity and handover reports (report_data.h)
 * on a small 令和7年度 fixture (2025-04-01 .. 2026-03-31, "today"
 * 2026-03-20 in Tokyo): which tasks a period holds, days since the last
 * contact, tallies that add up to the total in every dimension, the
 * handover's lists and terms ending soon.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <unistd.h>
#include <cmocka.h>
#include "tsunagu/record.h"
#include "tsunagu/report_data.h"
#include "test_util.h"

#define FY_FROM "2025-04-01"
#define FY_TO "2026-03-31"
#define TODAY "2026-03-20T00:00:00" /* 09:00 in Tokyo */

struct fixture {
	struct store *st;
	uuid_str suwa, nagayama;
	uuid_str t1, t2, t3, t5, t6, p1;
};

static void add_at(struct store *st, const char *when, const char *entity,
		   const struct field_value *fv, size_t n, uuid_str id)
{
	struct tsu_error err = {0};
	uuid_str ignored;
	setenv("TSUNAGU_NOW", when, 1);
	if (store_insert(st, entity, fv, n, id ? id : ignored, &err) != TSU_OK)
		fail_msg("insert %s: %s", entity, err.msg);
}

#define FV(...) (struct field_value[]){__VA_ARGS__}, sizeof((struct field_value[]){__VA_ARGS__}) / sizeof(struct field_value)

static void make_tasks(struct fixture *f)
{
	struct store *st = f->st;
	uuid_str t4, t7;
	add_at(st, "2024-06-01T01:00:00", "task", FV({"title", "古い相談"}, {"kind", "個別支援"},
	       {"area_id", f->nagayama}, {"status", "完了"}), t4);
	add_at(st, "2024-06-05T01:00:00", "log", FV({"task_id", t4}, {"kind", "相談"},
	       {"date", "2024-06-05"}, {"text", "窓口で相談"}), NULL);
	add_at(st, "2025-01-15T01:00:00", "task", FV({"title", "未完了の前年度案件"}, {"kind", "地域支援"},
	       {"area_id", f->nagayama}, {"status", "保留"}), f->t6);
	add_at(st, "2025-02-01T01:00:00", "task", FV({"title", "前年度からの継続"}, {"kind", "個別支援"},
	       {"area_id", f->nagayama}, {"status", "対応中"}, {"referral_source", "家族"},
	       {"connected_to", "市の担当課"}), f->t5);
	add_at(st, "2025-04-10T01:00:00", "log", FV({"task_id", f->t5}, {"kind", "相談"},
	       {"date", "2025-04-10"}, {"text", "ご家族から電話で相談"}), NULL);
	add_at(st, "2025-05-10T01:00:00", "task", FV({"title", "独居高齢者の見守り"}, {"kind", "個別支援"},
	       {"area_id", f->suwa}, {"status", "対応中"}, {"duty", "E"}, {"pillar", "支える"},
	       {"referral_source", "民生委員"}, {"connected_to", "地域包括支援センター"},
	       {"due", "2026-04-15"}, {"assignee", "山田 太郎"}), f->t1);
	add_at(st, "2025-05-12T01:00:00", "log", FV({"task_id", f->t1}, {"kind", "訪問"},
	       {"date", "2025-05-12"}, {"text", "ご自宅を訪問"}), NULL);
	add_at(st, "2025-07-07T01:00:00", "log", FV({"area_id", f->suwa}, {"kind", "会議"},
	       {"date", "2025-07-07"}, {"text", "エリア会議"}), NULL);
	add_at(st, "2025-09-01T01:00:00", "task", FV({"title", "子ども食堂の立ち上げ"}, {"kind", "地域支援"},
	       {"area_id", f->suwa}, {"duty", "D"}, {"pillar", "つなぐ"}, {"referral_source", "自治会"},
	       {"connected_to", "NPO・ボランティア団体"}), f->t2);
	add_at(st, "2025-10-01T01:00:00", "task", FV({"title", "取り消した課題"}, {"kind", "個別支援"},
	       {"area_id", f->suwa}), t7);
	assert_int_equal(store_delete(st, "task", t7, NULL), TSU_OK);
	add_at(st, "2025-11-20T01:00:00", "task", FV({"title", "街灯の増設要望"}, {"kind", "地域要望"},
	       {"area_id", f->suwa}, {"status", "対応中"}, {"pillar", "掘り起こす"}), f->t3);
	add_at(st, "2026-03-02T01:00:00", "log", FV({"task_id", f->t1}, {"kind", "電話"},
	       {"date", "2026-03-02"}, {"text", "様子を確認"}), NULL);
	add_at(st, "2026-03-03T01:00:00", "log", FV({"area_id", f->nagayama}, {"kind", "メモ"},
	       {"date", "2026-04-05"}, {"text", "来年度の予定"}), NULL);
}

static void make_people(struct fixture *f)
{
	struct store *st = f->st;
	uuid_str p2, p3, p4, minsei, jichikai;
	const char *w = "2026-03-10T01:00:00";
	add_at(st, w, "party", FV({"name", "諏訪地区民生委員協議会"}, {"kind", "org"}, {"areas", f->suwa}), minsei);
	add_at(st, w, "party", FV({"name", "諏訪自治会"}, {"kind", "org"}, {"areas", f->suwa}), jichikai);
	add_at(st, w, "party", FV({"name", "佐藤 花子"}, {"kana", "さとうはなこ"}, {"kind", "person"},
	       {"key_person", "1"}, {"phone", "042-000-1111"}, {"areas", f->suwa}), f->p1);
	add_at(st, w, "party", FV({"name", "高橋 一郎"}, {"kana", "たかはしいちろう"}, {"kind", "person"},
	       {"key_person", "1"}, {"areas", f->suwa}), p2);
	add_at(st, w, "party", FV({"name", "鈴木 次郎"}, {"kind", "person"}, {"areas", f->suwa}), p3);
	add_at(st, w, "party", FV({"name", "永山 三郎"}, {"kind", "person"}, {"key_person", "1"},
	       {"areas", f->nagayama}), p4);
	add_at(st, w, "membership", FV({"person_id", f->p1}, {"org_id", minsei}, {"role", "民生委員"},
	       {"from_date", "2022-12-01"}, {"to_date", "2026-03-31"}), NULL);
	add_at(st, w, "membership", FV({"person_id", f->p1}, {"org_id", jichikai}, {"role", "会長"},
	       {"from_date", "2025-04-01"}, {"to_date", "2027-03-31"}), NULL);
	add_at(st, w, "membership", FV({"person_id", f->p1}, {"org_id", jichikai}, {"role", "副会長"},
	       {"from_date", "2023-04-01"}, {"to_date", "2025-03-31"}), NULL);
	add_at(st, w, "membership", FV({"person_id", p3}, {"org_id", jichikai}, {"role", "会計"}), NULL);
	add_at(st, w, "membership", FV({"person_id", p4}, {"org_id", jichikai}, {"role", "理事"}), NULL);
	add_at(st, w, "event", FV({"title", "冬のエリアミーティング"}, {"date", "2026-02-01"},
	       {"area_id", f->suwa}), NULL);
	add_at(st, w, "event", FV({"title", "春のエリアミーティング"}, {"kind", "エリアミーティング"},
	       {"date", "2026-03-25"}, {"start_time", "14:00"}, {"place", "諏訪複合施設"},
	       {"area_id", f->suwa}), NULL);
	add_at(st, w, "event", FV({"title", "防災講座"}, {"kind", "講座"}, {"date", "2026-03-20"},
	       {"area_id", f->suwa}), NULL);
	add_at(st, w, "karte", FV({"area_id", f->suwa}, {"section", "課題"}, {"title", "担い手の高齢化"},
	       {"sort", "2"}), NULL);
	add_at(st, w, "karte", FV({"area_id", f->suwa}, {"section", "課題"}, {"title", "坂道が多く外出しにくい"},
	       {"body", "買い物に出にくい高齢者が多い"}, {"sort", "1"}), NULL);
	add_at(st, w, "karte", FV({"area_id", f->suwa}, {"section", "地域資源"}, {"title", "商店街"}), NULL);
}

static int setup(void **state)
{
	static int n;
	char path[512], name[64];
	struct fixture *f = calloc(1, sizeof *f);
	snprintf(name, sizeof name, "report-%d.db", n++);
	test_path(path, sizeof path, name);
	unlink(path);
	setenv("TSUNAGU_NOW", "2024-01-01T00:00:00", 1);
	assert_int_equal(store_open(path, STORE_OPEN_CREATE, &f->st, NULL), TSU_OK);
	store_set_author(f->st, "山田 太郎");
	assert_int_equal(store_resolve(f->st, "area", "諏訪", f->suwa, NULL), TSU_OK);
	assert_int_equal(store_resolve(f->st, "area", "永山", f->nagayama, NULL), TSU_OK);
	make_tasks(f);
	make_people(f);
	setenv("TSUNAGU_NOW", TODAY, 1);
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

/* ---- cases ---- */

struct seen {
	char lines[16][256];
	int n;
};

static bool case_line(void *ud, const struct report_case *c)
{
	struct seen *s = ud;
	snprintf(s->lines[s->n++], 256, "%s|%s|%s|%s|%s|%s|%ld|%s", c->area, c->title, c->kind,
		 c->status, c->start, c->last_contact ? c->last_contact : "-", c->days_since,
		 c->due ? c->due : "-");
	return s->n == 16;
}

static void cases_of_the_year(void **state)
{
	struct fixture *f = *state;
	struct seen s = {0};
	struct report_scope sc = {NULL, FY_FROM, FY_TO};
	assert_int_equal(store_report_cases(f->st, &sc, case_line, &s, NULL), TSU_OK);
	assert_int_equal(s.n, 5);
	assert_string_equal(s.lines[0], "諏訪中学区|子ども食堂の立ち上げ|地域支援|未着手|2025-09-01|-|200|-");
	assert_string_equal(s.lines[1], "諏訪中学区|独居高齢者の見守り|個別支援|対応中|2025-05-10|2026-03-02|18|2026-04-15");
	assert_string_equal(s.lines[2], "諏訪中学区|街灯の増設要望|地域要望|対応中|2025-11-20|-|120|-");
	assert_string_equal(s.lines[3], "多摩永山中学区|前年度からの継続|個別支援|対応中|2025-02-01|2025-04-10|344|-");
	/* open since before the year, no contact in it: still a case to see */
	assert_string_equal(s.lines[4], "多摩永山中学区|未完了の前年度案件|地域支援|保留|2025-01-15|-|429|-");
}

static void cases_of_an_area(void **state)
{
	struct fixture *f = *state;
	struct seen s = {0};
	struct report_scope sc = {f->nagayama, NULL, NULL};
	assert_int_equal(store_report_cases(f->st, &sc, case_line, &s, NULL), TSU_OK);
	assert_int_equal(s.n, 3); /* with no period, the finished one too */
	assert_non_null(strstr(s.lines[2], "古い相談|個別支援|完了"));
	sc = (struct report_scope){f->nagayama, "2025-06-01", FY_TO};
	s.n = 0;
	assert_int_equal(store_report_cases(f->st, &sc, case_line, &s, NULL), TSU_OK);
	assert_int_equal(s.n, 2);
}

/* ---- activity ---- */

static long count_of(const struct report_tally *t, const char *label)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i].label, label) == 0)
			return t->rows[i].n;
	return -1; /* not listed */
}

static void every_tally_adds_up(const struct report_activity *a)
{
	for (int i = 0; i < REPORT_TALLY_COUNT; i++) {
		long sum = 0;
		for (size_t j = 0; j < a->tally[i].nrows; j++)
			sum += a->tally[i].rows[j].n;
		assert_int_equal(sum, a->tally[i].total);
		assert_int_equal(a->tally[i].total, i == REPORT_TALLY_LOG_KIND ? a->logs : a->tasks);
	}
}

static void activity_of_the_year(void **state)
{
	struct fixture *f = *state;
	struct report_activity a;
	struct report_scope sc = {NULL, FY_FROM, FY_TO};
	assert_int_equal(store_report_activity(f->st, &sc, &a, NULL), TSU_OK);
	assert_int_equal(a.tasks, 4);
	assert_int_equal(a.logs, 4);
	every_tally_adds_up(&a);
	const struct report_tally *t = a.tally;
	assert_string_equal(t[REPORT_TALLY_KIND].title, "種別");
	assert_int_equal(count_of(&t[REPORT_TALLY_KIND], "個別支援"), 2);
	assert_int_equal(count_of(&t[REPORT_TALLY_KIND], "地域支援"), 1);
	assert_int_equal(count_of(&t[REPORT_TALLY_KIND], "地域要望"), 1);
	assert_int_equal(count_of(&t[REPORT_TALLY_DUTY], "E 調整支援"), 1);
	assert_int_equal(count_of(&t[REPORT_TALLY_DUTY], "A 作業支援"), 0); /* listed at zero */
	assert_int_equal(count_of(&t[REPORT_TALLY_DUTY], REPORT_UNSET), 2);
	assert_int_equal(t[REPORT_TALLY_DUTY].nrows, 7);
	assert_int_equal(count_of(&t[REPORT_TALLY_PILLAR], "掘り起こす"), 1);
	assert_int_equal(count_of(&t[REPORT_TALLY_AREA], "諏訪中学区"), 3);
	assert_int_equal(count_of(&t[REPORT_TALLY_AREA], "多摩永山中学区"), 1);
	assert_int_equal(count_of(&t[REPORT_TALLY_AREA], "鶴牧中学区"), 0);
	assert_int_equal(t[REPORT_TALLY_AREA].nrows, 10);
	assert_int_equal(count_of(&t[REPORT_TALLY_REFERRAL], "民生委員"), 1);
	assert_int_equal(count_of(&t[REPORT_TALLY_REFERRAL], "家族"), 1);
	assert_int_equal(count_of(&t[REPORT_TALLY_REFERRAL], REPORT_UNSET), 1);
	assert_string_equal(t[REPORT_TALLY_REFERRAL].rows[0].label, "本人"); /* the list's order */
	assert_int_equal(count_of(&t[REPORT_TALLY_CONNECTED], "地域包括支援センター"), 1);
	assert_int_equal(count_of(&t[REPORT_TALLY_CONNECTED], "市の担当課"), 1);
	assert_int_equal(count_of(&t[REPORT_TALLY_LOG_KIND], "相談"), 1); /* 2024's is out */
	assert_int_equal(count_of(&t[REPORT_TALLY_LOG_KIND], "会議"), 1);
	assert_int_equal(count_of(&t[REPORT_TALLY_LOG_KIND], "メモ"), 0); /* dated after */
	store_report_activity_free(&a);
}

static void activity_of_an_area(void **state)
{
	struct fixture *f = *state;
	struct report_activity a;
	struct report_scope sc = {f->suwa, FY_FROM, FY_TO};
	assert_int_equal(store_report_activity(f->st, &sc, &a, NULL), TSU_OK);
	assert_int_equal(a.tasks, 3);
	assert_int_equal(a.logs, 3); /* two on its task, one on the area */
	every_tally_adds_up(&a);
	assert_int_equal(a.tally[REPORT_TALLY_AREA].nrows, 1);
	store_report_activity_free(&a);
	/* a period with nothing in it: every tally is zero, all rows still there */
	sc = (struct report_scope){NULL, "2030-04-01", "2031-03-31"};
	assert_int_equal(store_report_activity(f->st, &sc, &a, NULL), TSU_OK);
	assert_int_equal(a.tasks, 0);
	assert_int_equal(a.tally[REPORT_TALLY_LOG_KIND].nrows, 5);
	every_tally_adds_up(&a);
	store_report_activity_free(&a);
}

/* ---- handover ---- */

static bool open_line(void *ud, const struct report_open_task *t)
{
	struct seen *s = ud;
	snprintf(s->lines[s->n++], 256, "%s|%s|%s|%s", t->title, t->due ? t->due : "-",
		 t->last_date ? t->last_date : "-", t->last_text ? t->last_text : "-");
	return false;
}

static bool role_line(void *ud, const struct report_key_role *r)
{
	struct seen *s = ud;
	snprintf(s->lines[s->n++], 256, "%s|%s|%s|%s|%d|%ld", r->person, r->org ? r->org : "-",
		 r->role ? r->role : "-", r->to ? r->to : "-", r->ending_soon, r->days_left);
	return false;
}

static bool request_line(void *ud, const struct report_request *r)
{
	struct seen *s = ud;
	snprintf(s->lines[s->n++], 256, "%s|%ld", r->title, r->days_waiting);
	return false;
}

static bool event_line(void *ud, const struct report_event *e)
{
	struct seen *s = ud;
	snprintf(s->lines[s->n++], 256, "%s|%s", e->date, e->title);
	return false;
}

static bool issue_line(void *ud, const char *title, const char *body)
{
	struct seen *s = ud;
	snprintf(s->lines[s->n++], 256, "%s|%s", title, body ? body : "-");
	return false;
}

static void handover_of_an_area(void **state)
{
	struct fixture *f = *state;
	struct seen s = {0};
	assert_int_equal(store_report_open_tasks(f->st, f->suwa, open_line, &s, NULL), TSU_OK);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.lines[0], "独居高齢者の見守り|2026-04-15|2026-03-02|様子を確認");
	assert_string_equal(s.lines[1], "子ども食堂の立ち上げ|-|-|-");
	assert_string_equal(s.lines[2], "街灯の増設要望|-|-|-");
	s.n = 0;
	assert_int_equal(store_report_key_roles(f->st, f->suwa, role_line, &s, NULL), TSU_OK);
	assert_int_equal(s.n, 3); /* 鈴木 is no key person; 永山 is of another area */
	assert_string_equal(s.lines[0], "佐藤 花子|諏訪地区民生委員協議会|民生委員|2026-03-31|1|11");
	assert_string_equal(s.lines[1], "佐藤 花子|諏訪自治会|会長|2027-03-31|0|376");
	assert_string_equal(s.lines[2], "高橋 一郎|-|-|-|0|-1");
	s.n = 0;
	assert_int_equal(store_report_requests(f->st, f->suwa, request_line, &s, NULL), TSU_OK);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.lines[0], "街灯の増設要望|120");
	s.n = 0;
	assert_int_equal(store_report_upcoming(f->st, f->suwa, event_line, &s, NULL), TSU_OK);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.lines[0], "2026-03-20|防災講座");
	assert_string_equal(s.lines[1], "2026-03-25|春のエリアミーティング");
	s.n = 0;
	assert_int_equal(store_report_issues(f->st, f->suwa, issue_line, &s, NULL), TSU_OK);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.lines[0], "坂道が多く外出しにくい|買い物に出にくい高齢者が多い");
	assert_string_equal(s.lines[1], "担い手の高齢化|-");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(cases_of_the_year, setup, teardown),
		cmocka_unit_test_setup_teardown(cases_of_an_area, setup, teardown),
		cmocka_unit_test_setup_teardown(activity_of_the_year, setup, teardown),
		cmocka_unit_test_setup_teardown(activity_of_an_area, setup, teardown),
		cmocka_unit_test_setup_teardown(handover_of_an_area, setup, teardown),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	test_cleanup();
	return rc;
}
