"""Draws a `Scene` on a reportlab canvas as vectors, at an exact scale.

The scene's frame is mapped onto a rectangle of the page with one factor for both axes, so a plan
built in millimetres prints at a true architectural scale.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from planroom.render.draw.scene import CAP_CENTRE, Circle, Image, Primitive, Scene, Shape, Text
from planroom.render.fonts import register_pdf_fonts

POINTS_PER_MM = 72.0 / 25.4


@dataclass(frozen=True)
class Placement:
    """Where the scene lands on the page: its frame's lower-left corner, and points per plan mm."""

    origin_x: float
    origin_y: float
    factor: float


def draw_scene(
    canvas: Canvas, scene: Scene, placement: Placement, *, background: bool = True
) -> None:
    """Draw every group of `scene` on `canvas` (page coordinates in points, y up)."""
    register_pdf_fonts()
    frame = scene.frame
    canvas.saveState()
    if background and scene.background.lower() not in ("#ffffff", "#fff"):
        canvas.setFillColor(HexColor(scene.background))
        canvas.rect(
            placement.origin_x,
            placement.origin_y,
            frame.width * placement.factor,
            frame.height * placement.factor,
            stroke=0,
            fill=1,
        )
    canvas.translate(placement.origin_x, placement.origin_y)
    canvas.scale(placement.factor, placement.factor)
    canvas.translate(-frame.min_x, -frame.min_y)
    for group in scene.groups:
        for item in group.items:
            _draw(canvas, item)
    canvas.restoreState()


def _draw(canvas: Canvas, item: Primitive) -> None:
    if isinstance(item, Shape):
        _shape(canvas, item)
    elif isinstance(item, Circle):
        _paint(canvas, item.fill, item.stroke, item.width, ())
        canvas.circle(
            item.centre[0],
            item.centre[1],
            item.radius,
            stroke=_on(item.stroke, item.width),
            fill=int(item.fill is not None),
        )
    elif isinstance(item, Text):
        _text(canvas, item)
    elif isinstance(item, Image):
        canvas.drawImage(
            ImageReader(io.BytesIO(item.png)),
            item.pos[0],
            item.pos[1],
            item.width,
            item.height,
            mask="auto",
        )


def _on(stroke: str | None, width: float) -> int:
    return int(stroke is not None and width > 0)


def _paint(
    canvas: Canvas, fill: str | None, stroke: str | None, width: float, dash: tuple[float, ...]
) -> None:
    if fill is not None:
        canvas.setFillColor(HexColor(fill))
    if stroke is not None and width > 0:
        canvas.setStrokeColor(HexColor(stroke))
        canvas.setLineWidth(width)
    canvas.setDash(list(dash) if dash else [])


def _shape(canvas: Canvas, shape: Shape) -> None:
    path = canvas.beginPath()
    for ring in shape.rings:
        if not ring:
            continue
        path.moveTo(*ring[0])
        for point in ring[1:]:
            path.lineTo(*point)
        if shape.closed:
            path.close()
    _paint(canvas, shape.fill, shape.stroke, shape.width, shape.dash)
    canvas.setLineJoin(1 if shape.round_joins else 0)
    fill = int(shape.closed and shape.fill is not None)
    canvas.drawPath(path, stroke=_on(shape.stroke, shape.width), fill=fill, fillMode=0)


def _text(canvas: Canvas, text: Text) -> None:
    regular, bold = register_pdf_fonts()
    canvas.saveState()
    canvas.setFillColor(HexColor(text.fill))
    canvas.setFont(bold if text.bold else regular, text.size)
    canvas.translate(text.pos[0], text.pos[1])
    if text.angle_deg:
        canvas.rotate(text.angle_deg)
    baseline = -text.size * CAP_CENTRE
    if text.anchor == "middle":
        canvas.drawCentredString(0, baseline, text.text)
    elif text.anchor == "end":
        canvas.drawRightString(0, baseline, text.text)
    else:
        canvas.drawString(0, baseline, text.text)
    canvas.restoreState()
