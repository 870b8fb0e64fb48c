from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Floorplans3DAssets")


@_attrs_define
class Floorplans3DAssets:
    """The `floorplans_3d` product: a "dollhouse" view of each level, and the order's GLB model.

    Attributes:
        glb_urls (list[str]): Download links; an empty list until delivered.
        jpg_urls (list[str]): Download links; an empty list until delivered.
    """

    glb_urls: list[str]
    jpg_urls: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        glb_urls = self.glb_urls

        jpg_urls = self.jpg_urls

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "glb_urls": glb_urls,
                "jpg_urls": jpg_urls,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        glb_urls = cast(list[str], d.pop("glb_urls"))

        jpg_urls = cast(list[str], d.pop("jpg_urls"))

        floorplans_3d_assets = cls(
            glb_urls=glb_urls,
            jpg_urls=jpg_urls,
        )

        floorplans_3d_assets.additional_properties = d
        return floorplans_3d_assets

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
