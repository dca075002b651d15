/*
 * Everything of an .xlsx but the rows of its sheet.  Each part is one
 * expat pass with its own small handler state; names are compared
 * without their namespace prefix ("x:sheet" from some writers).  A part
 * is found through xl/_rels/workbook.xml.rels, never by its usual name
 * alone: LibreOffice, Google Sheets and Excel agree on the relationships,
 * not always on the file names.
 */
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include "tsunagu/io.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/xlsx.h"
#include "tsunagu/xlsxbook.h"

#define XML_CHUNK 65536
#define XLSX_PROBE_MAX 100
#define REL_NS_END(type, what) (strlen(type) >= strlen(what) && \
	strcmp(type + strlen(type) - strlen(what), what) == 0)

const char *xlsx_local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

const char *xlsx_attr(const XML_Char **atts, const char *local)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (strcmp(xlsx_local(atts[i]), local) == 0)
			return atts[i + 1];
	return NULL;
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
			       const XML_Char *pubid, int internal)
{
	struct xml_base *b = ud;

	b->doctype = true;
	XML_StopParser(b->p, XML_FALSE);
}

XML_Parser xlsx_parser_new(struct xml_base *base, struct tsu_error *err)
{
	XML_Parser p = XML_ParserCreate("UTF-8");

	if (!p)
		abort(); /* out of memory, as xmalloc */
	base->p = p;
	base->err = err;
	base->st = TSU_OK;
	XML_SetUserData(p, base);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	return p;
}

enum tsu_status xlsx_parse_fail(struct xml_base *b, const char *name, const char *entry)
{
	if (b->st != TSU_OK)
		return b->st;
	if (b->doctype)
		return tsu_fail(b->err, TSU_INVALID,
				"%s: Excel ブックの %s に DOCTYPE があります (Excel が書くことのないもので、安全のため読みません)",
				name, entry);
	return tsu_fail(b->err, TSU_INVALID,
			"%s: Excel ブックの %s が壊れています (%lu 行目: %s)", name, entry,
			(unsigned long)XML_GetCurrentLineNumber(b->p),
			XML_ErrorString(XML_GetErrorCode(b->p)));
}

static enum tsu_status zip_fail(struct xlsx_book *bk, const char *entry, zip_error_t *ze,
				struct tsu_error *err)
{
	if (zip_error_code_zip(ze) == ZIP_ER_NOPASSWD || zip_error_code_zip(ze) == ZIP_ER_WRONGPASSWD)
		return tsu_fail(err, TSU_INVALID,
				"%s はパスワードで保護されています。パスワードを外して保存してから読み込んでください",
				bk->name);
	return tsu_fail(err, TSU_INVALID, "%s: Excel ブックの %s が読めません (%s)", bk->name,
			entry, zip_error_strerror(ze));
}

struct zip_file *xlsx_entry_open(struct xlsx_book *bk, const char *entry, long *size,
				 struct tsu_error *err)
{
	zip_stat_t zs;
	zip_int64_t idx = zip_name_locate(bk->zip, entry, ZIP_FL_NOCASE);

	if (idx < 0 || zip_stat_index(bk->zip, (zip_uint64_t)idx, 0, &zs) != 0) {
		tsu_fail(err, TSU_INVALID, "%s: Excel ブックに %s がありません (ファイルが壊れています)",
			 bk->name, entry);
		return NULL;
	}
	if ((zs.valid & ZIP_STAT_SIZE) && zs.size > (zip_uint64_t)XLSX_ENTRY_MAX) {
		tsu_fail(err, TSU_INVALID,
			 "%s: Excel ブックの %s は展開すると %llu MB あり、大きすぎるので読みません (上限は %ld MB)",
			 bk->name, entry, (unsigned long long)(zs.size >> 20), XLSX_ENTRY_MAX >> 20);
		return NULL;
	}
	if (size)
		*size = (zs.valid & ZIP_STAT_SIZE) ? (long)zs.size : 0;
	zip_file_t *zf = zip_fopen_index(bk->zip, (zip_uint64_t)idx, 0);
	if (!zf)
		zip_fail(bk, entry, zip_get_error(bk->zip), err);
	return zf;
}

long xlsx_entry_read(struct xlsx_book *bk, struct zip_file *zf, const char *entry, char *buf,
		     size_t n, long *total, struct tsu_error *err)
{
	zip_int64_t got = zip_fread(zf, buf, n);

	if (got < 0) {
		zip_fail(bk, entry, zip_file_get_error(zf), err);
		return -1;
	}
	*total += (long)got;
	bk->unpacked += (long)got;
	if (bk->unpacked > XLSX_TOTAL_MAX) {
		tsu_fail(err, TSU_INVALID,
			 "%s: Excel ブックを展開すると %ld MB を超え、大きすぎるので読みません",
			 bk->name, XLSX_TOTAL_MAX >> 20);
		return -1;
	}
	if (*total > XLSX_ENTRY_MAX) {
		tsu_fail(err, TSU_INVALID,
			 "%s: Excel ブックの %s は展開すると %ld MB を超え、大きすぎるので読みません",
			 bk->name, entry, XLSX_ENTRY_MAX >> 20);
		return -1;
	}
	return (long)got;
}

/* Runs a whole entry through a parser whose handlers are set; a handler
 * may stop it early on purpose (base->stopped). */
static enum tsu_status parse_entry(struct xlsx_book *bk, const char *entry, struct xml_base *b,
				   struct tsu_error *err)
{
	zip_file_t *zf = xlsx_entry_open(bk, entry, NULL, err);
	char *buf;
	long total = 0, n;
	enum tsu_status st = TSU_OK;

	if (!zf)
		return err->status;
	buf = xmalloc(XML_CHUNK);
	do {
		n = xlsx_entry_read(bk, zf, entry, buf, XML_CHUNK, &total, err);
		if (n < 0) {
			st = err->status;
			break;
		}
		if (XML_Parse(b->p, buf, (int)n, n == 0) == XML_STATUS_ERROR) {
			if (!b->stopped || b->doctype || b->st != TSU_OK)
				st = xlsx_parse_fail(b, bk->name, entry);
			break;
		}
	} while (n > 0);
	free(buf);
	zip_fclose(zf);
	return st;
}

/* ---- xl/workbook.xml and its relationships ---- */

struct list {
	char **v;
	size_t n, cap;
};

static void list_add(struct list *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = xstrdup(s ? s : "");
}

static void list_free(struct list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

struct book_parse {
	struct xml_base base;
	struct list names, rids;         /* <sheet name r:id> in order */
	struct list ids, types, targets; /* <Relationship> */
	bool date1904;
};

static void XMLCALL book_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct book_parse *w = ud;
	const char *name = xlsx_local(el), *v;

	if (strcmp(name, "sheet") == 0) {
		list_add(&w->names, xlsx_attr(atts, "name"));
		list_add(&w->rids, xlsx_attr(atts, "id"));
	} else if (strcmp(name, "workbookPr") == 0 && (v = xlsx_attr(atts, "date1904"))) {
		w->date1904 = strcmp(v, "1") == 0 || strcmp(v, "true") == 0;
	} else if (strcmp(name, "Relationship") == 0 && (v = xlsx_attr(atts, "TargetMode")) == NULL) {
		list_add(&w->ids, xlsx_attr(atts, "Id"));
		list_add(&w->types, xlsx_attr(atts, "Type"));
		list_add(&w->targets, xlsx_attr(atts, "Target"));
	}
}

/* The zip entry a relationship of xl/workbook.xml points to. */
static char *rel_entry(const char *target)
{
	struct sbuf e = {0};

	if (target[0] == '/')
		sbuf_add(&e, target + 1);
	else
		sbuf_addf(&e, "xl/%s", target);
	return sbuf_detach(&e);
}

/* The entry of relationship rid (or of the first of type `type` when rid
 * is NULL), or NULL. */
static char *rel_find(const struct book_parse *w, const char *rid, const char *type)
{
	for (size_t i = 0; i < w->ids.n; i++)
		if (rid ? strcmp(w->ids.v[i], rid) == 0 : REL_NS_END(w->types.v[i], type))
			return rel_entry(w->targets.v[i]);
	return NULL;
}

static bool rel_is_worksheet(const struct book_parse *w, const char *rid)
{
	for (size_t i = 0; i < w->ids.n; i++)
		if (strcmp(w->ids.v[i], rid) == 0)
			return REL_NS_END(w->types.v[i], "/worksheet");
	return false;
}

/* ---- other sheets: does one hold a value? ---- */

struct probe {
	struct xml_base base;
	bool in_value, found;
};

static void XMLCALL probe_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct probe *p = ud;
	const char *name = xlsx_local(el);

	p->in_value = strcmp(name, "v") == 0 || strcmp(name, "t") == 0;
}

static void XMLCALL probe_end(void *ud, const XML_Char *el)
{
	((struct probe *)ud)->in_value = false;
}

static void XMLCALL probe_text(void *ud, const XML_Char *s, int len)
{
	struct probe *p = ud;

	if (p->in_value && len > 0 && !p->found) {
		p->found = true;
		p->base.stopped = true;
		XML_StopParser(p->base.p, XML_FALSE);
	}
}

static bool sheet_has_value(struct xlsx_book *bk, const char *entry)
{
	struct tsu_error e2 = {0};
	struct probe p = {0};
	XML_Parser xp = xlsx_parser_new(&p.base, &e2);

	XML_SetElementHandler(xp, probe_start, probe_end);
	XML_SetCharacterDataHandler(xp, probe_text);
	parse_entry(bk, entry, &p.base, &e2);
	XML_ParserFree(xp);
	return p.found;
}

/* The first worksheet and the other sheets with a value, from the parsed
 * workbook and relationships. */
static enum tsu_status pick_sheets(struct xlsx_book *bk, struct book_parse *w,
				   struct tsu_error *err)
{
	struct list others = {0};
	size_t probed = 0;

	for (size_t i = 0; i < w->names.n; i++) {
		if (!rel_is_worksheet(w, w->rids.v[i]))
			continue;
		if (!bk->sheet_entry) {
			bk->sheet_entry = rel_find(w, w->rids.v[i], NULL);
			bk->sheet_name = xstrdup(w->names.v[i]);
			continue;
		}
		char *entry = rel_find(w, w->rids.v[i], NULL);
		/* a workbook with hundreds of sheets is told about its first ones */
		if (++probed <= XLSX_PROBE_MAX && sheet_has_value(bk, entry))
			list_add(&others, w->names.v[i]);
		free(entry);
	}
	bk->others = others.v;
	bk->nothers = others.n;
	if (!bk->sheet_entry)
		return tsu_fail(err, TSU_INVALID, "%s: Excel ブックにワークシートがありません", bk->name);
	return TSU_OK;
}

static enum tsu_status load_workbook(struct xlsx_book *bk, char **styles, char **strings,
				     struct tsu_error *err)
{
	struct book_parse w = {0};
	XML_Parser p = xlsx_parser_new(&w.base, err);
	enum tsu_status st;

	XML_SetStartElementHandler(p, book_start);
	st = parse_entry(bk, "xl/workbook.xml", &w.base, err);
	XML_ParserFree(p);
	if (st == TSU_OK) {
		p = xlsx_parser_new(&w.base, err);
		XML_SetStartElementHandler(p, book_start);
		st = parse_entry(bk, "xl/_rels/workbook.xml.rels", &w.base, err);
		XML_ParserFree(p);
	}
	bk->date1904 = w.date1904;
	if (st == TSU_OK)
		st = pick_sheets(bk, &w, err);
	*styles = rel_find(&w, NULL, "/styles");
	*strings = rel_find(&w, NULL, "/sharedStrings");
	list_free(&w.names);
	list_free(&w.rids);
	list_free(&w.ids);
	list_free(&w.types);
	list_free(&w.targets);
	return st;
}

/* ---- xl/styles.xml: which cell styles show dates ---- */

struct styles_parse {
	struct xml_base base;
	long *fmt_id;            /* <numFmt> ids and what they show */
	unsigned char *fmt_kind;
	size_t nfmt, capfmt;
	bool in_xfs;
	long *xf_fmt;            /* <cellXfs><xf numFmtId> in order */
	size_t nxf, capxf;
};

static void XMLCALL styles_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct styles_parse *s = ud;
	const char *name = xlsx_local(el), *id = xlsx_attr(atts, "numFmtId");

	if (strcmp(name, "numFmt") == 0 && id) {
		const char *code = xlsx_attr(atts, "formatCode");
		if (s->nfmt == s->capfmt) {
			s->capfmt = s->capfmt ? s->capfmt * 2 : 16;
			s->fmt_id = xrealloc(s->fmt_id, s->capfmt * sizeof(*s->fmt_id));
			s->fmt_kind = xrealloc(s->fmt_kind, s->capfmt);
		}
		s->fmt_id[s->nfmt] = strtol(id, NULL, 10);
		s->fmt_kind[s->nfmt++] = (unsigned char)sheet_numfmt_code(code ? code : "");
	} else if (strcmp(name, "cellXfs") == 0) {
		s->in_xfs = true;
	} else if (strcmp(name, "xf") == 0 && s->in_xfs) {
		if (s->nxf == s->capxf) {
			s->capxf = s->capxf ? s->capxf * 2 : 16;
			s->xf_fmt = xrealloc(s->xf_fmt, s->capxf * sizeof(*s->xf_fmt));
		}
		s->xf_fmt[s->nxf++] = id ? strtol(id, NULL, 10) : 0;
	}
}

static void XMLCALL styles_end(void *ud, const XML_Char *el)
{
	struct styles_parse *s = ud;

	if (strcmp(xlsx_local(el), "cellXfs") == 0)
		s->in_xfs = false;
}

static enum tsu_status load_styles(struct xlsx_book *bk, const char *entry,
				   struct tsu_error *err)
{
	struct styles_parse s = {0};
	XML_Parser p = xlsx_parser_new(&s.base, err);
	enum tsu_status st;

	XML_SetElementHandler(p, styles_start, styles_end);
	st = parse_entry(bk, entry, &s.base, err);
	XML_ParserFree(p);
	bk->nxf = s.nxf;
	bk->xf_kind = xcalloc(s.nxf ? s.nxf : 1, 1);
	for (size_t i = 0; i < s.nxf; i++) {
		/* a workbook may define an id the built-in list has: its own wins */
		enum sheet_numfmt k = sheet_numfmt_builtin(s.xf_fmt[i]);
		for (size_t j = 0; j < s.nfmt; j++)
			if (s.fmt_id[j] == s.xf_fmt[i])
				k = (enum sheet_numfmt)s.fmt_kind[j];
		bk->xf_kind[i] = (unsigned char)k;
	}
	free(s.fmt_id);
	free(s.fmt_kind);
	free(s.xf_fmt);
	return st;
}

/* ---- xl/sharedStrings.xml ---- */

struct sst_parse {
	struct xml_base base;
	struct list strs;
	struct sbuf cur, out;
	bool in_si, in_t;
	int rph;      /* inside <rPh>: furigana, not part of the text */
};

static void XMLCALL sst_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct sst_parse *s = ud;
	const char *name = xlsx_local(el);

	if (strcmp(name, "si") == 0) {
		s->in_si = true;
		sbuf_reset(&s->cur);
	} else if (strcmp(name, "rPh") == 0) {
		s->rph++;
	} else if (strcmp(name, "t") == 0) {
		s->in_t = s->in_si && s->rph == 0;
	}
}

static void XMLCALL sst_end(void *ud, const XML_Char *el)
{
	struct sst_parse *s = ud;
	const char *name = xlsx_local(el);

	if (strcmp(name, "t") == 0) {
		s->in_t = false;
	} else if (strcmp(name, "rPh") == 0 && s->rph > 0) {
		s->rph--;
	} else if (strcmp(name, "si") == 0 && s->in_si) {
		sbuf_reset(&s->out);
		sheet_unescape(s->cur.s ? s->cur.s : "", s->cur.len, &s->out);
		list_add(&s->strs, sbuf_str(&s->out));
		s->in_si = false;
	}
}

static void XMLCALL sst_text(void *ud, const XML_Char *t, int len)
{
	struct sst_parse *s = ud;

	if (s->in_t)
		sbuf_addn(&s->cur, t, (size_t)len);
}

static enum tsu_status load_strings(struct xlsx_book *bk, const char *entry,
				    struct tsu_error *err)
{
	struct sst_parse s = {0};
	XML_Parser p = xlsx_parser_new(&s.base, err);
	enum tsu_status st;

	XML_SetElementHandler(p, sst_start, sst_end);
	XML_SetCharacterDataHandler(p, sst_text);
	st = parse_entry(bk, entry, &s.base, err);
	XML_ParserFree(p);
	bk->sst = s.strs.v;
	bk->nsst = s.strs.n;
	sbuf_free(&s.cur);
	sbuf_free(&s.out);
	return st;
}

static bool has_entry(struct xlsx_book *bk, const char *entry)
{
	return entry && zip_name_locate(bk->zip, entry, ZIP_FL_NOCASE) >= 0;
}

enum tsu_status xlsx_book_load(struct xlsx_book *bk, struct zip *za, const char *name,
			       struct tsu_error *err)
{
	char *styles = NULL, *strings = NULL;
	enum tsu_status st;

	bk->zip = za;
	bk->name = xstrdup(name);
	st = load_workbook(bk, &styles, &strings, err);
	if (st == TSU_OK && !styles && has_entry(bk, "xl/styles.xml"))
		styles = xstrdup("xl/styles.xml");
	if (st == TSU_OK && !strings && has_entry(bk, "xl/sharedStrings.xml"))
		strings = xstrdup("xl/sharedStrings.xml");
	if (st == TSU_OK && has_entry(bk, styles))
		st = load_styles(bk, styles, err);
	if (st == TSU_OK && has_entry(bk, strings))
		st = load_strings(bk, strings, err);
	free(styles);
	free(strings);
	return st;
}

void xlsx_book_free(struct xlsx_book *bk)
{
	if (bk->zip)
		zip_discard(bk->zip);
	free(bk->name);
	free(bk->sheet_name);
	free(bk->sheet_entry);
	for (size_t i = 0; i < bk->nothers; i++)
		free(bk->others[i]);
	free(bk->others);
	free(bk->xf_kind);
	for (size_t i = 0; i < bk->nsst; i++)
		free(bk->sst[i]);
	free(bk->sst);
	*bk = (struct xlsx_book){0};
}
