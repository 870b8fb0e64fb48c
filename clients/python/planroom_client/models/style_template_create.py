from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.style_options import StyleOptions


T = TypeVar("T", bound="StyleTemplateCreate")


@_attrs_define
class StyleTemplateCreate:
    """
    Attributes:
        name (str): The template's name (1 to 200 characters).
        options (StyleOptions | Unset): Every option a style template can set. Missing options take these defaults.
    """

    name: str
    options: StyleOptions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.style_options import StyleOptions  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        _options = d.pop("options", UNSET)
        options: StyleOptions | Unset
        if isinstance(_options, Unset):
            options = UNSET
        else:
            options = StyleOptions.from_dict(_options)

        style_template_create = cls(
            name=name,
            options=options,
        )

        style_template_create.additional_properties = d
        return style_template_create

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
