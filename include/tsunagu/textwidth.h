#ifndef TSUNAGU_TEXTWIDTH_H
#define TSUNAGU_TEXTWIDTH_H
#include <stddef.h>
#include <stdint.h>

/*
 * Terminal columns of text (DESIGN §6).  East Asian Wide and Fullwidth
 * characters take 2 columns, combining marks 0, the rest 1.  Strings are
 * measured as they will be shown, i.e. after text_sanitize(): a control
 * character counts as its visible replacement.
 */
enum text_align { TEXT_LEFT, TEXT_RIGHT };

/* Columns of one code point as shown: 0, 1 or 2; a control character or
 * bidi control counts its text_sanitize_cp() replacement ("^[" 2,
 * "<U+0085>" 8, "↵" 1), so text_width() is the sum over code points. */
int text_width_cp(int32_t cp);
/* Columns of a UTF-8 string. */
int text_width(const char *s);
/* Byte length of the longest prefix of s that fits in `cols` columns,
 * never splitting a character; *used (may be NULL) gets its columns. */
size_t text_width_cut(const char *s, int cols, int *used);
/* A new string of exactly `cols` columns: s sanitized (newlines shown as
 * "↵"), cut (ending in "…" when it was cut and cols >= 2) and padded with
 * spaces on the side `align` leaves.  A wide character that would straddle
 * the edge is replaced by a space.  cols <= 0 gives "". */
char *text_width_fit(const char *s, int cols, enum text_align align);

#endif
