from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CadFilesAssets")


@_attrs_define
class CadFilesAssets:
    """The `cad_files` add-on: one zip of DXF drawings, one per level and one with every level,
    and a README naming units, files and layers.

        Attributes:
            zip_urls (list[str]): Download links; an empty list until delivered.
    """

    zip_urls: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        zip_urls = self.zip_urls

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "zip_urls": zip_urls,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        zip_urls = cast(list[str], d.pop("zip_urls"))

        cad_files_assets = cls(
            zip_urls=zip_urls,
        )

        cad_files_assets.additional_properties = d
        return cad_files_assets

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
