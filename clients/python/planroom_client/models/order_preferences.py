from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.style_2d import Style2D
    from ..models.style_3d import Style3D


T = TypeVar("T", bound="OrderPreferences")


@_attrs_define
class OrderPreferences:
    """
    Attributes:
        style_2d (None | Style2D | Unset): The floor plans' style.
        style_3d (None | Style3D | Unset): The 3D products' style.
    """

    style_2d: None | Style2D | Unset = UNSET
    style_3d: None | Style3D | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.style_2d import Style2D  # noqa: PLC0415
        from ..models.style_3d import Style3D  # noqa: PLC0415

        style_2d: dict[str, Any] | None | Unset
        if isinstance(self.style_2d, Unset):
            style_2d = UNSET
        elif isinstance(self.style_2d, Style2D):
            style_2d = self.style_2d.to_dict()
        else:
            style_2d = self.style_2d

        style_3d: dict[str, Any] | None | Unset
        if isinstance(self.style_3d, Unset):
            style_3d = UNSET
        elif isinstance(self.style_3d, Style3D):
            style_3d = self.style_3d.to_dict()
        else:
            style_3d = self.style_3d

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if style_2d is not UNSET:
            field_dict["style_2d"] = style_2d
        if style_3d is not UNSET:
            field_dict["style_3d"] = style_3d

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.style_2d import Style2D  # noqa: PLC0415
        from ..models.style_3d import Style3D  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_style_2d(data: object) -> None | Style2D | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                style_2d_type_0 = Style2D.from_dict(data)

                return style_2d_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Style2D | Unset, data)

        style_2d = _parse_style_2d(d.pop("style_2d", UNSET))

        def _parse_style_3d(data: object) -> None | Style3D | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                style_3d_type_0 = Style3D.from_dict(data)

                return style_3d_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Style3D | Unset, data)

        style_3d = _parse_style_3d(d.pop("style_3d", UNSET))

        order_preferences = cls(
            style_2d=style_2d,
            style_3d=style_3d,
        )

        order_preferences.additional_properties = d
        return order_preferences

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
