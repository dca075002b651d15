#ifndef TSUNAGU_SYSERR_H
#define TSUNAGU_SYSERR_H
#include <stdbool.h>

/*
 * The system's error numbers in Japanese, so that a message reads in one
 * language (「書き込めません: フォルダがありません」, never "No such file or
 * directory").  Every message that reports an errno goes through here
 * instead of strerror().
 */

/* What went wrong, for `e` (an errno value).  `writing`: the path was
 * being created or written, so ENOENT means its folder is missing rather
 * than the file.  Any other errno gives 「システムのエラーです」. */
const char *syserr_text(int e, bool writing);

#endif
