#!/usr/bin/python3
"""The batch peer that story grouping is measured against.

A baseline a data scientist would write: scikit-learn TF-IDF over the title twice plus the
body (English stop words, sublinear tf) and average-link agglomerative clustering cut at
cosine distance 0.8, over all the articles at once. It prints the same B-cubed and pairwise
precision, recall and F1 as `crosscheck eval stories` on the same inputs.

    apt-get install -y python3-sklearn        # Debian's scikit-learn
    /usr/bin/python3 eval/peer/peer.py --gold ../shared/corpus/ecbplus/docs.jsonl
    /usr/bin/python3 eval/peer/peer.py --gold ../shared/corpus/pac/stories.jsonl
    /usr/bin/python3 eval/peer/peer.py --gold ../shared/corpus/events

A JSONL input gives one record a line (id, title, text and the gold label, `cluster` unless
--label says otherwise). A folder is read for its .txt files (the first line the title, then
the text), each labelled with the folder it sits in, as `eval stories` reads it.
"""
import argparse
import json
import os
import sys
from collections import Counter

from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_distances


def read(path, label):
    if os.path.isdir(path):
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith(".txt"):
                    continue
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    title, _, text = f.read().partition("\n")
                yield name[:-4], title, text, os.path.basename(root)
        return
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                yield str(r["id"]), r.get("title") or "", r.get("text") or "", str(r[label])


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def score(pred, gold):
    both = Counter(zip(pred, gold))
    psize, gsize = Counter(pred), Counter(gold)
    n = len(gold)
    bp = sum(c * c / psize[p] for (p, _), c in both.items()) / n
    br = sum(c * c / gsize[g] for (_, g), c in both.items()) / n
    tp = sum(c * (c - 1) / 2 for c in both.values())
    pp = sum(c * (c - 1) / 2 for c in psize.values())
    gp = sum(c * (c - 1) / 2 for c in gsize.values())
    P = tp / pp if pp else 1.0
    R = tp / gp if gp else 1.0
    return len(gsize), len(psize), bp, br, f1(bp, br), P, R, f1(P, R)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", required=True, help="a JSONL file or a folder of events")
    ap.add_argument("--label", default="cluster")
    ap.add_argument("--distance", type=float, default=0.8)
    a = ap.parse_args()
    recs = list(read(a.gold, a.label))
    docs = [t + "\n" + t + "\n" + x for _, t, x, _ in recs]
    X = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(docs)
    cl = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                 distance_threshold=a.distance)
    pred = cl.fit_predict(cosine_distances(X))
    g, found, bp, br, bf, pp, pr, pf = score(list(pred), [r[3] for r in recs])
    print(f"articles {len(recs)}, gold stories {g}, found {found}")
    print(f"B-cubed   P {bp:.3f}  R {br:.3f}  F1 {bf:.3f}")
    print(f"pairwise  P {pp:.3f}  R {pr:.3f}  F1 {pf:.3f}")


if __name__ == "__main__":
    sys.exit(main())
