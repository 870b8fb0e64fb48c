from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.redraw_create_add_ons_type_0_item import RedrawCreateAddOnsType0Item
from ..models.redraw_create_package_type_type_0 import RedrawCreatePackageTypeType0
from ..models.redraw_create_property_type_type_0 import RedrawCreatePropertyTypeType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_preferences import OrderPreferences


T = TypeVar("T", bound="RedrawCreate")


@_attrs_define
class RedrawCreate:
    """
    Attributes:
        city (str): City or town.
        country (str): Country, as a name or ISO code; printed as given.
        source (list[str] | str): URL, or list of URLs, of an existing floor plan (PNG, JPG or PDF).
        street (str): Street and house number. Required when creating; when updating, omit it to keep it.
        add_ons (list[RedrawCreateAddOnsType0Item] | None | Unset): Extra products: `gla` (GLA package), `3d_cad_files`
            (CAD), `3d_video` (3D video), `6h_turnaround` (jumps the production queue). Omitted: the company's default add-
            ons.
        external_id (None | str | Unset): Your own reference for the order (at most 200 characters); filter `GET
            /orders` by it.
        info (None | str | Unset): Free text, stored as `add_info`.
        latitude (float | None | Unset): WGS 84 latitude in decimal degrees, -90 to 90.
        longitude (float | None | Unset): WGS 84 longitude in decimal degrees, -180 to 180.
        north_deg (float | None | Unset): Compass bearing of the plan's up direction, degrees clockwise from north:
            draws the north arrow and turns the 3D view.
        order_preferences (None | OrderPreferences | Unset): How the 2D and 3D products should look.
        owner_email (None | str | Unset): Email of the company user who owns the order; must be a user of your company.
        package_type (None | RedrawCreatePackageTypeType0 | Unset): `base` (2D floor plans and property data), `plus`
            (adds Home Report, Snapshot and tour) or `plus_3d` (adds 3D floor plans). Omitted: the company's default
            package.
        postal_code (None | str | Unset): Postal or ZIP code (camelCase, as the original API spells it).
        property_type (None | RedrawCreatePropertyTypeType0 | Unset): How area figures are measured (ANSI Z765): a
            detached house to the outside face of exterior walls, an attached house to party-wall centre lines, an apartment
            to the inside face of exterior walls. Unset: as the scan suggests (a capture of one storey with no stairs,
            garage, porch, deck or patio is an apartment, any other a detached house); the client's value always wins.
        state (None | str | Unset): State, province or region.
        suite (None | str | Unset): Apartment, suite or unit, if any.
    """

    city: str
    country: str
    source: list[str] | str
    street: str
    add_ons: list[RedrawCreateAddOnsType0Item] | None | Unset = UNSET
    external_id: None | str | Unset = UNSET
    info: None | str | Unset = UNSET
    latitude: float | None | Unset = UNSET
    longitude: float | None | Unset = UNSET
    north_deg: float | None | Unset = UNSET
    order_preferences: None | OrderPreferences | Unset = UNSET
    owner_email: None | str | Unset = UNSET
    package_type: None | RedrawCreatePackageTypeType0 | Unset = UNSET
    postal_code: None | str | Unset = UNSET
    property_type: None | RedrawCreatePropertyTypeType0 | Unset = UNSET
    state: None | str | Unset = UNSET
    suite: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.order_preferences import OrderPreferences  # noqa: PLC0415

        city = self.city

        country = self.country

        source: list[str] | str
        if isinstance(self.source, list):
            source = self.source

        else:
            source = self.source

        street = self.street

        add_ons: list[str] | None | Unset
        if isinstance(self.add_ons, Unset):
            add_ons = UNSET
        elif isinstance(self.add_ons, list):
            add_ons = []
            for add_ons_type_0_item_data in self.add_ons:
                add_ons_type_0_item = add_ons_type_0_item_data.value
                add_ons.append(add_ons_type_0_item)

        else:
            add_ons = self.add_ons

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        info: None | str | Unset
        if isinstance(self.info, Unset):
            info = UNSET
        else:
            info = self.info

        latitude: float | None | Unset
        if isinstance(self.latitude, Unset):
            latitude = UNSET
        else:
            latitude = self.latitude

        longitude: float | None | Unset
        if isinstance(self.longitude, Unset):
            longitude = UNSET
        else:
            longitude = self.longitude

        north_deg: float | None | Unset
        if isinstance(self.north_deg, Unset):
            north_deg = UNSET
        else:
            north_deg = self.north_deg

        order_preferences: dict[str, Any] | None | Unset
        if isinstance(self.order_preferences, Unset):
            order_preferences = UNSET
        elif isinstance(self.order_preferences, OrderPreferences):
            order_preferences = self.order_preferences.to_dict()
        else:
            order_preferences = self.order_preferences

        owner_email: None | str | Unset
        if isinstance(self.owner_email, Unset):
            owner_email = UNSET
        else:
            owner_email = self.owner_email

        package_type: None | str | Unset
        if isinstance(self.package_type, Unset):
            package_type = UNSET
        elif isinstance(self.package_type, RedrawCreatePackageTypeType0):
            package_type = self.package_type.value
        else:
            package_type = self.package_type

        postal_code: None | str | Unset
        if isinstance(self.postal_code, Unset):
            postal_code = UNSET
        else:
            postal_code = self.postal_code

        property_type: None | str | Unset
        if isinstance(self.property_type, Unset):
            property_type = UNSET
        elif isinstance(self.property_type, RedrawCreatePropertyTypeType0):
            property_type = self.property_type.value
        else:
            property_type = self.property_type

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        else:
            state = self.state

        suite: None | str | Unset
        if isinstance(self.suite, Unset):
            suite = UNSET
        else:
            suite = self.suite

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "city": city,
                "country": country,
                "source": source,
                "street": street,
            }
        )
        if add_ons is not UNSET:
            field_dict["add_ons"] = add_ons
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if info is not UNSET:
            field_dict["info"] = info
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if north_deg is not UNSET:
            field_dict["north_deg"] = north_deg
        if order_preferences is not UNSET:
            field_dict["order_preferences"] = order_preferences
        if owner_email is not UNSET:
            field_dict["owner_email"] = owner_email
        if package_type is not UNSET:
            field_dict["package_type"] = package_type
        if postal_code is not UNSET:
            field_dict["postalCode"] = postal_code
        if property_type is not UNSET:
            field_dict["property_type"] = property_type
        if state is not UNSET:
            field_dict["state"] = state
        if suite is not UNSET:
            field_dict["suite"] = suite

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_preferences import OrderPreferences  # noqa: PLC0415

        d = dict(src_dict)
        city = d.pop("city")

        country = d.pop("country")

        def _parse_source(data: object) -> list[str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                source_type_1 = cast(list[str], data)

                return source_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str, data)

        source = _parse_source(d.pop("source"))

        street = d.pop("street")

        def _parse_add_ons(data: object) -> list[RedrawCreateAddOnsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                add_ons_type_0 = []
                _add_ons_type_0 = data
                for add_ons_type_0_item_data in _add_ons_type_0:
                    add_ons_type_0_item = RedrawCreateAddOnsType0Item(add_ons_type_0_item_data)

                    add_ons_type_0.append(add_ons_type_0_item)

                return add_ons_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RedrawCreateAddOnsType0Item] | None | Unset, data)

        add_ons = _parse_add_ons(d.pop("add_ons", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_info(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        info = _parse_info(d.pop("info", UNSET))

        def _parse_latitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        latitude = _parse_latitude(d.pop("latitude", UNSET))

        def _parse_longitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        longitude = _parse_longitude(d.pop("longitude", UNSET))

        def _parse_north_deg(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        north_deg = _parse_north_deg(d.pop("north_deg", UNSET))

        def _parse_order_preferences(data: object) -> None | OrderPreferences | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                order_preferences_type_0 = OrderPreferences.from_dict(data)

                return order_preferences_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrderPreferences | Unset, data)

        order_preferences = _parse_order_preferences(d.pop("order_preferences", UNSET))

        def _parse_owner_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_email = _parse_owner_email(d.pop("owner_email", UNSET))

        def _parse_package_type(data: object) -> None | RedrawCreatePackageTypeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                package_type_type_0 = RedrawCreatePackageTypeType0(data)

                return package_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RedrawCreatePackageTypeType0 | Unset, data)

        package_type = _parse_package_type(d.pop("package_type", UNSET))

        def _parse_postal_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        postal_code = _parse_postal_code(d.pop("postalCode", UNSET))

        def _parse_property_type(data: object) -> None | RedrawCreatePropertyTypeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                property_type_type_0 = RedrawCreatePropertyTypeType0(data)

                return property_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RedrawCreatePropertyTypeType0 | Unset, data)

        property_type = _parse_property_type(d.pop("property_type", UNSET))

        def _parse_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_suite(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        suite = _parse_suite(d.pop("suite", UNSET))

        redraw_create = cls(
            city=city,
            country=country,
            source=source,
            street=street,
            add_ons=add_ons,
            external_id=external_id,
            info=info,
            latitude=latitude,
            longitude=longitude,
            north_deg=north_deg,
            order_preferences=order_preferences,
            owner_email=owner_email,
            package_type=package_type,
            postal_code=postal_code,
            property_type=property_type,
            state=state,
            suite=suite,
        )

        redraw_create.additional_properties = d
        return redraw_create

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
