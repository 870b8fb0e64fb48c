from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.style_options import StyleOptions


T = TypeVar("T", bound="StyleTemplateOut")


@_attrs_define
class StyleTemplateOut:
    """
    Attributes:
        builtin (bool): Built-in templates are read-only.
        created_at (float | None): When it was created; `null` for built-ins.
        id (str): The template's id: a UUID, or a built-in's name.
        name (str): The template's name.
        options (StyleOptions): Every option a style template can set. Missing options take these defaults.
    """

    builtin: bool
    created_at: float | None
    id: str
    name: str
    options: StyleOptions
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        builtin = self.builtin

        created_at: float | None
        created_at = self.created_at

        id = self.id

        name = self.name

        options = self.options.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "builtin": builtin,
                "created_at": created_at,
                "id": id,
                "name": name,
                "options": options,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.style_options import StyleOptions  # noqa: PLC0415

        d = dict(src_dict)
        builtin = d.pop("builtin")

        def _parse_created_at(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        created_at = _parse_created_at(d.pop("created_at"))

        id = d.pop("id")

        name = d.pop("name")

        options = StyleOptions.from_dict(d.pop("options"))

        style_template_out = cls(
            builtin=builtin,
            created_at=created_at,
            id=id,
            name=name,
            options=options,
        )

        style_template_out.additional_properties = d
        return style_template_out

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
