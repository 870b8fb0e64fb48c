from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OrderAddress")


@_attrs_define
class OrderAddress:
    """
    Attributes:
        city (str): City or town.
        country (str): Country, as sent.
        full_address (str): The address in one line, built from the parts.
        latitude (float | None): WGS 84 latitude, decimal degrees; `null` when not sent.
        longitude (float | None): WGS 84 longitude, decimal degrees; `null` when not sent.
        number (str): The house number when the street starts with one, else empty.
        postal_code (str): Postal or ZIP code; empty when not sent.
        state (str): State, province or region; empty when not sent.
        street (str): Street and house number.
        suite (str): Apartment, suite or unit; empty when not sent.
    """

    city: str
    country: str
    full_address: str
    latitude: float | None
    longitude: float | None
    number: str
    postal_code: str
    state: str
    street: str
    suite: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        city = self.city

        country = self.country

        full_address = self.full_address

        latitude: float | None
        latitude = self.latitude

        longitude: float | None
        longitude = self.longitude

        number = self.number

        postal_code = self.postal_code

        state = self.state

        street = self.street

        suite = self.suite

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "city": city,
                "country": country,
                "full_address": full_address,
                "latitude": latitude,
                "longitude": longitude,
                "number": number,
                "postalCode": postal_code,
                "state": state,
                "street": street,
                "suite": suite,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city")

        country = d.pop("country")

        full_address = d.pop("full_address")

        def _parse_latitude(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latitude = _parse_latitude(d.pop("latitude"))

        def _parse_longitude(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        longitude = _parse_longitude(d.pop("longitude"))

        number = d.pop("number")

        postal_code = d.pop("postalCode")

        state = d.pop("state")

        street = d.pop("street")

        suite = d.pop("suite")

        order_address = cls(
            city=city,
            country=country,
            full_address=full_address,
            latitude=latitude,
            longitude=longitude,
            number=number,
            postal_code=postal_code,
            state=state,
            street=street,
            suite=suite,
        )

        order_address.additional_properties = d
        return order_address

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
