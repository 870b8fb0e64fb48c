from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ListingFloorplansAssets")


@_attrs_define
class ListingFloorplansAssets:
    """The `listing_floorplans` product: every level as SVG, PNG and JPG, one PDF, and a zip of all.

    Attributes:
        jpg_urls (list[str]): Download links; an empty list until delivered.
        jpg_urls_dim (list[str]): Download links; an empty list until delivered.
        pdf_urls (list[str]): Download links; an empty list until delivered.
        pdf_urls_dim (list[str]): Download links; an empty list until delivered.
        png_urls (list[str]): Download links; an empty list until delivered.
        png_urls_dim (list[str]): Download links; an empty list until delivered.
        svg_urls (list[str]): Download links; an empty list until delivered.
        svg_urls_dim (list[str]): Download links; an empty list until delivered.
        zip_urls (list[str]): Download links; an empty list until delivered.
        zip_urls_dim (list[str]): Download links; an empty list until delivered.
    """

    jpg_urls: list[str]
    jpg_urls_dim: list[str]
    pdf_urls: list[str]
    pdf_urls_dim: list[str]
    png_urls: list[str]
    png_urls_dim: list[str]
    svg_urls: list[str]
    svg_urls_dim: list[str]
    zip_urls: list[str]
    zip_urls_dim: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        jpg_urls = self.jpg_urls

        jpg_urls_dim = self.jpg_urls_dim

        pdf_urls = self.pdf_urls

        pdf_urls_dim = self.pdf_urls_dim

        png_urls = self.png_urls

        png_urls_dim = self.png_urls_dim

        svg_urls = self.svg_urls

        svg_urls_dim = self.svg_urls_dim

        zip_urls = self.zip_urls

        zip_urls_dim = self.zip_urls_dim

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "jpg_urls": jpg_urls,
                "jpg_urls_dim": jpg_urls_dim,
                "pdf_urls": pdf_urls,
                "pdf_urls_dim": pdf_urls_dim,
                "png_urls": png_urls,
                "png_urls_dim": png_urls_dim,
                "svg_urls": svg_urls,
                "svg_urls_dim": svg_urls_dim,
                "zip_urls": zip_urls,
                "zip_urls_dim": zip_urls_dim,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        jpg_urls = cast(list[str], d.pop("jpg_urls"))

        jpg_urls_dim = cast(list[str], d.pop("jpg_urls_dim"))

        pdf_urls = cast(list[str], d.pop("pdf_urls"))

        pdf_urls_dim = cast(list[str], d.pop("pdf_urls_dim"))

        png_urls = cast(list[str], d.pop("png_urls"))

        png_urls_dim = cast(list[str], d.pop("png_urls_dim"))

        svg_urls = cast(list[str], d.pop("svg_urls"))

        svg_urls_dim = cast(list[str], d.pop("svg_urls_dim"))

        zip_urls = cast(list[str], d.pop("zip_urls"))

        zip_urls_dim = cast(list[str], d.pop("zip_urls_dim"))

        listing_floorplans_assets = cls(
            jpg_urls=jpg_urls,
            jpg_urls_dim=jpg_urls_dim,
            pdf_urls=pdf_urls,
            pdf_urls_dim=pdf_urls_dim,
            png_urls=png_urls,
            png_urls_dim=png_urls_dim,
            svg_urls=svg_urls,
            svg_urls_dim=svg_urls_dim,
            zip_urls=zip_urls,
            zip_urls_dim=zip_urls_dim,
        )

        listing_floorplans_assets.additional_properties = d
        return listing_floorplans_assets

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
