#!/usr/bin/env bash
# Scores the time stage on a TimeML (.tml) or MEANTIME (CAT .xml) corpus with the shared
# TempEval-3 scorer, in the three documented steps:
#   1. export the texts and document dates (shared/tools/timeml.py),
#   2. run `newsledger extract … --published DAY --format timeml --out DIR`, one call per DCT,
#   3. score with `score_timex.py GOLD DIR`.
#
# Usage: scripts/score-timeml.sh CORPUS_DIR [WORK_DIR] [-- extra score_timex.py args]
#   CORPUS_DIR  e.g. ~/newsledger-realdata/tbaq or ../shared/data/meantime-en
#   WORK_DIR    where the exported texts and system .tml go (default target/score-timeml/NAME);
#               keep it outside the repository or under target/: it holds the corpus texts.
# Environment: NEWSLEDGER (binary, default target/release/newsledger), SHARED (default ../shared).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:?usage: scripts/score-timeml.sh CORPUS_DIR [WORK_DIR] [-- score_timex args]}"
shift
work=""
if [[ $# -gt 0 && "$1" != "--" ]]; then
  work="$1"
  shift
fi
[[ $# -gt 0 && "$1" == "--" ]] && shift
work="${work:-$here/target/score-timeml/$(basename "$corpus")}"
bin="${NEWSLEDGER:-$here/target/release/newsledger}"
shared="${SHARED:-$here/../shared}"

rm -rf "$work/texts" "$work/named" "$work/system"
mkdir -p "$work/texts" "$work/system"

# 1. texts + DCTs: <doc>.txt and manifest.tsv (doc, dct, txt)
python3 "$shared/tools/timeml.py" "$corpus" "$work/texts" >&2

# 2. one extract call per document day (a DCT with a time keeps its day). The document id is
#    the path as given, and becomes the output's DOCID, so each text is linked as
#    named/<doc id> first (timeml.py's file names replace characters like "," and "%").
mkdir -p "$work/named"
while IFS=$'\t' read -r doc dct txt; do
  ln -sf "../texts/$txt" "$work/named/${doc//\//_}"
done < "$work/texts/manifest.tsv"
cut -f2 "$work/texts/manifest.tsv" | cut -c1-10 | sort -u | while read -r day; do
  [[ -z "$day" ]] && continue
  mapfile -t files < <(awk -F'\t' -v d="$day" 'substr($2, 1, 10) == d { gsub("/", "_", $1); print $1 }' "$work/texts/manifest.tsv")
  (cd "$work/named" && "$bin" extract "${files[@]}" --published "$day" --format timeml \
    --out "$work/system")
done

# 3. the TempEval-3 scores
python3 "$shared/tools/score_timex.py" "$corpus" "$work/system" "$@"
