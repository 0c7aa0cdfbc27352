#!/usr/bin/env python3
"""Makes a large test pair with a gold alignment from a small dev set.

Usage: scaled_pair.py DEV_DIR N SRC_OUT TRG_OUT GOLD_OUT

Repeats the gold beads of DEV_DIR (src.txt, trg.txt, gold.txt in score.py's
format) until the target side has N sentences, dropping each line with
probability 0.02 on either side (seeded by N, so runs repeat). A bead keeps
the lines that survive, so the gold alignment of the result is known: a 1-1
bead that loses its target line becomes a 1-0 bead, and so on.
"""
import random
import sys


def ids(field):
    body = field.strip()[1:-1].strip()
    return [int(x) for x in body.split(',')] if body else []


def main():
    dev, n, src_out, trg_out, gold_out = sys.argv[1], int(sys.argv[2]), *sys.argv[3:6]
    src = open(dev + '/src.txt', encoding='utf-8').read().split('\n')
    trg = open(dev + '/trg.txt', encoding='utf-8').read().split('\n')
    beads = []
    for line in open(dev + '/gold.txt', encoding='utf-8'):
        if line.strip():
            s, t = line.split(':')[:2]
            beads.append((ids(s), ids(t)))
    rng = random.Random(n)
    ns = nt = 0
    with open(src_out, 'w', encoding='utf-8') as fs, open(trg_out, 'w', encoding='utf-8') as ft, \
            open(gold_out, 'w', encoding='utf-8') as fg:
        while nt < n:
            for s, t in beads:
                if nt >= n:
                    break
                keep_s = [i for i in s if rng.random() > 0.02]
                keep_t = [j for j in t if rng.random() > 0.02][:n - nt]
                if not keep_s and not keep_t:
                    continue
                for i in keep_s:
                    fs.write(src[i] + '\n')
                for j in keep_t:
                    ft.write(trg[j] + '\n')
                fg.write('[%s]:[%s]\n' % (','.join(str(ns + k) for k in range(len(keep_s))),
                                          ','.join(str(nt + k) for k in range(len(keep_t)))))
                ns += len(keep_s)
                nt += len(keep_t)


if __name__ == '__main__':
    main()
