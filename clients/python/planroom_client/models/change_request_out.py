from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_request_out_status import ChangeRequestOutStatus

T = TypeVar("T", bound="ChangeRequestOut")


@_attrs_define
class ChangeRequestOut:
    """
    Attributes:
        attachments (list[str]): Links sent with it.
        created_at (float): When it was made.
        created_by (None | str): Who asked (the key's company or a user's email).
        id (UUID): The change request's id.
        message (str): What to correct, as sent.
        order_id (UUID): The order it corrects.
        resolution_note (None | str): The drafter's note on closing it; or `null`.
        resolved_at (float | None): When it was done or rejected; `null` while open.
        status (ChangeRequestOutStatus): `Open`, `InProgress` (a drafter is on it), `Done` (fixed and delivered) or
            `Rejected`.
    """

    attachments: list[str]
    created_at: float
    created_by: None | str
    id: UUID
    message: str
    order_id: UUID
    resolution_note: None | str
    resolved_at: float | None
    status: ChangeRequestOutStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attachments = self.attachments

        created_at = self.created_at

        created_by: None | str
        created_by = self.created_by

        id = str(self.id)

        message = self.message

        order_id = str(self.order_id)

        resolution_note: None | str
        resolution_note = self.resolution_note

        resolved_at: float | None
        resolved_at = self.resolved_at

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attachments": attachments,
                "created_at": created_at,
                "created_by": created_by,
                "id": id,
                "message": message,
                "order_id": order_id,
                "resolution_note": resolution_note,
                "resolved_at": resolved_at,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attachments = cast(list[str], d.pop("attachments"))

        created_at = d.pop("created_at")

        def _parse_created_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_by = _parse_created_by(d.pop("created_by"))

        id = UUID(d.pop("id"))

        message = d.pop("message")

        order_id = UUID(d.pop("order_id"))

        def _parse_resolution_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolution_note = _parse_resolution_note(d.pop("resolution_note"))

        def _parse_resolved_at(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))

        status = ChangeRequestOutStatus(d.pop("status"))

        change_request_out = cls(
            attachments=attachments,
            created_at=created_at,
            created_by=created_by,
            id=id,
            message=message,
            order_id=order_id,
            resolution_note=resolution_note,
            resolved_at=resolved_at,
            status=status,
        )

        change_request_out.additional_properties = d
        return change_request_out

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
