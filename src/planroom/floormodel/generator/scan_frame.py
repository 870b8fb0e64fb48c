"""The scanner's frame: world coordinates, transforms and noise of a synthetic scan."""

from __future__ import annotations

import math
import random
import uuid
from dataclasses import dataclass

import numpy as np

from planroom.floormodel.generator.layout import Scene
from planroom.floormodel.schema import Level

DEVICE_HEIGHT_M = 1.35
"""RoomPlan's world origin is where the phone started, roughly at chest height."""


@dataclass(frozen=True)
class Noise:
    """How far a scan strays from the truth (standard deviations, clipped at three)."""

    position_mm: float = 8.0
    angle_deg: float = 0.6
    corner_mm: float = 6.0
    opening_mm: float = 10.0

    @staticmethod
    def none() -> Noise:
        return Noise(0.0, 0.0, 0.0, 0.0)


class ScanWriter:
    def __init__(
        self,
        scene: Scene,
        rng: random.Random,
        noise: Noise,
        turn_deg: float,
        shift_mm: tuple[float, float],
    ) -> None:
        self.scene = scene
        self.model = scene.model
        self.rng = rng
        self.noise = noise
        self.turn = math.radians(turn_deg)
        self.shift = shift_mm

    # --- frames ---------------------------------------------------------------------------
    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4)).upper()

    def jitter(self, sigma: float) -> float:
        if sigma <= 0:
            return 0.0
        return max(-3 * sigma, min(3 * sigma, self.rng.gauss(0.0, sigma)))

    def world(self, point: tuple[float, float], height_mm: float) -> np.ndarray:
        """Plan mm and a height above the scan origin into world metres (+Y up, plan y = -z)."""
        cos_t, sin_t = math.cos(self.turn), math.sin(self.turn)
        x = point[0] * cos_t - point[1] * sin_t + self.shift[0]
        y = point[0] * sin_t + point[1] * cos_t + self.shift[1]
        return np.array([x / 1000.0, height_mm / 1000.0, -y / 1000.0])

    def frame(self, center: tuple[float, float], height_mm: float, plan_angle: float) -> np.ndarray:
        """A column-major 4x4 whose local x runs along `plan_angle` (radians) in the plan."""
        angle = plan_angle + self.turn
        ex = np.array([math.cos(angle), 0.0, -math.sin(angle)])
        ey = np.array([0.0, 1.0, 0.0])
        ez = np.cross(ex, ey)
        matrix = np.eye(4)
        matrix[:3, 0], matrix[:3, 1], matrix[:3, 2] = ex, ey, ez
        matrix[:3, 3] = self.world(center, height_mm)
        return matrix

    def floor_y(self, level: Level) -> float:
        return level.elevation - DEVICE_HEIGHT_M * 1000.0

    # --- elements -------------------------------------------------------------------------
    def surface(
        self,
        category: object,
        matrix: np.ndarray,
        dims: list[float],
        story: int,
        parent: str | None = None,
        corners: list[list[float]] | None = None,
        curve: dict[str, object] | None = None,
    ) -> dict[str, object]:
        return {
            "identifier": self.uid(),
            "parentIdentifier": parent,
            "category": category,
            "confidence": {"high": {}},
            "dimensions": [rounded(value) for value in dims],
            "transform": [rounded(value) for value in matrix.T.flatten()],
            "completedEdges": [],
            "curve": curve,
            "polygonCorners": corners or [],
            "story": story,
        }


def rounded(value: float) -> float:
    return round(float(value), 5)
