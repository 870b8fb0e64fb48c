from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.post_purchase_add_ons_item import PostPurchaseAddOnsItem
from ..models.post_purchase_package_type_type_0 import PostPurchasePackageTypeType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="PostPurchase")


@_attrs_define
class PostPurchase:
    """
    Attributes:
        add_ons (list[PostPurchaseAddOnsItem] | Unset): Add-ons from `purchasable_add_ons`.
        package_type (None | PostPurchasePackageTypeType0 | Unset): A package from `purchasable_package_types`, or
            `null` to keep the package.
    """

    add_ons: list[PostPurchaseAddOnsItem] | Unset = UNSET
    package_type: None | PostPurchasePackageTypeType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        add_ons: list[str] | Unset = UNSET
        if not isinstance(self.add_ons, Unset):
            add_ons = []
            for add_ons_item_data in self.add_ons:
                add_ons_item = add_ons_item_data.value
                add_ons.append(add_ons_item)

        package_type: None | str | Unset
        if isinstance(self.package_type, Unset):
            package_type = UNSET
        elif isinstance(self.package_type, PostPurchasePackageTypeType0):
            package_type = self.package_type.value
        else:
            package_type = self.package_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if add_ons is not UNSET:
            field_dict["add_ons"] = add_ons
        if package_type is not UNSET:
            field_dict["package_type"] = package_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _add_ons = d.pop("add_ons", UNSET)
        add_ons: list[PostPurchaseAddOnsItem] | Unset = UNSET
        if _add_ons is not UNSET:
            add_ons = []
            for add_ons_item_data in _add_ons:
                add_ons_item = PostPurchaseAddOnsItem(add_ons_item_data)

                add_ons.append(add_ons_item)

        def _parse_package_type(data: object) -> None | PostPurchasePackageTypeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                package_type_type_0 = PostPurchasePackageTypeType0(data)

                return package_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PostPurchasePackageTypeType0 | Unset, data)

        package_type = _parse_package_type(d.pop("package_type", UNSET))

        post_purchase = cls(
            add_ons=add_ons,
            package_type=package_type,
        )

        post_purchase.additional_properties = d
        return post_purchase

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
