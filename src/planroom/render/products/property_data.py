"""The `property_data` product: the property data document (`render/property.py`) as JSON."""

from __future__ import annotations

import json

from planroom.render.context import RenderContext, RenderedFile
from planroom.render.products.base import Product, ProductOutput
from planroom.render.property import property_document


def render_property_data(ctx: RenderContext) -> list[RenderedFile]:
    """The `property_data` product: one JSON file in `json_urls`."""
    document = property_document(ctx)
    data = json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False).encode("utf-8")
    return [
        RenderedFile("json_urls", f"{ctx.file_stem}-property-data.json", "application/json", data)
    ]


def _render(ctx: RenderContext) -> ProductOutput:
    return PRODUCT.output(render_property_data(ctx))


PRODUCT = Product(
    key="property_data",
    group="products_2d",
    slots={"json_urls": []},
    render=_render,
    packages=("base", "plus", "plus_3d"),
)
