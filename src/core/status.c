#include <stdio.h>
#include <string.h>
#include "tsunagu/status.h"

static const struct {
	const char *name;
	int exit_code;
	const char *message;
} status_info[] = {
#define TSU_STATUS_INFO(name, code, msg) {#name, code, msg},
	TSU_STATUS_LIST(TSU_STATUS_INFO)
#undef TSU_STATUS_INFO
};

const char *tsu_status_name(enum tsu_status st)
{
	return st < TSU_STATUS_COUNT ? status_info[st].name : "UNKNOWN";
}

const char *tsu_status_message(enum tsu_status st)
{
	return st < TSU_STATUS_COUNT ? status_info[st].message : "不明なエラー";
}

int tsu_status_exit_code(enum tsu_status st)
{
	return st < TSU_STATUS_COUNT ? status_info[st].exit_code : 3;
}

/* Drops a UTF-8 sequence left incomplete at the end of buf by truncation. */
static void trim_partial_utf8(char *buf)
{
	size_t len = strlen(buf);
	size_t i = len;
	while (i > 0 && ((unsigned char)buf[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return;
	unsigned char lead = (unsigned char)buf[i - 1];
	size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (len - (i - 1) < need)
		buf[i - 1] = '\0';
}

/* The message is formatted into a buffer of its own and copied over
 * err->msg only afterwards, so that err->msg may itself be an argument
 * ("%s:%ld: %s", file, line, err->msg): vsnprintf into a buffer it is
 * also reading from is undefined, and in practice doubled the prefix and
 * cut the last character in half. */
enum tsu_status tsu_vfail(struct tsu_error *err, enum tsu_status st,
			  const char *fmt, va_list ap)
{
	char msg[TSU_ERROR_MSG_MAX];

	if (!err)
		return st;
	if (fmt && *fmt) {
		int n = vsnprintf(msg, sizeof(msg), fmt, ap);
		if (n < 0)
			snprintf(msg, sizeof(msg), "%s", tsu_status_message(st));
		else if (n >= (int)sizeof(msg))
			trim_partial_utf8(msg);
	} else {
		snprintf(msg, sizeof(msg), "%s", tsu_status_message(st));
	}
	err->status = st;
	memcpy(err->msg, msg, sizeof(msg));
	return st;
}

enum tsu_status tsu_fail(struct tsu_error *err, enum tsu_status st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tsu_vfail(err, st, fmt, ap);
	va_end(ap);
	return st;
}

void tsu_error_clear(struct tsu_error *err)
{
	if (err) {
		err->status = TSU_OK;
		err->msg[0] = '\0';
	}
}
