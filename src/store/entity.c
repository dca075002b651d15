/*
 * The data model's user-visible fields, one table per entity.  The schema
 * (schema.c) holds the same columns; tests/unit/test_store.c checks that the
 * two agree, so neither can drift.
 */
#include <string.h>
#include "tsunagu/entity.h"

#define F(name, label, type, ref, flags) {name, label, type, ref, flags}
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const struct field_def area_fields[] = {
	F("name", "名称", FIELD_TEXT, NULL, FIELD_REQUIRED),
	F("kind", "地区種別", FIELD_CHOICE, "area_kind", 0),
	F("schools", "学校", FIELD_TEXT, NULL, 0),
	F("address", "住所", FIELD_TEXT, NULL, 0),
	F("population_approx", "人口(概数)", FIELD_INT, NULL, 0),
	F("start_year", "開始年度", FIELD_TEXT, NULL, 0),
	F("profile", "地域カルテ", FIELD_LONGTEXT, NULL, 0),
	F("plan", "地域計画", FIELD_LONGTEXT, NULL, 0),
	F("platform_type", "プラットフォーム", FIELD_CHOICE, "platform_type", 0),
	F("projection", "将来推計", FIELD_LONGTEXT, NULL, 0),
	F("notes", "備考", FIELD_LONGTEXT, NULL, 0),
	F("sort", "並び順", FIELD_INT, NULL, 0),
};

static const struct field_def district_fields[] = {
	F("area_id", "エリア", FIELD_REF, "area", 0),
	F("name", "町丁目", FIELD_TEXT, NULL, FIELD_REQUIRED),
	F("code", "地域コード", FIELD_TEXT, NULL, 0),
	F("population", "人口", FIELD_INT, NULL, 0),
	F("population_65", "65歳以上人口", FIELD_INT, NULL, 0),
	F("households", "世帯数", FIELD_INT, NULL, 0),
	F("as_of", "基準日", FIELD_DATE, NULL, 0),
	F("notes", "備考", FIELD_LONGTEXT, NULL, 0),
};

static const struct field_def staff_fields[] = {
	F("name", "氏名", FIELD_TEXT, NULL, FIELD_REQUIRED),
	F("kana", "よみ", FIELD_TEXT, NULL, 0),
	F("organisation", "所属組織", FIELD_CHOICE, "organisation", 0),
	F("appointment", "任用", FIELD_CHOICE, "appointment", 0),
	F("rank", "職位", FIELD_CHOICE, "rank", 0),
	F("department_id", "所属課", FIELD_REF, "department", 0),
	F("phone", "電話", FIELD_TEXT, NULL, 0),
	F("email", "メール", FIELD_TEXT, NULL, 0),
	F("areas", "担当エリア", FIELD_SET, "area", 0),
	F("notes", "備考", FIELD_LONGTEXT, NULL, 0),
};

static const struct field_def party_fields[] = {
	F("kind", "区分", FIELD_CHOICE, "party_kind", FIELD_REQUIRED),
	F("name", "名称・氏名", FIELD_TEXT, NULL, FIELD_REQUIRED),
	F("kana", "よみ", FIELD_TEXT, NULL, 0),
	F("org_type", "団体種別", FIELD_CHOICE, "org_type", 0),
	F("generation", "世代", FIELD_CHOICE, "generation", 0),
	F("phone", "電話", FIELD_TEXT, NULL, FIELD_CONTACT),
	F("email", "メール", FIELD_TEXT, NULL, FIELD_CONTACT),
	F("address", "住所", FIELD_TEXT, NULL, FIELD_CONTACT),
	F("key_person", "キーパーソン", FIELD_BOOL, NULL, 0),
	F("consent", "本人同意", FIELD_BOOL, NULL, 0),
	F("areas", "エリア", FIELD_SET, "area", 0),
	F("offers", "できること", FIELD_SET, NULL, 0),
	F("notes", "備考", FIELD_LONGTEXT, NULL, 0),
};

static const struct field_def membership_fields[] = {
	F("person_id", "個人", FIELD_REF, "party", FIELD_REQUIRED),
	F("org_id", "団体", FIELD_REF, "party", FIELD_REQUIRED),
	F("role", "役職", FIELD_TEXT, NULL, 0),
	F("from_date", "開始日", FIELD_DATE, NULL, 0),
	F("to_date", "終了日", FIELD_DATE, NULL, 0),
	F("notes", "備考", FIELD_LONGTEXT, NULL, 0),
};

static const struct field_def task_fields[] = {
	F("title", "件名", FIELD_TEXT, NULL, FIELD_REQUIRED),
	F("status", "状態", FIELD_CHOICE, "task_status", 0),
	F("kind", "種別", FIELD_CHOICE, "task_kind", 0),
	F("area_id", "エリア", FIELD_REF, "area", 0),
	F("duty", "支援区分", FIELD_CHOICE, "duty", 0),
	F("pillar", "柱", FIELD_CHOICE, "pillar", 0),
	F("category", "カテゴリー", FIELD_CHOICE, "category", 0),
	F("department_id", "担当部局", FIELD_REF, "department", 0),
	F("assignee", "担当者", FIELD_TEXT, NULL, 0),
	F("due", "期限", FIELD_DATE, NULL, 0),
	F("priority", "優先度", FIELD_CHOICE, "priority", 0),
	F("referral_source", "きっかけ", FIELD_CHOICE, "referral_source", 0),
	F("connected_to", "つなぎ先", FIELD_CHOICE, "connected_to", 0),
	F("request_state", "要望の状況", FIELD_CHOICE, "request_state", 0),
	F("asked_on", "照会日", FIELD_DATE, NULL, 0),
	F("answered_on", "回答日", FIELD_DATE, NULL, 0),
	F("answer", "部局の回答", FIELD_LONGTEXT, NULL, 0),
	F("parties", "関係者", FIELD_SET, "party", 0),
	F("needs", "ニーズ", FIELD_SET, NULL, 0),
	F("body", "内容", FIELD_LONGTEXT, NULL, 0),
};

static const struct field_def log_fields[] = {
	F("task_id", "課題", FIELD_REF, "task", 0),
	F("party_id", "関係者", FIELD_REF, "party", 0),
	F("area_id", "エリア", FIELD_REF, "area", 0),
	F("kind", "記録種別", FIELD_CHOICE, "log_kind", 0),
	F("date", "日付", FIELD_DATE, NULL, 0),
	F("author", "記録者", FIELD_TEXT, NULL, FIELD_READONLY),
	F("text", "内容", FIELD_LONGTEXT, NULL, FIELD_REQUIRED),
};

static const struct field_def event_fields[] = {
	F("title", "名称", FIELD_TEXT, NULL, FIELD_REQUIRED),
	F("kind", "種別", FIELD_CHOICE, "event_kind", 0),
	F("date", "日付", FIELD_DATE, NULL, 0),
	F("start_time", "開始", FIELD_TIME, NULL, 0),
	F("end_time", "終了", FIELD_TIME, NULL, 0),
	F("place", "会場", FIELD_TEXT, NULL, 0),
	F("form", "形式", FIELD_CHOICE, "event_form", 0),
	F("theme", "テーマ", FIELD_TEXT, NULL, 0),
	F("area_id", "エリア", FIELD_REF, "area", 0),
	F("facility_id", "施設", FIELD_REF, "facility", 0),
	F("participants", "参加者", FIELD_SET, "party", 0),
	F("notes", "備考", FIELD_LONGTEXT, NULL, 0),
};

static const struct field_def attendance_fields[] = {
	F("event_id", "行事", FIELD_REF, "event", FIELD_REQUIRED),
	F("generation", "世代", FIELD_CHOICE, "generation", FIELD_REQUIRED),
	F("count", "参加者数", FIELD_INT, NULL, 0),
};

static const struct field_def survey_fields[] = {
	F("party_id", "団体", FIELD_REF, "party", 0),
	F("area_id", "エリア", FIELD_REF, "area", 0),
	F("kind", "種別", FIELD_CHOICE, "survey_kind", 0),
	F("date", "実施日", FIELD_DATE, NULL, 0),
	F("structure", "実施体制", FIELD_LONGTEXT, NULL, 0),
	F("activities", "活動内容・実績", FIELD_LONGTEXT, NULL, 0),
	F("issues", "課題", FIELD_LONGTEXT, NULL, 0),
	F("plans", "今後の予定", FIELD_LONGTEXT, NULL, 0),
	F("collaboration", "連携・協働の意識", FIELD_LONGTEXT, NULL, 0),
	F("respondents", "回答数", FIELD_INT, NULL, 0),
};

static const struct field_def karte_fields[] = {
	F("area_id", "エリア", FIELD_REF, "area", FIELD_REQUIRED),
	F("section", "項目", FIELD_CHOICE, "karte_section", FIELD_REQUIRED),
	F("title", "見出し", FIELD_TEXT, NULL, 0),
	F("body", "内容", FIELD_LONGTEXT, NULL, 0),
	F("sort", "並び順", FIELD_INT, NULL, 0),
};

static const struct field_def facility_fields[] = {
	F("name", "名称", FIELD_TEXT, NULL, FIELD_REQUIRED),
	F("kana", "名称_カナ", FIELD_TEXT, NULL, 0),
	F("alias", "名称_通称", FIELD_TEXT, NULL, 0),
	F("kind", "種別", FIELD_TEXT, NULL, 0),
	F("poi_code", "POIコード", FIELD_TEXT, NULL, 0),
	F("address", "住所", FIELD_TEXT, NULL, 0),
	F("address2", "方書", FIELD_TEXT, NULL, 0),
	F("lat", "緯度", FIELD_REAL, NULL, 0),
	F("lon", "経度", FIELD_REAL, NULL, 0),
	F("phone", "電話", FIELD_TEXT, NULL, 0),
	F("area_id", "エリア", FIELD_REF, "area", 0),
	F("notes", "備考", FIELD_LONGTEXT, NULL, 0),
};

static const struct field_def department_fields[] = {
	F("name", "部局名", FIELD_TEXT, NULL, FIELD_REQUIRED),
	F("kana", "よみ", FIELD_TEXT, NULL, 0),
	F("phone", "電話", FIELD_TEXT, NULL, 0),
	F("notes", "備考", FIELD_LONGTEXT, NULL, 0),
};

static const struct field_def matrix_fields[] = {
	F("category", "カテゴリー", FIELD_CHOICE, "category", FIELD_REQUIRED),
	F("department_id", "部局", FIELD_REF, "department", FIELD_REQUIRED),
	F("state", "区分", FIELD_CHOICE, "matrix_state", FIELD_REQUIRED),
	F("area_id", "エリア", FIELD_REF, "area", 0),
	F("text", "内容", FIELD_LONGTEXT, NULL, 0),
};

/* X-macro: entity name, table, Japanese label, fields, title field. */
#define ENTITY_LIST(_) \
	_(area,       "area",       "エリア",        area_fields,       "name") \
	_(district,   "district",   "町丁目",        district_fields,   "name") \
	_(staff,      "staff",      "職員",          staff_fields,      "name") \
	_(party,      "party",      "関係者・団体",  party_fields,      "name") \
	_(membership, "membership", "役職・所属",    membership_fields, "role") \
	_(task,       "task",       "課題・取組",    task_fields,       "title") \
	_(log,        "log_entry",  "経過記録",      log_fields,        "text") \
	_(event,      "event",      "行事",          event_fields,      "title") \
	_(attendance, "attendance", "参加者数",      attendance_fields, "generation") \
	_(survey,     "survey",     "アンケート・ヒアリング", survey_fields, "kind") \
	_(karte,      "karte_item", "地域カルテ",    karte_fields,      "title") \
	_(facility,   "facility",   "拠点・施設",    facility_fields,   "name") \
	_(department, "department", "庁内部局",      department_fields, "name") \
	_(matrix,     "matrix_cell","一覧表",        matrix_fields,     "text")

#define ENTITY_DEF(id, table, label, fields, title) \
	static const struct entity_def id##_entity = {#id, table, label, fields, N(fields), title};
ENTITY_LIST(ENTITY_DEF)
#undef ENTITY_DEF

static const struct entity_def *const all_entities[] = {
#define ENTITY_PTR(id, table, label, fields, title) &id##_entity,
	ENTITY_LIST(ENTITY_PTR)
#undef ENTITY_PTR
	NULL
};

const struct entity_def *const *entity_all(void)
{
	return all_entities;
}

const struct entity_def *entity_find(const char *name)
{
	for (const struct entity_def *const *e = all_entities; *e; e++)
		if (strcmp((*e)->name, name) == 0)
			return *e;
	return NULL;
}

int entity_field_index(const struct entity_def *e, const char *name)
{
	/* the first byte first: an import asks for every cell of every row */
	for (int i = 0; i < e->nfields; i++)
		if (e->fields[i].name[0] == name[0] && strcmp(e->fields[i].name, name) == 0)
			return i;
	return -1;
}

const struct field_def *entity_field(const struct entity_def *e, const char *name)
{
	int i = entity_field_index(e, name);
	return i < 0 ? NULL : &e->fields[i];
}
