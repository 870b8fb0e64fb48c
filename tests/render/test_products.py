"""The product registry: every deliverable declared once, its renderer held to its slots."""

from __future__ import annotations

import pytest

from planroom.orders.products import ADD_ONS, PACKAGE_TYPES, products_for
from planroom.render.context import RenderContext, RenderedFile
from planroom.render.products import PRODUCTS
from planroom.render.products.base import PRODUCT_GROUPS, Product, ProductOutput, SlotError
from tests.render.builders3d import context, small_house

DELIVERY_ORDER = [
    "listing_floorplans",
    "gla_package",
    "home_report",
    "snapshot",
    "floorplans_3d",
    "video_3d",
    "cad_files",
    "property_data",
    "tour",
]


def _nothing(ctx: RenderContext) -> ProductOutput:
    return NOTES.output()


NOTES = Product(
    key="notes", group="products_2d", slots={"txt_urls": [], "count": None}, render=_nothing
)


def test_the_registry_lists_every_product_in_delivery_asset_order() -> None:
    assert list(PRODUCTS) == DELIVERY_ORDER
    assert all(key == product.key for key, product in PRODUCTS.items())
    assert {product.group for product in PRODUCTS.values()} == set(PRODUCT_GROUPS)


def test_a_file_in_a_misspelt_slot_fails_where_it_is_made() -> None:
    good = RenderedFile("txt_urls", "notes.txt", "text/plain", b"hi")
    assert NOTES.output([good], {"count": 1}).files == [good]

    with pytest.raises(SlotError, match="'txt_url'"):
        NOTES.output([RenderedFile("txt_url", "notes.txt", "text/plain", b"hi")])
    with pytest.raises(SlotError, match="'counts'"):
        NOTES.output(values={"counts": 1})


def test_a_pdf_slot_must_be_one_of_the_products_slots() -> None:
    with pytest.raises(SlotError, match="pdf_url"):
        Product(
            key="broken",
            group="products_2d",
            slots={"pdf_urls": []},
            render=_nothing,
            pdf_slots=("pdf_url",),
        )


def test_empty_assets_are_fresh_copies() -> None:
    first = PRODUCTS["snapshot"].empty_assets()
    first["pdf_urls"].append("x")
    assert PRODUCTS["snapshot"].empty_assets() == {"pdf_urls": [], "image_urls": []}
    assert PRODUCTS["tour"].empty_assets() == {
        "link": None,
        "mls_compliance_link": None,
        "type": "floorplan_tour",
    }


def test_products_are_sold_only_by_packages_and_add_ons_that_exist() -> None:
    for product in PRODUCTS.values():
        assert set(product.packages) <= set(PACKAGE_TYPES), product.key
        assert set(product.add_ons) <= set(ADD_ONS), product.key
        assert product.packages or product.add_ons, f"{product.key} is never sold"


@pytest.mark.parametrize(
    ("package_type", "add_ons", "expected"),
    [
        ("base", [], ["listing_floorplans", "property_data"]),
        ("plus", [], ["listing_floorplans", "home_report", "snapshot", "property_data", "tour"]),
        (
            "plus_3d",
            [],
            [
                "listing_floorplans",
                "home_report",
                "snapshot",
                "floorplans_3d",
                "property_data",
                "tour",
            ],
        ),
        ("base", ["gla"], ["listing_floorplans", "gla_package", "property_data"]),
        ("base", ["3d_cad_files"], ["listing_floorplans", "cad_files", "property_data"]),
        ("base", ["3d_video"], ["listing_floorplans", "video_3d", "property_data"]),
        ("base", ["6h_turnaround"], ["listing_floorplans", "property_data"]),
    ],
)
def test_what_an_order_includes(package_type: str, add_ons: list[str], expected: list[str]) -> None:
    assert products_for(package_type, add_ons) == expected


def test_every_renderer_fills_exactly_its_slots() -> None:
    ctx = context(
        small_house(), image_long_side_px=240, video_scale=0.05, public_url="https://plans.test"
    )
    for product in PRODUCTS.values():
        output = product.render(ctx)
        assert output.product == product.key
        filled = {item.slot for item in output.files} | set(output.values)
        assert filled == set(product.slots), product.key
