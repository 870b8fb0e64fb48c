from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="QuickEditLinkIn")


@_attrs_define
class QuickEditLinkIn:
    """
    Attributes:
        expires_in (int | Unset): Seconds the link works (at most 7 days). Default: 3600.
        user (None | str | Unset): Email or id of the company user who edits (a Manager or a User); without it the link
            edits as the company.
    """

    expires_in: int | Unset = 3600
    user: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        expires_in = self.expires_in

        user: None | str | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        else:
            user = self.user

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expires_in = d.pop("expires_in", UNSET)

        def _parse_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user = _parse_user(d.pop("user", UNSET))

        quick_edit_link_in = cls(
            expires_in=expires_in,
            user=user,
        )

        return quick_edit_link_in
