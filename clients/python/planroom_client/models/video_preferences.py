from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.video_preferences_layout import VideoPreferencesLayout
from ..models.video_preferences_speed import VideoPreferencesSpeed
from ..types import UNSET, Unset

T = TypeVar("T", bound="VideoPreferences")


@_attrs_define
class VideoPreferences:
    """
    Attributes:
        layout (VideoPreferencesLayout | Unset): Frame shape: `landscape` (16:9), `portrait` (9:16) or `square`.
            Default: VideoPreferencesLayout.LANDSCAPE.
        speed (VideoPreferencesSpeed | Unset): Camera speed: `slow`, `normal` or `fast`. Default:
            VideoPreferencesSpeed.NORMAL.
    """

    layout: VideoPreferencesLayout | Unset = VideoPreferencesLayout.LANDSCAPE
    speed: VideoPreferencesSpeed | Unset = VideoPreferencesSpeed.NORMAL
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        layout: str | Unset = UNSET
        if not isinstance(self.layout, Unset):
            layout = self.layout.value

        speed: str | Unset = UNSET
        if not isinstance(self.speed, Unset):
            speed = self.speed.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if layout is not UNSET:
            field_dict["layout"] = layout
        if speed is not UNSET:
            field_dict["speed"] = speed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _layout = d.pop("layout", UNSET)
        layout: VideoPreferencesLayout | Unset
        if isinstance(_layout, Unset):
            layout = UNSET
        else:
            layout = VideoPreferencesLayout(_layout)

        _speed = d.pop("speed", UNSET)
        speed: VideoPreferencesSpeed | Unset
        if isinstance(_speed, Unset):
            speed = UNSET
        else:
            speed = VideoPreferencesSpeed(_speed)

        video_preferences = cls(
            layout=layout,
            speed=speed,
        )

        video_preferences.additional_properties = d
        return video_preferences

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
