from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_test_request_trigger import WebhookTestRequestTrigger
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookTestRequest")


@_attrs_define
class WebhookTestRequest:
    """
    Attributes:
        trigger (WebhookTestRequestTrigger | Unset): Which event to imitate; sent whether or not you registered this
            trigger. Default: WebhookTestRequestTrigger.MOVED_TO_READY.
    """

    trigger: WebhookTestRequestTrigger | Unset = WebhookTestRequestTrigger.MOVED_TO_READY
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        trigger: str | Unset = UNSET
        if not isinstance(self.trigger, Unset):
            trigger = self.trigger.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if trigger is not UNSET:
            field_dict["trigger"] = trigger

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _trigger = d.pop("trigger", UNSET)
        trigger: WebhookTestRequestTrigger | Unset
        if isinstance(_trigger, Unset):
            trigger = UNSET
        else:
            trigger = WebhookTestRequestTrigger(_trigger)

        webhook_test_request = cls(
            trigger=trigger,
        )

        webhook_test_request.additional_properties = d
        return webhook_test_request

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
