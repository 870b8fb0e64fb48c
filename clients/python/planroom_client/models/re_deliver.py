from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.re_deliver_style_type_0 import ReDeliverStyleType0


T = TypeVar("T", bound="ReDeliver")


@_attrs_define
class ReDeliver:
    """
    Attributes:
        add_info (None | str | Unset): Free text stored with the re-delivery.
        style (None | ReDeliverStyleType0 | Unset): Inline style options (see the style templates) on top.
        style_template_id (None | str | Unset): A built-in or company template; null keeps the current one.
    """

    add_info: None | str | Unset = UNSET
    style: None | ReDeliverStyleType0 | Unset = UNSET
    style_template_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.re_deliver_style_type_0 import ReDeliverStyleType0  # noqa: PLC0415

        add_info: None | str | Unset
        if isinstance(self.add_info, Unset):
            add_info = UNSET
        else:
            add_info = self.add_info

        style: dict[str, Any] | None | Unset
        if isinstance(self.style, Unset):
            style = UNSET
        elif isinstance(self.style, ReDeliverStyleType0):
            style = self.style.to_dict()
        else:
            style = self.style

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
        if style is not UNSET:
            field_dict["style"] = style
        if style_template_id is not UNSET:
            field_dict["style_template_id"] = style_template_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.re_deliver_style_type_0 import ReDeliverStyleType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_add_info(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        add_info = _parse_add_info(d.pop("add_info", UNSET))

        def _parse_style(data: object) -> None | ReDeliverStyleType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                style_type_0 = ReDeliverStyleType0.from_dict(data)

                return style_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReDeliverStyleType0 | Unset, data)

        style = _parse_style(d.pop("style", UNSET))

        def _parse_style_template_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        style_template_id = _parse_style_template_id(d.pop("style_template_id", UNSET))

        re_deliver = cls(
            add_info=add_info,
            style=style,
            style_template_id=style_template_id,
        )

        re_deliver.additional_properties = d
        return re_deliver

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
