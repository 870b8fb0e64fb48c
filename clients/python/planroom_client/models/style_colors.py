from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.style_colors_room_fill import StyleColorsRoomFill


T = TypeVar("T", bound="StyleColors")


@_attrs_define
class StyleColors:
    """
    Attributes:
        background (str | Unset): Page colour, CSS hex. Default: '#ffffff'.
        dimensions (str | Unset): Dimension line colour, CSS hex. Default: '#444444'.
        excluded_area (str | Unset): Fill of areas excluded from GLA, CSS hex. Default: '#eeeeee'.
        fixtures (str | Unset): Fixture colour, CSS hex. Default: '#777777'.
        openings (str | Unset): Door and window colour, CSS hex. Default: '#1a1a1a'.
        room_fill (StyleColorsRoomFill | Unset): Fill per space type; `default` applies to types not listed.
        text (str | Unset): Label colour, CSS hex. Default: '#1a1a1a'.
        walls (str | Unset): Wall colour, CSS hex. Default: '#1a1a1a'.
    """

    background: str | Unset = "#ffffff"
    dimensions: str | Unset = "#444444"
    excluded_area: str | Unset = "#eeeeee"
    fixtures: str | Unset = "#777777"
    openings: str | Unset = "#1a1a1a"
    room_fill: StyleColorsRoomFill | Unset = UNSET
    text: str | Unset = "#1a1a1a"
    walls: str | Unset = "#1a1a1a"

    def to_dict(self) -> dict[str, Any]:
        background = self.background

        dimensions = self.dimensions

        excluded_area = self.excluded_area

        fixtures = self.fixtures

        openings = self.openings

        room_fill: dict[str, Any] | Unset = UNSET
        if not isinstance(self.room_fill, Unset):
            room_fill = self.room_fill.to_dict()

        text = self.text

        walls = self.walls

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if background is not UNSET:
            field_dict["background"] = background
        if dimensions is not UNSET:
            field_dict["dimensions"] = dimensions
        if excluded_area is not UNSET:
            field_dict["excluded_area"] = excluded_area
        if fixtures is not UNSET:
            field_dict["fixtures"] = fixtures
        if openings is not UNSET:
            field_dict["openings"] = openings
        if room_fill is not UNSET:
            field_dict["room_fill"] = room_fill
        if text is not UNSET:
            field_dict["text"] = text
        if walls is not UNSET:
            field_dict["walls"] = walls

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.style_colors_room_fill import StyleColorsRoomFill  # noqa: PLC0415

        d = dict(src_dict)
        background = d.pop("background", UNSET)

        dimensions = d.pop("dimensions", UNSET)

        excluded_area = d.pop("excluded_area", UNSET)

        fixtures = d.pop("fixtures", UNSET)

        openings = d.pop("openings", UNSET)

        _room_fill = d.pop("room_fill", UNSET)
        room_fill: StyleColorsRoomFill | Unset
        if isinstance(_room_fill, Unset):
            room_fill = UNSET
        else:
            room_fill = StyleColorsRoomFill.from_dict(_room_fill)

        text = d.pop("text", UNSET)

        walls = d.pop("walls", UNSET)

        style_colors = cls(
            background=background,
            dimensions=dimensions,
            excluded_area=excluded_area,
            fixtures=fixtures,
            openings=openings,
            room_fill=room_fill,
            text=text,
            walls=walls,
        )

        return style_colors
