#!/usr/bin/env python3
"""Check an Atom feed with a standard feed parser (feedparser, from PyPI).

    python3 scripts/check_feed.py FILE_OR_URL

Exits 0 when the feed parses without error (no "bozo" flag) and carries the elements
Atom (RFC 4287) requires: feed id, title, updated and author; every entry id, title,
updated and link; entry ids unique. Exits 2 when feedparser is not installed
(pip install feedparser), 1 on any problem (printed).
"""
import sys

try:
    import feedparser
except ImportError:
    print("feedparser is not installed (pip install feedparser)", file=sys.stderr)
    sys.exit(2)


def main(src):
    d = feedparser.parse(src)
    problems = []
    if d.bozo:
        problems.append(f"parse error: {d.bozo_exception!r}")
    if d.get("version") != "atom10":
        problems.append(f"not Atom 1.0: {d.get('version')!r}")
    f = d.feed
    for key in ("id", "title", "updated", "author"):
        if not f.get(key):
            problems.append(f"feed has no {key}")
    seen = set()
    for i, e in enumerate(d.entries):
        for key in ("id", "title", "updated", "link"):
            if not e.get(key):
                problems.append(f"entry {i} has no {key}")
        if e.get("id") in seen:
            problems.append(f"entry {i}: repeated id {e.get('id')}")
        seen.add(e.get("id"))
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(d.entries)} entries, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
