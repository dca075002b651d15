#ifndef TSUNAGU_UUID_H
#define TSUNAGU_UUID_H
#include <stdint.h>
#include <stdbool.h>
#include "tsunagu/status.h"

#define UUID_STR_LEN 36
/* A textual UUID: 36 characters and the NUL. */
typedef char uuid_str[UUID_STR_LEN + 1];

/* A fresh UUID version 7 (RFC 9562): 48-bit Unix milliseconds, then random
 * bits from getrandom(2).  Successive ids from one process sort in order. */
enum tsu_status uuid_v7(uuid_str out, struct tsu_error *err);
/* Same, with the time given (for tests and merge). */
enum tsu_status uuid_v7_at(uuid_str out, uint64_t unix_ms, struct tsu_error *err);
/* True when `s` is a well-formed lower-case textual UUID. */
bool uuid_valid(const char *s);

#endif
