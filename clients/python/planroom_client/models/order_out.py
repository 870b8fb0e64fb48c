from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.delivery_assets import DeliveryAssets
    from ..models.order_address import OrderAddress
    from ..models.order_info import OrderInfo
    from ..models.source_out import SourceOut


T = TypeVar("T", bound="OrderOut")


@_attrs_define
class OrderOut:
    """
    Attributes:
        address (OrderAddress):
        delivery_assets (DeliveryAssets): Every product's files; every key is always present.
        id (UUID): The order's id.
        info (OrderInfo):
        redraw_sources (list[SourceOut] | None | Unset): Redraw orders only: each source plan, `failed` with the reason
            when it could not be downloaded.
    """

    address: OrderAddress
    delivery_assets: DeliveryAssets
    id: UUID
    info: OrderInfo
    redraw_sources: list[SourceOut] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address.to_dict()

        delivery_assets = self.delivery_assets.to_dict()

        id = str(self.id)

        info = self.info.to_dict()

        redraw_sources: list[dict[str, Any]] | None | Unset
        if isinstance(self.redraw_sources, Unset):
            redraw_sources = UNSET
        elif isinstance(self.redraw_sources, list):
            redraw_sources = []
            for redraw_sources_type_0_item_data in self.redraw_sources:
                redraw_sources_type_0_item = redraw_sources_type_0_item_data.to_dict()
                redraw_sources.append(redraw_sources_type_0_item)

        else:
            redraw_sources = self.redraw_sources

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "delivery_assets": delivery_assets,
                "id": id,
                "info": info,
            }
        )
        if redraw_sources is not UNSET:
            field_dict["redraw_sources"] = redraw_sources

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_assets import DeliveryAssets  # noqa: PLC0415
        from ..models.order_address import OrderAddress  # noqa: PLC0415
        from ..models.order_info import OrderInfo  # noqa: PLC0415
        from ..models.source_out import SourceOut  # noqa: PLC0415

        d = dict(src_dict)
        address = OrderAddress.from_dict(d.pop("address"))

        delivery_assets = DeliveryAssets.from_dict(d.pop("delivery_assets"))

        id = UUID(d.pop("id"))

        info = OrderInfo.from_dict(d.pop("info"))

        def _parse_redraw_sources(data: object) -> list[SourceOut] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                redraw_sources_type_0 = []
                _redraw_sources_type_0 = data
                for redraw_sources_type_0_item_data in _redraw_sources_type_0:
                    redraw_sources_type_0_item = SourceOut.from_dict(redraw_sources_type_0_item_data)

                    redraw_sources_type_0.append(redraw_sources_type_0_item)

                return redraw_sources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SourceOut] | None | Unset, data)

        redraw_sources = _parse_redraw_sources(d.pop("redraw_sources", UNSET))

        order_out = cls(
            address=address,
            delivery_assets=delivery_assets,
            id=id,
            info=info,
            redraw_sources=redraw_sources,
        )

        order_out.additional_properties = d
        return order_out

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
