#!/usr/bin/env python3
"""Real-news development sets, kept as ../shared/spec/real-data.md says.

Texts live outside the repository, at $NEWSLEDGER_REALDATA (default ~/newsledger-realdata),
as <set>/<id>.txt plus <set>/index.jsonl. The repository keeps corpus/real/<set>/sources.jsonl
(pointers and hashes), gold/<stage>.jsonl (values and byte offsets) and RECIPE.md.

  realdata.py add --set S --id ID --excerpt-json FILE --query Q --rank N --url U
                  --published DAY|null --published-from text|url|null --outlet O --kind K
                  [--language en] [--split dev|final]
      FILE holds the excerpt exactly as the search tool returned it, as a JSON string
      literal (with its quotes and escapes); the text is written byte for byte.
  realdata.py find --set S --id ID PHRASE [--all]
      byte offsets [start, end) of PHRASE in the text (first, or every occurrence).
  realdata.py show --set S --id ID START END      the bytes of a span, to check gold.
  realdata.py index [--set S]    rebuild <set>/index.jsonl from sources.jsonl.
  realdata.py check [--set S]    every text present with its hash; gold spans inside the text.
  realdata.py stats [--set S]    counts: documents, outlets, kinds, gold figures per metric.
  realdata.py score [--set S] [--split dev|final|all] [--bin PATH] [--errors FILE] [--json] [--language en|ru|all]
      figures of every set (or one) scored by ../shared/tools/score_figures.py: a temporary
      docs folder of that split, all gold and ambiguous files, the binary's extract.
  realdata.py docs --set S [--split dev|final|all] OUT.jsonl
      one JSONL document per line ({id,text,published,title,url,outlet}) for `extract`.
"""
import argparse, collections, hashlib, json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REAL = os.path.join(ROOT, "corpus", "real")
KEYS = ["id", "corpus", "query", "rank", "url", "sha256", "bytes", "published",
        "published_from", "outlet", "kind", "language", "split"]
METRICS = {"killed", "injured", "detained", "missing", "displaced", "evacuated", "rescued",
           "deployed", "participants", "charged"}


def data_dir():
    return os.environ.get("NEWSLEDGER_REALDATA") or os.path.join(os.path.expanduser("~"), "newsledger-realdata")


def load_jsonl(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def sets(only):
    if only:
        return [only]
    return sorted(d for d in os.listdir(REAL) if os.path.isdir(os.path.join(REAL, d))) if os.path.isdir(REAL) else []


def text_path(s, i):
    return os.path.join(data_dir(), s, i + ".txt")


def read_text(s, i):
    with open(text_path(s, i), "rb") as f:
        return f.read()


def nul(v):
    return None if v in (None, "null", "") else v


def cmd_add(a):
    with open(a.excerpt_json, encoding="utf-8") as f:
        raw = f.read().strip()
    text = json.loads(raw)
    if not isinstance(text, str):
        sys.exit("excerpt file must hold one JSON string literal")
    b = text.encode("utf-8")
    os.makedirs(os.path.join(data_dir(), a.set), exist_ok=True)
    with open(text_path(a.set, a.id), "w", encoding="utf-8", newline="") as f:
        f.write(text)
    src = os.path.join(REAL, a.set, "sources.jsonl")
    rows = [r for r in load_jsonl(src) if r["id"] != a.id]
    row = {"id": a.id, "corpus": "pages", "query": a.query, "rank": a.rank, "url": a.url,
           "sha256": hashlib.sha256(b).hexdigest(), "bytes": len(b), "published": nul(a.published),
           "published_from": nul(a.published_from), "outlet": a.outlet, "kind": a.kind,
           "language": a.language, "split": a.split}
    rows.append(row)
    os.makedirs(os.path.dirname(src), exist_ok=True)
    with open(src, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({k: r.get(k) for k in KEYS}, ensure_ascii=False) + "\n")
    write_index(a.set)
    print("%s: %d bytes, sha256 %s" % (a.id, len(b), row["sha256"][:12]))


def write_index(s):
    rows = load_jsonl(os.path.join(REAL, s, "sources.jsonl"))
    os.makedirs(os.path.join(data_dir(), s), exist_ok=True)
    with open(os.path.join(data_dir(), s, "index.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({"id": r["id"], "published": r["published"], "kind": r["kind"],
                                "outlet": r["outlet"], "url": r["url"], "title": "",
                                "split": r.get("split", "dev"), "language": r.get("language", "en")},
                               ensure_ascii=False) + "\n")


def cmd_find(a):
    t = read_text(a.set, a.id)
    p = a.phrase.encode("utf-8")
    at, found = 0, False
    while True:
        k = t.find(p, at)
        if k < 0:
            break
        found = True
        print(json.dumps([k, k + len(p)]))
        if not a.all:
            break
        at = k + 1
    if not found:
        sys.exit("not found")


def cmd_show(a):
    print(read_text(a.set, a.id)[a.start:a.end].decode("utf-8", "replace"))


def cmd_index(a):
    for s in sets(a.set):
        write_index(s)


def cmd_check(a):
    bad = 0
    for s in sets(a.set):
        rows = load_jsonl(os.path.join(REAL, s, "sources.jsonl"))
        lens = {}
        for r in rows:
            p = text_path(s, r["id"])
            if not os.path.exists(p):
                print("%s/%s: text missing (restore it, RECIPE.md)" % (s, r["id"]))
                bad += 1
                continue
            b = read_text(s, r["id"])
            lens[r["id"]] = b
            if hashlib.sha256(b).hexdigest() != r["sha256"] or len(b) != r["bytes"]:
                print("%s/%s: hash or size differs from sources.jsonl" % (s, r["id"]))
                bad += 1
        for g in load_jsonl(os.path.join(REAL, s, "gold", "figures.jsonl")):
            where = "%s gold %s %s %s" % (s, g.get("doc"), g.get("metric"), g.get("low"))
            if g.get("metric") not in METRICS:
                print("%s: unknown metric" % where); bad += 1
            if g.get("doc") not in {r["id"] for r in rows}:
                print("%s: unknown doc" % where); bad += 1
                continue
            b = lens.get(g["doc"])
            sp = g.get("span")
            if b is not None and (not sp or not (0 <= sp[0] < sp[1] <= len(b))):
                print("%s: span outside the text" % where); bad += 1
            elif b is not None:
                try:
                    b[sp[0]:sp[1]].decode("utf-8")
                except UnicodeDecodeError:
                    print("%s: span cuts a character" % where); bad += 1
    print("check: %d problem(s)" % bad)
    sys.exit(1 if bad else 0)


def cmd_stats(a):
    for s in sets(a.set):
        rows = load_jsonl(os.path.join(REAL, s, "sources.jsonl"))
        gold = load_jsonl(os.path.join(REAL, s, "gold", "figures.jsonl"))
        kinds = collections.Counter(r["kind"] for r in rows)
        splits = collections.Counter(r.get("split", "dev") for r in rows)
        metrics = collections.Counter(g["metric"] for g in gold)
        print("%s: %d docs, %d outlets, kinds %s, splits %s, %d gold figures %s" % (
            s, len(rows), len({r["outlet"] for r in rows}), dict(kinds), dict(splits),
            len(gold), dict(sorted(metrics.items()))))


def cmd_docs(a):
    n = 0
    with open(a.out, "w", encoding="utf-8") as out:
        for r in load_jsonl(os.path.join(REAL, a.set, "sources.jsonl")):
            if a.split != "all" and r.get("split", "dev") != a.split:
                continue
            if not os.path.exists(text_path(a.set, r["id"])):
                continue
            t = read_text(a.set, r["id"]).decode("utf-8")
            out.write(json.dumps({"id": r["id"], "text": t, "published": r["published"], "title": "",
                                  "url": r["url"], "outlet": r["outlet"]}, ensure_ascii=False) + "\n")
            n += 1
    print("%d documents" % n, file=sys.stderr)


def cmd_score(a):
    import subprocess, tempfile
    tmp = tempfile.mkdtemp(prefix="realdata-score-")
    golds, amb = [], []
    with open(os.path.join(tmp, "index.jsonl"), "w", encoding="utf-8") as idx:
        for s in sets(a.set):
            for r in load_jsonl(os.path.join(REAL, s, "sources.jsonl")):
                if a.split != "all" and r.get("split", "dev") != a.split:
                    continue
                # Without --set, one language's sets (default English) are scored together.
                if not a.set and a.language != "all" and r.get("language", "en") != a.language:
                    continue
                src = text_path(s, r["id"])
                if not os.path.exists(src):
                    continue
                os.symlink(src, os.path.join(tmp, r["id"] + ".txt"))
                idx.write(json.dumps({"id": r["id"], "published": r["published"], "kind":
                                      "control" if r["kind"] == "control" else "crisis",
                                      "outlet": r["outlet"], "url": r["url"], "title": "",
                                      "language": r.get("language", "en")}) + "\n")
            g = os.path.join(REAL, s, "gold", "figures.jsonl")
            golds += ["--gold", g] if os.path.exists(g) else []
            m = os.path.join(REAL, s, "gold", "ambiguous.jsonl")
            amb += ["--ambiguous", m] if os.path.exists(m) else []
    scorer = os.path.join(ROOT, "..", "shared", "tools", "score_figures.py")
    cmd = [sys.executable, scorer, "--docs", tmp, "--cmd",
           "%s extract {input} --format jsonl" % a.bin] + golds + amb
    if a.errors:
        cmd += ["--errors", a.errors]
    if a.json:
        cmd += ["--json"]
    sys.exit(subprocess.run(cmd).returncode)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("add")
    for k in ["set", "id", "excerpt-json", "query", "url", "published", "published-from", "outlet", "kind"]:
        p.add_argument("--" + k, required=True)
    p.add_argument("--rank", type=int, required=True)
    p.add_argument("--language", default="en")
    p.add_argument("--split", default="dev", choices=["dev", "final"])
    p.set_defaults(f=cmd_add)
    p = sub.add_parser("find")
    p.add_argument("--set", required=True); p.add_argument("--id", required=True)
    p.add_argument("phrase"); p.add_argument("--all", action="store_true")
    p.set_defaults(f=cmd_find)
    p = sub.add_parser("show")
    p.add_argument("--set", required=True); p.add_argument("--id", required=True)
    p.add_argument("start", type=int); p.add_argument("end", type=int)
    p.set_defaults(f=cmd_show)
    for name, f in [("index", cmd_index), ("check", cmd_check), ("stats", cmd_stats)]:
        p = sub.add_parser(name); p.add_argument("--set"); p.set_defaults(f=f)
    p = sub.add_parser("score")
    p.add_argument("--set"); p.add_argument("--split", default="dev", choices=["dev", "final", "all"])
    p.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "newsledger"))
    p.add_argument("--errors"); p.add_argument("--json", action="store_true")
    p.add_argument("--language", default="en",
                   help="without --set: score the sets of this language (en, ru, all)")
    p.set_defaults(f=cmd_score)
    p = sub.add_parser("docs")
    p.add_argument("--set", required=True); p.add_argument("--split", default="dev", choices=["dev", "final", "all"])
    p.add_argument("out"); p.set_defaults(f=cmd_docs)
    a = ap.parse_args()
    a.f(a)


if __name__ == "__main__":
    main()
