from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.style_3d_furniture_set_type_0 import Style3DFurnitureSetType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.video_preferences import VideoPreferences


T = TypeVar("T", bound="Style3D")


@_attrs_define
class Style3D:
    """
    Attributes:
        add_info (None | str | Unset): Free text about the 3D style for the drafters.
        furniture_set (None | Style3DFurnitureSetType0 | Unset): Furniture in the 3D products: `none`, `fixed` (kitchen
            and bathroom) or `full`.
        include_basement (bool | None | Unset): Show the basement level in the 3D products.
        video (None | Unset | VideoPreferences): How the 3D video is made.
    """

    add_info: None | str | Unset = UNSET
    furniture_set: None | Style3DFurnitureSetType0 | Unset = UNSET
    include_basement: bool | None | Unset = UNSET
    video: None | Unset | VideoPreferences = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.video_preferences import VideoPreferences  # noqa: PLC0415

        add_info: None | str | Unset
        if isinstance(self.add_info, Unset):
            add_info = UNSET
        else:
            add_info = self.add_info

        furniture_set: None | str | Unset
        if isinstance(self.furniture_set, Unset):
            furniture_set = UNSET
        elif isinstance(self.furniture_set, Style3DFurnitureSetType0):
            furniture_set = self.furniture_set.value
        else:
            furniture_set = self.furniture_set

        include_basement: bool | None | Unset
        if isinstance(self.include_basement, Unset):
            include_basement = UNSET
        else:
            include_basement = self.include_basement

        video: dict[str, Any] | None | Unset
        if isinstance(self.video, Unset):
            video = UNSET
        elif isinstance(self.video, VideoPreferences):
            video = self.video.to_dict()
        else:
            video = self.video

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if add_info is not UNSET:
            field_dict["add_info"] = add_info
        if furniture_set is not UNSET:
            field_dict["furniture_set"] = furniture_set
        if include_basement is not UNSET:
            field_dict["include_basement"] = include_basement
        if video is not UNSET:
            field_dict["video"] = video

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.video_preferences import VideoPreferences  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_add_info(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        add_info = _parse_add_info(d.pop("add_info", UNSET))

        def _parse_furniture_set(data: object) -> None | Style3DFurnitureSetType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                furniture_set_type_0 = Style3DFurnitureSetType0(data)

                return furniture_set_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Style3DFurnitureSetType0 | Unset, data)

        furniture_set = _parse_furniture_set(d.pop("furniture_set", UNSET))

        def _parse_include_basement(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        include_basement = _parse_include_basement(d.pop("include_basement", UNSET))

        def _parse_video(data: object) -> None | Unset | VideoPreferences:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                video_type_0 = VideoPreferences.from_dict(data)

                return video_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VideoPreferences, data)

        video = _parse_video(d.pop("video", UNSET))

        style_3d = cls(
            add_info=add_info,
            furniture_set=furniture_set,
            include_basement=include_basement,
            video=video,
        )

        style_3d.additional_properties = d
        return style_3d

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
