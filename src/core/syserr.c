/* errno values in Japanese (see syserr.h). */
#include <errno.h>
#include <stdio.h>
#include "tsunagu/syserr.h"

/* errno, its message.  ENOENT is handled apart (reading or writing). */
#define SYSERR_LIST(_) \
	_(EACCES,       "権限がありません") \
	_(EPERM,        "権限がありません") \
	_(EEXIST,       "同じ名前のファイルがすでにあります") \
	_(ENOTDIR,      "途中の名前がフォルダではありません") \
	_(EISDIR,       "フォルダです (ファイル名を指定してください)") \
	_(ENOSPC,       "ディスクがいっぱいです") \
	_(EDQUOT,       "ディスクの割り当てを超えました") \
	_(EROFS,        "書き込みのできない場所です") \
	_(ENAMETOOLONG, "名前が長すぎます") \
	_(EMFILE,       "開いているファイルが多すぎます") \
	_(ENFILE,       "開いているファイルが多すぎます") \
	_(EIO,          "装置の読み書きに失敗しました") \
	_(EBUSY,        "使用中です") \
	_(ETXTBSY,      "使用中です") \
	_(ELOOP,        "リンクがたどれません (循環しています)") \
	_(EFBIG,        "ファイルが大きすぎます") \
	_(EINVAL,       "指定が正しくありません") \
	_(ENOMEM,       "メモリが足りません") \
	_(EPIPE,        "出力先が閉じられました") \
	_(EINTR,        "中断されました") \
	_(ENXIO,        "装置がありません") \
	_(ENODEV,       "装置がありません") \
	_(ESTALE,       "ネットワーク上のファイルが見えなくなりました") \
	_(ETIMEDOUT,    "時間切れです")

const char *syserr_text(int e, bool writing)
{
	static const struct {
		int e;
		const char *text;
	} table[] = {
#define SYSERR_ROW(num, text) {num, text},
		SYSERR_LIST(SYSERR_ROW)
#undef SYSERR_ROW
	};
	if (e == ENOENT)
		return writing ? "フォルダがありません" : "ファイルがありません";
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].e == e)
			return table[i].text;
	return "システムのエラーです";
}
