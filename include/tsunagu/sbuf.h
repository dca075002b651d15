#ifndef TSUNAGU_SBUF_H
#define TSUNAGU_SBUF_H
#include <stddef.h>
#include <stdbool.h>

/* A growable NUL-terminated byte string.  Zero-initialise to start.
 * Allocation failure aborts: the tool cannot continue without memory. */
struct sbuf {
	char *s;
	size_t len;
	size_t cap;
};

void sbuf_add(struct sbuf *b, const char *s);
void sbuf_addn(struct sbuf *b, const char *s, size_t n);
void sbuf_addc(struct sbuf *b, char c);
void sbuf_addf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sbuf_reset(struct sbuf *b);
/* Returns the string (never NULL) and leaves `b` empty; caller frees. */
char *sbuf_detach(struct sbuf *b);
void sbuf_free(struct sbuf *b);
const char *sbuf_str(const struct sbuf *b);

/* Allocation helpers that abort on failure. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
