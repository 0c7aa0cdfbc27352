#!/usr/bin/env python3
"""Synthetic English/German document pairs and a `bead batch` job list, for
the batch tests and bench/batch.sh.

usage: gen_pairs.py DIR COUNT [--out-dir O] [--tsv] [--broken K] [--shared N]

Writes DIR/en.NNNNN.txt and DIR/de.NNNNN.txt (3-12 sentences each, with
numbers and names, and now and then a German sentence merged with the next
or left out) and prints one job per pair on stdout: JSONL, or TSV with --tsv.
With --out-dir the jobs write O/NNNNN.tsv; without, results come inline.
With --broken K every K-th job names a missing source, to test error records.
With --shared N only N distinct pairs are written and jobs cycle over them
(for benchmarks with many jobs but few files). Deterministic: same arguments,
same files."""
import json
import os
import random
import sys

TEMPLATES = [
    ("In {y}, the committee reviewed {n} proposals.",
     "Im Jahr {y} prüfte der Ausschuss {n} Vorschläge."),
    ("{name} said the project would cost {n} million euros.",
     "{name} sagte, das Projekt werde {n} Millionen Euro kosten."),
    ("The river rose by {n} centimetres overnight.",
     "Der Fluss stieg über Nacht um {n} Zentimeter."),
    ("About {n} people attended the meeting in {city}.",
     "Etwa {n} Menschen nahmen an dem Treffen in {city} teil."),
    ("Nobody expected such a result.",
     "Niemand hatte ein solches Ergebnis erwartet."),
    ("The new bridge will open in {y}.",
     "Die neue Brücke wird {y} eröffnet."),
    ("{name} visited {city} on {n} occasions.",
     "{name} besuchte {city} bei {n} Gelegenheiten."),
    ("Prices fell for the third month in a row.",
     "Die Preise fielen den dritten Monat in Folge."),
    ("The report lists {n} separate incidents since {y}.",
     "Der Bericht nennt seit {y} insgesamt {n} einzelne Vorfälle."),
    ("Why did the council wait so long?",
     "Warum hat der Rat so lange gewartet?"),
]
NAMES = ["Ivanova", "Petrov", "Schmidt", "Wulandari", "Santoso", "Georgieva", "Keller"]
CITIES = ["Sofia", "Plovdiv", "Berlin", "Jakarta", "Varna", "Hamburg", "Bandung"]


def make_pair(rng):
    en, de = [], []
    for _ in range(rng.randint(3, 12)):
        t = rng.choice(TEMPLATES)
        v = dict(y=rng.randint(1990, 2024), n=rng.randint(2, 9999),
                 name=rng.choice(NAMES), city=rng.choice(CITIES))
        en.append(t[0].format(**v))
        de.append(t[1].format(**v))
    roll = rng.random()
    if roll < 0.15 and len(de) > 3:
        i = rng.randrange(len(de) - 1)
        de[i:i + 2] = [de[i][:-1] + "; " + de[i + 1][0].lower() + de[i + 1][1:]]
    elif roll < 0.25 and len(de) > 3:
        del de[rng.randrange(len(de))]
    return " ".join(en) + "\n", " ".join(de) + "\n"


def main(argv):
    args = argv[1:]
    opts = {"--out-dir": None, "--broken": "0", "--shared": "0"}
    tsv = "--tsv" in args
    args = [a for a in args if a != "--tsv"]
    pos = []
    i = 0
    while i < len(args):
        if args[i] in opts:
            opts[args[i]] = args[i + 1]
            i += 2
        else:
            pos.append(args[i])
            i += 1
    folder, count = pos[0], int(pos[1])
    broken, shared = int(opts["--broken"]), int(opts["--shared"])
    os.makedirs(folder, exist_ok=True)
    distinct = shared if shared else count
    for k in range(distinct):
        en, de = make_pair(random.Random(k))
        for lang, text in (("en", en), ("de", de)):
            with open(os.path.join(folder, "%s.%05d.txt" % (lang, k)), "w") as f:
                f.write(text)
    out = sys.stdout
    for k in range(count):
        d = k % distinct
        src = os.path.join(folder, "en.%05d.txt" % d)
        trg = os.path.join(folder, "de.%05d.txt" % d)
        if broken and k % broken == broken - 1:
            src = os.path.join(folder, "en.missing-%05d.txt" % k)
        job_id = "job%05d" % k
        dest = os.path.join(opts["--out-dir"], "%05d.tsv" % k) if opts["--out-dir"] else ""
        if tsv:
            out.write("\t".join([job_id, src, trg, "en,de", dest]) + "\n")
        else:
            job = {"id": job_id, "src": src, "trg": trg, "langs": ["en", "de"]}
            if dest:
                job["out"] = dest
            out.write(json.dumps(job, ensure_ascii=False) + "\n")


main(sys.argv)
