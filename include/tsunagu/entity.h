#ifndef TSUNAGU_ENTITY_H
#define TSUNAGU_ENTITY_H
#include <stdbool.h>

/*
 * The data model as data.  Every entity (table) and its user-visible
 * fields are listed once, in src/store/entity.c; the CLI's --FIELD flags,
 * `show`, `history`, forms in the TUI, CSV columns and validation are all
 * driven from these tables, so a field added there appears everywhere.
 */
enum field_type {
	FIELD_TEXT,     /* one line */
	FIELD_LONGTEXT, /* notes, body: may hold newlines, edited in $EDITOR */
	FIELD_INT,
	FIELD_REAL,
	FIELD_DATE,     /* stored ISO; input also 和暦 (date_parse) */
	FIELD_TIME,     /* stored HH:MM; input also 14:00:00, 午後2時 (time_parse) */
	FIELD_BOOL,     /* stored 0/1; input 1/0, yes/no, はい/いいえ, true/false */
	FIELD_CHOICE,   /* stored code from refvalue kind `ref` */
	FIELD_REF,      /* stored UUID of entity `ref`; input id prefix or name */
	FIELD_SET,      /* a set kept in a link table; value "a,b,c" */
};

enum field_flag {
	FIELD_REQUIRED = 1 << 0, /* must be non-empty on insert */
	FIELD_CONTACT  = 1 << 1, /* left out of exports without 本人同意 */
	FIELD_READONLY = 1 << 2, /* set by the program, not by the user */
};

struct field_def {
	const char *name;   /* column and CLI flag (--name) */
	const char *label;  /* Japanese label shown to users */
	enum field_type type;
	const char *ref;    /* CHOICE: refvalue kind; REF/SET(ref): entity */
	unsigned flags;
};

struct entity_def {
	const char *name;   /* "party" */
	const char *table;  /* "party" */
	const char *label;  /* "関係者・団体" */
	const struct field_def *fields;
	int nfields;
	const char *title_field; /* the field that names a row ("name", "title") */
};

/* The entity named `name` ("party", "task", "log", ...) or NULL. */
const struct entity_def *entity_find(const char *name);
/* Its field `name`, or NULL. */
const struct field_def *entity_field(const struct entity_def *e, const char *name);
int entity_field_index(const struct entity_def *e, const char *name);
/* NULL-terminated list of all entities. */
const struct entity_def *const *entity_all(void);

#endif
