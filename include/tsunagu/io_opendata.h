#ifndef TSUNAGU_IO_OPENDATA_H
#define TSUNAGU_IO_OPENDATA_H
#include "tsunagu/ioctx.h"

/*
 * Import of the national open-data formats into the database.
 *
 * districts (地域・年齢別人口): each row's 地域名 is matched to a district
 * already in the file (seeded from data/districts.tsv or added by hand) by
 * place_key(); its population, 65+ population (sum of the age bands from
 * 65), households, as-of date and code are set.  Rows that match no
 * district are skipped and listed through the report callback, not
 * created: such files also hold totals (市全体, 町名計) that are not
 * districts, and a new district would not know its area.  When a file
 * holds several dates for one district, the latest wins.
 *
 * facilities (公共施設一覧): inserted, or updated when a facility of the
 * same name and address exists; the area is that of the district whose
 * name the address contains (longest match).
 */
enum tsu_status io_import_districts(struct io_ctx *c, struct tsu_error *err);
enum tsu_status io_import_facilities(struct io_ctx *c, struct tsu_error *err);

#endif
