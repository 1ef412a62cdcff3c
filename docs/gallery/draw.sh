#!/usr/bin/env bash
# Redraw the gallery: every reply type in zh-TW, zh-CN, en and ja, as LINE draws it at phone width.
# Needs ../shared/tools/flex-preview (it installs chromium on first use) and ImageMagick's `convert`.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$repo/.venv/bin/python" "$repo/docs/gallery/replies.py" "$work/json"
"$repo/../shared/tools/flex-preview/render" "$work"/json/*.json --out "$work/png" >/dev/null
for json in "$work"/json/*-zh-TW.json; do
  kind=$(basename "$json" -zh-TW.json)
  # the four languages side by side, at phone width (1x), in 128 colours: small files, still sharp text
  convert "$work/png/$kind-zh-TW.png" "$work/png/$kind-zh-CN.png" "$work/png/$kind-en.png" "$work/png/$kind-ja.png" \
    -resize 50% -background '#8CABD9' -gravity north +append -colors 128 -strip "$repo/docs/gallery/$kind.png"
done
ls -l "$repo"/docs/gallery/*.png
