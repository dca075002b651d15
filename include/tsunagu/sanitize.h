#ifndef TSUNAGU_SANITIZE_H
#define TSUNAGU_SANITIZE_H
#include <stddef.h>
#include <stdint.h>

/*
 * Makes stored text safe to show on a terminal (DESIGN §6): C0/C1 control
 * characters, DEL and escape sequences become visible inert text
 * (ESC -> "^[", other C0 -> "^X" caret form, C1 -> "<U+0085>"-style), tabs
 * become a space, invalid UTF-8 bytes become U+FFFD.  With `keep_newlines`
 * a '\n' is kept (for multi-line views); otherwise it becomes "↵".
 * Returns a new string.
 */
char *text_sanitize(const char *s, int keep_newlines);

/* Room for the longest replacement of one code point, with its NUL. */
#define TEXT_SANITIZE_CP_MAX 16

/* The visible replacement of one code point, as text_sanitize() writes it,
 * into out (NUL-terminated); returns its length, or 0 when cp is shown as
 * itself.  Bidi controls (U+202A-U+202E, U+2066-U+2069, LRM/RLM/ALM) and
 * line/paragraph separators are replaced "<U+202E>"-style. */
size_t text_sanitize_cp(int32_t cp, int keep_newlines, char out[TEXT_SANITIZE_CP_MAX]);

#endif
