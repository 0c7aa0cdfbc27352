#!/usr/bin/env python3
"""Regenerates the tiny dictd fixtures in this folder from the entries below:
freedict-XXX-YYY.dict.dz (plain gzip, which is valid dictzip for reading) and
its .index (headword, offset, length in dictd's base64 numbering). Run it
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

def write(name, entries):
    here = os.path.dirname(os.path.abspath(__file__))
    text = b""
    index = []
    for head, body in entries:
        data = body.encode("utf-8")
        index.append((head, len(text), len(data)))
        text += data
    with open(os.path.join(here, name + ".dict.dz"), "wb") as f:
        f.write(gzip.compress(text, mtime=0))
    with open(os.path.join(here, name + ".index"), "w", encoding="utf-8") as f:
        for head, off, n in sorted(index):
            f.write(f"{head}\t{num(off)}\t{num(n)}\n")

write("freedict-deu-eng", DEU_ENG)
write("freedict-eng-bul", ENG_BUL)
