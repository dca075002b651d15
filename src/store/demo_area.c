/*
 * The demo's area work (issue 9), added after the rest of the demo so that
 * what demo.c makes stays the same: in every area, meetings, workshops,
 * courses and reports over this fiscal year and the last one, with form,
 * theme, place, named participants and attendance by generation (more
 * children and young people this year than last, so the generation view
 * has a change to show); surveys and hearings of groups with the
 * handbook's five items; karte items (地域資源, 課題, ビジョン, 計画); the
 * platform type and a projection note of some areas; matrix entries over
 * several departments (住まい and 高齢者 have 取組中 in two departments,
 * 商店街 in none); 地域要望 tasks waiting on a department, answered or
 * just received; tasks in 諏訪 that need 見守り and people and a group
 * (in 諏訪 and next door) who offer it; coordinators of the 社協 in pairs
 * over two areas, with 鶴牧 still lacking one.  Names, texts and figures
 * are made up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "demo.h"
#include "tsunagu/date.h"
#include "tsunagu/sbuf.h"

#define SUWA 5     /* index of 諏訪中学区 in the seeded order */
#define NAGAYAMA 6

/* Days from today to 1 April of this fiscal year (<= 0). */
static int fiscal_start_offset(const struct demo *d)
{
	int y, m, dd;
	date_civil_from_days(d->today, &y, &m, &dd);
	return (int)(date_days_from_civil(m >= 4 ? y : y - 1, 4, 1) - d->today);
}

/* ---- events ---- */

static const char *const ev_kinds[4] = {"エリアミーティング", "ワークショップ", "講座", "報告会"};
static const char *const ev_themes[4][3] = {
	{"地域カルテの共有", "地域の困りごとの洗い出し", "地域ビジョンの検討"},
	{"まちづくりシミュレーションゲーム", "多世代の居場所マップづくり", "防災まち歩き"},
	{"スマホ教室", "認知症サポーター養成講座", "子育てサロン入門"},
	{"活動報告会", "地域計画の報告会", "見守り活動の報告会"},
};
static const char *const ev_places[4] = {"コミュニティセンター", "地区市民ホーム", "小学校 多目的室",
					 "団地集会所"};
/* Typical attendance by generation (子ども, 若者, 現役・子育て, シニア):
 * last fiscal year mostly seniors; this year more of the young. */
static const int ev_base[2][4] = {{3, 2, 7, 24}, {10, 7, 12, 19}};

struct demo_event {
	int area, kind, offset;
	bool this_year, future;
};

static const char *event_form(const struct demo_event *e)
{
	if (e->kind == 1 && e->this_year && e->area % 3 == 0)
		return "オンライン";
	if (e->kind == 3 && !e->this_year && e->area % 4 == 1)
		return "書面";
	return "対面";
}

static enum tsu_status event_attendance(struct demo *d, const char *ev, const struct demo_event *e)
{
	for (int g = 0; g < 4; g++) {
		char count[12];
		int n = ev_base[e->this_year][g] + (int)demo_rnd(d, 6) - 2 + (e->kind == 2 && g == 3 ? 6 : 0);
		snprintf(count, sizeof count, "%d", n < 0 ? 0 : n);
		struct field_value a[] = {{"event_id", ev}, {"generation", demo_gens[g]}, {"count", count}};
		if (demo_put(d, "attendance", a, 3, NULL) != TSU_OK)
			return d->err->status;
	}
	return TSU_OK;
}

static enum tsu_status demo_area_event(struct demo *d, const struct demo_event *e)
{
	const char *place = demo_areas[e->area].place, *form = event_form(e);
	const char *theme = ev_themes[e->kind][(e->area + e->this_year) % 3];
	char title[200], where[120], date[11], parties[120];
	uuid_str ev;
	snprintf(title, sizeof title, "%s%s「%s」", place, ev_kinds[e->kind], theme);
	if (strcmp(form, "対面") == 0)
		snprintf(where, sizeof where, "%s%s", place, ev_places[(e->area + e->kind) % 4]);
	else
		snprintf(where, sizeof where, "%s", strcmp(form, "書面") == 0 ? "書面開催 (資料配布)"
									: "オンライン (ビデオ会議)");
	demo_date(d, date, e->offset);
	snprintf(parties, sizeof parties, "%s,%s,%s", d->persons[demo_rnd(d, (uint32_t)d->npersons)],
		 d->persons[demo_rnd(d, (uint32_t)d->npersons)], d->orgs[demo_rnd(d, (uint32_t)d->norgs)]);
	struct field_value fv[] = {
		{"title", title}, {"kind", ev_kinds[e->kind]}, {"date", date}, {"place", where},
		{"form", form}, {"theme", theme}, {"area_id", d->areas[e->area]},
		{"start_time", e->kind == 2 ? "10:00" : "18:30"},
		{"end_time", e->kind == 2 ? "12:00" : "20:30"},
		{"participants", e->future ? NULL : parties},
		{"notes", "デモ用の架空の行事です。"},
	};
	if (demo_put(d, "event", fv, 11, ev) != TSU_OK)
		return d->err->status;
	return e->future ? TSU_OK : event_attendance(d, ev, e);
}

/* Per area: four events last fiscal year, three this year up to today and
 * a 報告会 ahead. */
static enum tsu_status demo_area_events(struct demo *d)
{
	int fy = fiscal_start_offset(d), elapsed = -fy;
	for (int a = 0; a < 10; a++) {
		for (int k = 0; k < 4; k++) {
			struct demo_event e = {a, k, fy - 365 + 45 + k * 90 + a, false, false};
			if (demo_area_event(d, &e) != TSU_OK)
				return d->err->status;
		}
		for (int k = 0; k < 3; k++) {
			int at = fy + elapsed * (k + 1) / 4 - a % 3;
			struct demo_event e = {a, k, at < fy ? fy : at > -1 ? -1 : at, true, false};
			if (demo_area_event(d, &e) != TSU_OK)
				return d->err->status;
		}
		struct demo_event next = {a, 3, 20 + a * 3, true, true};
		if (demo_area_event(d, &next) != TSU_OK)
			return d->err->status;
	}
	return TSU_OK;
}

/* ---- surveys ---- */

static const char *const sv_structure[] = {
	"役員8名 (会長・副会長・会計・班長)。月1回の役員会で運営。",
	"世話人3名と協力者15名ほど。会費はなく、参加費と助成金で運営。",
	"理事5名、ボランティア登録30名。事務局は平日午前のみ。",
};
static const char *const sv_activities[] = {
	"夏祭り・防災訓練・清掃活動を毎年実施。昨年度の延べ参加者は約400名。",
	"月2回の子ども食堂 (毎回40食ほど) と学習支援。",
	"高齢者宅の見守り訪問を週1回、サロンを月1回開催。",
};
static const char *const sv_issues[] = {
	"役員の高齢化と後継者不足。若い世帯の加入が少ない。",
	"会場の確保が難しく、食材の保管場所もない。",
	"協力者が固定化し、活動日を増やせない。",
};
static const char *const sv_plans[] = {
	"来年度から役員の任期を2年にし、班長経験者に声をかける。",
	"小学校PTAと連携して夏休みの特別開催を予定。",
	"民生委員と情報共有の場を年2回設ける。",
};
static const char *const sv_collab[] = {
	"他団体と一緒にできることがあれば協力したい。まずは情報交換から。",
	"会場を貸してくれる団体とつながりたい。エリアミーティングには参加したい。",
	"地域包括支援センターとはすでに連携。商店会とも話してみたい。",
};

/* The first organisation of area a after index *from (-1 none). */
static int org_in_area(struct demo *d, int a, int from)
{
	for (int i = from + 1; i < d->norgs; i++) {
		char *areas = store_set_ids(d->st, "party", d->orgs[i], "areas");
		bool here = areas && strstr(areas, d->areas[a]);
		free(areas);
		if (here)
			return i;
	}
	return -1;
}

static enum tsu_status demo_surveys(struct demo *d)
{
	int fy = fiscal_start_offset(d);
	for (int a = 0; a < 10; a++) {
		int org = -1;
		for (int k = 0; k < (a % 3 == 2 ? 1 : 2); k++) {
			if ((org = org_in_area(d, a, org)) < 0)
				break;
			bool hearing = (a + k) % 2 == 1;
			char date[11], resp[12];
			int j = (a + k) % 3;
			demo_date(d, date, k ? fy + 60 + a * 4 : fy - 200 + a * 5);
			snprintf(resp, sizeof resp, "%d", 12 + a * 3 + k);
			struct field_value fv[] = {
				{"party_id", d->orgs[org]}, {"area_id", d->areas[a]},
				{"kind", hearing ? "ヒアリング" : "アンケート"}, {"date", date},
				{"structure", sv_structure[j]}, {"activities", sv_activities[j]},
				{"issues", sv_issues[j]}, {"plans", sv_plans[j]},
				{"collaboration", sv_collab[j]}, {"respondents", hearing ? NULL : resp},
			};
			if (demo_put(d, "survey", fv, 10, NULL) != TSU_OK)
				return d->err->status;
		}
	}
	return TSU_OK;
}

/* ---- karte, platform type, projection ---- */

static const char *const kt_items[][3] = {
	/* section, title (after the place name), body */
	{"地域資源", "の緑道と公園", "散歩や体操の集まりに使われている。ベンチが多く、高齢者の休憩場所にもなる。"},
	{"地域資源", "の商店会と空き店舗", "商店会が朝市を開いている。空き店舗が2軒あり、交流拠点への活用を相談中。"},
	{"課題", "の担い手不足", "自治会・見守り活動とも役員が70代中心。引き継ぐ人が見つからない。"},
	{"課題", "の坂道と買い物", "坂が多く、高齢者の買い物と通院が負担になっている。"},
	{"ビジョン", "で多世代が顔見知りになるまち", "子どもから高齢者までが挨拶し合い、困ったときに頼れる関係をつくる。"},
	{"計画", "の居場所と見守りの連携", "今年度: 子ども食堂とサロンを同じ日に開く。来年度: 見守り訪問の担い手を若者会議から募る。"},
};

static enum tsu_status demo_karte(struct demo *d)
{
	for (int a = 0; a < 10; a++)
		for (int k = 0; k < 6; k++) {
			char title[160], sort[8];
			snprintf(title, sizeof title, "%s%s", demo_areas[a].place, kt_items[k][1]);
			snprintf(sort, sizeof sort, "%d", k % 2 + 1);
			struct field_value fv[] = {
				{"area_id", d->areas[a]}, {"section", kt_items[k][0]}, {"title", title},
				{"body", kt_items[k][2]}, {"sort", sort},
			};
			if (demo_put(d, "karte", fv, 5, NULL) != TSU_OK)
				return d->err->status;
		}
	return TSU_OK;
}

static enum tsu_status demo_platforms(struct demo *d)
{
	for (int a = 0; a < 10; a++) {
		char note[240];
		const char *type = a % 3 == 2 ? NULL : a % 2 ? "多活動マッチング型" : "協議会型";
		snprintf(note, sizeof note, "2045年推計 (架空): 人口は現在より約%d%%減、高齢化率は%d%%前後の見込み。",
			 8 + a, demo_areas[a].aging + 9);
		struct field_value fv[] = {
			{"platform_type", type}, {"projection", a % 2 || a == 4 ? note : NULL},
		};
		if (type && store_update(d->st, "area", d->areas[a], fv, 2, d->err) != TSU_OK)
			return d->err->status;
	}
	return TSU_OK;
}

/* ---- department matrix ---- */

/* category, department (demo_departments), state, area (-1 city-wide), text */
static const struct {
	const char *cat;
	int dept;
	const char *state;
	int area;
	const char *text;
} mx_entries[] = {
	{"住まい", 0, "取組中", -1, "空き家バンクと住み替え相談"},
	{"住まい", 1, "取組中", -1, "高齢者向け住宅の情報提供"},
	{"住まい", 0, "既往データ", -1, "住宅・土地統計調査 (空き家率、建築時期)"},
	{"住まい", 0, "課題", 3, "団地の建替えに向けた住民合意"},
	{"住まい", 5, "意見", -1, "住み替え相談と高齢者住宅の案内は窓口を一つにできないか"},
	{"高齢者", 1, "取組中", -1, "見守りネットワーク事業"},
	{"高齢者", 5, "取組中", SUWA, "エリアミーティングでの見守り体制づくり"},
	{"高齢者", 1, "既往データ", -1, "高齢者実態調査 (令和5年度)"},
	{"高齢者", 1, "課題", -1, "独居高齢者の増加と見守りの担い手不足"},
	{"子育て・教育", 2, "取組中", -1, "子ども食堂への運営支援"},
	{"子育て・教育", 2, "検討中", -1, "放課後の居場所づくり"},
	{"子育て・教育", 2, "課題", 8, "子育て世帯が地域活動につながりにくい"},
	{"健康・福祉", 1, "取組中", -1, "介護予防教室"},
	{"安心・安全", 4, "取組中", -1, "自主防災組織の訓練支援"},
	{"安心・安全", 3, "課題", -1, "通学路の危険箇所の把握"},
	{"安心・安全", 4, "既往データ", -1, "避難行動要支援者名簿の登録状況"},
	{"商店街", 5, "検討中", NAGAYAMA, "空き店舗を使った交流拠点"},
	{"商店街", 5, "課題", -1, "商店会の会員減少"},
	{"住民活動", 5, "取組中", -1, "エリアサポーターによる団体支援"},
	{"住民活動", 5, "意見", -1, "各課の補助制度を一覧にしてほしいとの声が多い"},
	{"町内会", 5, "課題", -1, "自治会加入率の低下"},
	{"町内会", 0, "意見", -1, "団地の管理組合と自治会の役割分担の整理が必要"},
	{"環境", 3, "検討中", -1, "公園愛護会の募集"},
};

static enum tsu_status demo_matrix(struct demo *d)
{
	for (size_t i = 0; i < sizeof mx_entries / sizeof mx_entries[0]; i++) {
		struct field_value fv[] = {
			{"category", mx_entries[i].cat}, {"department_id", d->depts[mx_entries[i].dept]},
			{"state", mx_entries[i].state},
			{"area_id", mx_entries[i].area < 0 ? NULL : d->areas[mx_entries[i].area]},
			{"text", mx_entries[i].text},
		};
		if (demo_put(d, "matrix", fv, 5, NULL) != TSU_OK)
			return d->err->status;
	}
	return TSU_OK;
}

/* ---- 地域要望 ---- */

static const struct {
	int area;
	const char *title;  /* after the place name */
	int dept;
	const char *state, *category;
	int asked, answered; /* days ago; 0: not yet */
	const char *answer;
} rq_items[] = {
	{SUWA, "2丁目の街路灯の増設要望", 3, "部局照会中", "安心・安全", 38, 0, NULL},
	{SUWA, "の集会所にスロープ設置の要望", 0, "回答済", "住まい", 70, 12,
	 "来年度の改修工事に合わせて設置します。工事の時期は決まり次第お知らせします。"},
	{NAGAYAMA, "駅前バス停へのベンチ設置の要望", 3, "受付", "安心・安全", 0, 0, NULL},
	{1, "の公園の遊具修繕の要望", 3, "部局照会中", "子育て・教育", 24, 0, NULL},
	{3, "の防災倉庫の備品更新の要望", 4, "回答済", "安心・安全", 55, 9,
	 "今年度中に発電機と簡易トイレを更新します。"},
	{8, "の子ども食堂の会場使用料減免の要望", 2, "受付", "子育て・教育", 0, 0, NULL},
	{7, "の坂道への手すり設置の要望", 3, "部局照会中", "高齢者", 61, 0, NULL},
};

static enum tsu_status demo_requests(struct demo *d)
{
	for (size_t i = 0; i < sizeof rq_items / sizeof rq_items[0]; i++) {
		char title[200], asked[11], answered[11];
		snprintf(title, sizeof title, "%s%s", demo_areas[rq_items[i].area].place, rq_items[i].title);
		demo_date(d, asked, -rq_items[i].asked);
		demo_date(d, answered, -rq_items[i].answered);
		struct field_value fv[] = {
			{"title", title}, {"status", "対応中"}, {"kind", "地域要望"},
			{"area_id", d->areas[rq_items[i].area]}, {"duty", "F"},
			{"category", rq_items[i].category}, {"department_id", d->depts[rq_items[i].dept]},
			{"request_state", rq_items[i].state},
			{"asked_on", rq_items[i].asked ? asked : NULL},
			{"answered_on", rq_items[i].answered ? answered : NULL},
			{"answer", rq_items[i].answer}, {"assignee", "多摩川 太郎"},
			{"body", "エリアミーティングで出た要望 (デモ用の架空の記録)。"},
		};
		if (demo_put(d, "task", fv, 13, NULL) != TSU_OK)
			return d->err->status;
	}
	return TSU_OK;
}

/* ---- 見守り: tasks in 諏訪 and who could help ---- */

static const struct {
	const char *name, *kana, *generation, *offers;
	int area;
	bool org;
} mm_parties[] = {
	{"桜井 和子", "さくらい かずこ", "シニア", "見守り,傾聴", SUWA, false},
	{"長谷川 勉", "はせがわ つとむ", "シニア", "見守り,送迎", SUWA, false},
	{"村上 直美", "むらかみ なおみ", "現役・子育て", "見守り,買い物支援", SUWA, false},
	{"諏訪見守りボランティアの会", "すわみまもりぼらんてぃあのかい", NULL, "見守り,配食", SUWA, true},
	{"原田 洋平", "はらだ ようへい", "若者", "見守り,スマホ講師", NAGAYAMA, false},
};

static enum tsu_status demo_watch(struct demo *d)
{
	for (size_t i = 0; i < sizeof mm_parties / sizeof mm_parties[0]; i++) {
		char phone[20];
		snprintf(phone, sizeof phone, "042-000-%04d", 9000 + (int)i);
		struct field_value fv[] = {
			{"kind", mm_parties[i].org ? "org" : "person"}, {"name", mm_parties[i].name},
			{"kana", mm_parties[i].kana}, {"generation", mm_parties[i].generation},
			{"org_type", mm_parties[i].org ? "市民団体" : NULL}, {"phone", phone},
			{"consent", "1"}, {"areas", d->areas[mm_parties[i].area]},
			{"offers", mm_parties[i].offers}, {"notes", "デモ用の架空の関係者です。"},
		};
		if (demo_put(d, "party", fv, 10, NULL) != TSU_OK)
			return d->err->status;
	}
	char due[11];
	demo_date(d, due, 12);
	struct field_value tasks[2][9] = {
		{{"title", "諏訪の独居高齢者宅の見守り訪問"}, {"kind", "個別支援"}, {"needs", "見守り,傾聴"},
		 {"category", "高齢者"}, {"duty", "A"}},
		{{"title", "諏訪 団地の見守り体制づくり"}, {"kind", "地域支援"}, {"needs", "見守り"},
		 {"category", "安心・安全"}, {"duty", "E"}},
	};
	for (int k = 0; k < 2; k++) {
		struct field_value *fv = tasks[k];
		fv[5] = (struct field_value){"status", k ? "未着手" : "対応中"};
		fv[6] = (struct field_value){"area_id", d->areas[SUWA]};
		fv[7] = (struct field_value){"due", due};
		fv[8] = (struct field_value){"assignee", "聖 花子"};
		if (demo_put(d, "task", fv, 9, NULL) != TSU_OK)
			return d->err->status;
	}
	return TSU_OK;
}

/* ---- staff: area supporters for every area, coordinators in pairs; the
 * 落合 team has no second area yet and 鶴牧 no coordinator (on purpose) ---- */

static const struct {
	const char *name, *kana;
	int a1, a2;     /* areas served (a2 -1: one) */
	bool coordinator;
} st_people[] = {
	{"稲荷 三郎", "いなり さぶろう", 6, 7, false},
	{"堰場 葉子", "せきば ようこ", 8, 9, false},
	{"大栗 美和", "おおぐり みわ", 0, 1, true}, {"瓜生 健", "うりゅう けん", 0, 1, true},
	{"貝取 由香", "かいどり ゆか", 2, 3, true}, {"馬引沢 進", "まびきざわ すすむ", 2, 3, true},
	{"打越 真理", "うちこし まり", 4, SUWA, true}, {"中沢 亮", "なかざわ りょう", 4, SUWA, true},
	{"一ノ宮 勇", "いちのみや いさむ", NAGAYAMA, 7, true}, /* with 連光寺 明美 (demo.c) */
	{"落川 直子", "おちかわ なおこ", 8, -1, true}, {"南野 千里", "みなみの ちさと", 8, -1, true},
};

static enum tsu_status demo_coordinators(struct demo *d)
{
	for (size_t i = 0; i < sizeof st_people / sizeof st_people[0]; i++) {
		char areas[80];
		int a2 = st_people[i].a2;
		snprintf(areas, sizeof areas, "%s%s%s", d->areas[st_people[i].a1], a2 < 0 ? "" : ",",
			 a2 < 0 ? "" : d->areas[a2]);
		bool c = st_people[i].coordinator;
		struct field_value fv[] = {
			{"name", st_people[i].name}, {"kana", st_people[i].kana},
			{"organisation", c ? "社協" : "市"}, {"appointment", c ? "専任" : "併任"},
			{"rank", "担当職員"}, {"areas", areas},
			{"department_id", c ? NULL : d->depts[5]},
		};
		if (demo_put(d, "staff", fv, 7, NULL) != TSU_OK)
			return d->err->status;
	}
	return TSU_OK;
}

enum tsu_status demo_area_work(struct demo *d)
{
	enum tsu_status (*const steps[])(struct demo *) = {
		demo_area_events, demo_surveys, demo_karte, demo_platforms, demo_matrix,
		demo_requests, demo_watch, demo_coordinators,
	};
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (steps[i](d) != TSU_OK)
			return d->err->status;
	return TSU_OK;
}
