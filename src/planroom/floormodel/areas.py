"""The three area figures every plan and report names: GIA, GLA and total scanned area.

- GIA (the default): finished, enclosed, indoor space to the inside face of exterior walls,
  interior walls included, ceilings at least 5 ft; outdoor spaces, garages, unfinished rooms and
  openings to the level below are listed as excluded.
- GLA: ANSI Z765-2021, see `planroom.floormodel.gla`.
- Total scanned area: everything scanned, exterior walls and outdoor spaces included; it decides
  the size surcharge (`over_limits`).

Deliverables never call these directly: they read `planroom.floormodel.figures.model_figures`,
the one result measured from them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from planroom.floormodel.classification import SpacePart, gia_parts
from planroom.floormodel.geometry import Region, snap_to_mm, union
from planroom.floormodel.measure import (
    LevelMeasure,
    LevelOutline,
    gross_region,
    level_outline,
    measure_level,
)
from planroom.floormodel.schema import FloorModel, Level, Space
from planroom.floormodel.units import SQ_MM_PER_SQ_FOOT, AreaUnit, sq_mm_to, whole

AreaFigureName = Literal["gia", "gla", "total"]
FIGURE_LABELS: dict[AreaFigureName, str] = {
    "gia": "GIA",
    "gla": "GLA (ANSI Z765-2021)",
    "total": "Total scanned area",
}

SIZE_UNIT_SQ_FT = 5000
"""Scanned area covered by the base price, and the size of each surcharge step."""
SIZE_CHARGED_PRODUCTS = ("products_2d", "products_3d")


@dataclass(frozen=True)
class GiaLevel:
    level: Level
    measure: LevelMeasure

    @property
    def region(self) -> Region:
        return union([self.measure.included, self.measure.adu])

    @property
    def gia_sq_mm(self) -> float:
        return self.measure.included_sq_mm + self.measure.adu_sq_mm


def compute_gia(
    model: FloorModel, outlines: Mapping[str, LevelOutline] | None = None
) -> list[GiaLevel]:
    """Gross internal area, level by level (below-grade finished levels included)."""
    result = []
    for level in model.levels_in_order():
        outline = outlines[level.id] if outlines else level_outline(model, level)
        gross = gross_region(outline, "inner_face")

        def parts_of(
            space: Space, level: Level = level, outline: LevelOutline = outline
        ) -> list[SpacePart]:
            return gia_parts(model, level, space, outline.shapes[space.id])

        measure = measure_level(outline, gross, parts_of)
        result.append(GiaLevel(level, measure))
    return result


def scanned_regions(
    model: FloorModel, outlines: Mapping[str, LevelOutline] | None = None
) -> dict[str, Region]:
    """Per level id: everything scanned, snapped to whole millimetres."""
    return {
        level.id: snap_to_mm(
            (outlines[level.id] if outlines else level_outline(model, level)).everything
        )
        for level in model.levels_in_order()
    }


def extra_size_units(total_scanned_sq_mm: float) -> int:
    """Surcharge units: one per started 5,000 sq ft (465 m²) of scanned area above the first."""
    # rounded first: an area stored in another unit must not start a unit by float noise
    square_feet = round(total_scanned_sq_mm / SQ_MM_PER_SQ_FOOT, 6)
    return max(0, math.ceil((square_feet - SIZE_UNIT_SQ_FT) / SIZE_UNIT_SQ_FT))


def over_limits(
    total_scanned_sq_mm: float, product_types: Iterable[str]
) -> list[dict[str, object]]:
    """`info.product.over_limits`: one entry per size-charged product range the order has."""
    units = extra_size_units(total_scanned_sq_mm)
    if units == 0:
        return []
    wanted = set(product_types)
    return [
        {"product_type": product_type, "extra_units": units}
        for product_type in SIZE_CHARGED_PRODUCTS
        if product_type in wanted
    ]


def reported_total(total_scanned_sq_mm: float, unit: AreaUnit) -> int:
    """`info.total_scanned_area`: whole sq ft or m², rounded half up."""
    return whole(sq_mm_to(total_scanned_sq_mm, unit))
