/* Matching a need with an offer (match.h): folded as search folds text,
 * one containing the other, and common words compared by their readings. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdbool.h>
#include <cmocka.h>
#include "tsunagu/match.h"

static void expect(const char *need, const char *offer, bool hit, bool exact)
{
	bool eq = !exact;
	assert_int_equal(match_tags(need, offer, &eq), hit);
	if (hit)
		assert_int_equal(eq, exact);
}

static void test_folded_and_contained(void **state)
{
	(void)state;
	expect("見守り", "見守り", true, true);
	expect("見守り", "見守り活動", true, false);        /* the offer contains the need */
	expect("高齢者の見守り", "見守り", true, false);    /* the need contains the offer */
	expect("スマホ講師", "ｽﾏﾎ講師", true, true);        /* half-width katakana */
	expect("ＰＴＡ", "pta", true, true);                 /* width and case */
	expect("ミマモリ", "ﾐﾏﾓﾘ", true, true);
	expect("見守り", "送迎", false, false);
	expect("見守り", "", false, false);
	expect("", "見守り", false, false);
	expect("・", "見守り", false, false);               /* folds to nothing */
}

static void test_readings(void **state)
{
	(void)state;
	expect("見守り", "みまもり", true, true);            /* data/offer_readings.tsv */
	expect("見守り", "ﾐﾏﾓﾘ", true, true);
	expect("みまもり", "見守り活動", true, false);
	expect("配食", "はいしょく", true, true);
	expect("子どもの学習支援", "こどものがくしゅうしえん", true, true);
	expect("買い物支援", "かいもの", true, false);
	expect("見守り", "みまわり", false, false);         /* 見回り is another word */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_folded_and_contained),
		cmocka_unit_test(test_readings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
