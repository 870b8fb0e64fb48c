from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DisabledUrl")


@_attrs_define
class DisabledUrl:
    """
    Attributes:
        disabled_at (float | None): When it was disabled.
        reason (str): Why.
        url (str): The URL no longer called.
    """

    disabled_at: float | None
    reason: str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        disabled_at: float | None
        disabled_at = self.disabled_at

        reason = self.reason

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "disabled_at": disabled_at,
                "reason": reason,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_disabled_at(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at"))

        reason = d.pop("reason")

        url = d.pop("url")

        disabled_url = cls(
            disabled_at=disabled_at,
            reason=reason,
            url=url,
        )

        disabled_url.additional_properties = d
        return disabled_url

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
