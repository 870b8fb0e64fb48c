from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.product_info_add_ons_item import ProductInfoAddOnsItem
from ..models.product_info_package_type import ProductInfoPackageType
from ..models.product_info_purchasable_add_ons_item import ProductInfoPurchasableAddOnsItem
from ..models.product_info_purchasable_package_types_item import ProductInfoPurchasablePackageTypesItem

if TYPE_CHECKING:
    from ..models.over_limit import OverLimit


T = TypeVar("T", bound="ProductInfo")


@_attrs_define
class ProductInfo:
    """
    Attributes:
        add_ons (list[ProductInfoAddOnsItem]): The add-ons bought.
        over_limits (list[OverLimit]): Units billed beyond the package's limits (large or many-floor homes).
        package_type (ProductInfoPackageType): The package bought.
        purchasable_add_ons (list[ProductInfoPurchasableAddOnsItem]): Add-ons `post-purchase` can still add.
        purchasable_package_types (list[ProductInfoPurchasablePackageTypesItem]): Higher packages `post-purchase` can
            upgrade to.
    """

    add_ons: list[ProductInfoAddOnsItem]
    over_limits: list[OverLimit]
    package_type: ProductInfoPackageType
    purchasable_add_ons: list[ProductInfoPurchasableAddOnsItem]
    purchasable_package_types: list[ProductInfoPurchasablePackageTypesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        add_ons = []
        for add_ons_item_data in self.add_ons:
            add_ons_item = add_ons_item_data.value
            add_ons.append(add_ons_item)

        over_limits = []
        for over_limits_item_data in self.over_limits:
            over_limits_item = over_limits_item_data.to_dict()
            over_limits.append(over_limits_item)

        package_type = self.package_type.value

        purchasable_add_ons = []
        for purchasable_add_ons_item_data in self.purchasable_add_ons:
            purchasable_add_ons_item = purchasable_add_ons_item_data.value
            purchasable_add_ons.append(purchasable_add_ons_item)

        purchasable_package_types = []
        for purchasable_package_types_item_data in self.purchasable_package_types:
            purchasable_package_types_item = purchasable_package_types_item_data.value
            purchasable_package_types.append(purchasable_package_types_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "add_ons": add_ons,
                "over_limits": over_limits,
                "package_type": package_type,
                "purchasable_add_ons": purchasable_add_ons,
                "purchasable_package_types": purchasable_package_types,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.over_limit import OverLimit  # noqa: PLC0415

        d = dict(src_dict)
        add_ons = []
        _add_ons = d.pop("add_ons")
        for add_ons_item_data in _add_ons:
            add_ons_item = ProductInfoAddOnsItem(add_ons_item_data)

            add_ons.append(add_ons_item)

        over_limits = []
        _over_limits = d.pop("over_limits")
        for over_limits_item_data in _over_limits:
            over_limits_item = OverLimit.from_dict(over_limits_item_data)

            over_limits.append(over_limits_item)

        package_type = ProductInfoPackageType(d.pop("package_type"))

        purchasable_add_ons = []
        _purchasable_add_ons = d.pop("purchasable_add_ons")
        for purchasable_add_ons_item_data in _purchasable_add_ons:
            purchasable_add_ons_item = ProductInfoPurchasableAddOnsItem(purchasable_add_ons_item_data)

            purchasable_add_ons.append(purchasable_add_ons_item)

        purchasable_package_types = []
        _purchasable_package_types = d.pop("purchasable_package_types")
        for purchasable_package_types_item_data in _purchasable_package_types:
            purchasable_package_types_item = ProductInfoPurchasablePackageTypesItem(purchasable_package_types_item_data)

            purchasable_package_types.append(purchasable_package_types_item)

        product_info = cls(
            add_ons=add_ons,
            over_limits=over_limits,
            package_type=package_type,
            purchasable_add_ons=purchasable_add_ons,
            purchasable_package_types=purchasable_package_types,
        )

        product_info.additional_properties = d
        return product_info

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
