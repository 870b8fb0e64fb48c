"""Generate a scan and its truth in one call."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from planroom.floormodel.generator.scan_frame import Noise
from planroom.floormodel.generator.scan_writer import ScanForm, write_scan
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
    shift_mm: tuple[float, float] | None = None
    """How far the turned plan was moved in the scan's world (mm), when known."""

    def scan_bytes(self) -> bytes:
        return json.dumps(self.scan, separators=(",", ":"), sort_keys=True).encode()

    def truth_bytes(self) -> bytes:
        return json.dumps(self.truth.to_json_dict(), indent=1, sort_keys=True).encode()

    def write(self, directory: Path) -> tuple[Path, Path]:
        """Write `<name>.roomplan.json` (the scan) and `<name>.truth.json` (the model)."""
        scan_path = directory / f"{self.name}.roomplan.json"
        truth_path = directory / f"{self.name}.truth.json"
        scan_path.write_bytes(self.scan_bytes())
        truth_path.write_bytes(self.truth_bytes())
        return scan_path, truth_path


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
