#ifndef TSUNAGU_CTLINE_H
#define TSUNAGU_CTLINE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "tsunagu/io.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/status.h"

/*
 * Content lines, the grammar vCard (RFC 6350, 2426) and iCalendar
 * (RFC 5545) share: NAME;PARAM=VALUE,...:VALUE, folded at 75 octets with a
 * CRLF and one space.  Older phones (vCard 2.1/3.0) also write
 * quoted-printable values whose soft line breaks ("=" at the end of a line)
 * continue on the next line without the space.
 */
struct ctl_reader;

struct ctl_param {
	char *name;   /* upper case; a bare "CELL" (vCard 2.1) is TYPE=CELL */
	char *value;  /* quotes removed */
};

struct ctl_prop {
	char *name;   /* upper case, group ("item1.") removed */
	struct ctl_param *params;
	size_t nparams;
	char *value;  /* raw: still escaped, maybe quoted-printable */
	long line;    /* where the (unfolded) line started */
	bool malformed; /* a line without ':' (name "", value the line) */
};

enum tsu_status ctl_open(const char *path, enum io_encoding enc, struct ctl_reader **out,
			 struct tsu_error *err);
enum tsu_status ctl_open_fp(FILE *fp, const char *name, enum io_encoding enc,
			    struct ctl_reader **out, struct tsu_error *err);
/* The next property, or *prop NULL at end of file; valid until the next
 * call.  A line without ':' comes as a property marked malformed, for the
 * reader to skip its item; only what makes the rest of the file unreadable
 * (a NUL byte, a line over IO_FIELD_MAX, bad encoding, I/O) is an error.
 * Lines end at LF, CR LF, CR CR LF (iPhone) or a lone CR; lines starting
 * with '#' are comments; a line ending in a single backslash continues on
 * the next one (vCard 2.1 writers) with a line break in the value. */
enum tsu_status ctl_next(struct ctl_reader *r, const struct ctl_prop **prop,
			 struct tsu_error *err);
/* Makes the next ctl_next return the same property again. */
void ctl_unread(struct ctl_reader *r);
const char *ctl_name(const struct ctl_reader *r);
void ctl_progress(const struct ctl_reader *r, long *done, long *total);
void ctl_close(struct ctl_reader *r);

/* The value of parameter `name` (upper case) or NULL. */
const char *ctl_param(const struct ctl_prop *p, const char *name);
/* True when parameter `name` lists `value` (case-insensitive), e.g.
 * TYPE=work,voice has "VOICE". */
bool ctl_param_has(const struct ctl_prop *p, const char *name, const char *value);

/* The value with quoted-printable and CHARSET undone (still escaped). */
enum tsu_status ctl_raw_value(const struct ctl_prop *p, struct sbuf *out,
			      struct tsu_error *err);
/* The value as text: decoded, then "\n", "\,", "\;", "\\" unescaped. */
enum tsu_status ctl_text(const struct ctl_prop *p, char **out, struct tsu_error *err);
/* The components of a structured value (N, ADR: split at unescaped ';'),
 * each unescaped; *n gets the count.  Free with ctl_free_parts. */
enum tsu_status ctl_parts(const struct ctl_prop *p, char ***parts, size_t *n,
			  struct tsu_error *err);
void ctl_free_parts(char **parts, size_t n);

/* Turns the line breaks of a decoded value into spaces, in place: for the
 * fields that hold one line (a name, an address, a title, a place). */
void ctl_one_line(char *s);
/* Appends text escaped for a TEXT value ('\\', ',', ';', newline). */
void ctl_escape(struct sbuf *b, const char *text);
/* Appends `line` folded at 75 octets (never inside a UTF-8 character)
 * and ended by CRLF. */
void ctl_fold(struct sbuf *b, const char *line);

#endif
