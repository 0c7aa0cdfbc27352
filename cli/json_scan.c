/* A scanner over the members of a JSON object as written, after cJSON has
 * accepted the line: cJSON turns numbers into doubles (12345678901234567891
 * comes back as 1.2345678901234568e+19) and ends its strings at an escaped
 * NUL, so the job parser looks at the text itself for those. Whitespace is
 * what cJSON skips: every byte up to 0x20. */
#include <string.h>

#include "json_scan.h"

static size_t skip_ws(const char *s, size_t len, size_t i)
{
    while (i < len && (unsigned char)s[i] <= 0x20)
        i++;
    return i;
}

/* Past the string starting at s[i] (a quote); len + 1 if it does not end. */
static size_t skip_string(const char *s, size_t len, size_t i)
{
    for (i++; i < len; i++) {
        if (s[i] == '\\')
            i++;
        else if (s[i] == '"')
            return i + 1;
    }
    return len + 1;
}

/* Past the value starting at s[i]; len + 1 if it does not end. */
static size_t skip_value(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return len + 1;
    if (s[i] == '"')
        return skip_string(s, len, i);
    if (s[i] == '{' || s[i] == '[') {
        size_t depth = 0;
        while (i < len) {
            char c = s[i];
            if (c == '"') {
                i = skip_string(s, len, i);
                continue;
            }
            if (c == '{' || c == '[')
                depth++;
            else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return i + 1;
            }
            i++;
        }
        return len + 1;
    }
    size_t start = i;
    while (i < len && (unsigned char)s[i] > 0x20 && s[i] != ',' && s[i] != '}' && s[i] != ']')
        i++;
    return i > start ? i : len + 1;
}

int json_scan_members(const char *s, size_t len, json_member_fn fn, void *ctx)
{
    size_t i = skip_ws(s, len, 0);
    if (i >= len || s[i] != '{')
        return -1;
    i = skip_ws(s, len, i + 1);
    if (i < len && s[i] == '}')
        return 0;
    while (i < len) {
        if (s[i] != '"')
            return -1;
        size_t kend = skip_string(s, len, i);
        if (kend > len)
            return -1;
        const char *key = s + i + 1;
        size_t key_len = kend - i - 2;
        i = skip_ws(s, len, kend);
        if (i >= len || s[i] != ':')
            return -1;
        i = skip_ws(s, len, i + 1);
        size_t vend = skip_value(s, len, i);
        if (vend > len)
            return -1;
        if (fn(ctx, key, key_len, s + i, vend - i, i))
            return 0;
        i = skip_ws(s, len, vend);
        if (i < len && s[i] == '}')
            return 0;
        if (i >= len || s[i] != ',')
            return -1;
        i = skip_ws(s, len, i + 1);
    }
    return -1;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The code unit of the \uXXXX escape at s[i] (the backslash), or -1. */
static long unicode_escape(const char *s, size_t len, size_t i)
{
    if (i + 6 > len || s[i + 1] != 'u')
        return -1;
    long v = 0;
    for (size_t k = 2; k < 6; k++) {
        int h = hexval(s[i + k]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

int json_key_is(const char *key, size_t key_len, const char *name)
{
    size_t n = 0, i = 0, name_len = strlen(name);
    while (i < key_len) {
        int c;
        if (key[i] == '\\' && i + 1 < key_len) {
            char e = key[i + 1];
            if (e == 'u') {
                long u = unicode_escape(key, key_len, i);
                if (u < 0 || u >= 0x80)
                    return 0;
                c = (int)u;
                i += 6;
            } else {
                const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
                const char *p = strchr(from, e);
                if (!p || !e)
                    return 0;
                c = to[p - from];
                i += 2;
            }
        } else {
            c = (unsigned char)key[i++];
        }
        if (n >= name_len || c != (unsigned char)name[n])
            return 0;
        n++;
    }
    return n == name_len;
}

int json_is_strict_number(const char *v, size_t len)
{
    size_t i = 0;
    if (i < len && v[i] == '-')
        i++;
    if (i >= len || v[i] < '0' || v[i] > '9')
        return 0;
    if (v[i] == '0')
        i++;
    else
        while (i < len && v[i] >= '0' && v[i] <= '9')
            i++;
    if (i < len && v[i] == '.') {
        size_t start = ++i;
        while (i < len && v[i] >= '0' && v[i] <= '9')
            i++;
        if (i == start)
            return 0;
    }
    if (i < len && (v[i] == 'e' || v[i] == 'E')) {
        i++;
        if (i < len && (v[i] == '+' || v[i] == '-'))
            i++;
        size_t start = i;
        while (i < len && v[i] >= '0' && v[i] <= '9')
            i++;
        if (i == start)
            return 0;
    }
    return i == len;
}

long json_string_nul(const char *v, size_t len)
{
    if (len < 2 || v[0] != '"')
        return -1;
    for (size_t i = 1; i + 1 < len; i++) {
        if (v[i] != '\\')
            continue;
        if (v[i + 1] == 'u' && unicode_escape(v, len, i) == 0)
            return (long)i;
        i++;   /* the escaped character */
    }
    return -1;
}
