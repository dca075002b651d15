#ifndef TSUNAGU_IO_KARTE_H
#define TSUNAGU_IO_KARTE_H
#include "tsunagu/ioctx.h"
#include "tsunagu/outfile.h"

/*
 * `export karte`: the 地域カルテ of an area (or of every area) as Markdown.
 * The document is report_karte's (report_kinds.h), the same as `report
 * karte`: persons appear only as key persons with their roles, never
 * with contact details, since the karte is meant to be shared.
 */
enum tsu_status io_export_karte(struct io_ctx *c, struct outfile *o, struct tsu_error *err);

#endif
