/* Heading detection and place-name keys for the open-data formats. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "tsunagu/csvcell.h"
#include "tsunagu/opendata.h"
#include "tsunagu/sbuf.h"
#include "tsunagu/textnorm.h"
#include "tsunagu/utf8.h"

static int find_any(char *const *keys, size_t n, const char *const *names)
{
	for (; *names; names++) {
		int i = csv_header_find(keys, n, *names);
		if (i >= 0)
			return i;
	}
	return -1;
}

static const char *skip(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncmp(s, prefix, n) == 0 ? s + n : NULL;
}

bool od_age_band(const char *key, int *lo, int *hi, char *sex)
{
	const char *p = key, *q;
	static const char *const seps[] = {"-", "~", "〜", "‐", "−", "から", NULL};

	if (!isdigit((unsigned char)*p))
		return false;
	*lo = (int)strtol(p, (char **)&p, 10);
	*hi = -1;
	if ((q = skip(p, "歳以上")) || (q = skip(p, "歳~")) || (q = skip(p, "以上"))) {
		p = q;
	} else {
		bool year = (q = skip(p, "歳")) != NULL, sep = false;
		if (year)
			p = q;
		for (int i = 0; seps[i] && !sep; i++)
			if ((q = skip(p, seps[i]))) {
				p = q;
				sep = true;
			}
		if (year && !sep) {
			*hi = *lo;  /* one year of age (各歳の人口): 65歳の男性 */
		} else {
			if (!sep || !isdigit((unsigned char)*p))
				return false;
			*hi = (int)strtol(p, (char **)&p, 10);
			if (!(q = skip(p, "歳")))
				return false;
			p = q;
		}
	}
	if ((q = skip(p, "の")))
		p = q;
	if (!*p || strcmp(p, "計") == 0 || strcmp(p, "総数") == 0 || strcmp(p, "人口") == 0)
		*sex = 't';
	else if (strcmp(p, "男性") == 0 || strcmp(p, "男") == 0)
		*sex = 'm';
	else if (strcmp(p, "女性") == 0 || strcmp(p, "女") == 0)
		*sex = 'f';
	else
		return false;
	return true;
}

/* True when band (lo, -1) is covered by closed bands of the same sex
 * that start at or above lo (85歳以上 beside 85-89 ... 100歳以上). */
static bool open_band_redundant(char *const *keys, size_t n, int lo, char sex)
{
	for (size_t i = 0; i < n; i++) {
		int l, h;
		char s;
		if (keys[i] && od_age_band(keys[i], &l, &h, &s) && s == sex && h >= 0 && l >= lo)
			return true;
	}
	return false;
}

static void collect_old(char *const *keys, size_t n, char sex, struct od_population *p)
{
	for (size_t i = 0; i < n; i++) {
		int lo, hi;
		char s;
		if (!keys[i] || !od_age_band(keys[i], &lo, &hi, &s) || s != sex || lo < 65)
			continue;
		if (hi < 0 && open_band_redundant(keys, n, lo, sex))
			continue;
		p->old = xrealloc(p->old, (p->nold + 1) * sizeof(*p->old));
		p->old[p->nold++] = (int)i;
	}
}

bool od_population_columns(char *const *keys, size_t n, struct od_population *out)
{
	static const char *const name[] = {"地域名", "町丁名", "町丁目名", "町丁字名", NULL};
	static const char *const date[] = {"調査年月日", "調査日", "基準日", "時点", NULL};
	static const char *const total[] = {"総人口", "人口総数", "人口", "総数", NULL};
	static const char *const hh[] = {"世帯数", "世帯", NULL};
	static const char *const code[] = {"地域コード", "町丁目コード", NULL};
	static const char *const city[] = {"市区町村名", NULL};
	static const char *const pref[] = {"都道府県名", NULL};

	memset(out, 0, sizeof(*out));
	out->name = find_any(keys, n, name);
	out->date = find_any(keys, n, date);
	out->total = find_any(keys, n, total);
	out->households = find_any(keys, n, hh);
	out->code = find_any(keys, n, code);
	out->city = find_any(keys, n, city);
	out->pref = find_any(keys, n, pref);
	/* sex-specific bands when there are any, else the totals */
	collect_old(keys, n, 'm', out);
	collect_old(keys, n, 'f', out);
	if (out->nold == 0)
		collect_old(keys, n, 't', out);
	return out->name >= 0 && out->total >= 0;
}

void od_population_free(struct od_population *p)
{
	free(p->old);
	p->old = NULL;
	p->nold = 0;
}

bool od_facility_columns(char *const *keys, size_t n, struct od_facility *out)
{
	/* 施設・場所名: 国土地理院's 指定緊急避難場所・指定避難所 data; 事業所名:
	 * the prefectures' 介護サービス事業所 lists */
	static const char *const name[] = {"名称", "施設名", "施設名称", "施設・場所名",
					   "避難所名", "避難場所名", "事業所名", "事業所の名称",
					   NULL};
	static const char *const kana[] = {"名称_カナ", "名称カナ", "施設名カナ", "ふりがな",
					   "事業所名カナ", "事業所名_カナ", NULL};
	static const char *const alias[] = {"名称_通称", "通称", NULL};
	static const char *const kind[] = {"種別", "施設種別", "分類", "施設分類", "種類",
					   "施設の種類", "サービス種類", "サービスの種類",
					   "介護サービスの種類", "サービス種別", "医療機関の種類",
					   NULL};
	static const char *const poi[] = {"POIコード", NULL};
	static const char *const addr[] = {"所在地_連結表記", "住所", "所在地", NULL};
	static const char *const addr2[] = {"建物名等(方書)", "建物名等", "方書", NULL};
	static const char *const parts[][2] = {
		{"所在地_都道府県", NULL}, {"所在地_市区町村", NULL},
		{"所在地_町字", NULL}, {"所在地_番地以下", NULL},
	};
	static const char *const lat[] = {"緯度", NULL};
	static const char *const lon[] = {"経度", NULL};
	static const char *const tel[] = {"電話番号", "電話", NULL};
	static const char *const notes[] = {"備考", NULL};
	static const char *const spot[] = {"設置位置", NULL};

	out->name = find_any(keys, n, name);
	out->kana = find_any(keys, n, kana);
	out->alias = find_any(keys, n, alias);
	out->kind = find_any(keys, n, kind);
	out->poi_code = find_any(keys, n, poi);
	out->address = find_any(keys, n, addr);
	out->address2 = find_any(keys, n, addr2);
	out->lat = find_any(keys, n, lat);
	out->lon = find_any(keys, n, lon);
	out->phone = find_any(keys, n, tel);
	out->notes = find_any(keys, n, notes);
	out->spot = find_any(keys, n, spot);
	for (int i = 0; i < 4; i++)
		out->parts[i] = find_any(keys, n, parts[i]);
	return out->name >= 0;
}

static int kanji_digit(int32_t cp)
{
	static const int32_t d[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
				    0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
	for (int i = 0; i < 10; i++)
		if (d[i] == cp)
			return i;
	return cp == 0x5341 ? 10 : -1;  /* 十 */
}

/* Rewrites a run of kanji numerals at s[0..len) as digits when 丁目
 * follows; returns the bytes consumed (0 when not a number before 丁目). */
static size_t chome_number(const char *s, size_t len, struct sbuf *out)
{
	size_t i = 0;
	int total = 0, cur = 0;
	bool any = false;

	while (i < len) {
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		int d = kanji_digit(cp);
		if (d < 0)
			break;
		if (d == 10) {
			total += (cur ? cur : 1) * 10;
			cur = 0;
		} else {
			cur = cur * 10 + d;
		}
		any = true;
		i += n;
	}
	if (!any || strncmp(s + i, "丁目", strlen("丁目")) != 0)
		return 0;
	sbuf_addf(out, "%d", total + cur);
	return i;
}

char *place_key(const char *name)
{
	char *t = csv_cell_code(name);
	struct sbuf b = {0};
	size_t len = strlen(t);

	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t n = utf8_decode(t + i, len - i, &cp), k;

		if ((k = chome_number(t + i, len - i, &b))) {
			i += k;
			continue;
		}
		if (cp == ' ' || cp == 0x3000 || cp == '\t')
			;
		else if (cp == 0x30F6 || cp == 0x30F5 || cp == 0x304C || cp == 0x30B1 || cp == 0x30AC)
			sbuf_add(&b, "ケ");
		else if (cp == 0x306E)
			sbuf_add(&b, "ノ");
		else if (csv_dash(cp) &&
			 (cp != 0x30FC || (b.len && isdigit((unsigned char)b.s[b.len - 1]))))
			sbuf_addc(&b, '-');  /* dashes of "1－2－3", even ー after a digit */
		else
			sbuf_addn(&b, t + i, n);
		i += n;
	}
	free(t);
	return sbuf_detach(&b);
}

size_t place_in_address(const char *addr, const char *key)
{
	static const char chome[] = "丁目";
	size_t klen = strlen(key), clen = sizeof(chome) - 1;
	bool is_chome = klen > clen && strcmp(key + klen - clen, chome) == 0;

	if (!is_chome)
		return strstr(addr, key) ? klen : 0;
	/* "関戸1丁目": look for "関戸1" followed by 丁目, "-" or 番, never by
	 * another digit (関戸12) */
	char *base = xstrndup(key, klen - clen);
	size_t blen = klen - clen, found = 0;
	for (const char *p = addr; !found && (p = strstr(p, base)); p++) {
		const char *after = p + blen;
		if (strncmp(after, chome, clen) == 0 || *after == '-' ||
		    strncmp(after, "番", strlen("番")) == 0)
			found = klen;
	}
	free(base);
	return found;
}
