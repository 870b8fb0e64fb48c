from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.logo_options_position import LogoOptionsPosition
from ..types import UNSET, Unset

T = TypeVar("T", bound="LogoOptions")


@_attrs_define
class LogoOptions:
    """Where the company logo (`PUT /companies/logo`) goes on the plan.

    Attributes:
        max_width_mm (float | Unset): The logo's largest width on paper, millimetres. Default: 40.0.
        position (LogoOptionsPosition | Unset): Corner of the logo. Default: LogoOptionsPosition.TOP_RIGHT.
    """

    max_width_mm: float | Unset = 40.0
    position: LogoOptionsPosition | Unset = LogoOptionsPosition.TOP_RIGHT

    def to_dict(self) -> dict[str, Any]:
        max_width_mm = self.max_width_mm

        position: str | Unset = UNSET
        if not isinstance(self.position, Unset):
            position = self.position.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if max_width_mm is not UNSET:
            field_dict["max_width_mm"] = max_width_mm
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        max_width_mm = d.pop("max_width_mm", UNSET)

        _position = d.pop("position", UNSET)
        position: LogoOptionsPosition | Unset
        if isinstance(_position, Unset):
            position = UNSET
        else:
            position = LogoOptionsPosition(_position)

        logo_options = cls(
            max_width_mm=max_width_mm,
            position=position,
        )

        return logo_options
