/*
 * Headings of hand-made lists (headings.h).  Keys are as csv_header_key
 * makes them: width-folded, without spaces, ASCII in lower case, every
 * kind of bracket as "()".  A heading that is already a field's label or
 * name never comes here.
 */
#include <string.h>
#include "tsunagu/headings.h"

#define ORG true
static const struct {
	const char *entity, *key, *field;
	bool org;
} aliases[] = {
	{"party", "名前", "name", false},
	{"party", "お名前", "name", false},
	{"party", "氏名", "name", false},
	{"party", "名称", "name", false},
	{"party", "個人名", "name", false},
	{"party", "団体名", "name", ORG},
	{"party", "団体名称", "name", ORG},
	{"party", "組織名", "name", ORG},
	{"party", "団体・組織名", "name", ORG},
	{"party", "ふりがな", "kana", false},
	{"party", "フリガナ", "kana", false},
	{"party", "よみがな", "kana", false},
	{"party", "ヨミガナ", "kana", false},
	{"party", "読み", "kana", false},
	{"party", "読み仮名", "kana", false},
	{"party", "カナ", "kana", false},
	{"party", "氏名(ふりがな)", "kana", false},
	{"party", "氏名(フリガナ)", "kana", false},
	{"party", "名前(ふりがな)", "kana", false},
	{"party", "名前(フリガナ)", "kana", false},
	{"party", "団体名(ふりがな)", "kana", false},
	{"party", "団体名(フリガナ)", "kana", false},
	{"party", "電話番号", "phone", false},
	{"party", "tel", "phone", false},
	{"party", "携帯電話", "phone", false},
	{"party", "携帯電話番号", "phone", false},
	{"party", "携帯番号", "phone", false},
	{"party", "携帯", "phone", false},
	{"party", "自宅電話", "phone", false},
	{"party", "連絡先", "phone", false},
	{"party", "連絡先電話番号", "phone", false},
	{"party", "連絡先(電話)", "phone", false},
	{"party", "メールアドレス", "email", false},
	{"party", "eメール", "email", false},
	{"party", "e-mail", "email", false},
	{"party", "email", "email", false},
	{"party", "mail", "email", false},
	{"party", "電子メール", "email", false},
	{"party", "住所", "address", false},
	{"party", "所在地", "address", false},
	{"party", "連絡先住所", "address", false},
	{"party", "種別", "org_type", false},
	{"party", "団体の種類", "org_type", false},
	{"party", "年代", "generation", false},
	{"party", "エリア名", "areas", false},
	{"party", "活動エリア", "areas", false},
	{"party", "担当エリア", "areas", false},
	{"party", "地区", "areas", false},
	{"party", "提供できること", "offers", false},
	{"party", "できる支援", "offers", false},
	{"party", "得意なこと", "offers", false},
	{"party", "メモ", "notes", false},
	{"party", "特記事項", "notes", false},
	{"party", "摘要", "notes", false},
	{"party", "同意", "consent", false},
	{"party", "同意の有無", "consent", false},
	{"party", "個人情報の同意", "consent", false},
	{"party", "個人・団体", "kind", false},
	{"task", "タイトル", "title", false},
	{"task", "課題", "title", false},
	{"task", "課題名", "title", false},
	{"task", "案件名", "title", false},
	{"task", "取組名", "title", false},
	{"task", "ステータス", "status", false},
	{"task", "進捗", "status", false},
	{"task", "進捗状況", "status", false},
	{"task", "締切", "due", false},
	{"task", "締め切り", "due", false},
	{"task", "期日", "due", false},
	{"task", "担当", "assignee", false},
	{"task", "詳細", "body", false},
	{"task", "概要", "body", false},
	{"task", "重要度", "priority", false},
	{"task", "エリア名", "area_id", false},
	{"task", "地区", "area_id", false},
	{"event", "行事名", "title", false},
	{"event", "イベント名", "title", false},
	{"event", "催し名", "title", false},
	{"event", "件名", "title", false},
	{"event", "予定", "title", false},
	{"event", "タイトル", "title", false},
	{"event", "開催日", "date", false},
	{"event", "実施日", "date", false},
	{"event", "開始日", "date", false},
	{"event", "開始日付", "date", false},
	{"event", "年月日", "date", false},
	{"event", "開始時刻", "start_time", false},
	{"event", "開始時間", "start_time", false},
	{"event", "終了時刻", "end_time", false},
	{"event", "終了時間", "end_time", false},
	{"event", "場所", "place", false},
	{"event", "開催場所", "place", false},
	{"event", "会場名", "place", false},
	{"event", "内容", "notes", false},
	{"event", "説明", "notes", false},
	{"event", "詳細", "notes", false},
	{"event", "予定詳細", "notes", false},
	{"event", "メモ", "notes", false},
	{"event", "エリア名", "area_id", false},
	{"event", "地区", "area_id", false},
};
#undef ORG

bool heading_alias_find(const char *entity, const char *key, struct heading_alias *out)
{
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(aliases[i].entity, entity) == 0 && strcmp(aliases[i].key, key) == 0) {
			*out = (struct heading_alias){aliases[i].field, aliases[i].org};
			return true;
		}
	return false;
}
