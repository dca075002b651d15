/*
 * `init --demo`: fictional sample data, the same for the same day (a
 * fixed-seed generator; dates are counted from today, so that the person
 * trying it has overdue work and work due this week).  Every person's name
 * is made up from lists below; phone numbers use 042-000-xxxx and mail
 * example.jp, which reach nobody.  A fifth of the tasks are the author's
 * (the person who makes the demo), the rest belong to fictional colleagues.
 * Places and district figures fit each area, so titles read true and every
 * area has an aging rate; the figures themselves are made up.  The area
 * work of issue 9 (events by generation, surveys, karte, matrix, requests,
 * coordinators) is added last by demo_area.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "demo.h"
#include "internal.h"
#include "tsunagu/clock.h"
#include "tsunagu/config.h"
#include "tsunagu/date.h"


uint32_t demo_rnd(struct demo *d, uint32_t n)
{
	d->rng ^= d->rng << 13;
	d->rng ^= d->rng >> 7;
	d->rng ^= d->rng << 17;
	return (uint32_t)(d->rng % n);
}


static const char *const family[][2] = {
	{"鈴木", "すずき"}, {"佐藤", "さとう"}, {"高橋", "たかはし"}, {"田中", "たなか"},
	{"渡辺", "わたなべ"}, {"伊藤", "いとう"}, {"山本", "やまもと"}, {"中村", "なかむら"},
	{"小林", "こばやし"}, {"加藤", "かとう"}, {"吉田", "よしだ"}, {"山田", "やまだ"},
	{"佐々木", "ささき"}, {"松本", "まつもと"}, {"井上", "いのうえ"}, {"木村", "きむら"},
	{"清水", "しみず"}, {"森", "もり"}, {"池田", "いけだ"}, {"橋本", "はしもと"},
	{"石川", "いしかわ"}, {"前田", "まえだ"}, {"藤田", "ふじた"}, {"岡田", "おかだ"},
};
static const char *const given[][2] = {
	{"一郎", "いちろう"}, {"花子", "はなこ"}, {"健太", "けんた"}, {"美咲", "みさき"},
	{"誠", "まこと"}, {"陽子", "ようこ"}, {"翔", "しょう"}, {"恵子", "けいこ"},
	{"大輔", "だいすけ"}, {"由美", "ゆみ"}, {"修", "おさむ"}, {"さくら", "さくら"},
	{"和夫", "かずお"}, {"千尋", "ちひろ"}, {"悠斗", "ゆうと"}, {"節子", "せつこ"},
};
/* The areas' places, districts and aging rates (demo.h says how). */
const struct demo_area demo_areas[10] = {
	{"関戸", "せきど", "関戸:5", 24},
	{"桜ヶ丘", "さくらがおか", NULL, 31},
	{"和田", "わだ", "和田,百草", 29},
	{"聖ヶ丘", "ひじりがおか", "聖ヶ丘:5,連光寺:2", 30},
	{"愛宕", "あたご", "愛宕:4", 33},
	{"諏訪", "すわ", NULL, 38},
	{"永山", "ながやま", "永山:7", 36},
	{"豊ヶ丘", "とよがおか", NULL, 37},
	{"落合", "おちあい", "落合:6", 22},
	{"鶴牧", "つるまき", "鶴牧:6,唐木田:3", 20},
};
/* type, name suffix, its reading; the name is place + suffix + number */
static const char *const org_kinds[][3] = {
	{"自治会・管理組合", "丁目自治会", "ちょうめじちかい"},
	{"自治会・管理組合", "団地管理組合", "だんちかんりくみあい"},
	{"NPO", "見守りネット", "みまもりねっと"},
	{"市民団体", "子ども食堂の会", "こどもしょくどうのかい"},
	{"企業", "商事株式会社", "しょうじかぶしきがいしゃ"},
	{"学校", "小学校PTA", "しょうがっこうぴーてぃーえー"},
	{"地域福祉推進委員会", "地域福祉推進委員会", "ちいきふくしすいしんいいんかい"},
	{"青少協地区委員会", "青少協地区委員会", "せいしょうきょうちくいいんかい"},
	{"商店街", "商店会", "しょうてんかい"},
	{"コミセン運協", "コミュニティセンター運営協議会", "こみゅにてぃせんたーうんえいきょうぎかい"},
};
static const char *const offers[] = {
	"見守り", "スマホ講師", "会場提供", "送迎", "子どもの学習支援", "配食", "防災訓練",
	"イベント運営", "広報・チラシ作成", "草刈り", "傾聴", "買い物支援",
};
static const char *const roles[] = {"会長", "副会長", "会計", "委員", "世話人", "事務局", "民生委員", "班長"};
const char *const demo_gens[4] = {"子ども", "若者", "現役・子育て", "シニア"};
/* the title is an area's place name + one of these */
static const char *const task_titles[] = {
	"の高齢者見守り体制づくり", "で子ども食堂の会場探し", "自治会の役員担い手不足の相談",
	"の防災訓練の企画支援", "でスマホ教室の講師確保", "の空き店舗活用の検討",
	"公園の草刈り要望を道路交通課へ", "の独居高齢者宅への訪問", "のエリアミーティング準備",
	"の地域カルテ更新", "で若者会議との連携", "の集会所バリアフリー化の要望",
};
static const char *const statuses[] = {"未着手", "対応中", "保留", "完了"};
static const char *const task_kinds[] = {"個別支援", "地域支援", "地域要望"};
static const char *const duties[] = {"A", "B", "C", "D", "E", "F"};
static const char *const categories[] = {
	"健康・福祉", "子育て・教育", "住まい", "安心・安全", "高齢者", "住民活動", "町内会", "環境"};
static const char *const log_kinds[] = {"相談", "訪問", "電話", "会議", "メモ"};
static const char *const log_texts[] = {
	"会長と電話で今後の進め方を確認した。", "集会所で役員会に同席。次回は資料を持参する。",
	"ご本人宅を訪問。体調は安定しているが買い物が負担とのこと。", "担当課に要望を伝え、回答待ち。",
	"地域福祉コーディネーターと情報共有。", "チラシ案を作成して送付した。",
	"参加者から会場の駐輪場が狭いとの声あり。", "次回のエリアミーティングの日程を調整中。",
};
static const char *const staff_names[][2] = {
	{"多摩川 太郎", "たまがわ たろう"}, {"聖 花子", "ひじり はなこ"}, {"乞田 次郎", "こった じろう"},
	{"連光寺 明美", "れんこうじ あけみ"},
};
const char *const demo_departments[6] = {"住宅課", "高齢支援課", "子ども・若者政策課", "道路交通課", "防災安全課", "協創推進室"};

enum tsu_status demo_put(struct demo *d, const char *entity, struct field_value *fv, size_t n,
			uuid_str out)
{
	uuid_str tmp;
	return store_insert(d->st, entity, fv, n, out ? out : tmp, d->err);
}

void demo_date(const struct demo *d, char *buf, int day_offset)
{
	int y, m, dd;
	date_civil_from_days(d->today + day_offset, &y, &m, &dd);
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, dd);
}

static long today_days(void)
{
	char iso[16];
	int y = 2026, m = 4, dd = 1;
	clock_today(iso, sizeof iso);
	if (sscanf(iso, "%d-%d-%d", &y, &m, &dd) != 3)
		y = 2026, m = 4, dd = 1;
	return date_days_from_civil(y, m, dd);
}

static enum tsu_status demo_orgs(struct demo *d, int n)
{
	d->orgs = xcalloc((size_t)n, sizeof *d->orgs);
	for (int i = 0; i < n; i++) {
		const char *const *k = org_kinds[i % 10];
		int pl = (int)demo_rnd(d, 10);
		const struct demo_area *da = &demo_areas[pl];
		char name[160], kana[200], phone[20];
		/* "桜ヶ丘3丁目自治会": a 丁目 number stands before its suffix */
		bool chome = strncmp(k[1], "丁目", strlen("丁目")) == 0;
		int num = chome ? i / 10 % 6 + 1 : i / 10 + 1;
		if (chome) {
			snprintf(name, sizeof name, "%s%d%s", da->place, num, k[1]);
			snprintf(kana, sizeof kana, "%s%d%s", da->kana, num, k[2]);
		} else {
			snprintf(name, sizeof name, "%s%s%d", da->place, k[1], num);
			snprintf(kana, sizeof kana, "%s%s%d", da->kana, k[2], num);
		}
		snprintf(phone, sizeof phone, "042-000-%04d", 1000 + i);
		struct field_value fv[] = {
			{"kind", "org"}, {"name", name}, {"kana", kana}, {"org_type", k[0]},
			{"phone", phone}, {"areas", d->areas[pl]},
			{"offers", PICK(d, offers)}, {"notes", "デモ用の架空の団体です。"},
		};
		if (demo_put(d, "party", fv, 8, d->orgs[i]) != TSU_OK)
			return d->err->status;
		d->norgs++;
	}
	return TSU_OK;
}

static enum tsu_status demo_member(struct demo *d, const char *person, int i)
{
	char from[11];
	demo_date(d, from, (int)demo_rnd(d, 300) - 330);
	struct field_value m[] = {
		{"person_id", person}, {"org_id", d->orgs[demo_rnd(d, (uint32_t)d->norgs)]},
		{"role", roles[(i + (int)demo_rnd(d, 8)) % 8]}, {"from_date", from},
	};
	return demo_put(d, "membership", m, 4, NULL);
}

static enum tsu_status demo_persons(struct demo *d, int n)
{
	d->persons = xcalloc((size_t)n, sizeof *d->persons);
	for (int i = 0; i < n; i++) {
		int f = (int)demo_rnd(d, 24), g = (int)demo_rnd(d, 16);
		char name[64], kana[96], phone[20], mail[64], offer[80];
		snprintf(name, sizeof name, "%s %s", family[f][0], given[g][0]);
		snprintf(kana, sizeof kana, "%s %s", family[f][1], given[g][1]);
		snprintf(phone, sizeof phone, "042-000-%04d", 5000 + i);
		snprintf(mail, sizeof mail, "person%03d@example.jp", i);
		snprintf(offer, sizeof offer, "%s,%s", PICK(d, offers), PICK(d, offers));
		struct field_value fv[] = {
			{"kind", "person"}, {"name", name}, {"kana", kana}, {"generation", PICK(d, demo_gens)},
			{"phone", phone}, {"email", mail}, {"key_person", i % 9 == 0 ? "1" : "0"},
			{"consent", i % 3 ? "1" : "0"}, {"areas", d->areas[demo_rnd(d, 10)]},
			{"offers", offer}, {"notes", "デモ用の架空の人物です。"},
		};
		if (demo_put(d, "party", fv, 11, d->persons[i]) != TSU_OK)
			return d->err->status;
		d->npersons++;
		for (int k = 0; k < 1 + (i % 9 == 0 ? 3 : (int)demo_rnd(d, 2)); k++)
			if (demo_member(d, d->persons[i], i + k) != TSU_OK)
				return d->err->status;
	}
	return TSU_OK;
}

static enum tsu_status demo_logs(struct demo *d, const char *task, int count, int base)
{
	for (int k = 0; k < count; k++) {
		char date[11];
		demo_date(d, date, base + k * 7);
		struct field_value fv[] = {
			{"task_id", task}, {"kind", PICK(d, log_kinds)}, {"date", date},
			{"text", PICK(d, log_texts)},
		};
		if (demo_put(d, "log", fv, 4, NULL) != TSU_OK)
			return d->err->status;
	}
	return TSU_OK;
}

static const char *const referrals[8] = {"本人", "家族", "近隣住民", "民生委員", "自治会",
					 "地域包括", "行政", "その他"};
static const char *const connections[7] = {"地域包括支援センター", "社会福祉協議会", "市の担当課",
					   "民生委員", "自治会・町内会", "NPO・ボランティア団体", "医療機関"};

static enum tsu_status demo_tasks(struct demo *d, int n, int logs)
{
	d->tasks = xcalloc((size_t)n, sizeof *d->tasks);
	/* the author's own: some overdue, some due this week, some later */
	static const int my_due[10] = {-10, -3, 2, -40, 5, 1, 14, -20, 30, -1};
	const char *me = store_author(d->st);
	int nmine = 0;
	for (int i = 0; i < n; i++) {
		int a = i % 10;
		char title[200], due[11], parties[80];
		snprintf(title, sizeof title, "%s%s", demo_areas[a].place, task_titles[i / 10 % 12]);
		/* one in five is the author's, spread over every area */
		bool mine = (i + i / 10) % 5 == 0;
		const char *assignee = mine ? me : staff_names[i % 4][0];
		demo_date(d, due, mine ? my_due[nmine++ % 10] : (int)demo_rnd(d, 360) - 60);
		snprintf(parties, sizeof parties, "%s,%s", d->orgs[demo_rnd(d, (uint32_t)d->norgs)],
			 d->persons[demo_rnd(d, (uint32_t)d->npersons)]);
		struct field_value fv[] = {
			{"title", title}, {"status", statuses[i % 4]}, {"kind", task_kinds[i % 3]},
			{"area_id", d->areas[a]}, {"duty", duties[i % 6]}, {"category", PICK(d, categories)},
			{"assignee", assignee}, {"due", due}, {"priority", i % 7 == 0 ? "高" : "中"},
			{"parties", parties}, {"department_id", i % 3 == 2 ? d->depts[i % d->ndepts] : NULL},
			{"body", "経緯と現状をここに書きます (デモ用の架空の記録)。"},
			/* by the index, not the generator: the rest of the demo stays as it was */
			{"referral_source", referrals[i % 8]},
			{"connected_to", i % 4 == 3 ? NULL : connections[i % 7]},
		};
		if (demo_put(d, "task", fv, 14, d->tasks[i]) != TSU_OK)
			return d->err->status;
		int count = logs / n + (i < logs % n ? 1 : 0);
		if (demo_logs(d, d->tasks[i], count, (int)demo_rnd(d, 120) - 200) != TSU_OK)
			return d->err->status;
	}
	return TSU_OK;
}

static enum tsu_status demo_events(struct demo *d, int n)
{
	static const char *const kinds[] = {"エリアミーティング", "ワークショップ", "講座", "報告会"};
	static const char *const themes[] = {"防災", "まちづくりシミュレーションゲーム", "地域カルテ・地域ビジョン", "スマホ教室", "子育てサロン"};
	for (int i = 0; i < n; i++) {
		uuid_str ev;
		char title[160], date[11];
		snprintf(title, sizeof title, "%s %s", demo_areas[i % 10].place, themes[i % 5]);
		demo_date(d, date, i * 11 - 200);
		struct field_value fv[] = {
			{"title", title}, {"kind", kinds[i % 4]}, {"date", date},
			{"place", "コミュニティセンター"}, {"area_id", d->areas[i % 10]},
		};
		if (demo_put(d, "event", fv, 5, ev) != TSU_OK)
			return d->err->status;
		for (int g = 0; g < 4; g++) {
			char count[8];
			snprintf(count, sizeof count, "%u", demo_rnd(d, 20));
			struct field_value a[] = {{"event_id", ev}, {"generation", demo_gens[g]}, {"count", count}};
			if (demo_put(d, "attendance", a, 3, NULL) != TSU_OK)
				return d->err->status;
		}
	}
	return TSU_OK;
}

static enum tsu_status demo_staff(struct demo *d)
{
	d->depts = xcalloc(6, sizeof *d->depts);
	for (int i = 0; i < 6; i++) {
		struct field_value fv[] = {{"name", demo_departments[i]}};
		if (demo_put(d, "department", fv, 1, d->depts[i]) != TSU_OK)
			return d->err->status;
		d->ndepts++;
	}
	for (int i = 0; i < 4; i++) {
		char areas[80];
		snprintf(areas, sizeof areas, "%s,%s", d->areas[i * 2], d->areas[i * 2 + 1]);
		struct field_value fv[] = {
			{"name", staff_names[i][0]}, {"kana", staff_names[i][1]},
			{"organisation", i == 3 ? "社協" : "市"}, {"appointment", i == 0 ? "専任" : "併任"},
			{"rank", i == 1 ? "係長級" : "担当職員"}, {"areas", areas},
			{"department_id", d->depts[5]},
		};
		if (demo_put(d, "staff", fv, 7, NULL) != TSU_OK)
			return d->err->status;
	}
	return TSU_OK;
}

/* Made-up census figures for one district of area `a`. */
static enum tsu_status district_figures(struct demo *d, int a, const char *id, const char *name)
{
	int pop = 1200 + (int)demo_rnd(d, 3800);
	/* in tenths of a point, up to 7 points either side of the area's rate */
	int rate10 = demo_areas[a].aging * 10 + (int)demo_rnd(d, 141) - 70;
	char p[16], p65[16], hh[16], as_of[11];
	snprintf(p, sizeof p, "%d", pop);
	snprintf(p65, sizeof p65, "%d", pop * rate10 / 1000);
	snprintf(hh, sizeof hh, "%d", pop * 45 / 100);
	demo_date(d, as_of, -55);
	struct field_value fv[] = {
		{"area_id", d->areas[a]}, {"name", name}, {"population", p},
		{"population_65", p65}, {"households", hh}, {"as_of", as_of},
	};
	if (id)
		return store_update(d->st, "district", id, fv + 2, 4, d->err);
	return demo_put(d, "district", fv, 6, NULL);
}

/* The districts a demo area lacks: "関戸:5,百草" gives 関戸1丁目..5丁目 and 百草. */
static enum tsu_status demo_add_districts(struct demo *d, int a)
{
	char *list = xstrdup(demo_areas[a].districts), *save = NULL;
	enum tsu_status rc = TSU_OK;
	for (char *tok = strtok_r(list, ",", &save); tok && rc == TSU_OK;
	     tok = strtok_r(NULL, ",", &save)) {
		char *colon = strchr(tok, ':');
		int count = colon ? atoi(colon + 1) : 0;
		if (colon)
			*colon = '\0';
		for (int k = 1; k <= count && rc == TSU_OK; k++) {
			char name[64];
			snprintf(name, sizeof name, "%s%d丁目", tok, k);
			rc = district_figures(d, a, NULL, name);
		}
		if (!count)
			rc = district_figures(d, a, NULL, tok);
	}
	free(list);
	return rc;
}

/* Figures for the seeded districts, then the districts of the other areas. */
static enum tsu_status demo_districts(struct demo *d)
{
	sqlite3_stmt *s;
	if (store_prepare(d->st, "SELECT id, area_id FROM district WHERE deleted_at IS NULL ORDER BY id",
			  &s, d->err))
		return d->err->status;
	size_t n = 0, cap = 64;
	struct { uuid_str id; int area; } *seeded = xcalloc(cap, sizeof *seeded);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *area = (const char *)sqlite3_column_text(s, 1);
		int a = 0;
		while (a < 10 && (!area || strcmp(d->areas[a], area) != 0))
			a++;
		if (a == 10)
			continue;
		if (n == cap)
			seeded = xrealloc(seeded, (cap *= 2) * sizeof *seeded);
		snprintf(seeded[n].id, sizeof seeded[n].id, "%s", (const char *)sqlite3_column_text(s, 0));
		seeded[n++].area = a;
	}
	store_finish(d->st, s);
	enum tsu_status rc = TSU_OK;
	for (size_t i = 0; i < n && rc == TSU_OK; i++)
		rc = district_figures(d, seeded[i].area, seeded[i].id, NULL);
	free(seeded);
	for (int a = 0; a < 10 && rc == TSU_OK; a++)
		if (demo_areas[a].districts)
			rc = demo_add_districts(d, a);
	return rc;
}

static enum tsu_status demo_area_ids(struct demo *d)
{
	sqlite3_stmt *s;
	if (store_prepare(d->st, "SELECT id FROM area WHERE deleted_at IS NULL ORDER BY sort LIMIT 10", &s, d->err))
		return d->err->status;
	int n = 0;
	while (sqlite3_step(s) == SQLITE_ROW && n < 10)
		snprintf(d->areas[n++], sizeof(uuid_str), "%s", (const char *)sqlite3_column_text(s, 0));
	store_finish(d->st, s);
	return n == 10 ? TSU_OK : tsu_fail(d->err, TSU_DB, "エリアが10件ありません");
}

enum tsu_status store_demo(struct store *st, int scale, struct tsu_error *err)
{
	if (scale < 1)
		scale = 1;
	struct demo_size size = {90 * scale, 230 * scale, 150 * scale, 1000 * scale, 30 * scale};
	return store_demo_sized(st, &size, err);
}

enum tsu_status store_demo_sized(struct store *st, const struct demo_size *size,
				 struct tsu_error *err)
{
	struct tsu_error local;
	struct demo d = {.st = st, .rng = 0x7473756E616775ULL, .today = today_days(),
			 .err = err ? err : &local};
	enum tsu_status rc = store_begin(st, d.err);
	store_bulk_begin(st);
	if (rc == TSU_OK)
		rc = demo_area_ids(&d);
	if (rc == TSU_OK)
		rc = demo_districts(&d);
	if (rc == TSU_OK)
		rc = demo_staff(&d);
	if (rc == TSU_OK)
		rc = demo_orgs(&d, size->orgs);
	if (rc == TSU_OK)
		rc = demo_persons(&d, size->persons);
	if (rc == TSU_OK)
		rc = demo_tasks(&d, size->tasks, size->logs);
	if (rc == TSU_OK)
		rc = demo_events(&d, size->events);
	if (rc == TSU_OK)
		rc = demo_area_work(&d);
	if (rc == TSU_OK)
		rc = store_bulk_end(st, d.err);
	rc = rc == TSU_OK ? store_commit(st, d.err) : (store_rollback(st), rc);
	free(d.orgs);
	free(d.persons);
	free(d.tasks);
	free(d.depts);
	return rc;
}

enum tsu_status store_demo_file(const char *path, const char *author, struct tsu_error *err)
{
	struct sbuf tmp = {0};
	struct store *st = NULL;
	sbuf_addf(&tmp, "%s.new.%ld", path, (long)getpid());
	enum tsu_status rc = config_make_parent_dirs(path, err);
	if (rc == TSU_OK)
		rc = store_open(tmp.s, STORE_OPEN_CREATE, &st, err);
	if (rc == TSU_OK) {
		store_set_author(st, author);
		rc = store_demo(st, 1, err);
		store_close(st);
	}
	if (rc == TSU_OK && rename(tmp.s, path) != 0)
		rc = tsu_fail(err, TSU_DB_IO, "デモファイルを作れません: %s", path);
	if (rc != TSU_OK) {
		unlink(tmp.s);
		sbuf_addf(&tmp, "-journal");
		unlink(tmp.s);
	}
	sbuf_free(&tmp);
	return rc;
}
