from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WebhookPair")


@_attrs_define
class WebhookPair:
    """
    Attributes:
        webhook_triggers (list[str]): The status changes announced: `moved_to_draft`, `moved_to_pending`,
            `moved_to_ready`, `moved_to_fixing`, `moved_to_failed`.
        webhook_urls (list[str]): HTTPS URLs called on each status change (at most 20); replaces the stored list.
    """

    webhook_triggers: list[str]
    webhook_urls: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        webhook_triggers = self.webhook_triggers

        webhook_urls = self.webhook_urls

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "webhook_triggers": webhook_triggers,
                "webhook_urls": webhook_urls,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        webhook_triggers = cast(list[str], d.pop("webhook_triggers"))

        webhook_urls = cast(list[str], d.pop("webhook_urls"))

        webhook_pair = cls(
            webhook_triggers=webhook_triggers,
            webhook_urls=webhook_urls,
        )

        webhook_pair.additional_properties = d
        return webhook_pair

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
