/*
 * vCard reading keeps the first-found or PREF-marked value of each
 * property: a party has one phone, one e-mail and one address.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "tsunagu/csvcell.h"
#include "tsunagu/textnorm.h"
#include "tsunagu/vcard.h"

void vcard_clear(struct vcard *c)
{
	char **f[] = {&c->version, &c->uid, &c->kind, &c->fn, &c->family, &c->given,
		      &c->kana, &c->org, &c->org_kana, &c->tel, &c->email, &c->adr, &c->note,
		      &c->title, &c->org_unit, &c->consent};

	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		free(*f[i]);
		*f[i] = NULL;
	}
	free(c->problem);
	memset(c, 0, sizeof(*c));
}

bool vcard_is_org(const struct vcard *c)
{
	if (c->kind)
		return strcasecmp(c->kind, "org") == 0 || strcasecmp(c->kind, "group") == 0;
	/* 3.0 has no KIND: a card whose only name is its ORG is an org. */
	bool no_person = (!c->family || !*c->family) && (!c->given || !*c->given);
	return c->org && no_person && (!c->fn || strcmp(c->fn, c->org) == 0);
}

static bool is_pref(const struct ctl_prop *p)
{
	const char *pref = ctl_param(p, "PREF");

	return ctl_param_has(p, "TYPE", "PREF") || (pref && strcmp(pref, "1") == 0);
}

/* Sets *slot from text, unless it holds a preferred value already;
 * *line gets the line of the value kept. */
static void take(char **slot, char *text, bool pref, bool *slot_pref, long *line, long at)
{
	if (*slot && !(pref && !*slot_pref)) {
		free(text);
		return;
	}
	free(*slot);
	*slot = text;
	*slot_pref = pref;
	*line = at;
}

/* Joins non-empty parts with a space ("やまだ", "たろう" -> "やまだ たろう"). */
static char *join_parts(char **parts, size_t n, const size_t *idx, size_t nidx)
{
	struct sbuf b = {0};

	for (size_t i = 0; i < nidx; i++) {
		if (idx[i] >= n || !parts[idx[i]][0])
			continue;
		if (b.len)
			sbuf_addc(&b, ' ');
		sbuf_add(&b, parts[idx[i]]);
	}
	return b.len ? sbuf_detach(&b) : (sbuf_free(&b), NULL);
}

/* ADR pobox;ext;street;locality;region;code;country in Japanese order:
 * 〒code region locality street ext. */
static char *address(char **p, size_t n)
{
	struct sbuf b = {0};
	static const size_t order[] = {4, 3, 2, 1, 0};

	if (n > 5 && p[5][0])
		sbuf_addf(&b, "〒%s ", p[5]);
	for (size_t i = 0; i < 5; i++) {
		if (order[i] >= n || !p[order[i]][0])
			continue;
		if (b.len && order[i] <= 1)
			sbuf_addc(&b, ' ');
		sbuf_add(&b, p[order[i]]);
	}
	return b.len ? sbuf_detach(&b) : (sbuf_free(&b), NULL);
}

char *vcard_reading(const char *s)
{
	char *t = s ? text_nfkc_trim(s) : NULL;

	if (t && !*t) {
		free(t);
		t = NULL;
	}
	return t;
}

/* vcard_reading of s, which is freed. */
static char *reading(char *s)
{
	char *t = vcard_reading(s);

	free(s);
	return t;
}

/* SORT-AS components ("やまだ,たろう"; some writers use ';') as one
 * reading with spaces. */
static char *sort_as(const char *sa)
{
	char *t = xstrdup(sa);

	for (char *q = t; *q; q++)
		if (*q == ',' || *q == ';')
			*q = ' ';
	return t;
}

struct vc_state {
	bool tel_pref, email_pref, adr_pref;
	char *ph_last, *ph_first, *sort_string, *sort_as, *irmc;
	bool after_agent;  /* the last property was AGENT: a nested card may follow */
	int nested;        /* depth inside such a nested card */
};

static void state_free(struct vc_state *s)
{
	free(s->ph_last);
	free(s->ph_first);
	free(s->sort_string);
	free(s->sort_as);
	free(s->irmc);
	memset(s, 0, sizeof(*s));
}

static enum tsu_status structured(const struct ctl_prop *p, struct vcard *c,
				  struct vc_state *s, struct tsu_error *err)
{
	char **parts;
	size_t n;
	enum tsu_status st = ctl_parts(p, &parts, &n, err);
	static const size_t fam_given[] = {0, 1};

	if (st != TSU_OK)
		return st;
	if (strcmp(p->name, "N") == 0) {
		free(c->family);
		free(c->given);
		c->family = n > 0 && parts[0][0] ? xstrdup(parts[0]) : NULL;
		c->given = n > 1 && parts[1][0] ? xstrdup(parts[1]) : NULL;
		const char *sa = ctl_param(p, "SORT-AS");
		if (sa && !s->sort_as)
			s->sort_as = sort_as(sa);
	} else if (strcmp(p->name, "ADR") == 0) {
		take(&c->adr, address(parts, n), is_pref(p), &s->adr_pref, &c->adr_line, p->line);
	} else if (strcmp(p->name, "ORG") == 0 && !c->org && !c->org_unit) {
		/* the first ORG that names anything is kept, its department too */
		static const size_t units[] = {1, 2, 3, 4, 5, 6, 7, 8};
		c->org = n > 0 && parts[0][0] ? xstrdup(parts[0]) : NULL;
		/* iPhone and Outlook write the department as ORG's second part */
		c->org_unit = join_parts(parts, n, units, sizeof(units) / sizeof(units[0]));
		const char *sa = ctl_param(p, "SORT-AS");
		if (sa && !c->org_kana)
			c->org_kana = sort_as(sa);
	} else if (strcmp(p->name, "SOUND") == 0 && ctl_param_has(p, "TYPE", "X-IRMC-N")) {
		free(s->irmc);
		s->irmc = join_parts(parts, n, fam_given, 2);
	}
	ctl_free_parts(parts, n);
	return TSU_OK;
}

/* Strips "mailto:" from URI values (4.0 EMAIL;VALUE=uri). */
static char *unuri(char *s, const char *scheme)
{
	size_t n = strlen(scheme);

	if (strncasecmp(s, scheme, n) == 0) /* copied down byte by byte, the NUL too */
		for (char *d = s, *q = s + n; (*d++ = *q++) != '\0';)
			;
	return s;
}

/* A TEL value as a number, width-folded and its dashes made "-" as in a
 * CSV list (csv_cell_phone); a 4.0 tel URI (tel:+81-42-375-1234;ext=15)
 * is the number written in it, an extension as 内線15; other URI
 * parameters (phone-context, isub) are dropped. */
static char *tel_value(char *s)
{
	struct sbuf b = {0};

	if (strncasecmp(s, "tel:", 4) != 0) {
		char *t = csv_cell_phone(s);
		free(s);
		return t;
	}
	sbuf_addn(&b, s + 4, strcspn(s + 4, ";"));
	for (const char *p = strchr(s + 4, ';'); p; p = strchr(p + 1, ';'))
		if (strncasecmp(p + 1, "ext=", 4) == 0 && p[5] && p[5] != ';') {
			sbuf_add(&b, " 内線");
			sbuf_addn(&b, p + 5, strcspn(p + 5, ";"));
		}
	free(s);
	return sbuf_detach(&b);
}

static enum tsu_status property(const struct ctl_prop *p, struct vcard *c,
				struct vc_state *s, struct tsu_error *err)
{
	static const char *const structured_names[] = {"N", "ADR", "ORG", "SOUND"};
	char *text = NULL;
	enum tsu_status st;

	for (size_t i = 0; i < 4; i++)
		if (strcmp(p->name, structured_names[i]) == 0)
			return structured(p, c, s, err);
	if ((st = ctl_text(p, &text, err)) != TSU_OK)
		return st;
	char **slot = NULL;
	if (strcmp(p->name, "TEL") == 0)
		take(&c->tel, tel_value(text), is_pref(p), &s->tel_pref, &c->tel_line, p->line);
	else if (strcmp(p->name, "EMAIL") == 0)
		take(&c->email, unuri(text, "mailto:"), is_pref(p), &s->email_pref, &c->email_line,
		     p->line);
	else {
		if (strcmp(p->name, "VERSION") == 0) slot = &c->version;
		else if (strcmp(p->name, "UID") == 0) slot = &c->uid;
		else if (strcmp(p->name, "KIND") == 0) slot = &c->kind;
		else if (strcmp(p->name, "FN") == 0) slot = &c->fn;
		else if (strcmp(p->name, "NOTE") == 0) slot = &c->note;
		else if (strcmp(p->name, "X-PHONETIC-LAST-NAME") == 0) slot = &s->ph_last;
		else if (strcmp(p->name, "X-PHONETIC-FIRST-NAME") == 0) slot = &s->ph_first;
		else if (strcmp(p->name, "X-PHONETIC-ORG") == 0) slot = &c->org_kana;
		else if (strcmp(p->name, "TITLE") == 0) slot = &c->title;
		else if (strcmp(p->name, "X-TSUNAGU-CONSENT") == 0) slot = &c->consent;
		else if (strcmp(p->name, "SORT-STRING") == 0) slot = &s->sort_string;
		if (slot && !*slot) {
			*slot = text;
			if (slot == &c->fn)
				c->fn_line = p->line;
			else if (slot == &c->note)
				c->note_line = p->line;
		} else {
			free(text);
		}
	}
	return TSU_OK;
}

/* The reading of the name from whichever source the phone used. */
static void reading_of_name(struct vcard *c, struct vc_state *s)
{
	if (s->ph_last || s->ph_first) {
		struct sbuf b = {0};
		sbuf_add(&b, s->ph_last ? s->ph_last : "");
		if (s->ph_last && s->ph_first && *s->ph_last && *s->ph_first)
			sbuf_addc(&b, ' ');
		sbuf_add(&b, s->ph_first ? s->ph_first : "");
		c->kana = sbuf_detach(&b);
	} else if (s->sort_string) {
		c->kana = xstrdup(s->sort_string);
	} else if (s->sort_as) {
		c->kana = xstrdup(s->sort_as);
	} else if (s->irmc) {
		c->kana = xstrdup(s->irmc);
	}
}

/* A card without FN is named by N, else ORG, else EMAIL, else TEL (phones
 * keep contacts that are only an address or a number). */
static void name_of_card(struct vcard *c)
{
	static const size_t fg[] = {0, 1};
	char *parts[] = {c->family ? c->family : "", c->given ? c->given : ""};

	if (c->fn && *c->fn)
		return;
	free(c->fn);
	c->fn = join_parts(parts, 2, fg, 2);
	const char *other = c->org && *c->org ? c->org : c->email && *c->email ? c->email
			  : c->tel && *c->tel ? c->tel : NULL;
	if (!c->fn && other)
		c->fn = xstrdup(other);
	if (c->fn)
		c->fn_line = c->line;
}

static void finish(struct vcard *c, struct vc_state *s)
{
	char *one[] = {c->fn, c->family, c->given, c->org, c->tel, c->email, c->adr,
		       c->title};

	reading_of_name(c, s);
	/* an escaped line break in a one-line field (Gmail writes them in ADR) */
	for (size_t i = 0; i < sizeof(one) / sizeof(one[0]); i++)
		ctl_one_line(one[i]);
	ctl_one_line(c->kana);
	ctl_one_line(c->org_kana);
	c->kana = reading(c->kana);
	c->org_kana = reading(c->org_kana);
	state_free(s);
	name_of_card(c);
}

/* Marks the card unusable (the first problem found is the one named). */
static void problem(struct vcard *c, long line, const char *why)
{
	if (c->problem)
		return;
	c->problem = xstrdup(why);
	c->problem_line = line;
}

/* One line of an open card; *done when the card is complete. */
static void card_line(struct ctl_reader *r, const struct ctl_prop *p, struct vcard *c,
		      struct vc_state *s, bool *done)
{
	bool begin = strcmp(p->name, "BEGIN") == 0 && strcasecmp(p->value, "VCARD") == 0;
	bool end = strcmp(p->name, "END") == 0 && strcasecmp(p->value, "VCARD") == 0;
	bool agent = s->after_agent;
	struct tsu_error e = {0};

	s->after_agent = strcmp(p->name, "AGENT") == 0;
	if (s->nested) {
		s->nested += begin - end;
	} else if (begin && agent) {
		s->nested = 1;
	} else if (begin) {
		char why[96];
		snprintf(why, sizeof(why), "前の名刺 (%ld 行目から) に END:VCARD がありません", c->line);
		problem(c, p->line, why);
		ctl_unread(r);
		*done = true;
	} else if (end) {
		*done = true;
	} else if (p->malformed) {
		problem(c, p->line, "「:」のない行です");
	} else if (property(p, c, s, &e) != TSU_OK) {
		problem(c, p->line, e.msg);
	}
}

enum tsu_status vcard_next(struct ctl_reader *r, struct vcard *c, bool *got,
			   struct tsu_error *err)
{
	const struct ctl_prop *p;
	struct vc_state s = {0};
	enum tsu_status st;
	bool open = false, done = false;

	vcard_clear(c);
	*got = false;
	while (!done && (st = ctl_next(r, &p, err)) == TSU_OK && p) {
		if (open) {
			card_line(r, p, c, &s, &done);
		} else if (strcmp(p->name, "BEGIN") == 0 && strcasecmp(p->value, "VCARD") == 0) {
			open = true;
			c->line = p->line;
		} else if (strcmp(p->name, "END") == 0 && strcasecmp(p->value, "VCARD") == 0) {
			c->line = p->line;
			problem(c, p->line, "BEGIN:VCARD のない END:VCARD です");
			done = true;
		}
	}
	if (done || (st == TSU_OK && open)) {
		if (!done)
			problem(c, c->line, "END:VCARD がないまま終わっています");
		finish(c, &s);
		*got = true;
		return TSU_OK;
	}
	state_free(&s);
	return st;
}

/* Appends "NAME[;params]:escaped" folded. */
static void put(struct sbuf *out, const char *name, const char *value)
{
	struct sbuf line = {0};

	if (!value || !*value)
		return;
	sbuf_add(&line, name);
	sbuf_addc(&line, ':');
	ctl_escape(&line, value);
	ctl_fold(out, sbuf_str(&line));
	sbuf_free(&line);
}

/* Appends a parameter value: quoted, so it may hold ',' ';' ':', and
 * without the DQUOTE and controls that a param-value cannot hold. */
static void put_param(struct sbuf *line, const char *name, const char *value)
{
	sbuf_addf(line, ";%s=\"", name);
	for (const char *p = value; *p; p++)
		if (*p != '"' && (unsigned char)*p >= 0x20)
			sbuf_addc(line, *p);
	sbuf_addc(line, '"');
}

/* Splits "山田 太郎" / "山田　太郎" at the first space. */
static void split_name(const char *s, char **first, char **rest)
{
	if (!s)
		s = "";
	const char *sp = strchr(s, ' ');
	const char *ideo = strstr(s, "\u3000");
	size_t skip = 1;

	if (ideo && (!sp || ideo < sp)) {
		sp = ideo;
		skip = 3;
	}
	*first = sp ? xstrndup(s, (size_t)(sp - s)) : xstrdup(s);
	*rest = sp ? xstrdup(sp + skip) : xstrdup("");
}

static void put_person_name(struct sbuf *out, const struct vcard *c)
{
	char *fam, *giv, *kfam = NULL, *kgiv = NULL;
	struct sbuf line = {0};

	split_name(c->fn, &fam, &giv);
	if (c->kana)
		split_name(c->kana, &kfam, &kgiv);
	sbuf_add(&line, "N");
	if (kfam) {
		/* SORT-AS is a comma-separated list: family, given */
		struct sbuf sa = {0};
		sbuf_addf(&sa, "%s%s%s", kfam, *kgiv ? "," : "", kgiv);
		put_param(&line, "SORT-AS", sa.s);
		sbuf_free(&sa);
	}
	sbuf_addc(&line, ':');
	ctl_escape(&line, c->family ? c->family : fam);
	sbuf_addc(&line, ';');
	ctl_escape(&line, c->given ? c->given : giv);
	sbuf_add(&line, ";;;");
	ctl_fold(out, sbuf_str(&line));
	put(out, "X-PHONETIC-LAST-NAME", kfam);
	put(out, "X-PHONETIC-FIRST-NAME", kgiv);
	sbuf_free(&line);
	free(fam);
	free(giv);
	free(kfam);
	free(kgiv);
}

void vcard_write(struct sbuf *out, const struct vcard *c)
{
	bool org = vcard_is_org(c);

	sbuf_add(out, "BEGIN:VCARD\r\nVERSION:4.0\r\n");
	put(out, "KIND", org ? "org" : "individual");
	if (c->uid && *c->uid) {
		/* a URI: not escaped as text */
		struct sbuf line = {0};
		sbuf_addf(&line, "UID:%s", c->uid);
		ctl_fold(out, sbuf_str(&line));
		sbuf_free(&line);
	}
	put(out, "FN", c->fn);
	if (org) {
		struct sbuf line = {0};
		sbuf_add(&line, "ORG");
		if (c->org_kana || c->kana)
			put_param(&line, "SORT-AS", c->org_kana ? c->org_kana : c->kana);
		sbuf_addc(&line, ':');
		ctl_escape(&line, c->org ? c->org : c->fn);
		ctl_fold(out, sbuf_str(&line));
		sbuf_free(&line);
		put(out, "X-PHONETIC-ORG", c->org_kana ? c->org_kana : c->kana);
	} else {
		put_person_name(out, c);
		put(out, "ORG", c->org);
		put(out, "X-TSUNAGU-CONSENT", c->consent);
	}
	if (c->tel && *c->tel) {
		struct sbuf line = {0};
		sbuf_add(&line, "TEL;VALUE=text;TYPE=voice:");
		ctl_escape(&line, c->tel);
		ctl_fold(out, sbuf_str(&line));
		sbuf_free(&line);
	}
	put(out, "EMAIL", c->email);
	if (c->adr && *c->adr) {
		struct sbuf line = {0};
		sbuf_add(&line, "ADR:;;");
		ctl_escape(&line, c->adr);
		sbuf_add(&line, ";;;;");
		ctl_fold(out, sbuf_str(&line));
		sbuf_free(&line);
	}
	put(out, "NOTE", c->note);
	sbuf_add(out, "END:VCARD\r\n");
}
