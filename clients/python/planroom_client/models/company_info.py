from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.company_info_measurement_system import CompanyInfoMeasurementSystem

if TYPE_CHECKING:
    from ..models.company_profile import CompanyProfile


T = TypeVar("T", bound="CompanyInfo")


@_attrs_define
class CompanyInfo:
    """
    Attributes:
        country (str): The company's country.
        created_at (float): When the company was created.
        customer_type (str): `business` for every company made here.
        email (None | str): The company's contact email, if set.
        id (UUID): Your company's id.
        language (str): The company's language, ISO 639-1.
        measurement_system (CompanyInfoMeasurementSystem): `imperial` (feet, sq ft) or `metric` (metres, m²): the unit
            of areas on orders.
        name (str): The company's name.
        profile (CompanyProfile):
        sandbox (bool): Sandbox companies may call `/sandbox/...`.
    """

    country: str
    created_at: float
    customer_type: str
    email: None | str
    id: UUID
    language: str
    measurement_system: CompanyInfoMeasurementSystem
    name: str
    profile: CompanyProfile
    sandbox: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        created_at = self.created_at

        customer_type = self.customer_type

        email: None | str
        email = self.email

        id = str(self.id)

        language = self.language

        measurement_system = self.measurement_system.value

        name = self.name

        profile = self.profile.to_dict()

        sandbox = self.sandbox

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "country": country,
                "created_at": created_at,
                "customer_type": customer_type,
                "email": email,
                "id": id,
                "language": language,
                "measurement_system": measurement_system,
                "name": name,
                "profile": profile,
                "sandbox": sandbox,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_profile import CompanyProfile  # noqa: PLC0415

        d = dict(src_dict)
        country = d.pop("country")

        created_at = d.pop("created_at")

        customer_type = d.pop("customer_type")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        id = UUID(d.pop("id"))

        language = d.pop("language")

        measurement_system = CompanyInfoMeasurementSystem(d.pop("measurement_system"))

        name = d.pop("name")

        profile = CompanyProfile.from_dict(d.pop("profile"))

        sandbox = d.pop("sandbox")

        company_info = cls(
            country=country,
            created_at=created_at,
            customer_type=customer_type,
            email=email,
            id=id,
            language=language,
            measurement_system=measurement_system,
            name=name,
            profile=profile,
            sandbox=sandbox,
        )

        company_info.additional_properties = d
        return company_info

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
