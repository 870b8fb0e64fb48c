from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_info_status import OrderInfoStatus
from ..models.order_info_total_scanned_area_unit import OrderInfoTotalScannedAreaUnit
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.go_to_scan_info import GoToScanInfo
    from ..models.order_info_order_preferences import OrderInfoOrderPreferences
    from ..models.product_info import ProductInfo
    from ..models.style_template_ref import StyleTemplateRef


T = TypeVar("T", bound="OrderInfo")


@_attrs_define
class OrderInfo:
    """
    Attributes:
        add_info (str): The free text sent as `info`; empty when none.
        created_at (float): When the order was created.
        created_by (None | str): Email of the user who owns the order; `null` once that user was deleted.
        external_id (None | str): Your own reference, as you sent it.
        first_delivered_at (float | None): When the order first became `Ready`; `null` before.
        go2scan (GoToScanInfo | None): The GoToScan link of a GoToScan order; `null` for other orders.
        is_scan_order (bool): `true` for scan orders, `false` for redraw orders.
        location (str): Street, suite and city in one line, for lists.
        model_id (UUID): The order's floor model (the document every deliverable is drawn from); stable across fixes.
        order_preferences (OrderInfoOrderPreferences): The `order_preferences` sent when creating or updating, as
            stored.
        order_type (None | str): `Tier3-LiDAR` for scan orders, `redraw` for redraw orders, `null` before anything was
            uploaded.
        product (ProductInfo):
        status (OrderInfoStatus): `Draft` and `New` wait for a scan, `Pending` is in production, `Ready` is delivered,
            `Fixing` has an open change request, `Failed` was rejected.
        style_template (None | StyleTemplateRef): The style template in use; `null` for the company default.
        total_scanned_area (float): Everything scanned, exterior walls and porches included, in
            `total_scanned_area_unit`; 0 before a scan is read.
        total_scanned_area_unit (OrderInfoTotalScannedAreaUnit): `sqft` (square feet) for imperial companies, `m2`
            (square metres) for metric ones.
        north_deg (float | None | Unset): Compass direction sent with the order, degrees; or `null`.
        property_type (None | str | Unset): `detached`, `attached`, `apartment` or `null` when not given.
    """

    add_info: str
    created_at: float
    created_by: None | str
    external_id: None | str
    first_delivered_at: float | None
    go2scan: GoToScanInfo | None
    is_scan_order: bool
    location: str
    model_id: UUID
    order_preferences: OrderInfoOrderPreferences
    order_type: None | str
    product: ProductInfo
    status: OrderInfoStatus
    style_template: None | StyleTemplateRef
    total_scanned_area: float
    total_scanned_area_unit: OrderInfoTotalScannedAreaUnit
    north_deg: float | None | Unset = UNSET
    property_type: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.go_to_scan_info import GoToScanInfo  # noqa: PLC0415
        from ..models.style_template_ref import StyleTemplateRef  # noqa: PLC0415

        add_info = self.add_info

        created_at = self.created_at

        created_by: None | str
        created_by = self.created_by

        external_id: None | str
        external_id = self.external_id

        first_delivered_at: float | None
        first_delivered_at = self.first_delivered_at

        go2scan: dict[str, Any] | None
        if isinstance(self.go2scan, GoToScanInfo):
            go2scan = self.go2scan.to_dict()
        else:
            go2scan = self.go2scan

        is_scan_order = self.is_scan_order

        location = self.location

        model_id = str(self.model_id)

        order_preferences = self.order_preferences.to_dict()

        order_type: None | str
        order_type = self.order_type

        product = self.product.to_dict()

        status = self.status.value

        style_template: dict[str, Any] | None
        if isinstance(self.style_template, StyleTemplateRef):
            style_template = self.style_template.to_dict()
        else:
            style_template = self.style_template

        total_scanned_area = self.total_scanned_area

        total_scanned_area_unit = self.total_scanned_area_unit.value

        north_deg: float | None | Unset
        if isinstance(self.north_deg, Unset):
            north_deg = UNSET
        else:
            north_deg = self.north_deg

        property_type: None | str | Unset
        if isinstance(self.property_type, Unset):
            property_type = UNSET
        else:
            property_type = self.property_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "add_info": add_info,
                "created_at": created_at,
                "created_by": created_by,
                "external_id": external_id,
                "first_delivered_at": first_delivered_at,
                "go2scan": go2scan,
                "is_scan_order": is_scan_order,
                "location": location,
                "model_id": model_id,
                "order_preferences": order_preferences,
                "order_type": order_type,
                "product": product,
                "status": status,
                "style_template": style_template,
                "total_scanned_area": total_scanned_area,
                "total_scanned_area_unit": total_scanned_area_unit,
            }
        )
        if north_deg is not UNSET:
            field_dict["north_deg"] = north_deg
        if property_type is not UNSET:
            field_dict["property_type"] = property_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.go_to_scan_info import GoToScanInfo  # noqa: PLC0415
        from ..models.order_info_order_preferences import OrderInfoOrderPreferences  # noqa: PLC0415
        from ..models.product_info import ProductInfo  # noqa: PLC0415
        from ..models.style_template_ref import StyleTemplateRef  # noqa: PLC0415

        d = dict(src_dict)
        add_info = d.pop("add_info")

        created_at = d.pop("created_at")

        def _parse_created_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_by = _parse_created_by(d.pop("created_by"))

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        def _parse_first_delivered_at(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        first_delivered_at = _parse_first_delivered_at(d.pop("first_delivered_at"))

        def _parse_go2scan(data: object) -> GoToScanInfo | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                go2scan_type_0 = GoToScanInfo.from_dict(data)

                return go2scan_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GoToScanInfo | None, data)

        go2scan = _parse_go2scan(d.pop("go2scan"))

        is_scan_order = d.pop("is_scan_order")

        location = d.pop("location")

        model_id = UUID(d.pop("model_id"))

        order_preferences = OrderInfoOrderPreferences.from_dict(d.pop("order_preferences"))

        def _parse_order_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        order_type = _parse_order_type(d.pop("order_type"))

        product = ProductInfo.from_dict(d.pop("product"))

        status = OrderInfoStatus(d.pop("status"))

        def _parse_style_template(data: object) -> None | StyleTemplateRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                style_template_type_0 = StyleTemplateRef.from_dict(data)

                return style_template_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StyleTemplateRef, data)

        style_template = _parse_style_template(d.pop("style_template"))

        total_scanned_area = d.pop("total_scanned_area")

        total_scanned_area_unit = OrderInfoTotalScannedAreaUnit(d.pop("total_scanned_area_unit"))

        def _parse_north_deg(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        north_deg = _parse_north_deg(d.pop("north_deg", UNSET))

        def _parse_property_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        property_type = _parse_property_type(d.pop("property_type", UNSET))

        order_info = cls(
            add_info=add_info,
            created_at=created_at,
            created_by=created_by,
            external_id=external_id,
            first_delivered_at=first_delivered_at,
            go2scan=go2scan,
            is_scan_order=is_scan_order,
            location=location,
            model_id=model_id,
            order_preferences=order_preferences,
            order_type=order_type,
            product=product,
            status=status,
            style_template=style_template,
            total_scanned_area=total_scanned_area,
            total_scanned_area_unit=total_scanned_area_unit,
            north_deg=north_deg,
            property_type=property_type,
        )

        order_info.additional_properties = d
        return order_info

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
