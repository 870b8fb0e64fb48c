"""What the order and its floor model tell each other: the property type and north, and the
total scanned area the deliverables print.

The client sets `property_type` and `north_deg` on the draft or order; a scan knows neither, so
the imported model takes the order's. A drafter who saves a model has the last word: the order
takes the model's. The order's `total_scanned_area` is the area engine's, rounded as printed.
"""

from __future__ import annotations

from typing import cast

from planroom.floormodel.figures import model_figures
from planroom.floormodel.schema import FloorModel, PropertyInfo, PropertyType
from planroom.orders import service as orders
from planroom.orders.models import Order


def with_order_settings(model: FloorModel, order: Order) -> FloorModel:
    """`model` with the property type and north the order sets (the model's where unset)."""
    info = model.property
    property_type = cast(PropertyType, order.property_type or info.property_type)
    north = order.north_deg if order.north_deg is not None else info.north_deg
    if property_type == info.property_type and north == info.north_deg:
        return model
    return model.model_copy(
        update={"property": PropertyInfo(property_type=property_type, north_deg=north)}
    )


def record_model(order: Order, model: FloorModel, *, drafted: bool) -> None:
    """Store the model's reported total on the order; a drafter's model also sets the order's
    property type and north."""
    figures = model_figures(model)
    orders.record_measurements(
        order,
        total_m2=figures.in_unit("m2").reported("total"),
        total_sqft=figures.in_unit("sqft").reported("total"),
        property_type=model.property.property_type if drafted else None,
        north_deg=model.property.north_deg if drafted else None,
    )
