from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.disabled_url import DisabledUrl


T = TypeVar("T", bound="WebhookSettings")


@_attrs_define
class WebhookSettings:
    """
    Attributes:
        signing_secret (str): Standard Webhooks secret: verify `webhook-signature` with it.
        webhook_triggers (list[str]): The status changes announced: `moved_to_draft`, `moved_to_pending`,
            `moved_to_ready`, `moved_to_fixing`, `moved_to_failed`.
        webhook_urls (list[str]): HTTPS URLs called on each status change (at most 20); replaces the stored list.
        disabled_urls (list[DisabledUrl] | Unset): URLs no longer called because they answered 410; register again to
            enable.
        previous_secret_expires_at (float | None | Unset): Until then the secret before the last rotation signs too.
    """

    signing_secret: str
    webhook_triggers: list[str]
    webhook_urls: list[str]
    disabled_urls: list[DisabledUrl] | Unset = UNSET
    previous_secret_expires_at: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        signing_secret = self.signing_secret

        webhook_triggers = self.webhook_triggers

        webhook_urls = self.webhook_urls

        disabled_urls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.disabled_urls, Unset):
            disabled_urls = []
            for disabled_urls_item_data in self.disabled_urls:
                disabled_urls_item = disabled_urls_item_data.to_dict()
                disabled_urls.append(disabled_urls_item)

        previous_secret_expires_at: float | None | Unset
        if isinstance(self.previous_secret_expires_at, Unset):
            previous_secret_expires_at = UNSET
        else:
            previous_secret_expires_at = self.previous_secret_expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "signing_secret": signing_secret,
                "webhook_triggers": webhook_triggers,
                "webhook_urls": webhook_urls,
            }
        )
        if disabled_urls is not UNSET:
            field_dict["disabled_urls"] = disabled_urls
        if previous_secret_expires_at is not UNSET:
            field_dict["previous_secret_expires_at"] = previous_secret_expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.disabled_url import DisabledUrl  # noqa: PLC0415

        d = dict(src_dict)
        signing_secret = d.pop("signing_secret")

        webhook_triggers = cast(list[str], d.pop("webhook_triggers"))

        webhook_urls = cast(list[str], d.pop("webhook_urls"))

        _disabled_urls = d.pop("disabled_urls", UNSET)
        disabled_urls: list[DisabledUrl] | Unset = UNSET
        if _disabled_urls is not UNSET:
            disabled_urls = []
            for disabled_urls_item_data in _disabled_urls:
                disabled_urls_item = DisabledUrl.from_dict(disabled_urls_item_data)

                disabled_urls.append(disabled_urls_item)

        def _parse_previous_secret_expires_at(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        previous_secret_expires_at = _parse_previous_secret_expires_at(d.pop("previous_secret_expires_at", UNSET))

        webhook_settings = cls(
            signing_secret=signing_secret,
            webhook_triggers=webhook_triggers,
            webhook_urls=webhook_urls,
            disabled_urls=disabled_urls,
            previous_secret_expires_at=previous_secret_expires_at,
        )

        webhook_settings.additional_properties = d
        return webhook_settings

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
