from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.order_address import OrderAddress
    from ..models.order_info import OrderInfo


T = TypeVar("T", bound="OrderRow")


@_attrs_define
class OrderRow:
    """An order as list rows show it: without `delivery_assets`.

    Attributes:
        address (OrderAddress):
        id (UUID): The order's id.
        info (OrderInfo):
    """

    address: OrderAddress
    id: UUID
    info: OrderInfo
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address.to_dict()

        id = str(self.id)

        info = self.info.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "id": id,
                "info": info,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_address import OrderAddress  # noqa: PLC0415
        from ..models.order_info import OrderInfo  # noqa: PLC0415

        d = dict(src_dict)
        address = OrderAddress.from_dict(d.pop("address"))

        id = UUID(d.pop("id"))

        info = OrderInfo.from_dict(d.pop("info"))

        order_row = cls(
            address=address,
            id=id,
            info=info,
        )

        order_row.additional_properties = d
        return order_row

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
