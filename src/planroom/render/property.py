"""The property as structured data: what the `property_data` product publishes for listing
portals and CRMs, and what the reports and the tour print their figures and counts from.

Address and coordinates, levels, every room (type, level, interior dimensions, area, ceiling
height, its doors and windows), the counts an agent types into a listing, and the area figures
with their names, all from the same area engine the plans print.
"""

from __future__ import annotations

from shapely.geometry import Point

from planroom.floormodel.areas import FIGURE_LABELS
from planroom.floormodel.ceilings import flat_ceiling_height, highest_ceiling
from planroom.floormodel.figures import FigureKey, ModelFigures, UnitFigures, model_figures
from planroom.floormodel.schema import FloorModel, Level, Opening, Space
from planroom.floormodel.units import area_unit_for, round_half_up, sq_mm_to, whole
from planroom.render.context import RenderContext
from planroom.render.geometry import opening_span, room_extent, space_polygon
from planroom.render.measure_text import length_text

SCHEMA = "planroom.property-data/1"
DOOR_KINDS = frozenset({"door", "double_door", "sliding_door", "garage_door"})
# How far past a wall face to look for the room an opening leads into.
PROBE_BEYOND_FACE_MM = 150.0


def _area(sq_mm: float, ctx: RenderContext) -> dict[str, object]:
    unit = area_unit_for(ctx.measurement_system)
    value = sq_mm_to(sq_mm, unit)
    rounded: float = whole(value) if unit == "sqft" else float(round_half_up(value, 1))
    return {"value": rounded, "unit": unit, "sq_mm": round(sq_mm)}


def _length(mm: float, ctx: RenderContext) -> dict[str, object]:
    if ctx.measurement_system == "imperial":
        return {
            "value": float(round_half_up(mm / 304.8, 2)),
            "unit": "ft",
            "text": length_text(mm, "imperial"),
            "mm": round(mm),
        }
    return {
        "value": float(round_half_up(mm / 1000.0, 2)),
        "unit": "m",
        "text": length_text(mm, "metric"),
        "mm": round(mm),
    }


def rooms_of_openings(model: FloorModel) -> dict[str, list[Opening]]:
    """Per space id, the openings in its walls: an opening belongs to the rooms on both sides."""
    by_room: dict[str, list[Opening]] = {}
    for opening in model.openings:
        wall, axis, start, end = opening_span(model, opening)
        middle = (start + end) / 2.0
        reach = wall.thickness / 2.0 + PROBE_BEYOND_FACE_MM
        probes = [Point(axis.at(middle, side * reach)) for side in (1.0, -1.0)]
        for space in model.spaces_on(wall.level_id):
            polygon = space_polygon(space)
            if any(polygon.contains(probe) for probe in probes):
                by_room.setdefault(space.id, []).append(opening)
    return by_room


def _ceiling(space: Space, level: Level) -> dict[str, object]:
    if space.sloped_ceiling is not None:
        return {
            "sloped": True,
            "low_mm": space.sloped_ceiling.low_height,
            "high_mm": highest_ceiling(space, level),
        }
    return {"sloped": False, "height_mm": flat_ceiling_height(space, level)}


def _room(space: Space, ctx: RenderContext, openings: list[Opening]) -> dict[str, object]:
    level = ctx.model.level(space.level_id)
    long_mm, short_mm = room_extent(space)
    return {
        "id": space.id,
        "name": space.name,
        "type": space.type,
        "level_id": level.id,
        "level_name": level.name,
        "dimensions": {"length": _length(long_mm, ctx), "width": _length(short_mm, ctx)},
        "area": _area(space_polygon(space).area, ctx),
        "ceiling": _ceiling(space, level),
        "finished": space.finished,
        "heated": space.heated,
        "doors": sum(1 for o in openings if o.kind in DOOR_KINDS),
        "windows": sum(1 for o in openings if o.kind == "window"),
        "openings": [
            {"id": o.id, "kind": o.kind, "width_mm": o.width, "height_mm": o.height}
            for o in openings
        ],
    }


def counts(model: FloorModel) -> dict[str, int]:
    """Bedrooms, full and half bathrooms, and levels, as a listing form asks for them."""
    return {
        "bedrooms": sum(1 for space in model.spaces if space.type == "bedroom"),
        "bathrooms_full": sum(1 for space in model.spaces if space.type == "bathroom"),
        "bathrooms_half": sum(1 for space in model.spaces if space.type == "half_bath"),
        "levels": len(model.levels),
    }


FIGURE_NAMES: dict[FigureKey, str] = {
    "gia": FIGURE_LABELS["gia"],
    "gla": FIGURE_LABELS["gla"],
    "below_grade_finished": "Below-grade finished area (ANSI Z765-2021)",
    "below_grade_unfinished": "Below-grade unfinished area (ANSI Z765-2021)",
    "above_grade_unfinished": "Above-grade unfinished area (ANSI Z765-2021)",
    "non_standard_finished": "Non-standard finished area (ANSI Z765-2021)",
    "total": FIGURE_LABELS["total"],
}
RESO_UNITS = {"sqft": "Square Feet", "m2": "Square Meters"}


def _figure(figures: UnitFigures, key: FigureKey, level_id: str | None) -> dict[str, object]:
    value = figures.reported(key, level_id)
    return {
        "value": int(value) if figures.unit == "sqft" else value,
        "unit": figures.unit,
        "unrounded": float(round_half_up(figures.unrounded(key, level_id), 4)),
    }


def _figures(figures: ModelFigures, ctx: RenderContext) -> dict[str, object]:
    """Every figure of the area engine, rounded once: a level's value, and totals that are the
    sums of the rounded levels (so the data adds up exactly as the reports print it)."""
    unit_figures = figures.in_unit(area_unit_for(ctx.measurement_system))
    result: dict[str, object] = {}
    for key, name in FIGURE_NAMES.items():
        result[key] = {
            "name": name,
            "method": figures.method(key if key in ("gia", "total") else "gla"),
            **_figure(unit_figures, key, None),
            "by_level": {
                level.id: _figure(unit_figures, key, level.id)
                for level in ctx.model.levels_in_order()
            },
        }
    return result


def listing_fields(figures: ModelFigures, ctx: RenderContext) -> dict[str, object]:
    """The area fields an MLS listing asks for, under RESO Data Dictionary names.

    ANSI Z765 figures: `LivingArea` is GLA (finished, above grade); below-grade finished and
    unfinished areas are reported apart and never added to it."""
    unit_figures = figures.in_unit(area_unit_for(ctx.measurement_system))
    units = RESO_UNITS[unit_figures.unit]
    fields: dict[str, object] = {}
    reso: tuple[tuple[str, FigureKey], ...] = (
        ("LivingArea", "gla"),
        ("AboveGradeFinishedArea", "gla"),
        ("BelowGradeFinishedArea", "below_grade_finished"),
        ("BelowGradeUnfinishedArea", "below_grade_unfinished"),
        ("BuildingAreaTotal", "total"),
    )
    for name, key in reso:
        value = unit_figures.reported(key)
        fields[name] = int(value) if unit_figures.unit == "sqft" else value
        fields[f"{name}Units"] = units
    fields["LivingAreaSource"] = "Measured"
    fields["LivingAreaMethod"] = figures.method("gla")
    return fields


def property_document(ctx: RenderContext, figures: ModelFigures | None = None) -> dict[str, object]:
    """The property data JSON document as a dictionary."""
    model = ctx.model
    figures = figures or model_figures(model)
    address = ctx.address
    openings = rooms_of_openings(model)
    return {
        "schema": SCHEMA,
        "order_id": ctx.order_id,
        "model_version": ctx.model_version,
        "model_schema": model.schema_id,
        "address": {
            "street": address.street,
            "suite": address.suite,
            "city": address.city,
            "state": address.state,
            "postal_code": address.postal_code,
            "country": address.country,
            "full_address": address.full_address,
            "latitude": address.latitude,
            "longitude": address.longitude,
        },
        "property_type": model.property.property_type,
        "measurement_system": ctx.measurement_system,
        "levels": [
            {
                "id": level.id,
                "name": level.name,
                "index": level.index,
                "grade": level.grade,
                "elevation_mm": level.elevation,
                "ceiling_height_mm": level.ceiling_height,
                "rooms": sum(1 for space in model.spaces_on(level.id)),
            }
            for level in model.levels_in_order()
        ],
        "rooms": [
            _room(space, ctx, openings.get(space.id, []))
            for level in model.levels_in_order()
            for space in model.spaces_on(level.id)
        ],
        "counts": counts(model),
        "measurement_method": figures.method("gla"),
        "area_figures": _figures(figures, ctx),
        "listing": listing_fields(figures, ctx),
        "import_findings": [finding.model_dump(mode="json") for finding in model.source.findings],
    }
