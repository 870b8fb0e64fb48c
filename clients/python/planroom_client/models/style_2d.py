from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Style2D")


@_attrs_define
class Style2D:
    """
    Attributes:
        add_info (None | str | Unset): Free text about the 2D style for the drafters.
        style_template_id (None | str | Unset): Id of a style template (`GET /style-templates`), built-in or your own.
    """

    add_info: None | str | Unset = UNSET
    style_template_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        add_info: None | str | Unset
        if isinstance(self.add_info, Unset):
            add_info = UNSET
        else:
            add_info = self.add_info

        style_template_id: None | str | Unset
        if isinstance(self.style_template_id, Unset):
            style_template_id = UNSET
        else:
            style_template_id = self.style_template_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if add_info is not UNSET:
            field_dict["add_info"] = add_info
        if style_template_id is not UNSET:
            field_dict["style_template_id"] = style_template_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_add_info(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        add_info = _parse_add_info(d.pop("add_info", UNSET))

        def _parse_style_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        style_template_id = _parse_style_template_id(d.pop("style_template_id", UNSET))

        style_2d = cls(
            add_info=add_info,
            style_template_id=style_template_id,
        )

        style_2d.additional_properties = d
        return style_2d

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
