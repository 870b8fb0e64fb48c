from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TourAssets")


@_attrs_define
class TourAssets:
    """The `tour` product: the order's public tour page, served from the delivered model.

    Attributes:
        link (None | str): Null until delivered.
        mls_compliance_link (None | str): Null until delivered.
        type_ (None | str): Always set.
    """

    link: None | str
    mls_compliance_link: None | str
    type_: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        link: None | str
        link = self.link

        mls_compliance_link: None | str
        mls_compliance_link = self.mls_compliance_link

        type_: None | str
        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "link": link,
                "mls_compliance_link": mls_compliance_link,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_link(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        link = _parse_link(d.pop("link"))

        def _parse_mls_compliance_link(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mls_compliance_link = _parse_mls_compliance_link(d.pop("mls_compliance_link"))

        def _parse_type_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        type_ = _parse_type_(d.pop("type"))

        tour_assets = cls(
            link=link,
            mls_compliance_link=mls_compliance_link,
            type_=type_,
        )

        tour_assets.additional_properties = d
        return tour_assets

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
