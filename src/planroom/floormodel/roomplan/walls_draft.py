"""The working form of a wall while a scan is turned into a model."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from planroom.floormodel.roomplan.plan import Vec


@dataclass(frozen=True)
class WallThickness:
    exterior_mm: int = 152
    interior_mm: int = 114


@dataclass
class DraftWall:
    start: Vec
    end: Vec
    thickness: float
    kind: str
    height: float
    sources: set[str] = field(default_factory=set)

    @property
    def length(self) -> float:
        return math.dist(self.start, self.end)

    def direction(self) -> Vec:
        length = self.length or 1.0
        return ((self.end[0] - self.start[0]) / length, (self.end[1] - self.start[1]) / length)
