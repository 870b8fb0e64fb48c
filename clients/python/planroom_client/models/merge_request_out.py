from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.merge_request_out_direction_type_0 import MergeRequestOutDirectionType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="MergeRequestOut")


@_attrs_define
class MergeRequestOut:
    """
    Attributes:
        created_at (float): When it was asked.
        id (UUID): The merge request's id.
        status (str): `pending` or `accepted`.
        target_company_name (str): The company merged into.
        accepted_at (float | None | Unset): When it was accepted; `null` before.
        direction (MergeRequestOutDirectionType0 | None | Unset): `outgoing` (your company asked) or `incoming` (yours
            is asked).
        requester_company_name (None | str | Unset): The company that asked.
    """

    created_at: float
    id: UUID
    status: str
    target_company_name: str
    accepted_at: float | None | Unset = UNSET
    direction: MergeRequestOutDirectionType0 | None | Unset = UNSET
    requester_company_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        id = str(self.id)

        status = self.status

        target_company_name = self.target_company_name

        accepted_at: float | None | Unset
        if isinstance(self.accepted_at, Unset):
            accepted_at = UNSET
        else:
            accepted_at = self.accepted_at

        direction: None | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        elif isinstance(self.direction, MergeRequestOutDirectionType0):
            direction = self.direction.value
        else:
            direction = self.direction

        requester_company_name: None | str | Unset
        if isinstance(self.requester_company_name, Unset):
            requester_company_name = UNSET
        else:
            requester_company_name = self.requester_company_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "status": status,
                "target_company_name": target_company_name,
            }
        )
        if accepted_at is not UNSET:
            field_dict["accepted_at"] = accepted_at
        if direction is not UNSET:
            field_dict["direction"] = direction
        if requester_company_name is not UNSET:
            field_dict["requester_company_name"] = requester_company_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("created_at")

        id = UUID(d.pop("id"))

        status = d.pop("status")

        target_company_name = d.pop("target_company_name")

        def _parse_accepted_at(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        accepted_at = _parse_accepted_at(d.pop("accepted_at", UNSET))

        def _parse_direction(data: object) -> MergeRequestOutDirectionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                direction_type_0 = MergeRequestOutDirectionType0(data)

                return direction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MergeRequestOutDirectionType0 | None | Unset, data)

        direction = _parse_direction(d.pop("direction", UNSET))

        def _parse_requester_company_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requester_company_name = _parse_requester_company_name(d.pop("requester_company_name", UNSET))

        merge_request_out = cls(
            created_at=created_at,
            id=id,
            status=status,
            target_company_name=target_company_name,
            accepted_at=accepted_at,
            direction=direction,
            requester_company_name=requester_company_name,
        )

        merge_request_out.additional_properties = d
        return merge_request_out

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
