from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.go_to_scan_info_status import GoToScanInfoStatus

if TYPE_CHECKING:
    from ..models.go_to_scan_recipient import GoToScanRecipient


T = TypeVar("T", bound="GoToScanInfo")


@_attrs_define
class GoToScanInfo:
    """
    Attributes:
        conversion_type (str): `t3` draws fixed furniture (kitchen, bathroom), `t3-l1` draws walls and openings only.
        expires_at (float): When the link stops working.
        link (str): The page where the recipient uploads the scan: `{PUBLIC_URL}/scan/{token}`.
        priority (str): Turnaround: `regular` (48 h), `fast` (24 h), `ultrafast` (6 h), `ultrafast-12` (12 h) or
            `ultrafast-16` (16 h).
        recipient (GoToScanRecipient):
        status (GoToScanInfoStatus): `sent`, `opened` (the page was visited), `uploaded` (a scan arrived) or `expired`.
    """

    conversion_type: str
    expires_at: float
    link: str
    priority: str
    recipient: GoToScanRecipient
    status: GoToScanInfoStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        conversion_type = self.conversion_type

        expires_at = self.expires_at

        link = self.link

        priority = self.priority

        recipient = self.recipient.to_dict()

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conversion_type": conversion_type,
                "expires_at": expires_at,
                "link": link,
                "priority": priority,
                "recipient": recipient,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.go_to_scan_recipient import GoToScanRecipient  # noqa: PLC0415

        d = dict(src_dict)
        conversion_type = d.pop("conversion_type")

        expires_at = d.pop("expires_at")

        link = d.pop("link")

        priority = d.pop("priority")

        recipient = GoToScanRecipient.from_dict(d.pop("recipient"))

        status = GoToScanInfoStatus(d.pop("status"))

        go_to_scan_info = cls(
            conversion_type=conversion_type,
            expires_at=expires_at,
            link=link,
            priority=priority,
            recipient=recipient,
            status=status,
        )

        go_to_scan_info.additional_properties = d
        return go_to_scan_info

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
