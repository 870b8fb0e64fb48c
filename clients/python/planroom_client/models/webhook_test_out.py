from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_test_out_trigger import WebhookTestOutTrigger

if TYPE_CHECKING:
    from ..models.webhook_test_call import WebhookTestCall
    from ..models.webhook_test_out_payload import WebhookTestOutPayload


T = TypeVar("T", bound="WebhookTestOut")


@_attrs_define
class WebhookTestOut:
    """
    Attributes:
        calls (list[WebhookTestCall]): One per registered URL, in order.
        event_id (str): The `webhook-id` the sample carried.
        listeners (int): Open `planroom webhooks listen` streams that were given the sample too.
        payload (WebhookTestOutPayload): The body sent: a status change of the sample order
            `00000000-0000-4000-8000-000000000000`, shaped like every real one.
        trigger (WebhookTestOutTrigger): The event imitated.
    """

    calls: list[WebhookTestCall]
    event_id: str
    listeners: int
    payload: WebhookTestOutPayload
    trigger: WebhookTestOutTrigger
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        calls = []
        for calls_item_data in self.calls:
            calls_item = calls_item_data.to_dict()
            calls.append(calls_item)

        event_id = self.event_id

        listeners = self.listeners

        payload = self.payload.to_dict()

        trigger = self.trigger.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "calls": calls,
                "event_id": event_id,
                "listeners": listeners,
                "payload": payload,
                "trigger": trigger,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_test_call import WebhookTestCall  # noqa: PLC0415
        from ..models.webhook_test_out_payload import WebhookTestOutPayload  # noqa: PLC0415

        d = dict(src_dict)
        calls = []
        _calls = d.pop("calls")
        for calls_item_data in _calls:
            calls_item = WebhookTestCall.from_dict(calls_item_data)

            calls.append(calls_item)

        event_id = d.pop("event_id")

        listeners = d.pop("listeners")

        payload = WebhookTestOutPayload.from_dict(d.pop("payload"))

        trigger = WebhookTestOutTrigger(d.pop("trigger"))

        webhook_test_out = cls(
            calls=calls,
            event_id=event_id,
            listeners=listeners,
            payload=payload,
            trigger=trigger,
        )

        webhook_test_out.additional_properties = d
        return webhook_test_out

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
