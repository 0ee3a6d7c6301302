#!/usr/bin/env python3
"""Measures the category classifier on real web pages labelled by us (docs/classifier.md, "Lexicon topics on real
pages (labelled by us)").

Inputs (read-only):
  - the readability test pages, shared/data/extraction/readability-test-pages/<page>/expected.html (the article
    text) and expected-metadata.json (its "title");
  - our labels, enrich/src/test/resources/dev/newsflow/enrich/classify/readability-pages-topics.tsv
    (page, primary slug, secondary slugs, reason; '#' lines are comments).

The page texts are the publishers' copyright: they must never be committed, so every output goes to /tmp.

    # 1. build the evaluation file: one {"id","label","title","body"} line per labelled page
    python3 enrich/tools/readability-topics-eval.py build > /tmp/readability-topics.ndjson
    # 2. run the classifier (primary accuracy, confusion matrix, review count; then per-item output)
    ./newsflow classify --eval /tmp/readability-topics.ndjson
    ./newsflow classify --explain < /tmp/readability-topics.ndjson > /tmp/readability-topics.out.ndjson
    # 3. score primary and secondary categories against the labels, per model topic and per lexicon topic
    python3 enrich/tools/readability-topics-eval.py score /tmp/readability-topics.out.ndjson

Options: --pages DIR (default ../shared/data/extraction/readability-test-pages relative to the repository, else
/work/shared/...), --labels FILE. Standard library only.
"""
import argparse
import collections
import json
import os
import re
import sys
from html.parser import HTMLParser

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LABELS = os.path.join(REPO, "enrich/src/test/resources/dev/newsflow/enrich/classify/readability-pages-topics.tsv")
PAGE_CANDIDATES = [os.path.join(REPO, "..", "shared/data/extraction/readability-test-pages"),
                   "/work/shared/data/extraction/readability-test-pages"]

# slug <-> IPTC code, as in schemas/.../MediaTopic.java
SLUGS = ["arts-culture-entertainment", "crime-law-justice", "disaster-accident-emergency",
         "economy-business-finance", "education", "environment", "health", "human-interest", "labour",
         "lifestyle-leisure", "politics", "religion", "science-technology", "society", "sport",
         "conflict-war-peace", "weather"]
CODE_TO_SLUG = {"medtop:%02d000000" % (i + 1): s for i, s in enumerate(SLUGS)}
MODEL_TOPICS = {"arts-culture-entertainment", "economy-business-finance", "politics", "science-technology", "sport"}
LEXICON_TOPICS = [s for s in SLUGS if s not in MODEL_TOPICS]

BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre", "figcaption",
         "section", "article", "ul", "ol", "table", "dt", "dd"}


class TextOf(HTMLParser):
    """Visible text of an HTML fragment; block elements become paragraph breaks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)

    def text(self):
        paras = (re.sub(r"\s+", " ", p).strip() for p in "".join(self.parts).split("\n"))
        return "\n\n".join(p for p in paras if p)


def read_labels(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line.startswith("page\t"):
                continue
            page, primary, secondary, reason = line.split("\t")
            sec = [s for s in secondary.split(",") if s]
            for s in [primary] + sec:
                if s not in SLUGS:
                    sys.exit(f"{path}: unknown topic slug {s!r} for {page}")
            rows.append({"page": page, "primary": primary, "secondary": sec, "reason": reason})
    return rows


def build(args):
    pages = args.pages or next((p for p in PAGE_CANDIDATES if os.path.isdir(p)), None)
    if not pages:
        sys.exit("readability test pages not found; pass --pages DIR")
    for row in read_labels(args.labels):
        d = os.path.join(pages, row["page"])
        with open(os.path.join(d, "expected-metadata.json"), encoding="utf-8") as f:
            title = (json.load(f).get("title") or "").strip()
        parser = TextOf()
        with open(os.path.join(d, "expected.html"), encoding="utf-8", errors="replace") as f:
            parser.feed(f.read())
        print(json.dumps({"id": row["page"], "label": row["primary"], "title": title, "body": parser.text()},
                         ensure_ascii=False))


def pct(a, b):
    return f"{a}/{b} ({100.0 * a / b:.0f} %)" if b else f"{a}/0"


def score(args):
    gold = {r["page"]: r for r in read_labels(args.labels)}
    pred = {}
    with open(args.predictions, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            if "id" in o:
                pred[o["id"]] = o
    missing = sorted(set(gold) - set(pred))
    if missing:
        print("no prediction for:", ", ".join(missing))
    ids = [p for p in gold if p in pred]
    topics = {p: [CODE_TO_SLUG[c["code"]] for c in pred[p]["categories"]] for p in ids}

    def ok(subset):
        return sum(1 for p in subset if topics[p] and topics[p][0] == gold[p]["primary"])

    model = [p for p in ids if gold[p]["primary"] in MODEL_TOPICS]
    lex = [p for p in ids if gold[p]["primary"] not in MODEL_TOPICS]
    print(f"pages {len(ids)}; primary correct: all {pct(ok(ids), len(ids))}, "
          f"model-topic pages {pct(ok(model), len(model))}, lexicon-topic pages {pct(ok(lex), len(lex))}")
    review = [p for p in ids if pred[p].get("review")]
    print(f"review flag: {pct(len(review), len(ids))}")
    any_label = sum(1 for p in ids if gold[p]["primary"] in topics[p])
    print(f"labelled primary among the predicted categories (any position): {pct(any_label, len(ids))}")

    print("\nper lexicon topic: gold-primary pages -> predicted primary / predicted as secondary / missing; "
          "gold-secondary pages found anywhere; false positives = predicted (any position) but not labelled")
    for t in LEXICON_TOPICS:
        gp = [p for p in ids if gold[p]["primary"] == t]
        gs = [p for p in ids if t in gold[p]["secondary"]]
        pp = [p for p in ids if t in topics[p]]
        if not (gp or gs or pp):
            continue
        as_primary = [p for p in gp if topics[p][:1] == [t]]
        as_secondary = [p for p in gp if t in topics[p][1:]]
        sec_found = [p for p in gs if t in topics[p]]
        fp = [p for p in pp if p not in gp and p not in gs]
        fp_primary = [p for p in fp if topics[p][:1] == [t]]
        print(f"  {t}: labelled primary {len(gp)} -> primary {len(as_primary)}, secondary {len(as_secondary)}, "
              f"missing {len(gp) - len(as_primary) - len(as_secondary)}; labelled secondary {len(gs)} -> found "
              f"{len(sec_found)}; false positives {len(fp)} (as primary {len(fp_primary)})"
              + (f": {', '.join(fp)}" if fp else ""))

    print("\nper model topic (primary): labelled -> correct; predicted primary but labelled otherwise")
    for t in sorted(MODEL_TOPICS):
        gp = [p for p in ids if gold[p]["primary"] == t]
        wrong_in = [p for p in ids if topics[p][:1] == [t] and gold[p]["primary"] != t]
        print(f"  {t}: {len(gp)} -> {sum(1 for p in gp if topics[p][:1] == [t])}; "
              f"over-predicted {len(wrong_in)}" + (f": {', '.join(wrong_in)}" if wrong_in else ""))

    print("\nprimary errors (page: labelled -> predicted categories with confidence [decidedBy]):")
    for p in ids:
        if topics[p][:1] != [gold[p]["primary"]]:
            cats = ", ".join(f"{CODE_TO_SLUG[c['code']]} {c['confidence']:.2f}"
                             + (" [lexicon]" if "lexicon" in str(c.get("decidedBy", "")) else "")
                             for c in pred[p]["categories"])
            print(f"  {p}: {gold[p]['primary']} -> {cats}" + (" REVIEW" if pred[p].get("review") else ""))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["build", "score"])
    ap.add_argument("predictions", nargs="?", help="score: output of newsflow classify --explain")
    ap.add_argument("--pages")
    ap.add_argument("--labels", default=LABELS)
    args = ap.parse_args()
    if args.mode == "build":
        build(args)
    else:
        if not args.predictions:
            ap.error("score needs the predictions file")
        score(args)


if __name__ == "__main__":
    main()
