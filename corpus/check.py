#!/usr/bin/env python3
"""Sanity checks for the sample corpus and its gold files (run: python3 corpus/check.py).

Every line must parse, ids must be unique, every gold record must name a known report, and every
exact substring it carries (evidence / text / trigger) must occur verbatim in that report's text.
Strings that occur more than once are listed with -v, since a scorer locating them by first
occurrence may pick the wrong one."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
verbose = "-v" in sys.argv
errors = 0


def load(path):
    global errors
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                print(f"{path}:{n}: {e}")
                errors += 1
    return rows


docs = {}
for name in ("reports.jsonl", "controls.jsonl"):
    for d in load(os.path.join(HERE, name)):
        for k in ("id", "published", "title", "url", "outlet", "text"):
            if k not in d:
                print(f"{name}: {d.get('id')}: missing {k}")
                errors += 1
        if d["id"] in docs:
            print(f"{name}: duplicate id {d['id']}")
            errors += 1
        docs[d["id"]] = d
reports = {d["id"] for d in load(os.path.join(HERE, "reports.jsonl"))}

KEYS = {"figures": "evidence", "timexes": "text", "claims": "evidence", "events": "trigger", "entities": None}
for stage, key in KEYS.items():
    path = os.path.join(HERE, "gold", stage + ".jsonl")
    if not os.path.exists(path):
        print(f"gold/{stage}.jsonl: absent")
        continue
    rows = load(path)
    seen_docs = set()
    for i, r in enumerate(rows, 1):
        d = docs.get(r.get("doc"))
        if d is None:
            print(f"gold/{stage}.jsonl:{i}: unknown doc {r.get('doc')}")
            errors += 1
            continue
        seen_docs.add(r["doc"])
        strings = [r[key]] if key else list(r.get("aliases", []))
        if stage == "claims":
            strings.append(r["cue"])
            strings.append(r["speaker_text"])
            strings += r.get("hedges", [])
        for s in strings:
            c = d["text"].count(s)
            if c == 0:
                print(f"gold/{stage}.jsonl:{i}: {r['doc']}: not in text: {s!r}")
                errors += 1
            elif c > 1 and verbose and s in ([r[key]] if key else []):
                print(f"  note gold/{stage}.jsonl:{i}: {r['doc']}: {s!r} occurs {c}x")
    missing = sorted(reports - seen_docs)
    print(f"gold/{stage}.jsonl: {len(rows)} records over {len(seen_docs)} docs" + (f"; no records for {missing}" if missing and stage != 'figures' else ""))
    if stage == "figures":
        bad = [r for r in rows if r["doc"] not in reports]
        if bad:
            print(f"gold/figures.jsonl: {len(bad)} records on control docs")
            errors += 1
print(f"{len(docs)} docs ({len(reports)} reports); {errors} errors")
sys.exit(1 if errors else 0)
