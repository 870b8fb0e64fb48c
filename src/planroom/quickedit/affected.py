"""Which deliverables an edit changes. A room's name, finished / heated ticks, its own ceiling
height and the property's type and north are not drawn by the 3D products (the dollhouse images
and GLB, the 3D video): an edit of only those leaves their files as they are, and they are
carried to the new model version instead of being rendered again. Every other product prints
room names or areas and is rendered again on every edit; so is every product after any other
change (a room's type, its boundary, walls, openings)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planroom.floormodel.schema import FloorModel

THREE_D_PRODUCTS = ("floorplans_3d", "video_3d")
NOT_DRAWN_IN_3D = ("name", "finished", "heated", "ceiling_height")
"""Room fields the 3D renderers never read (they read a room's type and outline)."""


def _as_3d_sees_it(model: FloorModel) -> dict[str, Any]:
    document: dict[str, Any] = dict(model.to_json_dict())
    document.pop("property", None)
    spaces: list[dict[str, Any]] = document.get("spaces", [])
    for space in spaces:
        for name in NOT_DRAWN_IN_3D:
            space.pop(name, None)
    return document


def unchanged_products(before: FloorModel, after: FloorModel, products: Sequence[str]) -> list[str]:
    """The products among `products` whose files `after` leaves exactly as `before` made them."""
    if _as_3d_sees_it(before) != _as_3d_sees_it(after):
        return []
    return [product for product in products if product in THREE_D_PRODUCTS]
