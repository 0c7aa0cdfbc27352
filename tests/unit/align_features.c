/* Unit tests of the aligner's features: number keys, name skeletons across
 * scripts, cognate keys, bead-type lists. */
#include <stdio.h>
#include <string.h>

#include "align/pair/pair.h"

#include "check.h"

typedef struct keys {
    char buf[512];
} keys;

static void collect(void *ctx, const char *key, size_t len)
{
    keys *k = ctx;
    size_t used = strlen(k->buf);
    snprintf(k->buf + used, sizeof k->buf - used, "%s%.*s", used ? " " : "", (int)len, key);
}

static void check_numbers(const char *text, const char *want)
{
    keys k = {{0}};
    bd_features_numbers(text, strlen(text), collect, &k);
    CHECK(!strcmp(k.buf, want), "numbers of '%s': got '%s', want '%s'", text, k.buf, want);
}

static void skeleton_of(translit *tr, const char *lang, const char *word, char *out, size_t size)
{
    char t[256];
    size_t tl = bd_translit_word(tr, lang, word, strlen(word), t, sizeof t);
    bd_features_name_skeleton(t, tl, out, size);
}

static void check_same_name(translit *tr, const char *la, const char *a, const char *lb,
                            const char *b)
{
    char sa[32], sb[32];
    skeleton_of(tr, la, a, sa, sizeof sa);
    skeleton_of(tr, lb, b, sb, sizeof sb);
    CHECK(sa[0] && !strcmp(sa, sb), "names '%s' (%s) and '%s' (%s) should match: '%s' vs '%s'",
          a, la, b, lb, sa, sb);
}

static void check_other_name(translit *tr, const char *la, const char *a, const char *lb,
                             const char *b)
{
    char sa[32], sb[32];
    skeleton_of(tr, la, a, sa, sizeof sa);
    skeleton_of(tr, lb, b, sb, sizeof sb);
    CHECK(strcmp(sa, sb) != 0, "names '%s' and '%s' should differ, both '%s'", a, b, sa);
}

int main(void)
{
    /* Numbers: either decimal separator, thousands separators, dates. */
    check_numbers("Ръст от 1,7 процента", "1.7");
    check_numbers("growth of 1.7 percent", "1.7");
    check_numbers("10,000 people and 10.000 Menschen", "10000 10000");
    check_numbers("am 6/11 um", "6/11 6 11");
    check_numbers("im Jahr 2022.", "2022");
    check_numbers("2023-12-09", "2023 12 9");
    check_numbers("09.12.2023", "9 12 2023");
    check_numbers("keine Zahl", "");
    check_numbers("١٢ ٣", "12 3");   /* Arabic-Indic digits */

    /* Names across scripts, through ICU transliteration. */
    translit *tr = bd_translit_create();
    CHECK(tr != NULL, "bd_translit_create");
    check_same_name(tr, "bg", "Съливан", "de", "Sullivan");
    check_same_name(tr, "bg", "Пхенян", "de", "Pjöngjang");
    check_same_name(tr, "bg", "Пхенян", "en", "Pyongyang");
    check_same_name(tr, "bg", "Япония", "en", "Japan");
    check_same_name(tr, "bg", "Вашингтон", "en", "Washington");
    check_same_name(tr, "ru", "Путин", "de", "Putin");
    check_same_name(tr, "de", "Pjöngjangs", "en", "Pyongyang");
    check_other_name(tr, "en", "Japan", "en", "Pyongyang");
    check_other_name(tr, "en", "Sullivan", "en", "Seoul");

    /* Cognates: a normalised 4-letter prefix. */
    char ca[16], cb[16], t[64];
    size_t tl = bd_translit_word(tr, "bg", "криптовалута", strlen("криптовалута"), t, sizeof t);
    bd_features_cognate_key(t, tl, ca, sizeof ca);
    bd_features_cognate_key("kryptowahrungen", 15, cb, sizeof cb);
    CHECK(!strcmp(ca, cb), "cognates: '%s' vs '%s'", ca, cb);
    CHECK(bd_features_cognate_key("abc", 3, ca, sizeof ca) == 0, "short words have no cognate key");
    bd_translit_free(tr);

    /* Bead-type lists. */
    CHECK(bead_types_parse("1-1,1-0,0-1") ==
              ((1u << BEAD_1_1) | (1u << BEAD_1_0) | (1u << BEAD_0_1)),
          "parse 1-1,1-0,0-1");
    CHECK(bead_types_parse("1-1,2-1,1-2,2-2,1-3,3-1,1-0,0-1,2-3,3-2,1-4,4-1") == BEAD_TYPES_ALL,
          "parse all");
    CHECK(bead_types_parse("1-1,2-1,1-2,2-2,1-3,3-1,1-0,0-1,1-4,4-1") == BEAD_TYPES_DEFAULT,
          "parse the default");
    CHECK(bead_types_parse("1-1,4-4") == 0, "4-4 is no type");
    CHECK(bead_types_parse("") == 0, "empty list");
    CHECK(bead_types_parse("1-1,") == 0, "trailing comma");
    CHECK(!strcmp(bead_type_name(BEAD_2_1), "2-1"), "name of 2-1");

    /* The length cost: zero-ish for a perfect ratio, growing with distance. */
    double near = bd_model_length_cost(100, 120, 1.2, 6.8), far = bd_model_length_cost(100, 200, 1.2, 6.8);
    CHECK(near < 0.01 && far > 4, "length cost: near %g, far %g", near, far);
    CHECK(bd_model_length_cost(0, 0, 1.0, 6.8) < 0.01, "two empty sentences match");

    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    return failures != 0;
}
