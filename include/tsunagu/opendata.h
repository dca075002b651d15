#ifndef TSUNAGU_OPENDATA_H
#define TSUNAGU_OPENDATA_H
#include <stdbool.h>
#include <stddef.h>

/*
 * The national recommended open-data formats (推奨データセット):
 * 地域・年齢別人口 and 公共施設一覧.  Columns are found by heading, not
 * by position, because cities add, drop and reorder them (100歳以上,
 * 年齢不詳, 全国地方公共団体コード).  Headings are compared as
 * csv_header_key() makes them.
 */

/* Columns of 地域・年齢別人口; -1 where absent. */
struct od_population {
	int name, date, total, households, code, city, pref;
	int *old;        /* the age-band columns that add up to 65 and over */
	size_t nold;
};

/* Finds the columns in the heading keys; false when 地域名 or 総人口 is
 * missing (not this format). */
bool od_population_columns(char *const *keys, size_t n, struct od_population *out);
void od_population_free(struct od_population *p);

/* Parses an age-band heading key: "65-69歳の男性" -> lo 65, hi 69;
 * "85歳以上の女性" -> lo 85, hi -1 (open); *sex 'm', 'f' or 't' (total).
 * False when the heading is not an age band. */
bool od_age_band(const char *key, int *lo, int *hi, char *sex);

/* Columns of 公共施設一覧 by facility field name; -1 where absent.  The
 * address is one column (住所, 所在地, 所在地_連結表記) or, in the current
 * layout, split into 所在地_都道府県, _市区町村, _町字 and _番地以下 (parts);
 * 方書 is 建物名等(方書) there.  The other lists of the same family read
 * the same way (AED設置箇所一覧, 医療機関一覧, 子育て施設一覧, 指定緊急避難場所
 * 一覧): spot is AED設置箇所一覧's 設置位置, where in the building it is. */
struct od_facility {
	int name, kana, alias, kind, poi_code, address, address2, lat, lon, phone, notes;
	int spot;
	int parts[4];
};
/* False when there is no 名称 column. */
bool od_facility_columns(char *const *keys, size_t n, struct od_facility *out);

/* The key place names are compared by: NFKC, no spaces, ヶ/ケ/ヵ/が as ケ,
 * の as ノ, and a kanji number before 丁目 as digits, so 桜ヶ丘三丁目,
 * 桜ケ丘3丁目 and 桜ヶ丘３丁目 have one key.  New string. */
char *place_key(const char *name);

/* How well a district key is found in an address key: 0 when it is not;
 * else its length, so the longest (most precise) district wins.  A key
 * ending in "N丁目" also matches "…N-" and "…N番" forms ("関戸1-2-3"). */
size_t place_in_address(const char *addr_key, const char *district_key);

#endif
