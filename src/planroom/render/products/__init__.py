"""The registry of deliverables: every `Product`, in the order `delivery_assets` lists them.

Adding a deliverable is one module in this folder (ending with its `PRODUCT`) and one line here.
"""

from __future__ import annotations

from planroom.render.products import (
    cad_files,
    floorplans_3d,
    gla_package,
    home_report,
    listing_floorplans,
    property_data,
    snapshot,
    tour,
    video_3d,
)
from planroom.render.products.base import Product

PRODUCTS: dict[str, Product] = {
    product.key: product
    for product in (
        listing_floorplans.PRODUCT,
        gla_package.PRODUCT,
        home_report.PRODUCT,
        snapshot.PRODUCT,
        floorplans_3d.PRODUCT,
        video_3d.PRODUCT,
        cad_files.PRODUCT,
        property_data.PRODUCT,
        tour.PRODUCT,
    )
}
