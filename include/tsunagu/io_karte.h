#ifndef TSUNAGU_IO_KARTE_H
#define TSUNAGU_IO_KARTE_H
#include "tsunagu/ioctx.h"
#include "tsunagu/outfile.h"

/*
 * The 地域カルテ of an area (or of every area) as a Markdown report:
 * 基礎データ (districts, population, 高齢化率, households), 地域資源
 * (organisations by type), 拠点・施設, 課題 (open tasks), the karte items
 * by section, and the area's vision and plan.  Names of persons and all
 * contact details are left out: the report is meant to be shared.  The
 * document is report_karte's (report_kinds.h), rendered as Markdown.
 */
enum tsu_status io_export_karte(struct io_ctx *c, struct outfile *o, struct tsu_error *err);

#endif
