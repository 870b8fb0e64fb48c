from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OfficeOut")


@_attrs_define
class OfficeOut:
    """
    Attributes:
        address (None | str): Its address; `null` when none.
        created_at (float): When it was created.
        id (UUID): The office's id.
        name (str): The office's name.
        users_count (int): Users in the office.
    """

    address: None | str
    created_at: float
    id: UUID
    name: str
    users_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address: None | str
        address = self.address

        created_at = self.created_at

        id = str(self.id)

        name = self.name

        users_count = self.users_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "created_at": created_at,
                "id": id,
                "name": name,
                "users_count": users_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        created_at = d.pop("created_at")

        id = UUID(d.pop("id"))

        name = d.pop("name")

        users_count = d.pop("users_count")

        office_out = cls(
            address=address,
            created_at=created_at,
            id=id,
            name=name,
            users_count=users_count,
        )

        office_out.additional_properties = d
        return office_out

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
