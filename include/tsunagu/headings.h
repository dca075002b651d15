#ifndef TSUNAGU_HEADINGS_H
#define TSUNAGU_HEADINGS_H
#include <stdbool.h>

/*
 * The headings people give the columns of their own lists, beside the
 * labels and field names tsunagu's exports use: a hand-made 名簿 in Excel
 * heads its columns 名前, フリガナ, 電話番号, メールアドレス, 所在地 ...
 * (issue: such a file was refused row by row, "「名称・氏名」は必須です").
 */
struct heading_alias {
	const char *field;  /* the field the column fills */
	bool org;           /* the heading names a group (団体名): rows are 団体 */
};

/* The field of `entity` a column headed `key` (csv_header_key) fills,
 * when it is one of the headings people write; false otherwise. */
bool heading_alias_find(const char *entity, const char *key, struct heading_alias *out);

#endif
