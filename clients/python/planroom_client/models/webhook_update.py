from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_update_webhook_triggers_type_0_item import WebhookUpdateWebhookTriggersType0Item
from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookUpdate")


@_attrs_define
class WebhookUpdate:
    """Unknown keys (`url`, `secret`, …) are ignored.

    Attributes:
        webhook_triggers (list[WebhookUpdateWebhookTriggersType0Item] | None | Unset): The status changes to announce;
            replaces the stored list. Omit to keep it.
        webhook_urls (list[str] | None | Unset): Every URL to call; replaces the stored list. Omit to keep it.
    """

    webhook_triggers: list[WebhookUpdateWebhookTriggersType0Item] | None | Unset = UNSET
    webhook_urls: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        webhook_triggers: list[str] | None | Unset
        if isinstance(self.webhook_triggers, Unset):
            webhook_triggers = UNSET
        elif isinstance(self.webhook_triggers, list):
            webhook_triggers = []
            for webhook_triggers_type_0_item_data in self.webhook_triggers:
                webhook_triggers_type_0_item = webhook_triggers_type_0_item_data.value
                webhook_triggers.append(webhook_triggers_type_0_item)

        else:
            webhook_triggers = self.webhook_triggers

        webhook_urls: list[str] | None | Unset
        if isinstance(self.webhook_urls, Unset):
            webhook_urls = UNSET
        elif isinstance(self.webhook_urls, list):
            webhook_urls = self.webhook_urls

        else:
            webhook_urls = self.webhook_urls

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if webhook_triggers is not UNSET:
            field_dict["webhook_triggers"] = webhook_triggers
        if webhook_urls is not UNSET:
            field_dict["webhook_urls"] = webhook_urls

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_webhook_triggers(data: object) -> list[WebhookUpdateWebhookTriggersType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                webhook_triggers_type_0 = []
                _webhook_triggers_type_0 = data
                for webhook_triggers_type_0_item_data in _webhook_triggers_type_0:
                    webhook_triggers_type_0_item = WebhookUpdateWebhookTriggersType0Item(
                        webhook_triggers_type_0_item_data
                    )

                    webhook_triggers_type_0.append(webhook_triggers_type_0_item)

                return webhook_triggers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WebhookUpdateWebhookTriggersType0Item] | None | Unset, data)

        webhook_triggers = _parse_webhook_triggers(d.pop("webhook_triggers", UNSET))

        def _parse_webhook_urls(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                webhook_urls_type_0 = cast(list[str], data)

                return webhook_urls_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        webhook_urls = _parse_webhook_urls(d.pop("webhook_urls", UNSET))

        webhook_update = cls(
            webhook_triggers=webhook_triggers,
            webhook_urls=webhook_urls,
        )

        webhook_update.additional_properties = d
        return webhook_update

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
