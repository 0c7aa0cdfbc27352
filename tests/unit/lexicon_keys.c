/* Lexicon keys: normalisation, lower-casing and light stemming per language,
 * as a table of (language, word, expected key). Dictionary headwords and
 * text words go through the same function, so pairs that must meet are
 * listed with the same key. */
#include <stdio.h>
#include <string.h>

#include "bead/lexicon.h"

typedef struct key_case {
    const char *lang, *word, *key;
} key_case;

static const key_case cases[] = {
    /* German: case, umlauts and ß folded, plural and case endings. */
    {"de", "Haus", "haus"}, {"de", "Hauses", "haus"}, {"de", "Häuser", "haus"},
    {"de", "Häusern", "haus"}, {"de", "Mann", "mann"}, {"de", "Männer", "mann"},
    {"de", "Gott", "gott"}, {"de", "Gottes", "gott"}, {"de", "Straße", "strass"},
    {"de", "Strasse", "strass"}, {"de", "GEHEN", "geh"}, {"de", "der", "der"},
    {"de", "Ha\xcc\x88user", "haus"},      /* decomposed ä (NFD input) */
    /* English: plurals, -ed, -ing, final e, possessive. */
    {"en", "house", "hous"}, {"en", "Houses", "hous"}, {"en", "loved", "lov"},
    {"en", "loving", "lov"}, {"en", "studies", "study"}, {"en", "churches", "church"},
    {"en", "Jesus", "jesus"}, {"en", "man's", "man"}, {"en", "man\xe2\x80\x99s", "man"},
    {"en", "was", "was"}, {"en", "the", "the"},
    /* Bulgarian: articles and plurals; dictionary stress marks dropped. */
    {"bg", "Къщата", "къщ"}, {"bg", "къща", "къщ"}, {"bg", "Богът", "бог"},
    {"bg", "Бога", "бог"}, {"bg", "обя\xcc\x81ва", "обяв"}, {"bg", "обява", "обяв"},
    {"bg", "й", "й"},                       /* the breve is a letter, not a stress mark */
    /* French: elision and plural. */
    {"fr", "l'homme", "homm"}, {"fr", "L\xe2\x80\x99\xc3\x89glise", "églis"},
    {"fr", "grandes", "grand"}, {"fr", "grand", "grand"}, {"fr", "parlent", "parl"},
    /* Indonesian: affixes. */
    {"id", "memberikan", "beri"}, {"id", "diberi", "beri"}, {"id", "kerajaannya", "raja"},
    /* Punctuation trimmed, numbers and symbols give no key. */
    {"de", "(Haus),", "haus"}, {"en", "\"house!\"", "hous"}, {"de", "2022", ""},
    {"en", "3.14", ""}, {"en", "--", ""}, {"bg", "\xe2\x80\x94", ""}, {"en", "B52", "b52"},
    /* A language without rules: only normalised and lower-cased. */
    {"it", "Casa", "casa"}, {"tr", "ISTANBUL", "ıstanbul"}, {"de-CH", "Häuser", "haus"},
};

int main(void)
{
    int failures = 0;
    char buf[128];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const key_case *c = &cases[i];
        size_t n = bead_lexicon_key(c->lang, c->word, strlen(c->word), buf, sizeof buf);
        if (strcmp(buf, c->key) != 0 || n != strlen(c->key)) {
            fprintf(stderr, "key(%s, \"%s\") = \"%s\" (%zu), want \"%s\"\n", c->lang, c->word,
                    buf, n, c->key);
            failures++;
        }
    }
    /* A buffer too small gives 0 and an empty string, never a cut key. */
    char small[4] = "xyz";
    if (bead_lexicon_key("en", "houses", 6, small, sizeof small) != 0 || small[0] != '\0') {
        fprintf(stderr, "a too small buffer must give 0 and an empty key\n");
        failures++;
    }
    /* Invalid UTF-8 gives no key. */
    if (bead_lexicon_key("de", "H\xc3", 2, buf, sizeof buf) != 0) {
        fprintf(stderr, "invalid UTF-8 must give no key\n");
        failures++;
    }
    /* Only len bytes are read. */
    if (bead_lexicon_key("en", "houses and more", 6, buf, sizeof buf) != 4 ||
        strcmp(buf, "hous") != 0) {
        fprintf(stderr, "key must read only len bytes, got \"%s\"\n", buf);
        failures++;
    }
    if (failures)
        fprintf(stderr, "%d key failures\n", failures);
    return failures != 0;
}
