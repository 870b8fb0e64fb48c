"""The sample scans shipped with the package, and how they are made.

Run `python -m planroom.floormodel.generator.samples` to write them again; a test checks that
the shipped files are exactly what the generator writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from planroom.floormodel.generator.api import GeneratedScan, generate

SAMPLES: dict[str, tuple[str, int]] = {
    "apartment": ("apartment", 11),
    "house_garage_porch": ("house_garage_porch", 12),
    "two_storey_basement": ("two_storey_basement", 13),
}
"""Sample name: (scene, seed)."""


def sample_scan(name: str) -> GeneratedScan:
    scene, seed = SAMPLES[name]
    return generate(scene, seed=seed, form="structure")


def write_samples(directory: Path) -> list[Path]:
    written = []
    for name in SAMPLES:
        path = directory / f"{name}.json"
        path.write_bytes(sample_scan(name).scan_bytes())
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "samples"
    for path in write_samples(target):
        sys.stdout.write(f"wrote {path.name} ({path.stat().st_size} bytes)\n")
