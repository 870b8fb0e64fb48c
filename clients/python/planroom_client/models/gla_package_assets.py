from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GlaPackageAssets")


@_attrs_define
class GlaPackageAssets:
    """The `gla_package` product: a GLA plan per level, the GLA report PDF, and the GLA JSON.

    Attributes:
        gla_formula_text (None | str): Null until delivered.
        image_urls (list[str]): Download links; an empty list until delivered.
        json_urls (list[str]): Download links; an empty list until delivered.
        report_urls (list[str]): Download links; an empty list until delivered.
    """

    gla_formula_text: None | str
    image_urls: list[str]
    json_urls: list[str]
    report_urls: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gla_formula_text: None | str
        gla_formula_text = self.gla_formula_text

        image_urls = self.image_urls

        json_urls = self.json_urls

        report_urls = self.report_urls

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "gla_formula_text": gla_formula_text,
                "image_urls": image_urls,
                "json_urls": json_urls,
                "report_urls": report_urls,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_gla_formula_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        gla_formula_text = _parse_gla_formula_text(d.pop("gla_formula_text"))

        image_urls = cast(list[str], d.pop("image_urls"))

        json_urls = cast(list[str], d.pop("json_urls"))

        report_urls = cast(list[str], d.pop("report_urls"))

        gla_package_assets = cls(
            gla_formula_text=gla_formula_text,
            image_urls=image_urls,
            json_urls=json_urls,
            report_urls=report_urls,
        )

        gla_package_assets.additional_properties = d
        return gla_package_assets

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
