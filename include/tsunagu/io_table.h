#ifndef TSUNAGU_IO_TABLE_H
#define TSUNAGU_IO_TABLE_H
#include "tsunagu/ioctx.h"
#include "tsunagu/outfile.h"

/*
 * The project's own CSV layout for an entity (parties, tasks, events):
 * the first column "ID", then one column per field of entity.c in table
 * order, headed by the field's Japanese label, the one the app shows (区分,
 * 名称・氏名, よみ ...), or with io_options.field_headings by the field
 * name (id, kind, name ...).  Export writes exactly that; import
 * accepts the columns in any order, headed by field name or Japanese label
 * (compared after width/bracket folding), updates rows whose id exists and
 * inserts the others.  Reference fields are written as the name of the
 * row they point to when that name finds it again, else as its id.
 */
enum tsu_status io_table_import(struct io_ctx *c, const char *entity, struct tsu_error *err);
enum tsu_status io_table_export(struct io_ctx *c, const char *entity, struct outfile *o,
				struct tsu_error *err);

/* Message for a character CP932 cannot hold in row `id`, field `label`. */
enum tsu_status io_cp932_fail(struct tsu_error *err, const char *id, const char *label,
			      const char *value, int32_t bad);

#endif
