from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_create_role import UserCreateRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserCreate")


@_attrs_define
class UserCreate:
    """
    Attributes:
        email (str): The new user's email; unique in Planroom.
        role (UserCreateRole): The user's role: `Manager` (administers the company), `User` or `Collaborator`.
        name (str | Unset): Given name. Default: ''.
        office_id (None | Unset | UUID): The user's office (`GET /offices`); `null` for none.
        password (None | str | Unset): 8 to 256 characters. Without it the user gets an invitation email with a set-
            password link.
        surname (str | Unset): Family name. Default: ''.
    """

    email: str
    role: UserCreateRole
    name: str | Unset = ""
    office_id: None | Unset | UUID = UNSET
    password: None | str | Unset = UNSET
    surname: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        role = self.role.value

        name = self.name

        office_id: None | str | Unset
        if isinstance(self.office_id, Unset):
            office_id = UNSET
        elif isinstance(self.office_id, UUID):
            office_id = str(self.office_id)
        else:
            office_id = self.office_id

        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        surname = self.surname

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "role": role,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if office_id is not UNSET:
            field_dict["office_id"] = office_id
        if password is not UNSET:
            field_dict["password"] = password
        if surname is not UNSET:
            field_dict["surname"] = surname

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        role = UserCreateRole(d.pop("role"))

        name = d.pop("name", UNSET)

        def _parse_office_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                office_id_type_0 = UUID(data)

                return office_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        office_id = _parse_office_id(d.pop("office_id", UNSET))

        def _parse_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("password", UNSET))

        surname = d.pop("surname", UNSET)

        user_create = cls(
            email=email,
            role=role,
            name=name,
            office_id=office_id,
            password=password,
            surname=surname,
        )

        user_create.additional_properties = d
        return user_create

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
