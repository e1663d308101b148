#!/usr/bin/env bash
# Every screenshot the programs save is also a WCAG AA contrast check of the text it shows
# (kiosk/ui/contrast/README.md): the program writes one line per picture to stderr,
#   contrast welcome-vi-portrait.png: 11 text runs, lowest 5.3:1 ("Đã kết nối"), 0 below AA
# and one line per run of text below AA. This reads the programs' logs and fails when a run is
# below AA, when a picture shows no text the check could read, or when no picture was checked.
#   tests/gui/contrast_check.sh LOG...
set -uo pipefail
(( $# > 0 )) || { echo "usage: contrast_check.sh LOG..." >&2; exit 2; }
pictures=$(cat "$@" | grep -c '^contrast [^ ]*: [0-9]* text runs')
below=$(cat "$@" | grep '^contrast below AA' || true)
empty=$(cat "$@" | grep '^contrast [^ ]*: 0 text runs' || true)
if [[ -n "$below" ]]; then
    echo "contrast_check: text below WCAG AA on screen:" >&2
    echo "$below" >&2
    exit 1
fi
if [[ -n "$empty" ]]; then
    echo "contrast_check: pictures in which no text could be checked:" >&2
    echo "$empty" >&2
    exit 1
fi
if (( pictures == 0 )); then
    echo "contrast_check: no picture was checked in $*" >&2
    exit 1
fi
echo "contrast_check: $pictures pictures, every text run at WCAG AA or above"
