"""Generate a scan and its truth in one call."""

from __future__ import annotations

import json
from dataclasses import dataclass

from planroom.floormodel.generator.scan_writer import Noise, ScanForm, write_scan
from planroom.floormodel.generator.scenes import SCENES
from planroom.floormodel.schema import FloorModel


@dataclass(frozen=True)
class GeneratedScan:
    name: str
    form: ScanForm
    seed: int
    scan: object
    """RoomPlan JSON, ready for `json.dumps`."""
    truth: FloorModel
    turn_deg: float

    def scan_bytes(self) -> bytes:
        return json.dumps(self.scan, separators=(",", ":"), sort_keys=True).encode()


def generate(
    name: str,
    *,
    seed: int = 0,
    form: ScanForm | None = None,
    noise: Noise | None = None,
    turn_deg: float | None = None,
) -> GeneratedScan:
    """A synthetic RoomPlan scan of scene `name` (see `SCENES`) and the model it shows."""
    if name not in SCENES:
        raise KeyError(f"unknown scene {name!r}; choose one of {', '.join(sorted(SCENES))}")
    scene = SCENES[name]()
    if form is None:
        form = "room" if len(scene.model.spaces) == 1 else "structure"
    scan, turn = write_scan(scene, form=form, seed=seed, noise=noise, turn_deg=turn_deg)
    return GeneratedScan(name, form, seed, scan, scene.model, turn)
