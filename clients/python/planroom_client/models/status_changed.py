from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status_changed_current_status import StatusChangedCurrentStatus
from ..models.status_changed_delivery_type_type_0 import StatusChangedDeliveryTypeType0
from ..models.status_changed_previous_status_type_0 import StatusChangedPreviousStatusType0
from ..models.status_changed_product_type_type_0 import StatusChangedProductTypeType0

T = TypeVar("T", bound="StatusChanged")


@_attrs_define
class StatusChanged:
    """The body of every webhook call: the order's status changed (or a `Ready` order got
    new files). Fetch the order for its details and links.

        Attributes:
            current_status (StatusChangedCurrentStatus): The status it is in now.
            delivery_type (None | StatusChangedDeliveryTypeType0): `moved_to_ready` only: `new` (first delivery), `fix` (a
                change request was done), `update` (re-delivered with other styling), `upgrade` (post-purchase).
            id (UUID): The order id.
            model_id (UUID): The order's model id.
            previous_status (None | StatusChangedPreviousStatusType0): The status it came from: `Pending` for every group of
                a first delivery, `Fixing` for a fix, `Ready` for a re-delivery or upgrade; null for a new order.
            product_type (None | StatusChangedProductTypeType0): `moved_to_ready` only: the group delivered (products_2d,
                products_3d, tour).
    """

    current_status: StatusChangedCurrentStatus
    delivery_type: None | StatusChangedDeliveryTypeType0
    id: UUID
    model_id: UUID
    previous_status: None | StatusChangedPreviousStatusType0
    product_type: None | StatusChangedProductTypeType0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        current_status = self.current_status.value

        delivery_type: None | str
        if isinstance(self.delivery_type, StatusChangedDeliveryTypeType0):
            delivery_type = self.delivery_type.value
        else:
            delivery_type = self.delivery_type

        id = str(self.id)

        model_id = str(self.model_id)

        previous_status: None | str
        if isinstance(self.previous_status, StatusChangedPreviousStatusType0):
            previous_status = self.previous_status.value
        else:
            previous_status = self.previous_status

        product_type: None | str
        if isinstance(self.product_type, StatusChangedProductTypeType0):
            product_type = self.product_type.value
        else:
            product_type = self.product_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "current_status": current_status,
                "delivery_type": delivery_type,
                "id": id,
                "model_id": model_id,
                "previous_status": previous_status,
                "product_type": product_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        current_status = StatusChangedCurrentStatus(d.pop("current_status"))

        def _parse_delivery_type(data: object) -> None | StatusChangedDeliveryTypeType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivery_type_type_0 = StatusChangedDeliveryTypeType0(data)

                return delivery_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatusChangedDeliveryTypeType0, data)

        delivery_type = _parse_delivery_type(d.pop("delivery_type"))

        id = UUID(d.pop("id"))

        model_id = UUID(d.pop("model_id"))

        def _parse_previous_status(data: object) -> None | StatusChangedPreviousStatusType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_status_type_0 = StatusChangedPreviousStatusType0(data)

                return previous_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatusChangedPreviousStatusType0, data)

        previous_status = _parse_previous_status(d.pop("previous_status"))

        def _parse_product_type(data: object) -> None | StatusChangedProductTypeType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                product_type_type_0 = StatusChangedProductTypeType0(data)

                return product_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatusChangedProductTypeType0, data)

        product_type = _parse_product_type(d.pop("product_type"))

        status_changed = cls(
            current_status=current_status,
            delivery_type=delivery_type,
            id=id,
            model_id=model_id,
            previous_status=previous_status,
            product_type=product_type,
        )

        status_changed.additional_properties = d
        return status_changed

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
