#!/usr/bin/env python3
"""Regenerates the words that are not tags on their own (enrich/.../text/tags/not-tag-words.txt).

A newsroom tag is a name or a noun phrase. Without a part-of-speech tagger (about 16 ms an article, far over the
stream's budget) the tag extractor cannot tell "beat" in "Harbour City beat Redmoor" from a noun, so it looks the
word up here. Two kinds of words are listed:

  * "not-noun": word forms that are rarely nouns: WordNet 3.0 has no noun for them (went, ambushed, unveils), or its
    sense-tagged corpus counts (cntlist.rev, from SemCor) use them as a noun less than 20 % of the time, with at
    least 10 uses as another part of speech (beat, fell, close, best, longest). Inflected forms are reduced to
    their lemmas with WordNet's own exception lists and suffix rules (morphy).
  * "generic": the 300 most frequent words of the GloVe vocabulary the classifier already ships (world, company,
    group, season): too general to say what one article is about.
  * "demonym": capitalised adjectives WordNet relates to a place (a pertainym pointing at a noun.location synset:
    Chilean, German, Danish): a nationality alone is not what a story is about, its place or people are.

Only the first 50,000 words of that vocabulary (letters only) are considered, so the list stays small.

WordNet comes from Debian's package wordnet-base (WordNet 3.0, Princeton University; its licence lets us copy and
distribute derived data with the notice, which the output's header carries):

    apt-get download wordnet-base && dpkg -x wordnet-base_*.deb wordnet
    python3 enrich/tools/tag-stop-words.py wordnet/usr/share/wordnet \\
        enrich/src/main/resources/dev/newsflow/enrich/classify/word-clusters.txt.gz \\
        enrich/src/main/resources/dev/newsflow/enrich/text/tags/not-tag-words.txt

Same input, same output (sorted, no timestamp).
"""
import argparse
import collections
import gzip
import re

POS = ("noun", "verb", "adj", "adv")
SS_TYPE = {"1": "noun", "2": "verb", "3": "adj", "4": "adv", "5": "adj"}
RULES = {
    "noun": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
             ("ies", "y")],
    "verb": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")],
    "adj": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "adv": [],
}
LETTERS = re.compile(r"^[a-z]+$")
NOTICE = """# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES,
# EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
# WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE,
# DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# (WordNet 3.0 license: permission to use, copy, modify and distribute for any purpose and without fee, with this
# notice on all copies.) Word frequencies: GloVe 6B (Public Domain Dedication and License 1.0), via word-clusters.txt.gz.
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("wordnet")
    parser.add_argument("clusters")
    parser.add_argument("out")
    parser.add_argument("--vocabulary", type=int, default=50_000)
    parser.add_argument("--generic", type=int, default=300)
    parser.add_argument("--max-noun-share", type=float, default=0.2)
    parser.add_argument("--min-other-uses", type=int, default=10)
    args = parser.parse_args()

    index = {p: set() for p in POS}
    for p in POS:
        with open(f"{args.wordnet}/index.{p}", encoding="latin-1") as f:
            for line in f:
                if not line.startswith(" "):
                    index[p].add(line.split(" ", 1)[0])
    exceptions = {p: collections.defaultdict(list) for p in POS}
    for p in POS:
        with open(f"{args.wordnet}/{p}.exc", encoding="latin-1") as f:
            for line in f:
                parts = line.split()
                exceptions[p][parts[0]].extend(parts[1:])
    counts = collections.Counter()
    with open(f"{args.wordnet}/cntlist.rev", encoding="latin-1") as f:
        for line in f:
            key, _sense, count = line.split()
            lemma, rest = key.split("%")
            counts[(lemma, SS_TYPE[rest.split(":")[0]])] += int(count)

    def lemmas(word, p):
        found = {word} & index[p]
        found.update(b for b in exceptions[p].get(word, []) if b in index[p])
        for suffix, replacement in RULES[p]:
            if word.endswith(suffix) and len(word) > len(suffix):
                base = word[: len(word) - len(suffix)] + replacement
                if base in index[p]:
                    found.add(base)
        return found

    vocabulary = []
    with gzip.open(args.clusters, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            word = line.split("\t", 1)[0]
            if LETTERS.match(word):
                vocabulary.append(word)
            if len(vocabulary) == args.vocabulary:
                break

    demonyms = set()
    location_synsets = set()
    with open(f"{args.wordnet}/data.noun", encoding="latin-1") as f:
        for line in f:
            if not line.startswith(" "):
                parts = line.split(" ")
                if parts[1] == "15":  # noun.location
                    location_synsets.add(parts[0])
    with open(f"{args.wordnet}/data.adj", encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split(" ")
            count = int(parts[3], 16)
            words = [parts[4 + 2 * i].split("(")[0] for i in range(count)]
            at = 4 + 2 * count
            pointers = int(parts[at])
            at += 1
            for _ in range(pointers):
                symbol, offset, pos = parts[at], parts[at + 1], parts[at + 2]
                at += 4
                if symbol == "\\" and pos == "n" and offset in location_synsets:
                    demonyms.update(w.lower() for w in words if w[:1].isupper() and "_" not in w)

    rows = {}
    for word in demonyms:
        rows[word] = "demonym"
    for rank, word in enumerate(vocabulary):
        if word in rows:
            continue
        uses = {}
        exists = {}
        for p in POS:
            found = lemmas(word, p)
            exists[p] = bool(found)
            uses[p] = sum(counts[(lemma, p)] for lemma in found)
        other = uses["verb"] + uses["adj"] + uses["adv"]
        total = other + uses["noun"]
        if not exists["noun"] and (exists["verb"] or exists["adj"] or exists["adv"]):
            rows[word] = "not-noun"
        elif total and uses["noun"] / total < args.max_noun_share and other >= args.min_other_uses:
            rows[word] = "not-noun"
        elif rank < args.generic:
            rows[word] = "generic"

    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("# Words that are not a tag on their own: word<TAB>not-noun|generic|demonym. Generated by enrich/tools/tag-stop-words.py;\n")
        out.write("# see its header for what each kind means. Do not edit by hand.\n")
        out.write(NOTICE)
        for word in sorted(rows):
            out.write(f"{word}\t{rows[word]}\n")
    print(f"{len(rows)} words: {sum(1 for v in rows.values() if v == 'not-noun')} not-noun, "
          f"{sum(1 for v in rows.values() if v == 'generic')} generic, "
          f"{sum(1 for v in rows.values() if v == 'demonym')} demonym")


if __name__ == "__main__":
    main()
