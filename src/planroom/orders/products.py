"""The product catalogue: packages, add-ons, what they deliver and how they group."""

from __future__ import annotations

from typing import Literal

PackageType = Literal["base", "plus", "plus_3d"]
AddOn = Literal["gla", "3d_cad_files", "3d_video", "6h_turnaround"]
ProductGroup = Literal["products_2d", "products_3d", "tour"]

PACKAGE_TYPES: tuple[PackageType, ...] = ("base", "plus", "plus_3d")
ADD_ONS: tuple[AddOn, ...] = ("gla", "3d_cad_files", "3d_video", "6h_turnaround")

DELIVERY_ASSET_KEYS: tuple[str, ...] = (
    "listing_floorplans",
    "gla_package",
    "home_report",
    "snapshot",
    "floorplans_3d",
    "video_3d",
    "cad_files",
    "property_data",
    "tour",
)

_PACKAGE_PRODUCTS: dict[str, tuple[str, ...]] = {
    "base": ("listing_floorplans", "property_data"),
    "plus": ("listing_floorplans", "property_data", "home_report", "snapshot", "tour"),
    "plus_3d": (
        "listing_floorplans",
        "property_data",
        "home_report",
        "snapshot",
        "tour",
        "floorplans_3d",
    ),
}
_ADD_ON_PRODUCTS: dict[str, tuple[str, ...]] = {
    "gla": ("gla_package",),
    "3d_cad_files": ("cad_files",),
    "3d_video": ("video_3d",),
    "6h_turnaround": (),
}
PRODUCT_GROUP: dict[str, ProductGroup] = {
    "listing_floorplans": "products_2d",
    "gla_package": "products_2d",
    "home_report": "products_2d",
    "snapshot": "products_2d",
    "property_data": "products_2d",
    "floorplans_3d": "products_3d",
    "video_3d": "products_3d",
    "cad_files": "products_3d",
    "tour": "tour",
}
PRODUCT_GROUPS: tuple[ProductGroup, ...] = ("products_2d", "products_3d", "tour")


def products_for(package_type: str, add_ons: list[str]) -> list[str]:
    """The delivery-asset keys an order with this package and these add-ons includes."""
    included = set(_PACKAGE_PRODUCTS[package_type])
    for add_on in add_ons:
        included.update(_ADD_ON_PRODUCTS[add_on])
    return [key for key in DELIVERY_ASSET_KEYS if key in included]


def purchasable_package_types(package_type: str) -> list[str]:
    """The packages above the current one, in order."""
    return list(PACKAGE_TYPES[PACKAGE_TYPES.index(package_type) + 1 :])


def purchasable_add_ons(add_ons: list[str]) -> list[str]:
    return [add_on for add_on in ADD_ONS if add_on not in add_ons]


def groups_of(products: list[str]) -> list[ProductGroup]:
    present = {PRODUCT_GROUP[product] for product in products}
    return [group for group in PRODUCT_GROUPS if group in present]
