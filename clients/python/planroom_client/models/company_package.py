from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CompanyPackage")


@_attrs_define
class CompanyPackage:
    """
    Attributes:
        add_ons (list[str]): Add-ons of orders that name none.
        available_add_ons (list[str]): Every add-on.
        available_package_types (list[str]): Every package: `base`, `plus`, `plus_3d`.
        package_type (str): Package of orders that name none.
    """

    add_ons: list[str]
    available_add_ons: list[str]
    available_package_types: list[str]
    package_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        add_ons = self.add_ons

        available_add_ons = self.available_add_ons

        available_package_types = self.available_package_types

        package_type = self.package_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "add_ons": add_ons,
                "available_add_ons": available_add_ons,
                "available_package_types": available_package_types,
                "package_type": package_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        add_ons = cast(list[str], d.pop("add_ons"))

        available_add_ons = cast(list[str], d.pop("available_add_ons"))

        available_package_types = cast(list[str], d.pop("available_package_types"))

        package_type = d.pop("package_type")

        company_package = cls(
            add_ons=add_ons,
            available_add_ons=available_add_ons,
            available_package_types=available_package_types,
            package_type=package_type,
        )

        company_package.additional_properties = d
        return company_package

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
