from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_out_state import DeliveryOutState

if TYPE_CHECKING:
    from ..models.attempt_out import AttemptOut
    from ..models.delivery_out_payload import DeliveryOutPayload


T = TypeVar("T", bound="DeliveryOut")


@_attrs_define
class DeliveryOut:
    """
    Attributes:
        attempts (list[AttemptOut]): Every attempt so far, oldest first.
        created_at (float): When the event happened.
        delivered_at (float | None): When a 2xx arrived; `null` before.
        event_id (str): The `webhook-id` header: the same on every attempt.
        id (UUID): The delivery's id (`.../deliveries/{id}/retry`).
        last_error (None | str): Why the last attempt failed; `null` if it did not.
        last_status_code (int | None): HTTP status of the last attempt; `null` if none.
        max_attempts (int): Attempts made before giving up.
        next_attempt_at (float | None): When the next attempt is due; `null` when none.
        order_id (None | UUID): The order the event is about.
        payload (DeliveryOutPayload): The JSON body sent (see the webhooks section).
        state (DeliveryOutState): `pending` (will be tried), `delivered` (a 2xx arrived), `failed` (gave up, 410 or a
            refused address) or `skipped` (the URL was unregistered before sending).
        trigger (str): The trigger that caused it.
        url (str): The URL called.
    """

    attempts: list[AttemptOut]
    created_at: float
    delivered_at: float | None
    event_id: str
    id: UUID
    last_error: None | str
    last_status_code: int | None
    max_attempts: int
    next_attempt_at: float | None
    order_id: None | UUID
    payload: DeliveryOutPayload
    state: DeliveryOutState
    trigger: str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = []
        for attempts_item_data in self.attempts:
            attempts_item = attempts_item_data.to_dict()
            attempts.append(attempts_item)

        created_at = self.created_at

        delivered_at: float | None
        delivered_at = self.delivered_at

        event_id = self.event_id

        id = str(self.id)

        last_error: None | str
        last_error = self.last_error

        last_status_code: int | None
        last_status_code = self.last_status_code

        max_attempts = self.max_attempts

        next_attempt_at: float | None
        next_attempt_at = self.next_attempt_at

        order_id: None | str
        if isinstance(self.order_id, UUID):
            order_id = str(self.order_id)
        else:
            order_id = self.order_id

        payload = self.payload.to_dict()

        state = self.state.value

        trigger = self.trigger

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "created_at": created_at,
                "delivered_at": delivered_at,
                "event_id": event_id,
                "id": id,
                "last_error": last_error,
                "last_status_code": last_status_code,
                "max_attempts": max_attempts,
                "next_attempt_at": next_attempt_at,
                "order_id": order_id,
                "payload": payload,
                "state": state,
                "trigger": trigger,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt_out import AttemptOut  # noqa: PLC0415
        from ..models.delivery_out_payload import DeliveryOutPayload  # noqa: PLC0415

        d = dict(src_dict)
        attempts = []
        _attempts = d.pop("attempts")
        for attempts_item_data in _attempts:
            attempts_item = AttemptOut.from_dict(attempts_item_data)

            attempts.append(attempts_item)

        created_at = d.pop("created_at")

        def _parse_delivered_at(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))

        event_id = d.pop("event_id")

        id = UUID(d.pop("id"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        def _parse_last_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status_code = _parse_last_status_code(d.pop("last_status_code"))

        max_attempts = d.pop("max_attempts")

        def _parse_next_attempt_at(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        def _parse_order_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_id_type_0 = UUID(data)

                return order_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        order_id = _parse_order_id(d.pop("order_id"))

        payload = DeliveryOutPayload.from_dict(d.pop("payload"))

        state = DeliveryOutState(d.pop("state"))

        trigger = d.pop("trigger")

        url = d.pop("url")

        delivery_out = cls(
            attempts=attempts,
            created_at=created_at,
            delivered_at=delivered_at,
            event_id=event_id,
            id=id,
            last_error=last_error,
            last_status_code=last_status_code,
            max_attempts=max_attempts,
            next_attempt_at=next_attempt_at,
            order_id=order_id,
            payload=payload,
            state=state,
            trigger=trigger,
            url=url,
        )

        delivery_out.additional_properties = d
        return delivery_out

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
