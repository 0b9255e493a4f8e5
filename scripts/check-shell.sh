#!/usr/bin/env bash
# Check what `newsledger completions SHELL` and `newsledger man` print: every completion
# script is generated and parses in its shell (bash always; zsh and fish when installed),
# and the manual page renders with groff without a single warning. Exits non-zero on any
# failure or warning, so CI fails on them.
#
#   scripts/check-shell.sh [BINARY]      # default: target/debug/newsledger
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${1:-target/debug/newsledger}"
[ -x "$BIN" ] || cargo build -q -p newsledger-cli
OUT="$(mktemp -d /tmp/newsledger-shell.XXXXXX)"
trap 'rm -rf "$OUT"' EXIT

for sh in bash zsh fish; do
  "$BIN" completions "$sh" >"$OUT/newsledger.$sh"
  if ! grep -q "extract" "$OUT/newsledger.$sh"; then
    echo "check-shell: the $sh completion script does not name the subcommands" >&2
    exit 1
  fi
done
bash -n "$OUT/newsledger.bash"
echo "bash completion: parses"
if command -v zsh >/dev/null 2>&1; then
  zsh -n "$OUT/newsledger.zsh"
  echo "zsh completion: parses"
else
  echo "note: zsh is not installed; its completion script was generated but not parsed"
fi
if command -v fish >/dev/null 2>&1; then
  fish --no-execute "$OUT/newsledger.fish"
  echo "fish completion: parses"
else
  echo "note: fish is not installed; its completion script was generated but not parsed"
fi

"$BIN" man >"$OUT/newsledger.1"
if ! command -v groff >/dev/null 2>&1; then
  echo "check-shell: groff is needed to render the manual page (apt-get install groff-base)" >&2
  exit 1
fi
# -ww: every warning; -z: format but discard the output. Anything on stderr is a warning.
warnings="$(groff -man -Tutf8 -ww -z "$OUT/newsledger.1" 2>&1 >/dev/null || echo "groff failed")"
if [ -n "$warnings" ]; then
  echo "check-shell: the manual page renders with warnings:" >&2
  echo "$warnings" >&2
  exit 1
fi
echo "manual page: renders without warnings ($(wc -l <"$OUT/newsledger.1") roff lines)"
