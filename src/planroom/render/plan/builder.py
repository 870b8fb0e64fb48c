"""Assembles one level's plan from its layers, in the draw order of a professional plan.

Fills → walls → stairs → openings → fixtures → labels → dimensions → annotations (a door that
swings over a stair shows its whole leaf and arc rather than vanishing under the treads). The same
layers feed the SVG (and so the PNG and JPG), the PDF, and the GLA plan with its own fills and
labels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from planroom.floormodel.schema import FloorModel, Space
from planroom.render.draw.scene import Box, Group
from planroom.render.geometry import local_box
from planroom.render.measure_text import Units, length_text
from planroom.render.plan.chains import (
    drawn_region,
    level_chains,
    stair_footprints,
)
from planroom.render.plan.dimensions import ChainStyle, chain_depth, dimension_chains
from planroom.render.plan.fixtures import fixture_symbols
from planroom.render.plan.labels import LabelOptions, RoomLabel, room_labels
from planroom.render.plan.openings import door_sectors, opening_symbols
from planroom.render.plan.stairs import stair_symbols
from planroom.render.plan.style import Palette, Sizes
from planroom.render.plan.walls import room_fills, wall_poche


@dataclass(frozen=True)
class PlanOptions:
    """How the layers are drawn; the listing plan and the GLA plan differ only here."""

    palette: Palette
    units: Units
    language: str
    labels: LabelOptions
    furniture: bool
    dimensions: bool
    swing_deg: float
    fill_for: Callable[[Space], str] | None = None
    label_overrides: dict[str, RoomLabel] | None = None


def plan_bounds(model: FloorModel, level_id: str) -> Box:
    """Everything drawn of the level (walls, spaces, stairs), without dimensions or title."""
    region = drawn_region(model, level_id)
    if region.is_empty:
        return Box(0.0, 0.0, 1000.0, 1000.0)
    min_x, min_y, max_x, max_y = (float(v) for v in region.bounds)
    return Box(min_x, min_y, max_x, max_y)


def plan_margin(sizes: Sizes) -> float:
    """Room around the plan: the dimension chains plus breathing space (same in both variants)."""
    return chain_depth(sizes) + sizes.text * 1.2


def label_obstacles(model: FloorModel, level_id: str, options: PlanOptions) -> BaseGeometry:
    """What a room label should not cover: door swings, and fixtures when they are drawn."""
    parts: list[BaseGeometry] = list(door_sectors(model, level_id, options.swing_deg))
    if options.furniture:
        parts.extend(
            local_box(fixture.position, fixture.size, fixture.rotation_deg)
            for fixture in model.fixtures_on(level_id)
        )
    parts.extend(stair_footprints(model, level_id))
    return unary_union(parts) if parts else Polygon()


def plan_layers(
    model: FloorModel, level_id: str, sizes: Sizes, options: PlanOptions
) -> list[Group]:
    """The level's drawing layers, each a named group; `dimensions` is empty when switched off."""
    palette = options.palette
    walls, poche = wall_poche(model, level_id, palette.walls)
    fixtures = (
        fixture_symbols(model, level_id, palette, sizes) if options.furniture else Group("fixtures")
    )
    dimensions = Group("dimensions")
    if options.dimensions:
        # The chains measure the building and sit outside everything drawn, porches included;
        # the GLA plan and the DXF print the very same chains.
        style = ChainStyle(
            palette, sizes, lambda mm: length_text(mm, options.units, options.language)
        )
        dimensions.add(*dimension_chains(level_chains(model, level_id), style))
    return [
        room_fills(model, level_id, palette, sizes, options.fill_for),
        walls,
        stair_symbols(model, level_id, palette, sizes, options.language),
        opening_symbols(model, level_id, palette, sizes, options.swing_deg),
        fixtures,
        room_labels(
            model,
            level_id,
            poche,
            palette,
            sizes,
            options.labels,
            options.label_overrides,
            obstacles=label_obstacles(model, level_id, options),
        ),
        dimensions,
    ]
