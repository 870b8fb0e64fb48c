from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="QuickEditLinkOut")


@_attrs_define
class QuickEditLinkOut:
    """
    Attributes:
        editor (str): Who the edits are recorded as: `company` or the user's email.
        expires_at (float): When the link stops working.
        mode (str): `customer` for links made through this API.
        url (str): Open this in a browser to edit room names and areas; works until `expires_at`.
    """

    editor: str
    expires_at: float
    mode: str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        editor = self.editor

        expires_at = self.expires_at

        mode = self.mode

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "editor": editor,
                "expires_at": expires_at,
                "mode": mode,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        editor = d.pop("editor")

        expires_at = d.pop("expires_at")

        mode = d.pop("mode")

        url = d.pop("url")

        quick_edit_link_out = cls(
            editor=editor,
            expires_at=expires_at,
            mode=mode,
            url=url,
        )

        quick_edit_link_out.additional_properties = d
        return quick_edit_link_out

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
