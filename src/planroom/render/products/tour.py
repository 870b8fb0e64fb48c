"""The `tour` product: the order's public tour page, served from the delivered model.

Nothing is drawn here (the tour page is built when a visitor opens it); delivering the product
publishes its links. The order id in the link is the capability, like a file link.
"""

from __future__ import annotations

import uuid

from planroom.render.context import RenderContext
from planroom.render.products.base import Product, ProductOutput

TOUR_TYPE = "floorplan_tour"


def tour_links(public_url: str, order_id: uuid.UUID | str) -> dict[str, str]:
    """The `delivery_assets.tour` object of a delivered tour (api.md §3.2)."""
    base = f"{public_url.rstrip('/')}/tours/{order_id}"
    return {"link": base, "mls_compliance_link": f"{base}/mls", "type": TOUR_TYPE}


def _render(ctx: RenderContext) -> ProductOutput:
    return PRODUCT.output(values=tour_links(ctx.public_url, ctx.order_id))


PRODUCT = Product(
    key="tour",
    group="tour",
    slots={"link": None, "mls_compliance_link": None, "type": TOUR_TYPE},
    render=_render,
    packages=("plus", "plus_3d"),
    styled=True,
    links=tour_links,
)
