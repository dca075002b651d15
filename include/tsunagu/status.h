#ifndef TSUNAGU_STATUS_H
#define TSUNAGU_STATUS_H
#include <stdarg.h>

/*
 * Every fallible function returns an enum tsu_status and, when it fails,
 * fills a struct tsu_error with one line for the user.  The list below is
 * the single source of names, default messages and exit codes
 * (DESIGN §7: 1 user error, 2 usage, 3 database problem).
 */
#define TSU_STATUS_LIST(_) \
	_(OK,          0, "成功") \
	_(NOMEM,       3, "メモリが足りません") \
	_(INVALID,     1, "入力が正しくありません") \
	_(NOT_FOUND,   1, "見つかりません") \
	_(AMBIGUOUS,   1, "該当が複数あります") \
	_(USAGE,       2, "使い方が正しくありません") \
	_(IO,          1, "ファイルを読み書きできません") \
	_(ENCODING,    1, "文字コードが正しくありません") \
	_(READONLY,    3, "読み取り専用で開いています") \
	_(DB,          3, "データベースのエラー") \
	_(DB_LOCKED,   3, "データベースが使用中です") \
	_(DB_CORRUPT,  3, "データベースが壊れています") \
	_(DB_NEWER,    3, "新しい版のデータベースです") \
	_(DB_MISSING,  3, "データベースがありません") \
	_(DB_FULL,     3, "ディスクがいっぱいです") \
	_(DB_IO,       3, "データベースの読み書きに失敗しました") \
	_(INTERRUPTED, 1, "次の入力を優先して中断しました")

enum tsu_status {
#define TSU_STATUS_ENUM(name, code, msg) TSU_##name,
	TSU_STATUS_LIST(TSU_STATUS_ENUM)
#undef TSU_STATUS_ENUM
	TSU_STATUS_COUNT
};

#define TSU_ERROR_MSG_MAX 512

/* A failure's status and the one line that explains it. */
struct tsu_error {
	enum tsu_status status;
	char msg[TSU_ERROR_MSG_MAX];
};

const char *tsu_status_name(enum tsu_status st);
const char *tsu_status_message(enum tsu_status st);
int tsu_status_exit_code(enum tsu_status st);

/* Records `st` and a formatted message in `err` (which may be NULL) and
 * returns `st`, so callers can write `return tsu_fail(err, ...)`.  A message
 * cut at the buffer size is cut at a character boundary. */
enum tsu_status tsu_fail(struct tsu_error *err, enum tsu_status st,
			 const char *fmt, ...) __attribute__((format(printf, 3, 4)));
enum tsu_status tsu_vfail(struct tsu_error *err, enum tsu_status st,
			  const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));
void tsu_error_clear(struct tsu_error *err);

#endif
