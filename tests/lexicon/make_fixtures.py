#!/usr/bin/env python3
"""Regenerates the tiny dictd fixtures in this folder from the entries below:
freedict-XXX-YYY.dict.dz (plain gzip, which is valid dictzip for reading), or
a plain .dict (news/), and its .index (headword, offset, length in dictd's base64 numbering). Run it
from anywhere; it writes next to itself."""
import gzip, os

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

def num(v):
    s = ""
    while True:
        s = B64[v % 64] + s
        v //= 64
        if v == 0:
            return s

# German-English in the Ding style: one translation line, then notes,
# examples, synonyms and cross references that are not translations.
DEU_ENG = [
    ("00databaseinfo", "00-database-info\nThis is a test dictionary.\nHaus house\n"),
    ("haus", "Haus /hˈaʊs/ <neut, n, sg>\nhouse <n>\n      \"ein Haus bauen\"  - build a house\n see: {Häuser}, {frei Haus}\n"),
    ("haus", "Haus /hˈaʊs/ <neut, n, sg>\n [adm.] establishment <n>, institution <n>\n   Synonyms: {Einrichtung}, {Anstalt}\n"),
    ("haus", "Haus… /hˈaʊs/ <adj>\ndomestic <adj>, household <adj>\n"),
    ("gehen", "gehen /ɡˈeːən/ <v, intr>\ngo <v>; walk <v>\n         Note: zu Fuß\n   Synonyms: {laufen}\n"),
    ("vor sich gehen", "vor sich gehen /fˈoːɐ zɪç ɡˈeːən/ <v>\ntake place <v>\n"),
    ("zu hause", "zu Hause /tsuː hˈaʊzə/ <adv>\nat home\n"),
    ("wasser", "Wasser /vˈasɐ/ <n, neut>\n1. water 2.\nfarblose Flüssigkeit\n 3.\nGewässer\n2. waters\nMeer, See\n"),
    ("bedeutung", "Bedeutung /bəˈdɔɪ̯tʊŋ/ <n, fem>\nmeaning, significance (of a word)\nwas ein Wort aussagt\n"),
    ("erklaerung", "Erklärung /ɛɐ̯ˈklɛːʁʊŋ/ <n, fem>\na statement made in public about something important\n"),
]

# English-Bulgarian in the Wiktionary style, read inverted for bg-en.
ENG_BUL = [
    ("00databaseshort", "00-database-short\nEnglish-Bulgarian test dictionary\n"),
    ("house", "house //haʊs// <n>\n1. стопа́нство, къща\nan establishment, business\n2. дом, къ́ща\nhuman abode\n"),
    ("water", "water //ˈwɔːtə// <n>\nвода 2.\nclear liquid H₂O\n 3.\nbody of water\n"),
    ("god", "God //ɡɒd// <pn>\nБог\nthe deity\n"),
]

# English-German words of corpora/news-dprk-cyber (en.reuters, de.aljazeera),
# written for tests/scripts/dict_none.sh: enough that the installed-looking
# dictionary changes what bead mines and reports. Kept as plain .dict, which
# bead reads as well as .dict.dz, so that it can be read in the tree.
ENG_DEU_NEWS = [("00databaseinfo", "00-database-info\nEnglish-German test dictionary for the DPRK cyber news.\n")] + [
    (head, f"{head} <n>\n{trg}\n") for head, trg in [
        ("adviser", "Berater, Sicherheitsberater"),
        ("advisers", "Berater, Sicherheitsberater"),
        ("agreed", "geeinigt, vereinbart"),
        ("allegations", "Vorwürfe"),
        ("allies", "Verbündeten, Verbündete"),
        ("ballistic", "ballistisch, ballistischen"),
        ("challenges", "Herausforderung, Herausforderungen"),
        ("commitments", "Verpflichtungen"),
        ("cooperation", "Kooperation, Zusammenarbeit, Wirtschaftskooperation"),
        ("countries", "Länder"),
        ("cryptocurrency", "Kryptowährung, Kryptowährungen"),
        ("cyberattacks", "Cyberangriffe"),
        ("cyberspace", "Cyberspace"),
        ("deepen", "vertiefen"),
        ("denied", "zurückgewiesen, bestritten"),
        ("development", "Entwicklung"),
        ("efforts", "Anstrengungen, Bemühungen"),
        ("hacking", "Hacken, Hackerangriffe"),
        ("illicit", "illegal, illegale"),
        ("initiatives", "Initiativen"),
        ("isolated", "isoliert, isolierten"),
        ("laundering", "Geldwäsche"),
        ("leaders", "Regierungschefs"),
        ("meeting", "Treffen"),
        ("met", "trafen"),
        ("military", "militärisch"),
        ("missile", "Rakete, Raketen"),
        ("money", "Geld"),
        ("national", "national, nationaler, nationalen"),
        ("new", "neu, neue, neuen"),
        ("north korea", "Nordkorea"),
        ("nuclear", "Atom, Atomraketen"),
        ("official", "offiziell, offizieller"),
        ("president", "Präsident"),
        ("reckless", "rücksichtslos, rücksichtslosen"),
        ("reporters", "Reporter, Reportern"),
        ("respond", "reagieren"),
        ("russia", "Russland"),
        ("said", "sagte"),
        ("saturday", "Samstag"),
        ("security", "Sicherheit"),
        ("south korea", "Südkorea"),
        ("space", "Weltraum"),
        ("state", "Staat"),
        ("summit", "Gipfel"),
        ("tests", "Tests"),
        ("three", "drei"),
        ("threats", "Bedrohungen"),
        ("trilateral", "trilateral, trilateralen, trilaterale"),
        ("united states", "Vereinigten Staaten"),
        ("weapons", "Waffen"),
        ("year", "Jahr"),
    ]
]

def write(name, entries, gz=True):
    here = os.path.dirname(os.path.abspath(__file__))
    text = b""
    index = []
    for head, body in entries:
        data = body.encode("utf-8")
        index.append((head, len(text), len(data)))
        text += data
    with open(os.path.join(here, name + (".dict.dz" if gz else ".dict")), "wb") as f:
        f.write(gzip.compress(text, mtime=0) if gz else text)
    with open(os.path.join(here, name + ".index"), "w", encoding="utf-8") as f:
        for head, off, n in sorted(index):
            f.write(f"{head}\t{num(off)}\t{num(n)}\n")

write("freedict-deu-eng", DEU_ENG)
write("freedict-eng-bul", ENG_BUL)
write("news/freedict-eng-deu", ENG_DEU_NEWS, gz=False)
