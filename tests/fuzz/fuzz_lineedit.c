/* The form line editor: any sequence of keys (characters, Backspace, Del,
 * arrows, Home/End, ^A ^U ^K ...) must keep the text valid UTF-8 with the
 * cursor on a character start, and drawing must never cut a character.
 * Drawing goes to a curses screen on /dev/null. */
#include <curses.h>
#include "fuzz_util.h"
#include "action.h"
#include "widgets.h"
#include "tsunagu/utf8.h"

static bool have_screen;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	if (out && in && newterm("xterm", out, in))
		have_screen = true;
	return 0;
}

static const int special[] = {
	TUI_FKEY(KEY_BACKSPACE), 127, 8, TUI_FKEY(KEY_DC), TUI_CTRL('d'),
	TUI_FKEY(KEY_LEFT), TUI_CTRL('b'), TUI_FKEY(KEY_RIGHT), TUI_CTRL('f'),
	TUI_FKEY(KEY_HOME), TUI_CTRL('a'), TUI_FKEY(KEY_END), TUI_CTRL('u'), TUI_CTRL('k'),
};

/* The next key from the input: 0xF0.. picks a special key, other bytes
 * start a UTF-8 character (or stand for themselves as a code point). */
static int next_key(const uint8_t *data, size_t size, size_t *i)
{
	uint8_t b = data[*i];
	if (b >= 0xF8) {
		(*i)++;
		return special[(b - 0xF8) % (sizeof(special) / sizeof(special[0]))];
	}
	if (b == 0xF0 && *i + 4 <= size) {
		int key = (int)(((uint32_t)data[*i + 1] << 16 | (uint32_t)data[*i + 2] << 8 | data[*i + 3]) % 0x110010);
		*i += 4;
		return key - 8;
	}
	int32_t cp;
	size_t n = utf8_decode((const char *)data + *i, size - *i, &cp);
	*i += n ? n : 1;
	return cp;
}

static void check(const struct lineedit *le)
{
	const char *t = le_text(le);
	FUZZ_REQUIRE(strlen(t) == le->buf.len);
	FUZZ_REQUIRE(le->cur <= le->buf.len);
	FUZZ_REQUIRE(le->cur == le->buf.len || ((unsigned char)t[le->cur] & 0xC0) != 0x80);
	FUZZ_REQUIRE(fuzz_utf8_ok(t));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lineedit le;

	if (size < 1)
		return 0;
	le_init(&le, "山田 太郎");
	int cols = 2 + data[0] % 40;
	for (size_t i = 1; i < size;) {
		le_key(&le, next_key(data, size, &i));
		check(&le);
		if (have_screen) {
			int x = le_draw(&le, 0, 0, cols, 0);
			FUZZ_REQUIRE(x >= 0 && x <= cols + 1);
			FUZZ_REQUIRE(le.start <= le.cur);
			FUZZ_REQUIRE(((unsigned char)le_text(&le)[le.start] & 0xC0) != 0x80);
		}
	}
	le_free(&le);
	return 0;
}
