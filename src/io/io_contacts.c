/*
 * Contact CSVs of Google Contacts and Outlook (io_contacts.h).
 *
 * Each writer is one table of its headings and what each column holds (a
 * role) with a slot: Outlook's slots come with the heading (Mobile Phone
 * ranks before Home Phone before the other numbers; Home Street is address
 * 0, Business Street 1, Other Street 2).  Google numbers its groups
 * ("Phone 2 - Value", "Address 1 - City"), read by one more table: the
 * number is the slot, and a phone's rank is read from its label cell in
 * each row.  The writer whose table knows most of the headings (one of
 * them a name) is the one that wrote the file; headings are compared by
 * csv_header_key, so width, spaces and brackets do not matter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tsunagu/csvcell.h"
#include "tsunagu/io_contacts.h"
#include "tsunagu/textnorm.h"
#include "tsunagu/vcard.h"

#define CONTACT_ROLES(_) \
	_(SKIP) _(FAMILY) _(GIVEN) _(MIDDLE) _(FULL) \
	_(FAMILY_KANA) _(GIVEN_KANA) _(MIDDLE_KANA) _(FULL_KANA) \
	_(ORG) _(ORG_KANA) _(DEPT) _(TITLE) _(NOTES) _(EMAIL) _(PHONE) _(PHONE_LABEL) \
	_(ADR_FORMATTED) _(ADR_STREET) _(ADR_EXT) _(ADR_POBOX) _(ADR_CITY) _(ADR_REGION) \
	_(ADR_POSTAL) _(ADR_COUNTRY)

enum role {
#define ROLE_ENUM(x) R_##x,
	CONTACT_ROLES(ROLE_ENUM)
#undef ROLE_ENUM
	R_COUNT,
	R_NONE = R_COUNT /* a heading the writer does not have */
};

/* A phone's rank: the one kept is the lowest (a fax is never kept). */
enum { MOBILE, HOME, OTHER, NEVER };

/* Slots of numbered groups kept (Google's Address 11 is not read). */
#define SLOTS 10

struct col_def {
	const char *heading;
	enum role role;
	int slot;
};

#define COL(h, r, s) {h, R_##r, s},

/* Google Contacts since 2022; its numbered groups are GOOGLE_GROUPS. */
#define GOOGLE_COLUMNS(_) \
	_("First Name", GIVEN, 0) _("Middle Name", MIDDLE, 0) _("Last Name", FAMILY, 0) \
	_("Phonetic First Name", GIVEN_KANA, 0) _("Phonetic Middle Name", MIDDLE_KANA, 0) \
	_("Phonetic Last Name", FAMILY_KANA, 0) _("Name Prefix", SKIP, 0) \
	_("Name Suffix", SKIP, 0) _("Nickname", SKIP, 0) _("File As", SKIP, 0) \
	_("Organization Name", ORG, 0) _("Organization Title", TITLE, 0) \
	_("Organization Department", DEPT, 0) _("Birthday", SKIP, 0) _("Notes", NOTES, 0) \
	_("Photo", SKIP, 0) _("Labels", SKIP, 0)

/* Google's "Google CSV" before 2022. */
#define GOOGLE_OLD_COLUMNS(_) \
	_("Name", FULL, 0) _("Given Name", GIVEN, 0) _("Additional Name", MIDDLE, 0) \
	_("Family Name", FAMILY, 0) _("Yomi Name", FULL_KANA, 0) \
	_("Given Name Yomi", GIVEN_KANA, 0) _("Additional Name Yomi", MIDDLE_KANA, 0) \
	_("Family Name Yomi", FAMILY_KANA, 0) _("Name Prefix", SKIP, 0) \
	_("Name Suffix", SKIP, 0) _("Initials", SKIP, 0) _("Nickname", SKIP, 0) \
	_("Short Name", SKIP, 0) _("Maiden Name", SKIP, 0) _("Birthday", SKIP, 0) \
	_("Gender", SKIP, 0) _("Location", SKIP, 0) _("Billing Information", SKIP, 0) \
	_("Directory Server", SKIP, 0) _("Mileage", SKIP, 0) _("Occupation", SKIP, 0) \
	_("Hobby", SKIP, 0) _("Sensitivity", SKIP, 0) _("Priority", SKIP, 0) \
	_("Subject", SKIP, 0) _("Notes", NOTES, 0) _("Language", SKIP, 0) \
	_("Photo", SKIP, 0) _("Group Membership", SKIP, 0)

/* Google's numbered groups, both formats: "<group> N - <part>". */
#define GOOGLE_GROUPS(_) \
	_("E-mail", "Value", EMAIL) _("Phone", "Value", PHONE) \
	_("Phone", "Label", PHONE_LABEL) _("Phone", "Type", PHONE_LABEL) \
	_("Address", "Formatted", ADR_FORMATTED) _("Address", "Street", ADR_STREET) \
	_("Address", "City", ADR_CITY) _("Address", "PO Box", ADR_POBOX) \
	_("Address", "Region", ADR_REGION) _("Address", "Postal Code", ADR_POSTAL) \
	_("Address", "Country", ADR_COUNTRY) _("Address", "Extended Address", ADR_EXT) \
	_("Organization", "Name", ORG) _("Organization", "Yomi Name", ORG_KANA) \
	_("Organization", "Title", TITLE) _("Organization", "Department", DEPT)

#define OUTLOOK_ADDRESS(_, w, s) \
	_(w " Street", ADR_STREET, s) _(w " Street 2", ADR_STREET, s) \
	_(w " Street 3", ADR_STREET, s) _(w " City", ADR_CITY, s) _(w " State", ADR_REGION, s) \
	_(w " Postal Code", ADR_POSTAL, s) _(w " Country/Region", ADR_COUNTRY, s) \
	_(w " Country", ADR_COUNTRY, s) _(w " Address PO Box", ADR_POBOX, s)

/* Outlook desktop and Outlook.com, English headings. */
#define OUTLOOK_COLUMNS(_) \
	_("First Name", GIVEN, 0) _("Middle Name", MIDDLE, 0) _("Last Name", FAMILY, 0) \
	_("Given Name Yomi", GIVEN_KANA, 0) _("Family Name Yomi", FAMILY_KANA, 0) \
	_("Given Yomi", GIVEN_KANA, 0) _("Surname Yomi", FAMILY_KANA, 0) \
	_("Company Yomi", ORG_KANA, 0) _("Title", SKIP, 0) _("Suffix", SKIP, 0) \
	_("Company", ORG, 0) _("Department", DEPT, 0) _("Job Title", TITLE, 0) \
	OUTLOOK_ADDRESS(_, "Home", 0) OUTLOOK_ADDRESS(_, "Business", 1) \
	OUTLOOK_ADDRESS(_, "Other", 2) \
	_("Mobile Phone", PHONE, MOBILE) _("Home Phone", PHONE, HOME) \
	_("Home Phone 2", PHONE, HOME) _("Primary Phone", PHONE, OTHER) \
	_("Business Phone", PHONE, OTHER) _("Business Phone 2", PHONE, OTHER) \
	_("Company Main Phone", PHONE, OTHER) _("Other Phone", PHONE, OTHER) \
	_("Assistant's Phone", PHONE, OTHER) _("Car Phone", PHONE, OTHER) \
	_("Callback", PHONE, OTHER) _("Radio Phone", PHONE, OTHER) \
	_("Business Fax", SKIP, 0) _("Home Fax", SKIP, 0) _("Other Fax", SKIP, 0) \
	_("Pager", SKIP, 0) _("Telex", SKIP, 0) _("ISDN", SKIP, 0) _("TTY/TDD Phone", SKIP, 0) \
	_("E-mail Address", EMAIL, 0) _("E-mail 2 Address", EMAIL, 0) \
	_("E-mail 3 Address", EMAIL, 0) _("E-mail Type", SKIP, 0) \
	_("E-mail Display Name", SKIP, 0) _("Birthday", SKIP, 0) _("Anniversary", SKIP, 0) \
	_("Categories", SKIP, 0) _("Notes", NOTES, 0) _("Web Page", SKIP, 0)

#define OUTLOOK_JA_ADDRESS(_, w, s) \
	_(w "郵便番号", ADR_POSTAL, s) _(w "都道府県", ADR_REGION, s) \
	_(w "市区町村", ADR_CITY, s) _(w "番地", ADR_STREET, s) _(w "番地 2", ADR_STREET, s) \
	_(w "番地 3", ADR_STREET, s) _(w "国/地域", ADR_COUNTRY, s) \
	_(w "私書箱", ADR_POBOX, s)

/* Outlook with Japanese headings (written in CP932). */
#define OUTLOOK_JA_COLUMNS(_) \
	_("姓", FAMILY, 0) _("名", GIVEN, 0) _("ミドル ネーム", MIDDLE, 0) \
	_("姓 (ふりがな)", FAMILY_KANA, 0) _("名 (ふりがな)", GIVEN_KANA, 0) \
	_("姓 (フリガナ)", FAMILY_KANA, 0) _("名 (フリガナ)", GIVEN_KANA, 0) \
	_("フリガナ (姓)", FAMILY_KANA, 0) _("フリガナ (名)", GIVEN_KANA, 0) \
	_("フリガナ", FULL_KANA, 0) _("ふりがな", FULL_KANA, 0) \
	_("会社名", ORG, 0) _("勤務先", ORG, 0) _("会社名 (ふりがな)", ORG_KANA, 0) \
	_("会社名 (フリガナ)", ORG_KANA, 0) _("部署", DEPT, 0) _("役職", TITLE, 0) \
	_("敬称", SKIP, 0) _("メモ", NOTES, 0) \
	_("電子メール アドレス", EMAIL, 0) _("電子メール 2 アドレス", EMAIL, 0) \
	_("電子メール 3 アドレス", EMAIL, 0) _("携帯電話", PHONE, MOBILE) \
	_("自宅電話", PHONE, HOME) _("自宅電話 2", PHONE, HOME) \
	_("勤務先電話", PHONE, OTHER) _("勤務先電話 2", PHONE, OTHER) \
	_("会社電話", PHONE, OTHER) _("電話番号 (会社)", PHONE, OTHER) \
	_("会社代表電話", PHONE, OTHER) _("その他の電話", PHONE, OTHER) \
	_("自宅ファックス", SKIP, 0) _("勤務先ファックス", SKIP, 0) _("誕生日", SKIP, 0) \
	_("分類", SKIP, 0) _("Web ページ", SKIP, 0) \
	OUTLOOK_JA_ADDRESS(_, "自宅", 0) OUTLOOK_JA_ADDRESS(_, "勤務先", 1) \
	OUTLOOK_JA_ADDRESS(_, "その他の", 2)

static const struct col_def google_cols[] = {GOOGLE_COLUMNS(COL)};
static const struct col_def google_old_cols[] = {GOOGLE_OLD_COLUMNS(COL)};
static const struct col_def outlook_cols[] = {OUTLOOK_COLUMNS(COL)};
static const struct col_def outlook_ja_cols[] = {OUTLOOK_JA_COLUMNS(COL)};

struct group_def {
	const char *group, *part;
	enum role role;
};
#define GROUP(g, p, r) {g, p, R_##r},
static const struct group_def google_groups[] = {GOOGLE_GROUPS(GROUP)};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

struct writer {
	const char *label;
	const struct col_def *cols;
	size_t ncols;
	bool groups; /* Google's numbered groups */
};

static const struct writer writers[] = {
	{"Google コンタクト", google_cols, N_OF(google_cols), true},
	{"Google コンタクト (Google CSV)", google_old_cols, N_OF(google_old_cols), true},
	{"Outlook", outlook_cols, N_OF(outlook_cols), false},
	{"Outlook (日本語の見出し)", outlook_ja_cols, N_OF(outlook_ja_cols), false},
};

struct ccol {
	enum role role;
	int slot;
};

struct contacts_map {
	const struct writer *w;
	size_t n;
	struct ccol *col;
};

/* ---- the heading row ---- */

static bool is_name_role(enum role r)
{
	return r == R_FAMILY || r == R_GIVEN || r == R_FULL || r == R_ORG;
}

/* A Google numbered heading ("e-mail1-value" as a key): its role and slot. */
static bool group_col(const char *key, struct ccol *out)
{
	size_t p = strcspn(key, "0123456789");
	char *end;

	if (!key[p] || p == 0)
		return false;
	long num = strtol(key + p, &end, 10);
	if (*end != '-' || num < 1)
		return false;
	bool hit = false;
	for (size_t i = 0; i < N_OF(google_groups) && !hit; i++) {
		char *g = csv_header_key(google_groups[i].group), *part = csv_header_key(google_groups[i].part);
		hit = strlen(g) == p && strncmp(g, key, p) == 0 && strcmp(part, end + 1) == 0;
		if (hit)
			*out = (struct ccol){google_groups[i].role, (int)num - 1};
		free(g);
		free(part);
	}
	/* only the first organisation; addresses and numbers up to SLOTS */
	if (hit && (out->slot >= SLOTS || (out->slot > 0 && (out->role == R_ORG ||
		out->role == R_ORG_KANA || out->role == R_TITLE || out->role == R_DEPT))))
		out->role = R_SKIP;
	return hit;
}

/* Fills col for writer w; returns how many headings it knows (0 when
 * none of them is a name). */
static int assign_writer(const struct writer *w, char *const *keys, size_t n, struct ccol *col)
{
	int score = 0;
	bool named = false;

	for (size_t i = 0; i < n; i++)
		col[i] = (struct ccol){R_NONE, 0};
	for (size_t t = 0; t < w->ncols; t++) {
		int i = csv_header_find(keys, n, w->cols[t].heading);
		if (i < 0 || col[i].role != R_NONE)
			continue;
		col[i] = (struct ccol){w->cols[t].role, w->cols[t].slot};
		score++;
		named |= is_name_role(col[i].role);
	}
	for (size_t i = 0; w->groups && i < n; i++) {
		if (col[i].role == R_NONE && group_col(keys[i], &col[i])) {
			score++;
			named |= is_name_role(col[i].role);
		}
	}
	return named ? score : 0;
}

struct contacts_map *contacts_map_new(const struct csv_row *heading, int others)
{
	size_t n = heading->n;
	char **keys = xcalloc(n, sizeof(*keys));
	struct ccol *col = xcalloc(n, sizeof(*col)), *best = xcalloc(n, sizeof(*best));
	int best_score = 0;
	const struct writer *w = NULL;

	for (size_t i = 0; i < n; i++)
		keys[i] = csv_header_key(heading->f[i]);
	for (size_t k = 0; k < N_OF(writers); k++) {
		int score = assign_writer(&writers[k], keys, n, col);
		if (score > best_score) {
			best_score = score;
			w = &writers[k];
			memcpy(best, col, n * sizeof(*col));
		}
	}
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
	free(col);
	/* three known headings, one a name: not a list that merely has 姓 */
	if (best_score < 3 || best_score <= others) {
		free(best);
		return NULL;
	}
	struct contacts_map *m = xcalloc(1, sizeof(*m));
	*m = (struct contacts_map){.w = w, .n = n, .col = best};
	return m;
}

void contacts_map_free(struct contacts_map *m)
{
	if (!m)
		return;
	free(m->col);
	free(m);
}

void unread_add(struct unread_cols *u, const char *heading)
{
	if (u->named >= 8) {
		u->more++;
		return;
	}
	sbuf_addf(&u->names, "「%s」", heading);
	u->named++;
}

void unread_report(struct io_ctx *c, struct unread_cols *u, const char *tail)
{
	if (u->named && u->more)
		io_reportf(c, "列%s (ほか %d 列) %s", sbuf_str(&u->names), u->more, tail);
	else if (u->named)
		io_reportf(c, "列%s%s", sbuf_str(&u->names), tail);
	sbuf_free(&u->names);
	*u = (struct unread_cols){0};
}

void contacts_map_report(struct io_ctx *c, const struct contacts_map *m,
			 const struct csv_row *heading)
{
	struct unread_cols u = {0};

	io_reportf(c, "%s の連絡先 CSV として読みます", m->w->label);
	for (size_t i = 0; i < m->n && i < heading->n; i++)
		if ((m->col[i].role == R_SKIP || m->col[i].role == R_NONE) && heading->f[i][0])
			unread_add(&u, heading->f[i]);
	unread_report(c, &u, "は読み込みません");
}

/* ---- one row ---- */

/* What the cells of one row hold, each the first value of its cell
 * (Google joins several with " ::: "). */
struct acc {
	char *one[R_COUNT];          /* the first cell of each role with a value */
	char *adr[SLOTS][R_COUNT];   /* the parts of each address */
	const char *label[SLOTS];    /* Google: each phone's label */
	char *phone, *email;
	int phone_rank;
};

static void acc_free(struct acc *a)
{
	for (int r = 0; r < R_COUNT; r++) {
		free(a->one[r]);
		for (int s = 0; s < SLOTS; s++)
			free(a->adr[s][r]);
	}
	free(a->phone);
	free(a->email);
}

/* The first of the values of a cell, trimmed; NULL when empty. */
static char *first_value(const char *cell)
{
	const char *sep = strstr(cell, " ::: ");
	char *one = sep ? xstrndup(cell, (size_t)(sep - cell)) : xstrdup(cell);
	char *t = text_trim(one);

	free(one);
	if (t && !*t) {
		free(t);
		t = NULL;
	}
	return t;
}

/* The rank of a phone by its label: Mobile, Home, the rest; faxes and
 * pagers never (labels may carry Google's "* " for the primary one). */
static int label_rank(const char *label)
{
	char *k = csv_header_key(label ? label : "");
	int rank = OTHER;

	if (strstr(k, "fax") || strstr(k, "ファクス") || strstr(k, "ファックス") ||
	    strstr(k, "pager") || strstr(k, "ポケットベル"))
		rank = NEVER;
	else if (strstr(k, "mobile") || strstr(k, "cell") || strstr(k, "携帯"))
		rank = MOBILE;
	else if (strstr(k, "home") || strstr(k, "自宅"))
		rank = HOME;
	free(k);
	return rank;
}

/* Keeps v (owned) as the row's phone when it ranks before the one kept. */
static void take_phone(struct acc *a, char *v, int rank)
{
	if (rank == NEVER || (a->phone && a->phone_rank <= rank)) {
		free(v);
		return;
	}
	free(a->phone);
	a->phone = v;
	a->phone_rank = rank;
}

/* One cell into the accumulator. */
static void take_cell(const struct contacts_map *m, struct acc *a, struct ccol col, char *v)
{
	if (col.role == R_PHONE) {
		take_phone(a, v, m->w->groups ? label_rank(a->label[col.slot]) : col.slot);
	} else if (col.role == R_EMAIL) {
		/* Outlook writes an Exchange address (/o=...) for its own users */
		if (!a->email && strchr(v, '@'))
			a->email = v;
		else
			free(v);
	} else if (col.role >= R_ADR_FORMATTED && col.role <= R_ADR_COUNTRY) {
		char **slot = &a->adr[col.slot][col.role];
		if (*slot && col.role == R_ADR_STREET) { /* Street 2, Street 3 */
			struct sbuf b = {0};
			sbuf_addf(&b, "%s %s", *slot, v);
			free(*slot);
			free(v);
			*slot = sbuf_detach(&b);
		} else if (!*slot) {
			*slot = v;
		} else {
			free(v);
		}
	} else if (!a->one[col.role]) {
		a->one[col.role] = v;
	} else {
		free(v);
	}
}

static void gather(const struct contacts_map *m, const struct csv_row *row, struct acc *a)
{
	size_t n = row->n < m->n ? row->n : m->n;

	/* labels first: a phone's label may come after its number */
	for (size_t i = 0; i < n; i++)
		if (m->col[i].role == R_PHONE_LABEL)
			a->label[m->col[i].slot] = row->f[i];
	for (size_t i = 0; i < n; i++) {
		struct ccol col = m->col[i];
		if (col.role == R_NONE || col.role == R_SKIP || col.role == R_PHONE_LABEL)
			continue;
		char *v = col.role == R_NOTES ? text_trim(row->f[i]) : first_value(row->f[i]);
		if (v && *v)
			take_cell(m, a, col, v);
		else
			free(v);
	}
}

static bool all_ascii(char *const *parts, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (const char *p = parts[i]; p && *p; p++)
			if ((unsigned char)*p >= 0x80)
				return false;
	return true;
}

/* Non-empty parts joined with a space; NULL when all are empty. */
static char *join(char *const *parts, size_t n, const char *sep)
{
	struct sbuf b = {0};

	for (size_t i = 0; i < n; i++) {
		if (!parts[i] || !*parts[i])
			continue;
		if (b.len)
			sbuf_add(&b, sep);
		sbuf_add(&b, parts[i]);
	}
	return b.len ? sbuf_detach(&b) : (sbuf_free(&b), NULL);
}

/* A person's name: family name first (山田 太郎); a name written in ASCII
 * letters only stays in its own order (John Smith), as the FN of a vCard
 * of the same contact has it.  Google's old "Name" when no part is given. */
static char *person_name(const struct acc *a)
{
	char *jp[] = {a->one[R_FAMILY], a->one[R_GIVEN], a->one[R_MIDDLE]};
	char *west[] = {a->one[R_GIVEN], a->one[R_MIDDLE], a->one[R_FAMILY]};
	char *name = join(all_ascii(jp, 3) ? west : jp, 3, " ");

	return name ? name : a->one[R_FULL] ? xstrdup(a->one[R_FULL]) : NULL;
}

/* よみ: family, given (and middle) readings, as written (half-width ｶﾅ
 * made full-width), as the vCard import keeps X-PHONETIC-*. */
static char *reading(const struct acc *a, bool org)
{
	char *parts[] = {a->one[R_FAMILY_KANA], a->one[R_GIVEN_KANA], a->one[R_MIDDLE_KANA]};
	char *joined = org ? (a->one[R_ORG_KANA] ? xstrdup(a->one[R_ORG_KANA]) : NULL)
			   : join(parts, 3, " ");

	if (!joined && !org && a->one[R_FULL_KANA])
		joined = xstrdup(a->one[R_FULL_KANA]);
	char *k = vcard_reading(joined);

	free(joined);
	return k;
}

/* The first address with anything in it, in Japanese order (〒206-0011
 * 東京都 多摩市 関戸4-72 ext), as the vCard import writes ADR; the
 * Formatted cell (one line) when it has no parts. */
static char *address(struct acc *a)
{
	static const enum role order[] = {R_ADR_REGION, R_ADR_CITY, R_ADR_STREET, R_ADR_EXT,
					  R_ADR_POBOX};
	for (int s = 0; s < SLOTS; s++) {
		char **p = a->adr[s];
		struct sbuf b = {0};
		if (p[R_ADR_POSTAL])
			sbuf_addf(&b, "〒%s ", p[R_ADR_POSTAL]);
		for (size_t i = 0; i < N_OF(order); i++) {
			if (!p[order[i]])
				continue;
			if (b.len && (order[i] == R_ADR_EXT || order[i] == R_ADR_POBOX))
				sbuf_addc(&b, ' ');
			sbuf_add(&b, p[order[i]]);
		}
		if (!b.len && p[R_ADR_FORMATTED])
			sbuf_add(&b, p[R_ADR_FORMATTED]);
		if (b.len) {
			char *one = sbuf_detach(&b);
			for (char *q = one; *q; q++)
				if (*q == '\n' || *q == '\r')
					*q = ' ';
			char *t = text_trim(one);
			free(one);
			return t;
		}
		sbuf_free(&b);
	}
	return NULL;
}

/* Notes, then for a person the lines the vCard import keeps for ORG and
 * TITLE (所属, 部署, 役職), each unless the notes hold it already. */
static char *notes(const struct acc *a, bool org)
{
	static const struct { enum role role; const char *label; } lines[] = {
		{R_ORG, "所属"}, {R_DEPT, "部署"}, {R_TITLE, "役職"},
	};
	const char *note = a->one[R_NOTES];
	struct sbuf b = {0};

	if (note)
		sbuf_add(&b, note);
	for (size_t i = 0; !org && i < N_OF(lines); i++) {
		const char *v = a->one[lines[i].role];
		if (v && !(note && strstr(note, v)))
			sbuf_addf(&b, "%s%s: %s", b.len ? "\n" : "", lines[i].label, v);
	}
	return b.len ? sbuf_detach(&b) : (sbuf_free(&b), NULL);
}

static void put(struct field_value *fv, int *n, const char *name, char *value)
{
	if (value)
		fv[(*n)++] = (struct field_value){name, value};
}

int contacts_row(const struct contacts_map *m, const struct csv_row *row,
		 struct field_value *fv, struct tsu_error *err)
{
	struct acc a = {0};
	int n = 0;

	gather(m, row, &a);
	char *name = person_name(&a);
	bool org = !name && a.one[R_ORG];
	if (org)
		name = xstrdup(a.one[R_ORG]);
	if (!name) {
		acc_free(&a);
		tsu_fail(err, TSU_INVALID, "名前 (姓・名・会社名) のない行です");
		return -1;
	}
	put(fv, &n, "kind", xstrdup(org ? "org" : "person"));
	put(fv, &n, "name", name);
	put(fv, &n, "kana", reading(&a, org));
	put(fv, &n, "phone", a.phone ? csv_cell_phone(a.phone) : NULL);
	put(fv, &n, "email", a.email ? csv_cell_code(a.email) : NULL);
	put(fv, &n, "address", address(&a));
	put(fv, &n, "notes", notes(&a, org));
	acc_free(&a);
	return n;
}
