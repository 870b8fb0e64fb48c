"""What is sold: packages and add-ons, and which products an order of them includes.

Each product says which packages and add-ons include it and which delivery group it belongs to
(`planroom.render.products`); this module answers from that registry.
"""

from __future__ import annotations

from typing import Literal

from planroom.render.products import PRODUCTS
from planroom.render.products.base import PRODUCT_GROUPS, ProductGroup

PackageType = Literal["base", "plus", "plus_3d"]
AddOn = Literal["gla", "3d_cad_files", "3d_video", "6h_turnaround"]

PACKAGE_TYPES: tuple[PackageType, ...] = ("base", "plus", "plus_3d")
ADD_ONS: tuple[AddOn, ...] = ("gla", "3d_cad_files", "3d_video", "6h_turnaround")


def products_for(package_type: str, add_ons: list[str]) -> list[str]:
    """The delivery-asset keys an order with this package and these add-ons includes."""
    return [key for key, product in PRODUCTS.items() if product.included_in(package_type, add_ons)]


def purchasable_package_types(package_type: str) -> list[str]:
    """The packages above the current one, in order."""
    return list(PACKAGE_TYPES[PACKAGE_TYPES.index(package_type) + 1 :])


def purchasable_add_ons(add_ons: list[str]) -> list[str]:
    return [add_on for add_on in ADD_ONS if add_on not in add_ons]


def groups_of(products: list[str]) -> list[ProductGroup]:
    present = {PRODUCTS[product].group for product in products}
    return [group for group in PRODUCT_GROUPS if group in present]
