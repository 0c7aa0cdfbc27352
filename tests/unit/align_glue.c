/* Unit tests of bd_glue_build (align/anchors/glue.c): which boundaries
 * between sentences are a splitter's cut, so that the bead model joins the
 * pieces instead of deleting one (issue 17). */
#include <stdio.h>
#include <string.h>

#include "align/anchors/anchors.h"

#include "check.h"

/* Glue marks of the sentences as a string of '0'/'1', one per sentence. */
static void glue_of(const char *const *sents, size_t n, char *out)
{
    bead_doc *d = NULL;
    if (bead_doc_create(&d, "de", "t", NULL) != BEAD_OK) {
        CHECK(0, "bead_doc_create failed");
        return;
    }
    for (size_t k = 0; k < n; k++)
        bead_doc_add(d, sents[k], strlen(sents[k]), k, 0, NULL);
    unsigned char glue[32];
    CHECK(bd_glue_build(glue, d, 0, n) == 0, "bd_glue_build failed");
    for (size_t k = 0; k < n; k++)
        out[k] = glue[k] ? '1' : '0';
    out[n] = '\0';
    bead_doc_free(d);
}

static void check_glue(const char *const *sents, size_t n, const char *want)
{
    char got[33];
    glue_of(sents, n, got);
    CHECK(!strcmp(got, want), "glue of '%s'...: got %s, want %s", sents[0], got, want);
}

#define CHECK_GLUE(want, ...)                                                \
    do {                                                                     \
        const char *const s_[] = {__VA_ARGS__};                              \
        check_glue(s_, sizeof s_ / sizeof *s_, want);                        \
    } while (0)

int main(void)
{
    /* A word with a period inside ends no sentence. */
    CHECK_GLUE("01", "Emulation, wie z.B.", "Wine");
    /* A list or section number is the head of what follows. */
    CHECK_GLUE("0101", "1.", "Installieren Sie das Paket.", "7.8.1.", "Lokale Verbindung");
    /* A bracket closed but not opened, and an aside wholly in brackets. */
    CHECK_GLUE("0101", "Noto-Schriften (Google; mehrsprachig inkl.", "CJK)",
               "Hilfsprogramme für XFS", "(SGI: IRIX)");
    /* An abbreviation the text itself uses inside a sentence ("inkl. der"),
     * and nowhere else: "ist." ends sentences. */
    CHECK_GLUE("0001", "Der Preis inkl. der Steuer steigt.", "Das ist.", "Der Preis inkl.",
               "MwSt sinkt.");
    /* Running text, verses: nothing glued, numbers and brackets included. */
    CHECK_GLUE("0000", "Und Gott sah, dass es gut war.", "Siehe Abschnitt 9.7.5.",
               "Er sprach (und sie hörten).", "Da gingen sie heim.");
    CHECK_GLUE("0", "1.");
    /* A verse in brackets whose sentence goes on in the next one. */
    CHECK_GLUE("000", "Und sie gingen hinaus,", "(aber die Jünger blieben),", "und kamen heim.");
    return failures != 0;
}
