"""What a deliverable is, said once: its slots, its delivery group, who buys it, how it renders.

Every deliverable is one module in this folder, named by its product key and ending with its
single `PRODUCT`. Orders read from it which packages and add-ons include the product and what
its `delivery_assets` object looks like before delivery; production reads its group and whether
a re-delivery re-renders it; the combined PDF reads its PDF slots. A renderer's output is checked
against the slots, so a misspelt slot fails where it is made instead of going missing on the wire.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from planroom.render.context import RenderContext, RenderedFile

ProductGroup = Literal["products_2d", "products_3d", "tour"]
PRODUCT_GROUPS: tuple[ProductGroup, ...] = ("products_2d", "products_3d", "tour")
"""The delivery groups, in the order a round announces them."""

EmptyValue = list[str] | str | None
"""What a slot holds before delivery: an empty list of links, or a value (often null)."""


class SlotError(ValueError):
    """A renderer gave a file or value for a slot its product does not have."""


@dataclass(frozen=True)
class ProductOutput:
    """What one render of a product gives: its files and its non-file `delivery_assets` entries
    (e.g. `gla_formula_text`). Made by `Product.output`, which checks every slot."""

    product: str
    slots: frozenset[str]
    files: list[RenderedFile] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = sorted(({item.slot for item in self.files} | set(self.values)) - self.slots)
        if unknown:
            raise SlotError(
                f"product {self.product!r} has no slot {', '.join(map(repr, unknown))}; "
                f"its slots are {', '.join(sorted(self.slots))}"
            )


Renderer = Callable[[RenderContext], ProductOutput]


@dataclass(frozen=True)
class Product:
    key: str
    """The `delivery_assets` key and the order-products row name."""
    group: ProductGroup
    """Delivered (and announced) together with the other products of its group."""
    slots: Mapping[str, EmptyValue]
    """Every entry of the product's `delivery_assets` object, with its value before delivery."""
    render: Renderer
    packages: tuple[str, ...] = ()
    """The packages that include it."""
    add_ons: tuple[str, ...] = ()
    """The add-ons that include it."""
    styled: bool = False
    """Drawn in the company's style: re-rendered when a Ready order is re-delivered."""
    pdf_slots: tuple[str, ...] = ()
    """Slots whose PDFs go into the order's combined PDF, in page order."""
    draws_3d: bool = False
    """Drawn by the 3D renderer, whose buffers and encoder hold 100-200 MB while it runs: a
    process renders one such product at a time (`production.turns`)."""
    links: Callable[[str, str], Mapping[str, Any]] | None = None
    """Slots that are links to this server, made again from the current public URL and the
    order id whenever the order is shown, so a changed `PLANROOM_PUBLIC_URL` never leaves a
    stored link pointing at the old address."""

    def __post_init__(self) -> None:
        missing = [slot for slot in self.pdf_slots if slot not in self.slots]
        if missing:
            raise SlotError(f"product {self.key!r} has no PDF slot {', '.join(missing)}")

    def output(
        self, files: Iterable[RenderedFile] = (), values: Mapping[str, Any] | None = None
    ) -> ProductOutput:
        return ProductOutput(self.key, frozenset(self.slots), list(files), dict(values or {}))

    def empty_assets(self) -> dict[str, Any]:
        """The `delivery_assets` object of an included product not delivered yet."""
        return {
            slot: list(value) if isinstance(value, list) else value
            for slot, value in self.slots.items()
        }

    def included_in(self, package_type: str, add_ons: Iterable[str]) -> bool:
        return package_type in self.packages or any(a in self.add_ons for a in add_ons)
