from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Pagination")


@_attrs_define
class Pagination:
    """
    Attributes:
        has_more (bool): `true` when more rows follow this page.
        limit (int): The page size asked for (1 to 100, default 20).
        next_offset (int | None): The `offset` of the next page; `null` on the last.
        previous_offset (int | None): The `offset` of the page before; `null` on the first.
    """

    has_more: bool
    limit: int
    next_offset: int | None
    previous_offset: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        has_more = self.has_more

        limit = self.limit

        next_offset: int | None
        next_offset = self.next_offset

        previous_offset: int | None
        previous_offset = self.previous_offset

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "has_more": has_more,
                "limit": limit,
                "next_offset": next_offset,
                "previous_offset": previous_offset,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        has_more = d.pop("has_more")

        limit = d.pop("limit")

        def _parse_next_offset(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        next_offset = _parse_next_offset(d.pop("next_offset"))

        def _parse_previous_offset(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        previous_offset = _parse_previous_offset(d.pop("previous_offset"))

        pagination = cls(
            has_more=has_more,
            limit=limit,
            next_offset=next_offset,
            previous_offset=previous_offset,
        )

        pagination.additional_properties = d
        return pagination

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
