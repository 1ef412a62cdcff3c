#!/usr/bin/env bash
# Redraw the gallery: every reply type in zh-TW, zh-CN, en and ja, as LINE draws it at phone width.
# Needs ../shared/tools/flex-preview (it installs chromium on first use) and the project's .venv (`make
# .venv/bin/.installed`: Pillow, a dev dependency, joins the four languages in docs/gallery/join.py).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$repo/.venv/bin/python" "$repo/docs/gallery/replies.py" "$work/json"
"$repo/../shared/tools/flex-preview/render" "$work"/json/*.json --out "$work/png" >/dev/null
for json in "$work"/json/*-zh-TW.json; do
  kind=$(basename "$json" -zh-TW.json)
  # the four languages side by side, at phone width (1x), in 128 colours: small files, still sharp text
  "$repo/.venv/bin/python" "$repo/docs/gallery/join.py" "$repo/docs/gallery/$kind.png" \
    "$work/png/$kind-zh-TW.png" "$work/png/$kind-zh-CN.png" "$work/png/$kind-en.png" "$work/png/$kind-ja.png"
done
ls -l "$repo"/docs/gallery/*.png
