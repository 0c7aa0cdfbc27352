/* json_scan.h: the raw text of the members of a JSON object line
 * (cli/json_scan.c), for what cJSON's tree loses: a number's digits as
 * written (cJSON keeps a double) and a "\u0000" inside a string (cJSON's
 * strings end at it). */
#ifndef BEAD_JSON_SCAN_H
#define BEAD_JSON_SCAN_H

#include <stddef.h>

/* One member: its key as written (between the quotes, escapes kept) and
 * its value as written (a string with its quotes). Return non-zero to stop. */
typedef int (*json_member_fn)(void *ctx, const char *key, size_t key_len, const char *value,
                              size_t value_len, size_t value_at);

/* Calls fn for each member of the object s[0, len) in order. Returns 0, or -1
 * when s is not an object this scanner can follow (it follows what cJSON
 * accepts). */
int json_scan_members(const char *s, size_t len, json_member_fn fn, void *ctx);

/* 1 if the key as written (escapes kept) decodes to name (ASCII). */
int json_key_is(const char *key, size_t key_len, const char *name);

/* 1 if value (as written) is a number in strict JSON syntax. */
int json_is_strict_number(const char *value, size_t len);

/* The offset in value (a string as written, quotes included) of a "\u0000"
 * escape, or -1 when it has none. */
long json_string_nul(const char *value, size_t len);

#endif
