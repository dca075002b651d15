#ifndef TSUNAGU_TEXTNORM_H
#define TSUNAGU_TEXTNORM_H
#include <stdbool.h>
#include <stddef.h>

/*
 * Normalisation (utf8proc).  Storage keeps what the user typed, in NFC.
 * Search folds what users do not see as different: NFKC (full-width
 * letters and digits, half-width katakana), case, hiragana -> katakana;
 * and drops white space and punctuation so "鈴木 一郎" finds "鈴木一郎".
 */

/* NFC form of s (newly allocated), or NULL if s is not valid UTF-8. */
char *text_nfc(const char *s);
/* The search key of s (newly allocated); invalid bytes are skipped. */
char *text_search_key(const char *s);
/* Trims ASCII and ideographic (U+3000) spaces at both ends; new string. */
char *text_trim(const char *s);
/* NFKC of s with spaces trimmed: for numbers and codes ("１，０２９" ->
 * "1,029"); new string or NULL if invalid UTF-8. */
char *text_nfkc_trim(const char *s);

#endif
