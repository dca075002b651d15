#ifndef TSUNAGU_TEXTNORM_H
#define TSUNAGU_TEXTNORM_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Normalisation (utf8proc).  Storage keeps what the user typed, in NFC.
 * Search folds what users do not see as different: NFKC (full-width
 * letters and digits, half-width katakana), case, hiragana -> katakana,
 * the kanji variants people write names with (data/name_variants.tsv:
 * 髙 -> 高, 﨑 -> 崎, 邊 -> 辺 ...); and drops white space, punctuation
 * and variation selectors (IVS) so "鈴木 一郎" finds "鈴木一郎".
 */

/* The version of text_search_key: stored search keys made by another
 * version are rebuilt when a file is opened (search.c). */
#define TEXT_SEARCH_KEY_VERSION 2

/* One pair of data/name_variants.tsv (generated into the build). */
struct text_variant {
	int variant, standard;  /* code points */
};
extern const struct text_variant text_variants[];  /* sorted by variant */
extern const size_t text_variants_count;

/* The standard form of a kanji variant (髙 -> 高), else cp itself. */
int text_variant_fold(int cp);

/* NFC form of s (newly allocated), or NULL if s is not valid UTF-8. */
char *text_nfc(const char *s);
/* True for a code point NFC never changes, wherever it stands (text_nfc
 * passes a string of these through as it is). */
bool text_nfc_inert(int32_t cp);
/* The same for NFKC with case folding (text_search_key). */
bool text_fold_inert(int32_t cp);
/* The search key of s (newly allocated); invalid bytes are skipped. */
char *text_search_key(const char *s);
/* Trims ASCII and ideographic (U+3000) spaces at both ends; new string. */
char *text_trim(const char *s);
/* NFKC of s with spaces trimmed: for numbers and codes ("１，０２９" ->
 * "1,029"); new string or NULL if invalid UTF-8. */
char *text_nfkc_trim(const char *s);

#endif
