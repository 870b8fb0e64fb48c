"""Request and response shapes of the order endpoints (flat bodies, as the original takes them)."""

from __future__ import annotations

import sys
import uuid
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, EmailStr, Field, create_model

from planroom.core.text import RequestBody
from planroom.orders.products import ADD_ONS, PACKAGE_TYPES, AddOn, PackageType
from planroom.render.products import PRODUCTS
from planroom.render.products.base import PRODUCT_GROUPS, Product, ProductGroup

Status = Literal["New", "Draft", "Pending", "Ready", "Fixing", "Failed"]
DeliveryType = Literal["new", "fix", "update", "upgrade"]

# stored as text: the enum is what the document promises, the value is passed through as is
StatusText = Annotated[
    str,
    Field(
        description="`Draft` and `New` wait for a scan, `Pending` is in production, `Ready` is "
        "delivered, `Fixing` has an open change request, `Failed` was rejected.",
        examples=["Ready"],
        json_schema_extra={"enum": list(get_args(Status))},
    ),
]
PackageText = Annotated[
    str, Field(examples=["plus"], json_schema_extra={"enum": list(PACKAGE_TYPES)})
]
AddOnText = Annotated[str, Field(examples=["gla"], json_schema_extra={"enum": list(ADD_ONS)})]

Priority = Literal["regular", "fast", "ultrafast", "ultrafast-12", "ultrafast-16"]


class Style2D(RequestBody):
    style_template_id: str | None = None
    add_info: str | None = None


class VideoPreferences(RequestBody):
    speed: Literal["slow", "normal", "fast"] = "normal"
    layout: Literal["landscape", "portrait", "square"] = "landscape"


class Style3D(RequestBody):
    video: VideoPreferences | None = None
    furniture_set: Literal["none", "fixed", "full"] | None = None
    include_basement: bool | None = None
    add_info: str | None = None


class OrderPreferences(RequestBody):
    style_2d: Style2D | None = None
    style_3d: Style3D | None = None


class _AddressFields(RequestBody):
    """Field order matters: validation errors are listed in it, as the original lists them."""

    model_config = ConfigDict(populate_by_name=True)

    street: str = Field(min_length=1, max_length=300)
    city: str = Field(min_length=1, max_length=200)
    country: str = Field(min_length=1, max_length=100)
    info: str | None = Field(default=None, description="Free text, stored as `add_info`.")


class _OptionalOrderFields(RequestBody):
    suite: str | None = Field(default=None, max_length=100)
    state: str | None = Field(default=None, max_length=200)
    postal_code: str | None = Field(default=None, alias="postalCode", max_length=30)
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    external_id: str | None = Field(default=None, max_length=200)
    package_type: PackageType | None = None
    add_ons: list[AddOn] | None = None
    order_preferences: OrderPreferences | None = None
    property_type: Literal["detached", "attached", "apartment"] | None = Field(
        default=None,
        description="How area figures are measured (ANSI Z765): a detached house to the outside "
        "face of exterior walls, an attached house to party-wall centre lines, an apartment to "
        "the inside face of exterior walls. Unset: as the scan suggests (a capture of one storey "
        "with no stairs, garage, porch, deck or patio is an apartment, any other a detached "
        "house); the client's value always wins.",
    )
    north_deg: float | None = Field(
        default=None,
        ge=0,
        lt=360,
        description="Compass bearing of the plan's up direction, degrees clockwise from north: "
        "draws the north arrow and turns the 3D view.",
    )


class NewOrderBody(_AddressFields, _OptionalOrderFields):
    """The fields every kind of new order takes."""


class DraftCreate(NewOrderBody):
    owner_email: EmailStr = Field(description="Must be a user of your company.")


class DraftUpdate(_OptionalOrderFields):
    model_config = ConfigDict(populate_by_name=True)

    street: str | None = Field(default=None, min_length=1, max_length=300)
    city: str | None = Field(default=None, min_length=1, max_length=200)
    country: str | None = Field(default=None, min_length=1, max_length=100)
    info: str | None = None
    owner_email: EmailStr | None = None


class Recipient(RequestBody):
    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=50)
    name: str | None = Field(default=None, max_length=200)


class GoToScanCreate(NewOrderBody):
    owner_email: EmailStr | None = None
    recipient: Recipient
    priority: Priority = "regular"
    conversion_type: Literal["t3", "t3-l1"] = "t3"
    send_email: bool = True
    link_validity_days: int = Field(default=7, ge=1, le=28)


class GoToScanExtend(RequestBody):
    link_validity_days: int = Field(ge=1, le=28)


class RedrawCreate(NewOrderBody):
    source: str | list[str] = Field(
        description="URL, or list of URLs, of an existing floor plan (PNG, JPG or PDF)."
    )
    owner_email: EmailStr | None = None


class PostPurchase(RequestBody):
    package_type: PackageType | None = None
    add_ons: list[AddOn] = Field(default_factory=list)


class Message(BaseModel):
    message: str


class OverLimit(BaseModel):
    product_type: Literal["products_2d", "products_3d"]
    extra_units: int


class ProductInfo(BaseModel):
    add_ons: list[AddOnText] = Field(description="The add-ons bought.")
    over_limits: list[OverLimit] = Field(
        description="Units billed beyond the package's limits (large or many-floor homes)."
    )
    package_type: PackageText = Field(description="The package bought.")
    purchasable_add_ons: list[AddOnText] = Field(
        description="Add-ons `post-purchase` can still add."
    )
    purchasable_package_types: list[PackageText] = Field(
        description="Higher packages `post-purchase` can upgrade to."
    )


class GoToScanRecipient(BaseModel):
    email: str | None
    phone: str | None
    name: str | None


class GoToScanInfo(BaseModel):
    link: str
    expires_at: float
    status: Literal["sent", "opened", "uploaded", "expired"]
    recipient: GoToScanRecipient
    priority: str
    conversion_type: str


class StyleTemplateRef(BaseModel):
    id: str
    name: str


class OrderInfo(BaseModel):
    status: StatusText
    created_by: str | None
    location: str
    order_type: str | None
    first_delivered_at: float | None
    created_at: float
    is_scan_order: bool
    total_scanned_area: float
    total_scanned_area_unit: Literal["sqft", "m2"]
    go2scan: GoToScanInfo | None
    external_id: str | None
    add_info: str
    style_template: StyleTemplateRef | None
    model_id: uuid.UUID
    product: ProductInfo
    order_preferences: dict[str, Any]
    property_type: str | None = None
    north_deg: float | None = None


class OrderAddress(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    city: str
    country: str
    full_address: str
    latitude: float | None
    longitude: float | None
    number: str
    postal_code: str = Field(alias="postalCode")
    state: str
    street: str
    suite: str


class OrderRow(BaseModel):
    """An order as list rows show it: without `delivery_assets`."""

    id: uuid.UUID
    info: OrderInfo
    address: OrderAddress


class SourceOut(BaseModel):
    """A plan a redraw order was given, and whether it could be fetched."""

    url: str | None
    filename: str
    state: Literal["pending", "stored", "failed"]
    error: str | None


def _product_assets_model(product: Product) -> type[BaseModel]:
    """The `delivery_assets` entry of one product, from its slots in the registry."""
    module_doc = (sys.modules[product.render.__module__].__doc__ or "").strip()
    fields: dict[str, Any] = {}
    for slot, empty in product.slots.items():
        if isinstance(empty, list):
            fields[slot] = (
                list[str],
                Field(
                    description="Download links; an empty list until delivered.",
                    examples=[[f"https://planroom.example/files/tok/{slot.removesuffix('_urls')}"]],
                ),
            )
        else:
            fields[slot] = (
                str | None,
                Field(
                    description="Null until delivered." if empty is None else "Always set.",
                    examples=[empty],
                ),
            )
    name = "".join(part.capitalize() for part in product.key.replace("3d", "3D").split("_"))
    model = create_model(f"{name}Assets", **fields)
    model.__doc__ = module_doc.split("\n\n")[0] or f"The `{product.key}` deliverable."
    return model


def _delivery_assets_model() -> type[BaseModel]:
    fields: dict[str, Any] = {
        key: (
            _product_assets_model(product) | None,
            Field(
                description=f"Null when the order does not include it; delivered with the "
                f"`{product.group}` group."
            ),
        )
        for key, product in PRODUCTS.items()
    }
    # products registered after import (a plug-in, a test) pass through untyped
    model = create_model("DeliveryAssets", __config__=ConfigDict(extra="allow"), **fields)
    model.__doc__ = "Every product's files; every key is always present."
    return model


if TYPE_CHECKING:
    # what the service builds; on an `OrderOut` it is a model: read it with `model_dump`
    DeliveryAssets = dict[str, Any]
else:
    DeliveryAssets = _delivery_assets_model()


class StatusChanged(BaseModel):
    """The body of every webhook call: the order's status changed (or a `Ready` order got
    new files). Fetch the order for its details and links."""

    id: uuid.UUID = Field(
        description="The order id.", examples=["0b7c1f7e-3c3e-4f7a-9a55-1f0f8f3c2a10"]
    )
    current_status: Status = Field(description="The status it is in now.", examples=["Ready"])
    previous_status: Status | None = Field(
        description="The status it came from: `Pending` for every group of a first delivery, "
        "`Fixing` for a fix, `Ready` for a re-delivery or upgrade; null for a new order.",
        examples=["Pending"],
    )
    model_id: uuid.UUID = Field(
        description="The order's model id.", examples=["5d0c6a4e-8b1e-4d2f-b6f5-3a9c2e7d1b40"]
    )
    product_type: ProductGroup | None = Field(
        description=f"`moved_to_ready` only: the group delivered ({', '.join(PRODUCT_GROUPS)}).",
        examples=["products_2d"],
    )
    delivery_type: DeliveryType | None = Field(
        description="`moved_to_ready` only: `new` (first delivery), `fix` (a change request "
        "was done), `update` (re-delivered with other styling), `upgrade` (post-purchase).",
        examples=["new"],
    )


class OrderOut(OrderRow):
    delivery_assets: DeliveryAssets = Field(
        description="Every key present; null when the order does not include the product, "
        "empty lists until it is delivered."
    )
    redraw_sources: list[SourceOut] | None = Field(
        default=None,
        description="Redraw orders only: each source plan, `failed` with the reason when it "
        "could not be downloaded.",
    )
