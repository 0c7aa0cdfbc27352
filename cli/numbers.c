/* The numbers of every option, parsed strictly and in one place: one
 * function per kind (a size, a count, a real number), each refusing a sign,
 * blanks, trailing junk, overflow, NaN and infinities, and values out of
 * the option's range, with a usage error that names the option. strtoull
 * alone takes "-52" as 2^64 - 52 and strtod takes "nan" and "1e999". */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Leading decimal digits of s as *v; the end of them, or NULL when there is
 * none or the value passes UINT64_MAX. */
static const char *digits(const char *s, uint64_t *v)
{
    uint64_t x = 0;
    const char *p = s;
    while (*p >= '0' && *p <= '9') {
        unsigned d = (unsigned)(*p - '0');
        if (x > (UINT64_MAX - d) / 10)
            return NULL;
        x = x * 10 + d;
        p++;
    }
    if (p == s)
        return NULL;
    *v = x;
    return p;
}

int cli_parse_size(const char *s, uint64_t *out)
{
    uint64_t v;
    const char *end = digits(s, &v);
    if (!end)
        return -1;
    unsigned shift = 0;
    switch (*end) {
    case '\0': break;
    case 'k': case 'K': shift = 10; break;
    case 'm': case 'M': shift = 20; break;
    case 'g': case 'G': shift = 30; break;
    case 't': case 'T': shift = 40; break;
    default: return -1;
    }
    if (shift && end[1])
        return -1;
    if (shift && v > (UINT64_MAX >> shift))
        return -1;   /* 17179869184G */
    *out = v << shift;
    return 0;
}

int cli_parse_limit(const char *option, const char *arg, uint64_t *out)
{
    uint64_t v;
    if (cli_parse_size(arg, &v) != 0) {
        cli_error("%s wants a whole number such as 5000 or 100M (suffixes K, M, G, T), "
                  "not '%s'", option, arg);
        return -1;
    }
    if (v == 0) {
        cli_error("%s wants a limit of at least 1, not '%s' (leave the option out for no "
                  "limit)", option, arg);
        return -1;
    }
    *out = v;
    return 0;
}

int cli_parse_count(const char *option, const char *arg, uint64_t min, uint64_t max,
                    uint64_t *out)
{
    uint64_t v;
    const char *end = digits(arg, &v);
    if (!end || *end || v < min || v > max) {
        cli_error("%s wants a whole number from %llu to %llu, not '%s'", option,
                  (unsigned long long)min, (unsigned long long)max, arg);
        return -1;
    }
    *out = v;
    return 0;
}

int cli_parse_real(const char *option, const char *arg, double min, double max, double *out)
{
    /* Decimal notation only: digits, one point, an exponent. */
    const char *p = arg;
    int mantissa = 0, ok = 1;
    while (*p >= '0' && *p <= '9')
        p++, mantissa++;
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9')
            p++, mantissa++;
    }
    if (mantissa && (*p == 'e' || *p == 'E')) {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            ok = 0;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    double v = 0;
    if (ok && mantissa && !*p) {
        char *end;
        v = strtod(arg, &end);
        ok = *end == '\0' && isfinite(v) && v >= min && v <= max;
    } else {
        ok = 0;
    }
    if (!ok) {
        cli_error("%s wants a number from %.10g to %.10g, not '%s'", option, min, max, arg);
        return -1;
    }
    *out = v;
    return 0;
}
