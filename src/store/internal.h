#ifndef TSUNAGU_STORE_INTERNAL_H
#define TSUNAGU_STORE_INTERNAL_H
/* Private to src/store: the store struct and SQL helpers. */
#include <sqlite3.h>
#include "tsunagu/store.h"
#include "tsunagu/record.h"

struct choice {
	char *kind, *code, *label;
};

/* Prepared statements are kept for reuse: a write touches the same few
 * statements (history, search, links) over and over. */
#define STORE_STMT_CACHE 64
struct stmt_slot {
	uint32_t hash;         /* of sql: most look-ups compare only this */
	char *sql;
	sqlite3_stmt *stmt;
	bool busy;
};

/* pagecheck.c: a file by device and inode (0, 0: none), and its size and
 * times then (what another program's write would change) */
struct pagecheck_id {
	unsigned long long dev, ino;
	long long size, ctime_s, ctime_ns, mtime_s, mtime_ns;
};

/* resolve.c: a name resolved during a bulk write, kept until a row of its
 * table is written or a savepoint rolls back */
#define RESOLVE_KEPT 8
struct resolved {
	const struct entity_def *e;
	bool deleted;
	char *ref;
	uuid_str id;
};

struct store {
	sqlite3 *db;
	int (*yield_pending)(void *ud); /* store_yield_to */
	void *yield_ud;
	struct stmt_slot cache[STORE_STMT_CACHE];
	int ncache;
	char *path;
	char *author;
	bool readonly;
	int tx_depth;          /* store_begin nesting */
	int savepoint_seq;
	uint64_t hlc_last;     /* last hybrid-clock stamp issued or seen */
	int sp_depth;          /* store_savepoint nesting */
	/* changelog.c: the action in progress (empty id: none) */
	char action_id[UUID_STR_LEN + 1];
	uint64_t action_ms;
	char replica[UUID_STR_LEN + 1]; /* checked at the first change of an action */
	/* their numbers in change_replica and change_action (schema 9), found
	 * at the action's first change; 0: not yet, or a rollback took them */
	sqlite3_int64 replica_n, action_n;
	bool seeding;          /* reference data: ids and stamps fixed */
	bool upgrade_only;     /* STORE_OPEN_UPGRADE: no compaction, no search rebuild */
	bool bulk;             /* store_bulk_begin: search documents wait (search.c) */
	struct search_waiting *waiting; /* searchwait.c: documents a bulk write has not indexed yet */
	struct derived_wait *deferred;  /* derived.c: triggers an import has set aside */
	/* search_directory.c: the last count of the party index, good while
	 * neither this connection (sqlite3_total_changes) nor another
	 * (PRAGMA data_version) has written since */
	char *party_n_fts;
	struct schema_want *schema_want; /* verify.c: what the migrations build */
	char **entity_sql;     /* store_entity_sql: each entity's statements' text, made once */
	bool pins_ready;       /* creation.c: this connection's TEMP triggers made */
	bool pages_ok;         /* verify.c: checked whole (or remembered so); pagecheck.c */
	struct pagecheck_id pages_of; /* the file as checked, or as this program's last write left it */
	long party_n;
	sqlite3_int64 party_n_changes, party_n_version;
	struct choice *choices;
	size_t nchoices;
	struct resolved resolved[RESOLVE_KEPT];
	int nresolved;
};

/* Maps the last SQLite error of st->db to a status and message. */
enum tsu_status store_sql_fail(struct store *st, struct tsu_error *err, const char *what);
/* Prepares sql (or reuses a cached statement not in use); on failure
 * fills err.  Every statement from here is given back with store_finish. */
enum tsu_status store_prepare(struct store *st, const char *sql, sqlite3_stmt **out,
			      struct tsu_error *err);
void store_finish(struct store *st, sqlite3_stmt *s);
void store_cache_clear(struct store *st);
/* The text of a statement of entity e that depends only on e's fields
 * (creation.c's pin, record.c's insert, replay.c's upsert): made by
 * `make` at its first use in an open file and kept, not formatted again
 * for every row of an import or a merge.  Freed by store_close. */
enum entity_sql { ENTITY_SQL_PIN, ENTITY_SQL_INSERT, ENTITY_SQL_UPSERT, ENTITY_SQL_KINDS };
typedef void entity_sql_make(struct sbuf *sql, const struct entity_def *e);
const char *store_entity_sql(struct store *st, const struct entity_def *e, enum entity_sql kind,
			     entity_sql_make *make);
/* Runs one statement through the statement cache (savepoints and other
 * statements run once per row). */
enum tsu_status store_run(struct store *st, const char *sql, struct tsu_error *err);
/* Runs sql without results. */
enum tsu_status store_exec(struct store *st, const char *sql, struct tsu_error *err);
/* Binds a list of text parameters (NULL binds NULL) starting at index 1. */
void store_bind_texts(sqlite3_stmt *s, int n, const char *const *vals);
/* The first column of the first row of sql as an integer (0 when there
 * is no row). */
enum tsu_status store_read_int(struct store *st, const char *sql, long long *out,
			       struct tsu_error *err);
/* Column i as a new string, or NULL. */
char *store_col_dup(sqlite3_stmt *s, int i);

/* Brings the open file to version count(migrations): a backup copy
 * FILE.bak-vN first (when it holds data), then each step in its own
 * transaction.  db.c passes schema_migrations; tests pass their own. */
enum tsu_status store_migrate(struct store *st, const char *const *migrations,
			      struct tsu_error *err);

/* maintenance.c: a backup copy of the file, byte for byte, taken while
 * this connection holds the write lock and has written nothing yet (so the
 * file on disk is whole and nobody can change it): much faster than the
 * backup API on a large file. */
enum tsu_status store_backup_locked(struct store *st, const char *out, struct tsu_error *err);
/* Copies a closed file byte for byte into dst (created, 0600). */
enum tsu_status store_copy_file(const char *src, const char *dst, struct tsu_error *err);

/* Savepoints give every write its own all-or-nothing scope. */
enum tsu_status store_savepoint(struct store *st, struct tsu_error *err);
/* store_savepoint for a write whose every check comes before its first
 * write (a new record): during an import no SQL savepoint (derived.c). */
enum tsu_status store_savepoint_checked(struct store *st, struct tsu_error *err);
enum tsu_status store_release(struct store *st, enum tsu_status result, struct tsu_error *err);

/* The current action's time as ISO text for created_at/updated_at (the
 * same instant its changes record). */
void store_now_iso(struct store *st, char buf[32]);

/* changelog.c */
/* Starts an action if none is open (id, time, clock caught up, replica). */
enum tsu_status changelog_action(struct store *st, struct tsu_error *err);
void changelog_action_end(struct store *st);
/* Forgets the action's numbers in change_replica/change_action: a rollback
 * to a savepoint may have taken the rows that gave them. */
void changelog_refs_forget(struct store *st);
/* This file's replica id into st->replica, minted anew for a copied file. */
enum tsu_status changelog_replica(struct store *st, struct tsu_error *err);
/* This file's replica id into out (empty when the file is not where it was
 * minted: its next action mints a new one), without writing anything. */
void changelog_replica_peek(struct store *st, char out[UUID_STR_LEN + 1]);
uint64_t changelog_max_hlc(struct store *st);
/* The clock takes in a stamp seen elsewhere: the next one is later. */
void changelog_absorb(struct store *st, uint64_t stamp);
/* Appends one change (an edit, a deletion, a set element); *hlc_out (may
 * be NULL) gets its stamp. */
enum tsu_status changelog_add(struct store *st, const char *entity, const char *row_id,
			      const char *field, const char *old_value, const char *new_value,
			      const char *covers, uint64_t *hlc_out, struct tsu_error *err);
/* Appends the creation change of row_id (its values stay in the row until
 * it changes: creation.c). */
enum tsu_status changelog_created(struct store *st, const struct entity_def *e,
				  const char *row_id, uint64_t *hlc_out, struct tsu_error *err);

/* creation.c: a creation change's values are the row's own until the row
 * or one of its sets first changes; then they are written into it. */
/* The JSON object of the row whose id is the SQL expression id_expr, in
 * `schema` (NULL: unqualified), as a parenthesised subquery. */
void creation_json_sql(struct sbuf *sql, const struct entity_def *e, const char *schema,
		       const char *id_expr);
/* Makes this connection's TEMP triggers that pin a creation before its row
 * or sets change; call outside any transaction. */
enum tsu_status creation_triggers(struct store *st, struct tsu_error *err);
/* Writes the creation of row_id into its change if it is not there yet. */
enum tsu_status creation_pin(struct store *st, const struct entity_def *e, const char *row_id,
			     struct tsu_error *err);
/* For a SELECT list: new_value of the change-log row aliased `alias`, an
 * unpinned creation filled in from the rows in schema `source` (NULL:
 * unqualified). */
void creation_filled_sql(struct sbuf *sql, const char *source, const char *alias);
/* The JSON object of row_id as it is now (new string; NULL if none). */
char *creation_value(struct store *st, const struct entity_def *e, const char *row_id);

/* resolve.c: during a bulk write an import names the same few areas in
 * every row; their answers are kept (begin/end with the bulk write) and
 * forgotten at a write to their table or a rollback. */
void resolve_keep_begin(struct store *st);
void resolve_keep_end(struct store *st);
void resolve_forget(struct store *st);

/* choices.c */
enum tsu_status choices_load(struct store *st, struct tsu_error *err);
void choices_free(struct store *st);
/* The stored code for what the user typed (code or label, width/case
 * folded), or NULL. */
const char *choice_match(struct store *st, const char *kind, const char *input);

/* derived.c: the triggers that fire on an import's inserts taken out for
 * its transaction (within one; otherwise nothing is done), and what they
 * keep brought up to date from the rows and the triggers put back; or
 * forgotten (a rollback gives them back). */
enum tsu_status derived_defer(struct store *st, struct tsu_error *err);
enum tsu_status derived_catch_up(struct store *st, struct tsu_error *err);
void derived_forget(struct store *st);
/* sets.c: a party's area link put or taken other than in a new record
 * (the counts by area are then counted again at the import's end). */
void derived_area_link_touched(struct store *st);
/* The live parties of each area counted now, as rows (area_id, n): what
 * area_tally holds beside the count of all under '' (schema 6), counted
 * again by store_check to compare and by an import that changed existing
 * parties' areas to replace it. */
#define AREA_TALLY_RECOUNT_SQL \
	"SELECT a.id AS area_id, x.n AS n FROM (SELECT l.value, count(*) AS n" \
	" FROM party_area_link l JOIN party p ON p.rowid = l.owner WHERE p.deleted_at IS NULL" \
	" GROUP BY l.value) x JOIN area a ON a.rowid = x.value"
/* A write checked whole before its first write (store_savepoint_checked):
 * begin (false: a savepoint is needed), whether the open savepoint is one,
 * and its end, which turns a failure after a write into the import's. */
bool derived_guard_begin(struct store *st);
bool derived_guarding(const struct store *st);
enum tsu_status derived_guard_end(struct store *st, enum tsu_status result,
				  struct tsu_error *err);

/* db.c: ends a bulk write that failed (its transaction is to be rolled
 * back): the waiting documents go with it, the page cache is given back. */
void store_bulk_cancel(struct store *st);

/* pagecheck.c: whether the file is as it was when last checked whole and
 * written only by this program since; remember it so (after a whole check
 * and this program's own writes), or forget it (damage found). */
bool pagecheck_is_current(const char *db_path);
/* Which file the path names now, with its size and times. */
void pagecheck_identity(const char *db_path, struct pagecheck_id *id);
/* Whether the path names the file `id`, unwritten since. */
bool pagecheck_unchanged(const char *db_path, const struct pagecheck_id *id);
/* Remembered only when the path still names the file `checked`. */
void pagecheck_remember(const char *db_path, const struct pagecheck_id *checked);
void pagecheck_forget(const char *db_path);
/* The file of an open store stays checked across its writes
 * (db.c): taken up at open when remembered, carried from one write of
 * this program to its next, dropped when anything else wrote between. */
void pagecheck_take_up(struct store *st);
void pagecheck_written(struct store *st);
bool pagecheck_still_ours(struct store *st);

/* verify.c: frees the schema kept for comparing (store_close). */
void store_schema_want_free(struct store *st);

/* search.c */
enum tsu_status search_reindex(struct store *st, const char *entity, const char *id,
			       struct tsu_error *err);
/* The party whose document holds row `id` now (a log entry of a party and
 * no task), else NULL; new string.  Taken before a change (`was`), it
 * tells search_left, after the row's own documents are redone, whether
 * the change took the entry out of that party's document (moved to a task
 * or another party), which is then made again without it. */
char *search_holder(struct store *st, const char *entity, const char *id);
enum tsu_status search_left(struct store *st, const char *entity, const char *id,
			    const char *was, struct tsu_error *err);
/* Takes document `rowid` out of an index (grams NULL) or puts it in:
 * search_party, or search_index. */
enum tsu_status search_write_doc(struct store *st, bool party, sqlite3_int64 rowid,
				 const char *grams, struct tsu_error *err);
/* Gives the waiting documents of a bulk write to the index. */
enum tsu_status search_flush(struct store *st, struct tsu_error *err);
/* searchwait.c: the documents of a bulk write waiting for their index.  A
 * savepoint marks how many wait as it begins; its release (undone: rolled
 * back) drops those that came since, or may give them all to the index. */
void search_wait_mark(struct store *st);
enum tsu_status search_wait_release(struct store *st, bool undone, struct tsu_error *err);
enum tsu_status search_wait_put(struct store *st, sqlite3_int64 rid, bool party,
				const char *grams, struct tsu_error *err);
bool search_wait_full(const struct store *st);
/* Whether document `rid` of an index waits (the index's copy of it may be
 * older than what is written). */
bool search_wait_has(const struct store *st, sqlite3_int64 rid, bool party);
void search_wait_clear(struct store *st);
void search_wait_free(struct store *st);
/* The same for a row that has no document yet (just inserted). */
enum tsu_status search_index_new(struct store *st, const char *entity, const char *id,
				 struct tsu_error *err);
struct set_given;
/* A new party's document, made from the values and sets (by field) it was
 * just written with, not read back: the bytes its row, links and areas
 * give (what check compares). */
enum tsu_status search_party_created(struct store *st, const struct entity_def *e,
				     sqlite3_int64 rowid, char *const *vals,
				     const struct set_given *sets, struct tsu_error *err);
/* How many live parties' documents in the directory's index are not what
 * their rows, log entries and areas make now (check); -1 on failure. */
long search_party_stale(struct store *st);
/* Whether a change of `field` of `entity` can change a search document
 * (the fields the documents are made of; "_created", "_deleted" and
 * "_restored" always can). */
bool search_reads_field(const char *entity, const char *field);
/* Takes a deleted row's text out of the index (a party's log entry: out
 * of its party's document). */
enum tsu_status search_remove(struct store *st, const char *entity, const char *id,
			      struct tsu_error *err);
/* Appends the grams of one piece of text ("スズ ズキ キ "). */
void search_add_grams(struct sbuf *out, const char *text);
/* The token of an area in its parties' documents, from the area id
 * column `col` (search_area_token makes the same in C). */
#define SEARCH_AREA_PREFIX "_a"
#define SEARCH_AREA_TOKEN_SQL(col) "'" SEARCH_AREA_PREFIX "' || replace(" col ", '-', '')"
/* The same token of area `area_id`, appended in C. */
void search_area_token(struct sbuf *out, const char *area_id);
/* search_index keys a document by its row's rowid (search.c): a task's
 * is rowid * 2, a log entry's rowid * 2 + 1.  In SQL, of a rowid r of a
 * row, and of a document's rowid d: */
#define SEARCH_DOC_TASK(r) "(" r ") * 2"
#define SEARCH_DOC_LOG(r) "(" r ") * 2 + 1"
#define SEARCH_DOC_IS_LOG(d) "(" d ") & 1"
#define SEARCH_DOC_ROW(d) "(" d ") >> 1"
/* The FTS5 MATCH expression for what the user typed (new string), or NULL
 * when it folds to nothing (only spaces or punctuation). */
char *search_fts_query(const char *user_text);
/* The SQL condition "<col> IN (...)" for rows of owner_entity (party,
 * task or area) whose documents match FTS parameter ?<param>; for parties
 * and tasks <col> is a rowid, for areas an id. */
void search_sql_filter(struct sbuf *sql, const char *col, const char *owner_entity, int param);

/* search_directory.c: the directory's search as you type. */
int search_sql_register(sqlite3 *db);
/* gramtok.c: the search indexes' tokenizer, tsu_grams (schema 10), on db. */
int gramtok_register(sqlite3 *db);
/* idset.c: tsu_idxor and tsu_idset, the sums of sets of change ids
 * (schema 13: the trigger on every change written needs them). */
int idset_register(sqlite3 *db);
/* Adds the changes after seq `mark` to change_replica's sums (what the
 * trigger change_held does for each change as it is written). */
enum tsu_status idset_add_since(struct store *st, sqlite3_int64 mark, struct tsu_error *err);
/* The MATCH expression of the party index for what the user typed within
 * one area (NULL: all), or NULL when the text folds to nothing. */
char *search_party_fts(const char *user_text, const char *area_id);
/* How many live parties match (the index's own count, kept for the next
 * call while nothing was written). */
enum tsu_status search_party_count(struct store *st, const char *fts, long *n,
				   struct tsu_error *err);
/* The rowids (a JSON array) of the parties at [offset, offset + limit) of
 * the directory's order that match: found by walking that order when the
 * matches are dense enough for it to be the cheaper way, else by sorting
 * the matches. */
enum tsu_status search_party_page(struct store *st, const char *fts, long offset, long limit,
				  char **ids, struct tsu_error *err);

/* sets.c: FIELD_SET values kept in link tables. */
struct set_def {
	const char *entity, *field;  /* owner entity and its field */
	const char *table;           /* link table */
	const char *owner_col, *value_col;
	const char *ref_table;       /* for reference sets: table to show names from */
	const char *link;            /* the table `table` is a view of (schema 11) */
	const char *put_sql;         /* puts (?1 owner, ?2 value, ?3 added) in table */
	const char *add_sql;         /* the same for an element not there (no upsert) */
	const char *drop_sql;        /* takes (?1 owner, ?2 value) out */
};
const struct set_def *set_find(const char *entity, const char *field);
/* Makes the set `value` ("a,b"; every element signed: "+a,-b" adds and
 * takes away) of an existing row current: one change per element added
 * or removed (*changed set when any). */
enum tsu_status sets_write(struct store *st, const struct entity_def *e, const char *id,
			   const struct field_def *f, const char *value, bool *changed,
			   struct tsu_error *err);
/* A new record's set value, read and checked before anything of the
 * record is written (record.c: split, "+"/"-" signs, references resolved
 * to ids), then put in as the elements its creation change records, by
 * the new row's rowid. */
struct set_given {
	const struct set_def *d;
	char **items;
	int *signs;
	size_t n;
	bool delta;      /* every item signed */
};
enum tsu_status sets_given(struct store *st, const struct entity_def *e,
			   const struct field_def *f, const char *value, struct set_given *g,
			   struct tsu_error *err);
enum tsu_status sets_put_new(struct store *st, sqlite3_int64 owner, const struct set_given *g,
			     struct tsu_error *err);
/* Whether item i of a new record's set is put (sets_put_new): an add, and
 * not named before it. */
bool sets_given_puts(const struct set_given *g, size_t i);
void sets_given_free(struct set_given *g);
/* One element of owner's set goes (a change covering the adds it saw) or
 * comes (an add change): the delete cascade and restore (cascade.c,
 * restore.c) write links one by one, as an edit of the set would; the
 * owner row is stamped and its search document redone. */
enum tsu_status sets_remove_element(struct store *st, const struct set_def *d, const char *owner,
				    const char *value, struct tsu_error *err);
enum tsu_status sets_add_element(struct store *st, const struct set_def *d, const char *owner,
				 const char *value, struct tsu_error *err);
/* Every set field: the table of sets.c and its length in *n. */
const struct set_def *sets_all(size_t *n);
/* Adds (`add`) or removes one element `value` (as stored: an id for
 * references) of the set, one change (the owner stamped, as sets_add_element and
 * sets_remove_element do); nothing when it already is so (*changed tells). */
enum tsu_status sets_element(struct store *st, const struct set_def *d, const char *owner,
			     const char *value, bool add, bool *changed, struct tsu_error *err);
/* Recomputes the links of owner from the change log (merge). */
enum tsu_status sets_replay(struct store *st, const struct set_def *d, const char *owner,
			    struct tsu_error *err);
char *sets_read(struct store *st, const struct entity_def *e, const char *id,
		const struct field_def *f);

/* replay.c: rebuilds row `id` from all of its changes (merge); *deleted
 * (may be NULL) tells whether it ends deleted.  `need` (NULL: all of it)
 * says what the changes that came in can have moved: the set fields whose
 * bit (1 << field index) is in `sets` are rebuilt from the log, the
 * others are as this file has them; the search documents are made again
 * when `search`, or when the record ends deleted or live where it was not
 * (`was_deleted`: as this file had it). */
struct replay_need {
	unsigned long long sets;
	bool search;
	bool was_deleted;
};
enum tsu_status replay_record(struct store *st, const struct entity_def *e, const char *id,
			      const struct replay_need *need, bool *deleted, struct tsu_error *err);
/* merge.c: the merge from an attached file on (`merge`, `sync`). */
struct merge_summary;
struct merge_run {
	const char *schema;   /* the attached file's schema name: "other", "sync0" */
	const char *backup;   /* copy to write before the first change comes in, or NULL */
	bool backed_up;
	uint64_t max_hlc;     /* highest stamp brought in (for changelog_absorb) */
};
/* "file:" URI of path with ?mode=ro / rw / rwc (ATTACH of another file). */
char *store_file_uri(const char *path, const char *mode);
/* Brings the changes of schema's `changelog` that this file lacks, and
 * its `conflict` rows, into this file, adding to *sum.  Runs inside the
 * caller's transaction, which rolls back on failure. */
enum tsu_status merge_attached(struct store *st, struct merge_run *run, struct merge_summary *sum,
			       struct tsu_error *err);
/* changefile.c: the change files of `tsunagu sync`. */
struct changefile_info {
	long changes;          /* rows of its change log */
	char fingerprint[96];  /* of its change ids and conflicts */
};
/* NULL when the change file at path can be read as replica's (*info
 * filled), else why not: one Japanese line (new string). */
char *changefile_check(const char *path, const char *replica, struct changefile_info *info);
/* The same numbers for this file's own log. */
enum tsu_status changefile_fingerprint(struct store *st, struct changefile_info *info,
				       struct tsu_error *err);
/* Writes this file's change log and conflicts to path (0600), through a
 * temporary file in dir renamed into place (and removes this replica's
 * temporary files a stopped sync left).  No transaction may be open. */
enum tsu_status changefile_write(struct store *st, const char *dir, const char *path,
				 const char *replica, const struct changefile_info *info,
				 struct tsu_error *err);
/* record.c: brings a deleted row back (a `_restored` change). */
enum tsu_status record_restore(struct store *st, const struct entity_def *e, const char *id,
			       struct tsu_error *err);

/* record.c: sets column f of row id from old_value to new_value, the row
 * stamped, one change (an edit, an undo); a log entry it takes out of a
 * party's search document leaves that document. */
enum tsu_status record_write_column(struct store *st, const struct entity_def *e,
				    const char *id, const struct field_def *f,
				    const char *old_value, const char *new_value,
				    struct tsu_error *err);
/* record.c: stamps row id as changed by this action and brings its search
 * document up to date when it is live (a set element written on its own, an
 * undo). */
enum tsu_status record_touch(struct store *st, const char *entity, const char *id,
			     struct tsu_error *err);
/* The search documents of row id brought up to date when it is live. */
enum tsu_status record_reindex(struct store *st, const char *entity, const char *id,
			       struct tsu_error *err);

/* seed.c */
enum tsu_status seed_reference(struct store *st, struct tsu_error *err);
/* Adds the choices of data/choices.tsv a file lacks (a list or a choice
 * added by a later version); existing ones are left as they are. */
enum tsu_status seed_choice_lists(struct store *st, struct tsu_error *err);
void seed_id(const char *key, uuid_str out);

/* record.c: insert with a given id (seeding); NULL id mints a UUID v7. */
enum tsu_status record_insert_fixed(struct store *st, const char *entity,
				    const struct field_value *fv, size_t n,
				    const char *fixed_id, struct tsu_error *err);

/* changelog.c: a value of the meta table ("" when not set), and setting one. */
enum tsu_status store_meta_get(struct store *st, const char *key, char *out, size_t n,
			       struct tsu_error *err);
enum tsu_status store_meta_set(struct store *st, const char *key, const char *value,
			       struct tsu_error *err);
/* search.c: rebuilds the search index when its keys were made by another
 * version of text_search_key (a file opened for writing only). */
enum tsu_status search_key_check(struct store *st, struct tsu_error *err);

/* validate.c: normalises user input for field f into *out (new string,
 * NULL for empty).  Fails naming the field and the offending input. */
enum tsu_status value_normalize(struct store *st, const struct field_def *f,
				const char *input, char **out, struct tsu_error *err);
/* Splits a set value "a,b、c" into trimmed NFC items; returns count. */
size_t value_split_set(const char *value, char ***items);
void value_free_list(char **items, size_t n);

#endif
