/* vCard <-> parties, iCalendar <-> events and tasks. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "tsunagu/consent.h"
#include "tsunagu/clock.h"
#include "tsunagu/duplicates.h"
#include "tsunagu/entity.h"
#include "tsunagu/textnorm.h"
#include "tsunagu/ical.h"
#include "tsunagu/partymatch.h"
#include "tsunagu/icaltime.h"
#include "tsunagu/io_card.h"
#include "tsunagu/vcard.h"

/* The row id in a UID we wrote ("urn:uuid:ID" or "ID"), or NULL. */
static const char *uid_id(const char *uid)
{
	if (!uid)
		return NULL;
	if (strncmp(uid, "urn:uuid:", 9) == 0)
		uid += 9;
	return uuid_valid(uid) ? uid : NULL;
}

/*
 * Cards from a phone often have no UID (or one of the phone's own): such
 * a card is the party already in the file whose name reads the same (as
 * search folds it: width, spaces, kana, 髙/高 ...) and that has the same
 * phone number (width, brackets, hyphens ignored) or e-mail address, so
 * importing the phone's list twice does not double it.  A name alone is
 * not enough (namesakes are common): such a card is added, and the
 * summary names the likely duplicate.
 */
/* The id a card updates or is added under: its UID when that is a UUID
 * (ours, or a phone's), so a file exported and imported twice into a new
 * file adds nothing the second time; else the party partymatch finds;
 * NULL for a new party. */
static const char *card_target(const struct vcard *v, struct partymatch *k,
			       struct party_found *found)
{
	const char *id = uid_id(v->uid);

	memset(found, 0, sizeof(*found));
	if (id)
		return id;
	partymatch_find(k, v->fn, v->tel, v->email, found);
	return found->id;
}

static enum tsu_status card_to_party(struct io_ctx *c, const struct vcard *v,
				     struct partymatch *k, struct tsu_error *err)
{
	struct field_value fv[9];
	struct sbuf note = {0};
	size_t n = 0;
	bool org = vcard_is_org(v);

	if (!v->fn || !*v->fn)
		return tsu_fail(err, TSU_INVALID, "名前 (FN・N・ORG・EMAIL・TEL) のない名刺です");
	struct party_found found;
	const char *target = card_target(v, k, &found);
	/* a party found by a name and a number that read the same keeps
	 * them as this file writes them (山田 太郎, 042-111-2222) */
	fv[n++] = (struct field_value){"kind", org ? "org" : "person"};
	if (!found.id)
		fv[n++] = (struct field_value){"name", v->fn};
	if (org ? (v->org_kana || v->kana) : v->kana != NULL)
		fv[n++] = (struct field_value){"kana", org && v->org_kana ? v->org_kana : v->kana};
	if (v->tel && !found.same_phone)
		fv[n++] = (struct field_value){"phone", v->tel};
	if (v->email)
		fv[n++] = (struct field_value){"email", v->email};
	if (v->adr)
		fv[n++] = (struct field_value){"address", v->adr};
	/* our export says whether a person agreed, so that the contact details
	 * it carries are not withheld by the next export of the file read into */
	if (!org && v->consent && (strcmp(v->consent, "1") == 0 || strcmp(v->consent, "0") == 0))
		fv[n++] = (struct field_value){"consent", v->consent};
	/* a person's ORG has no field of its own: keep it in the notes */
	if (v->note)
		sbuf_add(&note, v->note);
	if (!org && v->org && *v->org && !(v->note && strstr(v->note, v->org)))
		sbuf_addf(&note, "%s所属: %s", note.len ? "\n" : "", v->org);
	if (!org && v->org && *v->org && v->org_unit && !(v->note && strstr(v->note, v->org_unit)))
		sbuf_addf(&note, "%s部署: %s", note.len ? "\n" : "", v->org_unit);
	if (!org && v->title && *v->title && !(v->note && strstr(v->note, v->title)))
		sbuf_addf(&note, "%s役職: %s", note.len ? "\n" : "", v->title);
	if (note.len)
		fv[n++] = (struct field_value){"notes", note.s};
	uuid_str id;
	enum tsu_status st = io_apply(c, "party", target, fv, n, id, err);
	sbuf_free(&note);
	if (st == TSU_OK && found.namesake)
		io_report_namesake(c, v->line, v->fn, found.namesake);
	if (st == TSU_OK && !target) /* a second card for them later in this file */
		partymatch_add(k, id, v->fn, v->tel, v->email);
	return st;
}

/* The line of the property a refused value came from: the field whose
 * label the message names (「住所」...), else the card's first line. */
static long refused_line(const struct vcard *v, const char *msg)
{
	static const struct { const char *field; size_t off; } at[] = {
		{"name", offsetof(struct vcard, fn_line)},
		{"phone", offsetof(struct vcard, tel_line)},
		{"email", offsetof(struct vcard, email_line)},
		{"address", offsetof(struct vcard, adr_line)},
		{"notes", offsetof(struct vcard, note_line)},
	};
	const struct entity_def *e = entity_find("party");

	for (size_t i = 0; e && i < sizeof(at) / sizeof(at[0]); i++) {
		const struct field_def *f = entity_field(e, at[i].field);
		char quoted[128];
		snprintf(quoted, sizeof(quoted), "「%s」", f ? f->label : "");
		long line = *(const long *)((const char *)v + at[i].off);
		if (f && strstr(msg, quoted) && line)
			return line;
	}
	return v->line;
}

/* One card: added or updated, or skipped with its reason. */
static enum tsu_status import_card(struct io_ctx *c, const struct vcard *v, struct partymatch *k,
				   struct tsu_error *err)
{
	if (v->problem)
		return io_skip_item(c, v->problem_line, v->problem, "名刺", err);
	enum tsu_status st = card_to_party(c, v, k, err);
	if (st == TSU_OK || tsu_status_exit_code(st) == 3)
		return st;
	char why[TSU_ERROR_MSG_MAX];
	snprintf(why, sizeof(why), "%s", err->msg);
	return io_skip_item(c, refused_line(v, why), why, "名刺", err);
}

enum tsu_status io_import_vcard(struct io_ctx *c, struct tsu_error *err)
{
	struct ctl_reader *r;
	struct vcard v = {0};
	bool got;
	long cards = 0, done, total;
	enum tsu_status st = ctl_open(c->path, c->opt->encoding, &r, err);

	if (st != TSU_OK)
		return st;
	struct partymatch *k = partymatch_load(c->st, err);
	if (!k)
		st = err->status;
	while (st == TSU_OK && (st = vcard_next(r, &v, &got, err)) == TSU_OK && got) {
		st = import_card(c, &v, k, err);
		if (++cards % 100 == 0) {
			ctl_progress(r, &done, &total);
			io_progress(c, done, total);
		}
	}
	if (st == TSU_OK && cards == 0)
		st = tsu_fail(err, TSU_INVALID, "%s:1: BEGIN:VCARD が一つもありません", c->path);
	else if (st == TSU_OK && cards == c->skipped)
		st = tsu_fail(err, TSU_INVALID, "%s (使える名刺が一つもありません。%ld 枚とも読み飛ばしました)",
			      c->first_skip, cards);
	partymatch_free(k);
	vcard_clear(&v);
	ctl_close(r);
	return st;
}

struct choice_find {
	const char *want;
	const char *code;
};

static int choice_hit(void *ud, const char *code, const char *label)
{
	struct choice_find *f = ud;

	if (strcmp(f->want, code) == 0 || strcmp(f->want, label) == 0) {
		f->code = code;
		return 1;
	}
	return 0;
}

/* The first of the comma-separated CATEGORIES that is a choice of kind. */
static char *category_choice(struct io_ctx *c, const char *kind, const char *cats)
{
	struct tsu_error e2 = {0};
	char *copy, *save = NULL, *result = NULL;

	if (!cats)
		return NULL;
	copy = xstrdup(cats);
	for (char *t = strtok_r(copy, ",", &save); t && !result; t = strtok_r(NULL, ",", &save)) {
		struct choice_find f = {t, NULL};
		if (store_choices(c->st, kind, choice_hit, &f, &e2) == TSU_OK && f.code)
			result = xstrdup(f.code);
	}
	free(copy);
	return result;
}

static const char *task_status(const struct ical_item *it)
{
	if (it->x_status && *it->x_status)
		return it->x_status;
	if (!it->status)
		return NULL;
	if (strcmp(it->status, "COMPLETED") == 0)
		return "完了";
	if (strcmp(it->status, "IN-PROCESS") == 0)
		return "対応中";
	if (strcmp(it->status, "CANCELLED") == 0)
		return "保留";
	return "未着手";
}

/*
 * Calendars exported by other programs carry their own UIDs; an event or
 * task without a UID of ours is the one already here with the same title
 * on the same date (and start time), so importing a calendar twice does
 * not double it.
 */
struct keyed {
	uuid_str id;
	char *key;
};

struct keyed_list {
	struct keyed *k;
	size_t n;
};

static char *cal_key(bool todo, const char *title, const char *date, const char *start)
{
	struct sbuf b = {0};
	char hhmm[6] = "";

	if (start && !ical_parse_hhmm(start, hhmm))
		hhmm[0] = '\0';
	sbuf_addf(&b, "%c\t%s\t%s\t%s", todo ? 'T' : 'E', title ? title : "", date ? date : "", hhmm);
	return sbuf_detach(&b);
}

static void keyed_add(struct keyed_list *l, const char *id, char *key)
{
	l->k = xrealloc(l->k, (l->n + 1) * sizeof(*l->k));
	snprintf(l->k[l->n].id, sizeof(l->k[l->n].id), "%s", id);
	l->k[l->n++].key = key;
}

static int collect_event(void *ud, const struct record *r)
{
	keyed_add(ud, r->id, cal_key(false, record_get(r, "title"), record_get(r, "date"),
				     record_get(r, "start_time")));
	return 0;
}

static int collect_task(void *ud, const struct record *r)
{
	keyed_add(ud, r->id, cal_key(true, record_get(r, "title"), record_get(r, "due"), NULL));
	return 0;
}

static void keyed_free(struct keyed_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->k[i].key);
	free(l->k);
}

/* The row an item updates or is added under: its UID when that is a
 * UUID (so items of ours keep their identity in any file, and two items
 * sharing a title and date never collapse); else the row with the same
 * title and date; NULL for a new one.  *key gets its key. */
static const char *item_target(const struct ical_item *it, struct keyed_list *l, char **key)
{
	const char *id = uid_id(it->uid);

	*key = it->todo ? cal_key(true, it->summary, it->due, NULL)
			: cal_key(false, it->summary, it->date, it->start_time);
	if (id)
		return id;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->k[i].key, *key) == 0)
			return l->k[i].id;
	return NULL;
}

static enum tsu_status item_to_row(struct io_ctx *c, const struct ical_item *it,
				   struct keyed_list *known, struct tsu_error *err)
{
	struct field_value fv[8];
	size_t n = 0;
	char *choice = category_choice(c, it->todo ? "category" : "event_kind", it->categories);

	/* SUMMARY is optional: Outlook, Google and Thunderbird write untitled events */
	fv[n++] = (struct field_value){"title", it->summary && *it->summary ? it->summary
									    : "(件名なし)"};
	if (it->todo) {
		if (it->due[0])
			fv[n++] = (struct field_value){"due", it->due};
		if (task_status(it))
			fv[n++] = (struct field_value){"status", task_status(it)};
		if (it->description)
			fv[n++] = (struct field_value){"body", it->description};
		if (choice)
			fv[n++] = (struct field_value){"category", choice};
	} else {
		if (it->date[0])
			fv[n++] = (struct field_value){"date", it->date};
		if (it->start_time[0])
			fv[n++] = (struct field_value){"start_time", it->start_time};
		if (it->end_time[0])
			fv[n++] = (struct field_value){"end_time", it->end_time};
		if (it->location)
			fv[n++] = (struct field_value){"place", it->location};
		if (it->description)
			fv[n++] = (struct field_value){"notes", it->description};
		if (choice)
			fv[n++] = (struct field_value){"kind", choice};
	}
	char *key;
	uuid_str id;
	const char *target = item_target(it, known, &key);
	enum tsu_status st = io_apply(c, it->todo ? "task" : "event", target, fv, n, id, err);
	if (st == TSU_OK && !target)
		keyed_add(known, id, key);
	else
		free(key);
	free(choice);
	return st;
}

/* The event already here that an item would update, or NULL. */
static const char *known_target(const struct ical_item *it, struct keyed_list *l)
{
	char *key;
	const char *id = item_target(it, l, &key);

	free(key);
	for (size_t i = 0; id && i < l->n; i++)
		if (strcmp(l->k[i].id, id) == 0)
			return l->k[i].id;
	return NULL;
}

static bool cancelled(const struct ical_item *it)
{
	return it->status && strcasecmp(it->status, "CANCELLED") == 0;
}

/* A cancelled event (STATUS:CANCELLED: Outlook's 「キャンセル済み:」 meetings,
 * Google's cancelled ones) is not imported, so the board does not show a
 * meeting that will not take place; it is named with its line, and so is
 * the event that an earlier import made of it, for the user to delete. */
static void report_cancelled(struct io_ctx *c, const struct ical_item *it,
			     struct keyed_list *known)
{
	const char *title = it->summary && *it->summary ? it->summary : "(件名なし)";
	const char *id = known_target(it, known);

	if (id)
		io_reportf(c, "%s:%ld: 「%s」は中止 (STATUS:CANCELLED) の行事です。前に取り込んだ行事が"
			   "残っています (消すときは tsunagu delete event %s)", c->path, it->line, title, id);
	else
		io_reportf(c, "%s:%ld: 「%s」は中止 (STATUS:CANCELLED) の行事なので取り込みませんでした",
			   c->path, it->line, title);
}

/* One event or task: added or updated, or skipped with its reason. */
static enum tsu_status import_item(struct io_ctx *c, const struct ical_item *it,
				   struct keyed_list *known, struct tsu_error *err)
{
	const char *what = it->todo ? "課題" : "行事";

	if (it->problem)
		return io_skip_item(c, it->problem_line, it->problem, what, err);
	if (!it->todo && !it->date[0])
		return io_skip_item(c, it->line, "DTSTART (開始日) がありません", what, err);
	if (!it->todo && cancelled(it)) {
		report_cancelled(c, it, known);
		return TSU_OK;
	}
	enum tsu_status st = item_to_row(c, it, known, err);
	if (st == TSU_OK || tsu_status_exit_code(st) == 3)
		return st;
	char why[TSU_ERROR_MSG_MAX];
	snprintf(why, sizeof(why), "%s", err->msg);
	return io_skip_item(c, it->line, why, what, err);
}

/*
 * A recurring event is kept as its first occurrence, its rule shown in
 * Japanese on the first line of its notes (繰り返し: 毎週 火曜).  An item with
 * a RECURRENCE-ID changes one occurrence of the item with its UID: the
 * change to the first occurrence is made to the event itself (so the
 * calendar read twice changes nothing); changes to later occurrences are
 * counted, since they have no event of their own.  The overrides are
 * gathered in a first pass over the file, as they may come before or
 * after their event.
 */
struct overrides {
	struct ical_item *it;
	bool *used;
	size_t n;
};

static void overrides_free(struct overrides *o)
{
	for (size_t i = 0; i < o->n; i++)
		ical_clear(&o->it[i]);
	free(o->it);
	free(o->used);
}

static enum tsu_status gather_overrides(struct io_ctx *c, struct overrides *o,
					struct tsu_error *err)
{
	struct ctl_reader *r = NULL;
	struct ical_item it = {0};
	struct ical_zones *zones = ical_zones_new();
	bool got;
	enum tsu_status st = ctl_open(c->path, c->opt->encoding, &r, err);

	while (st == TSU_OK && (st = ical_next(r, zones, &it, &got, err)) == TSU_OK && got) {
		if (!it.recur_date[0] || !it.uid || it.problem)
			continue;
		o->it = xrealloc(o->it, (o->n + 1) * sizeof(*o->it));
		o->used = xrealloc(o->used, (o->n + 1) * sizeof(*o->used));
		o->it[o->n] = it;       /* its strings move into the list */
		o->used[o->n++] = false;
		memset(&it, 0, sizeof(it));
	}
	ical_clear(&it);
	ical_zones_free(zones);
	ctl_close(r);
	return st;
}

static void take_text(char **to, char **from)
{
	if (*from) {
		free(*to);
		*to = *from;
		*from = NULL;
	}
}

/* The notes of an item: the lines for what its fields cannot hold (the
 * rule, a span of days, an end on a later day), then its DESCRIPTION.  A
 * DESCRIPTION that already begins with those lines (a calendar made from
 * an export of ours) does not get them twice. */
static void notes_head(struct ical_item *it)
{
	struct sbuf head = {0};

	ical_notes_head(it, &head);
	const char *d = it->description ? it->description : "";
	size_t n = head.len ? head.len - 1 : 0; /* without its last "\n" */
	if (n && !(strncmp(d, head.s, n) == 0 && (d[n] == '\0' || d[n] == '\n'))) {
		if (*d)
			sbuf_add(&head, d);
		else
			head.s[--head.len] = '\0';
		free(it->description);
		it->description = sbuf_detach(&head);
	}
	sbuf_free(&head);
}

/* An occurrence cancelled on its own (Google writes a deleted occurrence
 * of a meeting with guests as its RECURRENCE-ID with STATUS:CANCELLED) is
 * taken out of the series as an EXDATE is: named among the dates the
 * rule leaves out, and the series starting after it when it was the
 * first. */
static void exclude_cancelled(struct ical_item *it, struct overrides *o)
{
	for (size_t i = 0; it->rrule && it->uid && i < o->n; i++)
		if (!o->used[i] && cancelled(&o->it[i]) && strcmp(o->it[i].uid, it->uid) == 0) {
			o->used[i] = true;
			ical_exclude(it, o->it[i].recur_date);
		}
}

/* The master item on its first kept occurrence, with that occurrence's
 * override (if any) applied and the lines of notes_head at the top of its
 * notes. */
static void prepare_master(struct ical_item *it, struct overrides *o)
{
	exclude_cancelled(it, o);
	ical_first_kept(it); /* a series whose first date is taken out */
	for (size_t i = 0; it->rrule && it->uid && i < o->n; i++) {
		struct ical_item *x = &o->it[i];
		if (o->used[i] || strcmp(x->uid, it->uid) != 0 || strcmp(x->recur_date, it->date) != 0 ||
		    strcmp(x->recur_time, it->start_time) != 0)
			continue;
		o->used[i] = true;
		take_text(&it->summary, &x->summary);
		take_text(&it->location, &x->location);
		take_text(&it->description, &x->description);
		memcpy(it->date, x->date, sizeof(it->date));
		memcpy(it->start_time, x->start_time, sizeof(it->start_time));
		memcpy(it->end_time, x->end_time, sizeof(it->end_time));
		memcpy(it->last_date, x->last_date, sizeof(it->last_date));
		memcpy(it->last_time, x->last_time, sizeof(it->last_time));
	}
	notes_head(it);
}

static void report_calendar(struct io_ctx *c, const struct overrides *o, long tz_unknown)
{
	long later = 0;
	for (size_t i = 0; i < o->n; i++)
		later += !o->used[i];
	if (later)
		io_reportf(c, "繰り返しの 2 回目以降だけを変えたもの %ld 件は取り込みませんでした"
			   " (行事は繰り返しの最初の回です)", later);
	if (tz_unknown)
		io_reportf(c, "時間帯 (TZID) が分からない時刻 %ld 件は、書かれた時刻を日本時間として読みました",
			   tz_unknown);
}

enum tsu_status io_import_ical(struct io_ctx *c, struct tsu_error *err)
{
	struct ctl_reader *r = NULL;
	struct ical_item it = {0};
	struct keyed_list known = {0};
	struct overrides o = {0};
	struct ical_zones *zones = ical_zones_new();
	bool got;
	long items = 0, tz_unknown = 0, done, total;
	enum tsu_status st = gather_overrides(c, &o, err);

	if (st == TSU_OK)
		st = ctl_open(c->path, c->opt->encoding, &r, err);
	if (st == TSU_OK)
		st = store_each(c->st, "event", NULL, collect_event, &known, err);
	if (st == TSU_OK)
		st = store_each(c->st, "task", NULL, collect_task, &known, err);
	while (st == TSU_OK && (st = ical_next(r, zones, &it, &got, err)) == TSU_OK && got) {
		items++;
		if (it.recur_date[0] && !it.problem)
			continue; /* an override: applied to its event, or counted */
		prepare_master(&it, &o);
		tz_unknown += it.tz_unknown;
		st = import_item(c, &it, &known, err);
		if (items % 100 == 0) {
			ctl_progress(r, &done, &total);
			io_progress(c, done, total);
		}
	}
	if (st == TSU_OK && items == 0)
		io_reportf(c, "VEVENT も VTODO もありませんでした");
	else if (st == TSU_OK && c->skipped && items - (long)o.n == c->skipped)
		st = tsu_fail(err, TSU_INVALID, "%s (使える行事・課題が一つもありません。%ld 件とも読み飛ばしました)",
			      c->first_skip, c->skipped);
	if (st == TSU_OK)
		report_calendar(c, &o, tz_unknown);
	keyed_free(&known);
	ical_clear(&it);
	overrides_free(&o);
	ical_zones_free(zones);
	ctl_close(r);
	return st;
}

/* ---- export ---- */

struct card_export {
	struct io_ctx *c;
	struct outfile *o;
	struct sbuf buf;
	struct tsu_error *err;
	enum tsu_status st;
};

static enum tsu_status flush_buf(struct card_export *x)
{
	int32_t bad;
	enum tsu_status st = outfile_write(x->o, x->buf.s ? x->buf.s : "", x->buf.len, &bad, x->err);

	sbuf_reset(&x->buf);
	return st;
}

static int party_card(void *ud, const struct record *r)
{
	struct card_export *x = ud;
	struct sbuf uid = {0};
	bool contact = consent_record_allowed(r);
	const char *kind = record_get(r, "kind");
	struct vcard v = {0};

	sbuf_addf(&uid, "urn:uuid:%s", r->id);
	v.uid = uid.s;
	v.kind = (char *)(kind && strcmp(kind, "org") == 0 ? "org" : "individual");
	v.fn = (char *)record_get(r, "name");
	v.kana = (char *)record_get(r, "kana");
	if (strcmp(v.kind, "org") == 0)
		v.org = v.fn;
	else
		v.consent = (char *)(contact ? "1" : "0");
	if (contact) {
		v.tel = (char *)record_get(r, "phone");
		v.email = (char *)record_get(r, "email");
		v.adr = (char *)record_get(r, "address");
	}
	v.note = (char *)record_get(r, "notes");
	vcard_write(&x->buf, &v);
	sbuf_free(&uid);
	x->c->written++;
	if (x->buf.len >= 65536)
		x->st = flush_buf(x);
	return x->st != TSU_OK;
}

enum tsu_status io_export_vcard(struct io_ctx *c, struct outfile *o, struct tsu_error *err)
{
	struct card_export x = {.c = c, .o = o, .err = err};
	enum tsu_status st = store_each(c->st, "party", c->opt->area_id, party_card, &x, err);

	if (st == TSU_OK)
		st = x.st;
	if (st == TSU_OK)
		st = flush_buf(&x);
	sbuf_free(&x.buf);
	return st;
}

struct cal_export {
	struct card_export base;
	char dtstamp[20];
};

static int event_item(void *ud, const struct record *r)
{
	struct cal_export *x = ud;
	struct ical_item it = {0};

	if (!record_get(r, "date"))
		return 0;
	it.uid = (char *)r->id;
	it.summary = (char *)record_get(r, "title");
	snprintf(it.date, sizeof(it.date), "%s", record_get(r, "date"));
	if (record_get(r, "start_time") && ical_parse_hhmm(record_get(r, "start_time"), it.start_time) &&
	    record_get(r, "end_time"))
		ical_parse_hhmm(record_get(r, "end_time"), it.end_time);
	it.location = (char *)record_get(r, "place");
	it.description = (char *)record_get(r, "notes");
	it.categories = (char *)record_get(r, "kind");
	ical_write(&x->base.buf, &it, x->dtstamp);
	x->base.c->written++;
	return 0;
}

static int task_item(void *ud, const struct record *r)
{
	struct cal_export *x = ud;
	struct ical_item it = {.todo = true};

	if (!record_get(r, "due"))
		return 0;
	it.uid = (char *)r->id;
	it.summary = (char *)record_get(r, "title");
	snprintf(it.due, sizeof(it.due), "%s", record_get(r, "due"));
	it.x_status = (char *)record_get(r, "status");
	it.description = (char *)record_get(r, "body");
	it.categories = (char *)record_get(r, "category");
	ical_write(&x->base.buf, &it, x->dtstamp);
	x->base.c->written++;
	return 0;
}

enum tsu_status io_export_ical(struct io_ctx *c, struct outfile *o, struct tsu_error *err)
{
	struct cal_export x = {.base = {.c = c, .o = o, .err = err}};
	char iso[32];
	enum tsu_status st;

	/* DTSTAMP: 2026-11-23T09:15:02Z -> 20261123T091502Z */
	clock_iso(clock_now_ms(), iso, sizeof(iso));
	snprintf(x.dtstamp, sizeof(x.dtstamp), "%.4s%.2s%.2sT%.2s%.2s%.2sZ", iso, iso + 5,
		 iso + 8, iso + 11, iso + 14, iso + 17);
	ical_begin(&x.base.buf);
	st = store_each(c->st, "event", c->opt->area_id, event_item, &x, err);
	if (st == TSU_OK)
		st = store_each(c->st, "task", c->opt->area_id, task_item, &x, err);
	ical_end(&x.base.buf);
	if (st == TSU_OK)
		st = flush_buf(&x.base);
	sbuf_free(&x.base.buf);
	return st;
}
