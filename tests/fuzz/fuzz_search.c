/* The search normaliser and the terminal neutraliser on any text: both
 * return valid UTF-8, and nothing
 * the terminal could act on (C0, DEL, C1, bidi controls) survives
 * sanitising. */
#include "fuzz_util.h"
#include "tsunagu/sanitize.h"
#include "tsunagu/textnorm.h"
#include "tsunagu/textwidth.h"
#include "tsunagu/utf8.h"

static void check_inert(const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		int32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		char rep[TEXT_SANITIZE_CP_MAX];
		FUZZ_REQUIRE(n > 0);
		FUZZ_REQUIRE(text_sanitize_cp(cp, 0, rep) == 0);
		i += n;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	char *key = text_search_key(s);

	if (key) {
		FUZZ_REQUIRE(fuzz_utf8_ok(key));
		free(key);
	}
	char *nfc = text_nfc(s), *trim = text_trim(s), *clean = text_sanitize(s, 0);
	if (nfc)
		FUZZ_REQUIRE(fuzz_utf8_ok(nfc));
	FUZZ_REQUIRE(clean && fuzz_utf8_ok(clean));
	check_inert(clean);
	FUZZ_REQUIRE(text_width(clean) >= 0);
	free(nfc);
	free(trim);
	free(clean);
	free(s);
	return 0;
}
