/* Learning a lexicon from an alignment: word pairs that keep occurring in
 * the same confident 1-1 beads are learned; words in most beads (function
 * words), pairs seen once, numbers, low-scored and non-1-1 beads are not. */
#include <stdio.h>
#include <string.h>

#include "bead/lexicon.h"

#include "check.h"

/* German and English sentences, aligned 1-1 in order, score per unit. */
static const struct { const char *de, *en; double score; } units[] = {
    {"Das Haus ist alt.", "The house is old.", 0.9},
    {"Der Hund schläft im Haus.", "The dog sleeps in the house.", 0.95},
    {"Das Haus hat 3 Fenster.", "The house has 3 windows.", 0.9},
    {"Der Hund bellt.", "The dog barks.", 0.9},
    {"Der Baum ist groß.", "The tree is tall.", 0.9},
    {"Der Hund und der Baum.", "The dog and the tree.", 0.9},
    {"Die Katze trinkt Milch.", "The cat drinks milk.", 0.9},
    {"Wir sehen 3 Vögel.", "We see 3 birds.", 0.9},
    {"Ein Fluss fließt.", "A river flows.", 0.9},
    {"Der Fluss ist breit.", "The river is wide.", 0.2},      /* low score */
    {"Der Fluss ist lang.", "The river is long.", 0.2},       /* low score */
    {"Die Sonne scheint.", "The sun shines.", 0.9},
    {"Der Mond scheint.", "The moon shines.", 0.9},
    {"Die Sterne leuchten.", "The stars glow.", 0.9},
    {"Es regnet.", "It rains.", 0.9},
    {"Der Wind weht.", "The wind blows.", 0.9},
    {"Der Schnee fällt.", "The snow falls.", 0.9},
    {"Das Gras wächst.", "The grass grows.", 0.9},
    {"Die Blume blüht.", "The flower blooms.", 0.9},
    {"Das Meer rauscht.", "The sea roars.", 0.9},
};
#define NUNITS (sizeof units / sizeof units[0])

static int has(const bead_lexicon *lex, const char *s, const char *t)
{
    char a[128], b[128];
    bead_lexicon_key(bead_lexicon_src_lang(lex), s, strlen(s), a, sizeof a);
    bead_lexicon_key(bead_lexicon_trg_lang(lex), t, strlen(t), b, sizeof b);
    return bead_lexicon_has(lex, a, b);
}

int main(void)
{
    bead_doc *de, *en;
    bead_alignment *al;
    bead_lexicon *lex;
    bead_error err;
    if (bead_doc_create(&de, "de", "de.txt", &err) || bead_doc_create(&en, "en", "en.txt", &err) ||
        bead_alignment_create(&al, 2, &err) || bead_lexicon_create(&lex, "de", "en", &err))
        return 1;
    for (size_t i = 0; i < NUNITS; i++) {
        size_t begin[2] = {i, i}, count[2] = {1, 1};
        if (bead_doc_add(de, units[i].de, strlen(units[i].de), 0, 0, &err) ||
            bead_doc_add(en, units[i].en, strlen(units[i].en), 0, 0, &err) ||
            bead_alignment_append(al, begin, count, units[i].score, &err))
            return 1;
    }
    /* A 2-1 unit at the end is not a 1-1 bead: its words are not counted. */
    const char *extra[] = {"Der Fluss.", "Der Fluss.", "The river."};
    bead_doc_add(de, extra[0], strlen(extra[0]), 0, 0, &err);
    bead_doc_add(de, extra[1], strlen(extra[1]), 0, 0, &err);
    bead_doc_add(en, extra[2], strlen(extra[2]), 0, 0, &err);
    size_t begin[2] = {NUNITS, NUNITS}, count[2] = {2, 1};
    bead_alignment_append(al, begin, count, 0.99, &err);

    size_t learned = 0;
    bead_status st = bead_lexicon_learn(lex, de, en, al, 0.5, &learned, &err);
    CHECK(st == BEAD_OK, "learn: %s", err.message);
    CHECK(learned > 0 && learned == bead_lexicon_size(lex), "learned %zu, size %zu", learned,
          bead_lexicon_size(lex));
    CHECK(has(lex, "Haus", "house"), "Haus/house: 3 beads together");
    CHECK(has(lex, "Hund", "dog") && has(lex, "Hunde", "dogs"), "Hund/dog");
    CHECK(has(lex, "Baum", "tree"), "Baum/tree: 2 beads together");
    CHECK(has(lex, "scheint", "shines"), "scheint/shines");
    CHECK(!has(lex, "Haus", "dog") && !has(lex, "Hund", "house"), "Dice keeps the right partner");
    CHECK(!has(lex, "der", "the") && !has(lex, "Der", "dog"), "function words are not learned");
    CHECK(!has(lex, "Katze", "cat"), "a pair seen once is not learned");
    CHECK(!has(lex, "Fluss", "river"), "low-scored and 2-1 beads do not count");
    CHECK(!has(lex, "3", "3"), "numbers are not words");

    /* Learning again adds nothing new; a 3-version alignment is refused. */
    size_t again = 99;
    st = bead_lexicon_learn(lex, de, en, al, 0.5, &again, &err);
    CHECK(st == BEAD_OK && again == 0, "relearning added %zu", again);
    bead_alignment *three;
    bead_alignment_create(&three, 3, &err);
    st = bead_lexicon_learn(lex, de, en, three, 0.5, &again, &err);
    CHECK(st == BEAD_ERR_USAGE, "3 versions: status %d", (int)st);
    bead_alignment_free(three);

    /* An empty alignment learns nothing. */
    bead_alignment *none;
    bead_alignment_create(&none, 2, &err);
    st = bead_lexicon_learn(lex, de, en, none, 0.5, &again, &err);
    CHECK(st == BEAD_OK && again == 0, "empty alignment");
    bead_alignment_free(none);

    bead_lexicon_free(lex);
    bead_alignment_free(al);
    bead_doc_free(de);
    bead_doc_free(en);
    if (failures)
        fprintf(stderr, "%d failures\n", failures);
    return failures != 0;
}
