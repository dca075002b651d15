/*
 * Reference data from the data directory (compiled in): choice lists, the ten
 * areas of seed 000 and the districts of the model areas.
 *
 * Seeded rows get deterministic ids (a fixed UUID v7 time, the rest hashed
 * from the row's name), so two files created apart on two laptops share
 * the same ten areas and merge without duplicates.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "tsunagu/textnorm.h"
#include "tsunagu/refdata.h"

#define SEED_EPOCH_MS 1617235200000ULL /* 2021-04-01T00:00:00Z, 地域協創 start */

const struct refdata_file *refdata_find(const char *name)
{
	for (const struct refdata_file *f = refdata_files; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

/* Stable UUID v7-shaped id for seeded row `key`. */
void seed_id(const char *key, uuid_str out)
{
	uint64_t h1 = 1469598103934665603ULL, h2 = 0x9E3779B97F4A7C15ULL;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
		h1 = (h1 ^ *p) * 1099511628211ULL;
		h2 = (h2 ^ *p) * 0x100000001B3ULL + (h1 >> 7);
	}
	/* spread over ~3 days after the epoch so short id prefixes differ */
	uint64_t ms = SEED_EPOCH_MS + (h2 >> 36);
	snprintf(out, UUID_STR_LEN + 1, "%08llx-%04llx-7%03llx-%04llx-%012llx",
		 (unsigned long long)(ms >> 16), (unsigned long long)(ms & 0xFFFF),
		 (unsigned long long)(h1 & 0xFFF),
		 (unsigned long long)(0x8000 | ((h1 >> 12) & 0x3FFF)),
		 (unsigned long long)(h2 & 0xFFFFFFFFFFFFULL));
}

typedef enum tsu_status (*tsv_row_fn)(struct store *st, int n, char **cols, struct tsu_error *err);

/* Calls fn for each non-comment line of data file `name`, split at tabs. */
static enum tsu_status each_tsv_row(struct store *st, const char *name, tsv_row_fn fn,
				    struct tsu_error *err)
{
	const struct refdata_file *f = refdata_find(name);
	if (!f)
		return tsu_fail(err, TSU_IO, "data/%s が組み込まれていません", name);
	char *copy = xstrdup(f->bytes), *save = NULL;
	enum tsu_status rc = TSU_OK;
	for (char *line = strtok_r(copy, "\n", &save); line && rc == TSU_OK;
	     line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char *cols[16] = {0};
		int n = 0;
		for (char *p = line; n < 16; ) {
			cols[n++] = p;
			p = strchr(p, '\t');
			if (!p)
				break;
			*p++ = '\0';
		}
		rc = fn(st, n, cols, err);
	}
	free(copy);
	return rc;
}

static enum tsu_status seed_choice(struct store *st, int n, char **cols, struct tsu_error *err)
{
	sqlite3_stmt *s;
	if (n < 3)
		return tsu_fail(err, TSU_INVALID, "data/choices.tsv: 列が足りません (%s)", cols[0]);
	/* sort follows the file's order */
	if (store_prepare(st, "INSERT OR IGNORE INTO refvalue(kind, code, label, sort)"
			  " VALUES(?1, ?2, ?3, (SELECT count(*) FROM refvalue))", &s, err))
		return err->status;
	store_bind_texts(s, 3, (const char *const *)cols);
	int rc = sqlite3_step(s);
	store_finish(st, s);
	return rc == SQLITE_DONE ? TSU_OK : store_sql_fail(st, err, "refvalue");
}

static const char *col(int n, char **cols, int i)
{
	return i < n && cols[i][0] ? cols[i] : NULL;
}

static enum tsu_status seed_area(struct store *st, int n, char **cols, struct tsu_error *err)
{
	struct field_value fv[] = {
		{"sort", col(n, cols, 0)}, {"name", col(n, cols, 1)}, {"kind", col(n, cols, 2)},
		{"schools", col(n, cols, 3)}, {"address", col(n, cols, 4)},
		{"population_approx", col(n, cols, 5)}, {"start_year", col(n, cols, 6)},
		{"notes", col(n, cols, 7)},
	};
	uuid_str id;
	if (n < 2)
		return tsu_fail(err, TSU_INVALID, "data/areas.tsv: 列が足りません (%s)", cols[0]);
	seed_id(cols[1], id);
	return record_insert_fixed(st, "area", fv, sizeof fv / sizeof fv[0], id, err);
}

static enum tsu_status seed_district(struct store *st, int n, char **cols, struct tsu_error *err)
{
	uuid_str area_id, id;
	struct sbuf key = {0};
	if (n < 2)
		return tsu_fail(err, TSU_INVALID, "data/districts.tsv: 列が足りません (%s)", cols[0]);
	seed_id(cols[0], area_id);
	sbuf_addf(&key, "%s/%s", cols[0], cols[1]);
	seed_id(key.s, id);
	sbuf_free(&key);
	struct field_value fv[] = {
		{"area_id", area_id}, {"name", col(n, cols, 1)}, {"notes", col(n, cols, 2)},
	};
	return record_insert_fixed(st, "district", fv, sizeof fv / sizeof fv[0], id, err);
}

enum tsu_status seed_choice_lists(struct store *st, struct tsu_error *err)
{
	enum tsu_status rc = each_tsv_row(st, "choices.tsv", seed_choice, err);
	return rc == TSU_OK ? choices_load(st, err) : rc;
}

enum tsu_status seed_reference(struct store *st, struct tsu_error *err)
{
	char *saved = xstrdup(st->author);
	store_set_author(st, "tsunagu");
	/* the same ids, stamps and times in every file: fresh files share
	 * their reference data's log and merge without a difference */
	changelog_action_end(st);
	st->seeding = true;
	enum tsu_status rc = seed_choice_lists(st, err);
	if (rc == TSU_OK)
		rc = each_tsv_row(st, "areas.tsv", seed_area, err);
	if (rc == TSU_OK)
		rc = each_tsv_row(st, "districts.tsv", seed_district, err);
	if (rc == TSU_OK) { /* indexed with today's search key from the start */
		char key[16];
		snprintf(key, sizeof key, "%d", TEXT_SEARCH_KEY_VERSION);
		rc = store_meta_set(st, "search_key", key, err);
	}
	st->seeding = false;
	changelog_action_end(st);
	store_set_author(st, saved);
	free(saved);
	return rc;
}

enum tsu_status store_seed(struct store *st, struct tsu_error *err)
{
	if (store_begin(st, err) != TSU_OK)
		return err->status;
	enum tsu_status rc = seed_reference(st, err);
	if (rc != TSU_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st, err);
}
