#ifndef TSUNAGU_REFDATA_H
#define TSUNAGU_REFDATA_H
#include <stddef.h>

/* The files of data/, compiled in (see scripts/embed-data.cmake). */
struct refdata_file {
	const char *name;   /* "areas.tsv" */
	const char *bytes;  /* NUL-terminated */
	size_t len;
};
extern const struct refdata_file refdata_files[];

/* The file named `name`, or NULL. */
const struct refdata_file *refdata_find(const char *name);

#endif
