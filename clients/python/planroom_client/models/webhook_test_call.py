from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_test_call_outcome import WebhookTestCallOutcome

T = TypeVar("T", bound="WebhookTestCall")


@_attrs_define
class WebhookTestCall:
    """
    Attributes:
        duration_ms (int): How long the call took.
        error (None | str): Why it did not count as delivered.
        outcome (WebhookTestCallOutcome): `delivered` (2xx); `retry` (another answer or none: a real event would be
            retried); `gone` (410: a real event would disable the URL); `refused` (a private address while
            `PLANROOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES` is off).
        status_code (int | None): The URL's HTTP status, if it answered.
        url (str): The registered URL called.
    """

    duration_ms: int
    error: None | str
    outcome: WebhookTestCallOutcome
    status_code: int | None
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        duration_ms = self.duration_ms

        error: None | str
        error = self.error

        outcome = self.outcome.value

        status_code: int | None
        status_code = self.status_code

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "duration_ms": duration_ms,
                "error": error,
                "outcome": outcome,
                "status_code": status_code,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        duration_ms = d.pop("duration_ms")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        outcome = WebhookTestCallOutcome(d.pop("outcome"))

        def _parse_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status_code = _parse_status_code(d.pop("status_code"))

        url = d.pop("url")

        webhook_test_call = cls(
            duration_ms=duration_ms,
            error=error,
            outcome=outcome,
            status_code=status_code,
            url=url,
        )

        webhook_test_call.additional_properties = d
        return webhook_test_call

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
