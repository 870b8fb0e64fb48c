from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.over_limit_product_type import OverLimitProductType

T = TypeVar("T", bound="OverLimit")


@_attrs_define
class OverLimit:
    """
    Attributes:
        extra_units (int): Started 5,000 sq ft (465 m²) steps of scanned area above the first 5,000 sq ft.
        product_type (OverLimitProductType): `products_2d` or `products_3d`.
    """

    extra_units: int
    product_type: OverLimitProductType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        extra_units = self.extra_units

        product_type = self.product_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "extra_units": extra_units,
                "product_type": product_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        extra_units = d.pop("extra_units")

        product_type = OverLimitProductType(d.pop("product_type"))

        over_limit = cls(
            extra_units=extra_units,
            product_type=product_type,
        )

        over_limit.additional_properties = d
        return over_limit

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
