from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_out_role import UserOutRole

T = TypeVar("T", bound="UserOut")


@_attrs_define
class UserOut:
    """
    Attributes:
        created_at (float): When the user was created.
        email (str): The user's email.
        email_confirmed (bool): `false` until an invited user has set a password.
        id (UUID): The user's id.
        name (str): Given name.
        office_id (None | UUID): The user's office (`GET /offices`); `null` for none.
        role (UserOutRole): The user's role: `Manager` (administers the company), `User` or `Collaborator`.
        surname (str): Family name.
    """

    created_at: float
    email: str
    email_confirmed: bool
    id: UUID
    name: str
    office_id: None | UUID
    role: UserOutRole
    surname: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        email = self.email

        email_confirmed = self.email_confirmed

        id = str(self.id)

        name = self.name

        office_id: None | str
        if isinstance(self.office_id, UUID):
            office_id = str(self.office_id)
        else:
            office_id = self.office_id

        role = self.role.value

        surname = self.surname

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "email": email,
                "email_confirmed": email_confirmed,
                "id": id,
                "name": name,
                "office_id": office_id,
                "role": role,
                "surname": surname,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("created_at")

        email = d.pop("email")

        email_confirmed = d.pop("email_confirmed")

        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_office_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                office_id_type_0 = UUID(data)

                return office_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        office_id = _parse_office_id(d.pop("office_id"))

        role = UserOutRole(d.pop("role"))

        surname = d.pop("surname")

        user_out = cls(
            created_at=created_at,
            email=email,
            email_confirmed=email_confirmed,
            id=id,
            name=name,
            office_id=office_id,
            role=role,
            surname=surname,
        )

        user_out.additional_properties = d
        return user_out

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
