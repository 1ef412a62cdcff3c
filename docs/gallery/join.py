"""Join a reply type's four renders into the gallery image: docs/gallery/join.py OUT.png ZH_TW.png ZH_CN.png EN.png
JA.png

Side by side at phone width (the 2× renders halved), on LINE's chat background, in 128 colours: small files, still
sharp text. Pillow does it (a dev dependency), so the gallery needs no ImageMagick.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image

BACKGROUND = (0x8C, 0xAB, 0xD9)  # LINE's chat background behind the bubbles


def join(out: Path, renders: list[Path]) -> None:
    images = []
    for path in renders:
        with Image.open(path) as image:
            rgb = image.convert("RGB")
            images.append(rgb.resize((rgb.width // 2, rgb.height // 2), Image.Resampling.LANCZOS))
    sheet = Image.new("RGB", (sum(i.width for i in images), max(i.height for i in images)), BACKGROUND)
    left = 0
    for image in images:  # aligned at the top, as the chat's first lines are
        sheet.paste(image, (left, 0))
        left += image.width
    sheet.quantize(colors=128).save(out, optimize=True)


if __name__ == "__main__":
    join(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]])
