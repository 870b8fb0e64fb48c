"""Which sheet a printed plan goes on, which way up, and at which standard scale.

The sheet family follows the order's country (`ctx.paper`): Letter and Tabloid (11" x 17") in
North America, A4 and A3 elsewhere. The scale family follows the plan's units: 1/4", 1/8" and
1/16" = 1'-0" for feet and inches, 1:50, 1:100 and 1:200 for metres.

The smaller sheet is taken when the plan (with its dimension chains and the title band) fits it,
either way up, at `SMALL_SHEET_SCALE` (1/8" = 1'-0" or 1:100) or larger; else the larger sheet;
on the sheet taken, the largest standard scale at which the plan fits. A plan too big for the
larger sheet at the smallest scale is fitted to it and marked "not to scale". Text sizes are set
in paper millimetres, so no choice ever makes text smaller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.pagesizes import A3, A4, LETTER, TABLOID

from planroom.render.draw.pdf import POINTS_PER_MM

PAGE_MARGIN_MM = 12.0
SMALL_SHEET_SCALE = 100.0
"""The smallest scale (largest denominator) a plan is printed at on the smaller sheet."""
METRIC_SCALES: tuple[tuple[float, str], ...] = ((50.0, "1:50"), (100.0, "1:100"), (200.0, "1:200"))
IMPERIAL_SCALES: tuple[tuple[float, str], ...] = (
    (48.0, '1/4" = 1\'-0"'),
    (96.0, '1/8" = 1\'-0"'),
    (192.0, '1/16" = 1\'-0"'),
)
SHEETS: dict[str, tuple[tuple[str, tuple[float, float]], ...]] = {
    "letter": (("Letter", LETTER), ("Tabloid", TABLOID)),
    "a4": (("A4", A4), ("A3", A3)),
}

Extent = Callable[[float], tuple[float, float]]
"""Width and height in plan millimetres of what is drawn above the title band, printed at
1:denominator (dimension chains and gaps are paper sizes, so they grow with the denominator)."""


@dataclass(frozen=True)
class PrintScale:
    denominator: float
    label: str
    """`1:100`, `1/4" = 1'-0"`, or the style language's "not to scale"."""
    true_scale: bool


@dataclass(frozen=True)
class SheetLayout:
    sheet: str
    """`Letter`, `Tabloid`, `A4` or `A3`."""
    page_pt: tuple[float, float]
    """Width and height of the page in points, as turned."""
    scale: PrintScale
    fill: float
    """How much of the drawing area the plan spans along its tighter side (0 to 1)."""

    @property
    def page_mm(self) -> tuple[float, float]:
        return (self.page_pt[0] / POINTS_PER_MM, self.page_pt[1] / POINTS_PER_MM)


def drawing_area(page_pt: tuple[float, float], band_mm: float) -> tuple[float, float]:
    """Width and height in paper millimetres left for the plan above the title band."""
    width = page_pt[0] / POINTS_PER_MM - 2 * PAGE_MARGIN_MM
    height = page_pt[1] / POINTS_PER_MM - 2 * PAGE_MARGIN_MM - band_mm
    return width, height


def _orientations(size: tuple[float, float]) -> tuple[tuple[float, float], ...]:
    short, long = sorted(size)
    return ((short, long), (long, short))


def _fill(extent: Extent, denominator: float, area: tuple[float, float]) -> float:
    width, height = extent(denominator)
    return max(width / denominator / area[0], height / denominator / area[1])


def _best_on(
    name: str, size: tuple[float, float], extent: Extent, scales: tuple[tuple[float, str], ...],
    band_mm: float,
) -> SheetLayout | None:  # fmt: skip
    """The largest scale at which the plan fits this sheet; on a tie turned to the plan's shape."""
    found: list[SheetLayout] = []
    for page in _orientations(size):
        area = drawing_area(page, band_mm)
        for denominator, label in scales:
            fill = _fill(extent, denominator, area)
            if fill <= 1.0:
                found.append(SheetLayout(name, page, PrintScale(denominator, label, True), fill))
                break
    if not found:
        return None

    def turned_against(layout: SheetLayout) -> bool:
        width, height = extent(layout.scale.denominator)
        return (width > height) != (layout.page_pt[0] > layout.page_pt[1])

    return min(found, key=lambda layout: (layout.scale.denominator, turned_against(layout)))


def _not_to_scale(
    name: str, size: tuple[float, float], extent: Extent, band_mm: float, label: str
) -> SheetLayout:
    """The plan fitted to the sheet: extent(d) / d is affine in 1 / d, so solve for d."""
    best: SheetLayout | None = None
    base_w, base_h = extent(0.0)
    unit_w, unit_h = extent(1.0)
    per_w, per_h = unit_w - base_w, unit_h - base_h
    for page in _orientations(size):
        area_w, area_h = drawing_area(page, band_mm)
        needed = max(base_w / max(area_w - per_w, 1.0), base_h / max(area_h - per_h, 1.0)) * 1.01
        layout = SheetLayout(name, page, PrintScale(needed, label, False), 1.0)
        if best is None or layout.scale.denominator < best.scale.denominator:
            best = layout
    assert best is not None
    return best


def choose_layout(
    extent: Extent, paper: str, *, imperial: bool, band_mm: float, not_to_scale: str
) -> SheetLayout:
    """The sheet, its orientation and the scale a plan of this `extent` prints at."""
    (small_name, small_size), (large_name, large_size) = SHEETS.get(paper, SHEETS["a4"])
    scales = IMPERIAL_SCALES if imperial else METRIC_SCALES
    small = _best_on(small_name, small_size, extent, scales, band_mm)
    if small is not None and small.scale.denominator <= SMALL_SHEET_SCALE:
        return small
    large = _best_on(large_name, large_size, extent, scales, band_mm)
    if large is not None:
        return large
    return _not_to_scale(large_name, large_size, extent, band_mm, not_to_scale)
