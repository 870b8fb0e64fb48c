"""What a product renderer is given, and what it gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from planroom.floormodel.schema import FloorModel
from planroom.render.styles import StyleOptions

MeasurementSystem = Literal["imperial", "metric"]


@dataclass(frozen=True)
class Address:
    street: str
    city: str
    country: str
    suite: str = ""
    state: str = ""
    postal_code: str = ""
    full_address: str = ""
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Branding:
    company_name: str
    logo_png: bytes | None = None
    contact_email: str | None = None


@dataclass(frozen=True)
class RenderContext:
    """Everything a deliverable depends on. Same context, same bytes."""

    order_id: str
    model: FloorModel
    model_version: int
    address: Address
    style: StyleOptions
    measurement_system: MeasurementSystem
    branding: Branding
    paper: Literal["letter", "a4"] = "letter"
    file_stem: str = "plan"
    """Address slug used in file names, e.g. `121-north-washington-avenue`."""
    image_long_side_px: int = 3000
    """PNG long side; tests pass something small."""
    video_layout: Literal["landscape", "portrait", "square"] = "landscape"
    video_speed: Literal["slow", "normal", "fast"] = "normal"
    video_scale: float = 1.0
    """Fraction of the full video frame size and length; tests pass something small."""
    furniture_set: Literal["none", "fixed", "full"] = "fixed"
    include_basement: bool = True
    include_gla: bool = False
    public_url: str = ""
    """Planroom's base URL, for links a deliverable publishes (the tour)."""
    """The order bought the GLA add-on: reports show GLA figures too."""


@dataclass(frozen=True)
class RenderedFile:
    """One stored deliverable file. `slot` is the `delivery_assets` list it belongs to."""

    slot: str
    name: str
    content_type: str
    data: bytes
    extra: dict[str, str] = field(default_factory=dict)
