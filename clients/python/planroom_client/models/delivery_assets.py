from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cad_files_assets import CadFilesAssets
    from ..models.floorplans_3d_assets import Floorplans3DAssets
    from ..models.gla_package_assets import GlaPackageAssets
    from ..models.home_report_assets import HomeReportAssets
    from ..models.listing_floorplans_assets import ListingFloorplansAssets
    from ..models.property_data_assets import PropertyDataAssets
    from ..models.snapshot_assets import SnapshotAssets
    from ..models.tour_assets import TourAssets
    from ..models.video_3d_assets import Video3DAssets


T = TypeVar("T", bound="DeliveryAssets")


@_attrs_define
class DeliveryAssets:
    """Every product's files; every key is always present.

    Attributes:
        cad_files (CadFilesAssets | None): Null when the order does not include it; delivered with the `products_3d`
            group.
        floorplans_3d (Floorplans3DAssets | None): Null when the order does not include it; delivered with the
            `products_3d` group.
        gla_package (GlaPackageAssets | None): Null when the order does not include it; delivered with the `products_2d`
            group.
        home_report (HomeReportAssets | None): Null when the order does not include it; delivered with the `products_2d`
            group.
        listing_floorplans (ListingFloorplansAssets | None): Null when the order does not include it; delivered with the
            `products_2d` group.
        property_data (None | PropertyDataAssets): Null when the order does not include it; delivered with the
            `products_2d` group.
        snapshot (None | SnapshotAssets): Null when the order does not include it; delivered with the `products_2d`
            group.
        tour (None | TourAssets): Null when the order does not include it; delivered with the `tour` group.
        video_3d (None | Video3DAssets): Null when the order does not include it; delivered with the `products_3d`
            group.
    """

    cad_files: CadFilesAssets | None
    floorplans_3d: Floorplans3DAssets | None
    gla_package: GlaPackageAssets | None
    home_report: HomeReportAssets | None
    listing_floorplans: ListingFloorplansAssets | None
    property_data: None | PropertyDataAssets
    snapshot: None | SnapshotAssets
    tour: None | TourAssets
    video_3d: None | Video3DAssets
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.cad_files_assets import CadFilesAssets  # noqa: PLC0415
        from ..models.floorplans_3d_assets import Floorplans3DAssets  # noqa: PLC0415
        from ..models.gla_package_assets import GlaPackageAssets  # noqa: PLC0415
        from ..models.home_report_assets import HomeReportAssets  # noqa: PLC0415
        from ..models.listing_floorplans_assets import ListingFloorplansAssets  # noqa: PLC0415
        from ..models.property_data_assets import PropertyDataAssets  # noqa: PLC0415
        from ..models.snapshot_assets import SnapshotAssets  # noqa: PLC0415
        from ..models.tour_assets import TourAssets  # noqa: PLC0415
        from ..models.video_3d_assets import Video3DAssets  # noqa: PLC0415

        cad_files: dict[str, Any] | None
        if isinstance(self.cad_files, CadFilesAssets):
            cad_files = self.cad_files.to_dict()
        else:
            cad_files = self.cad_files

        floorplans_3d: dict[str, Any] | None
        if isinstance(self.floorplans_3d, Floorplans3DAssets):
            floorplans_3d = self.floorplans_3d.to_dict()
        else:
            floorplans_3d = self.floorplans_3d

        gla_package: dict[str, Any] | None
        if isinstance(self.gla_package, GlaPackageAssets):
            gla_package = self.gla_package.to_dict()
        else:
            gla_package = self.gla_package

        home_report: dict[str, Any] | None
        if isinstance(self.home_report, HomeReportAssets):
            home_report = self.home_report.to_dict()
        else:
            home_report = self.home_report

        listing_floorplans: dict[str, Any] | None
        if isinstance(self.listing_floorplans, ListingFloorplansAssets):
            listing_floorplans = self.listing_floorplans.to_dict()
        else:
            listing_floorplans = self.listing_floorplans

        property_data: dict[str, Any] | None
        if isinstance(self.property_data, PropertyDataAssets):
            property_data = self.property_data.to_dict()
        else:
            property_data = self.property_data

        snapshot: dict[str, Any] | None
        if isinstance(self.snapshot, SnapshotAssets):
            snapshot = self.snapshot.to_dict()
        else:
            snapshot = self.snapshot

        tour: dict[str, Any] | None
        if isinstance(self.tour, TourAssets):
            tour = self.tour.to_dict()
        else:
            tour = self.tour

        video_3d: dict[str, Any] | None
        if isinstance(self.video_3d, Video3DAssets):
            video_3d = self.video_3d.to_dict()
        else:
            video_3d = self.video_3d

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cad_files": cad_files,
                "floorplans_3d": floorplans_3d,
                "gla_package": gla_package,
                "home_report": home_report,
                "listing_floorplans": listing_floorplans,
                "property_data": property_data,
                "snapshot": snapshot,
                "tour": tour,
                "video_3d": video_3d,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cad_files_assets import CadFilesAssets  # noqa: PLC0415
        from ..models.floorplans_3d_assets import Floorplans3DAssets  # noqa: PLC0415
        from ..models.gla_package_assets import GlaPackageAssets  # noqa: PLC0415
        from ..models.home_report_assets import HomeReportAssets  # noqa: PLC0415
        from ..models.listing_floorplans_assets import ListingFloorplansAssets  # noqa: PLC0415
        from ..models.property_data_assets import PropertyDataAssets  # noqa: PLC0415
        from ..models.snapshot_assets import SnapshotAssets  # noqa: PLC0415
        from ..models.tour_assets import TourAssets  # noqa: PLC0415
        from ..models.video_3d_assets import Video3DAssets  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_cad_files(data: object) -> CadFilesAssets | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cad_files_type_0 = CadFilesAssets.from_dict(data)

                return cad_files_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CadFilesAssets | None, data)

        cad_files = _parse_cad_files(d.pop("cad_files"))

        def _parse_floorplans_3d(data: object) -> Floorplans3DAssets | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                floorplans_3d_type_0 = Floorplans3DAssets.from_dict(data)

                return floorplans_3d_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Floorplans3DAssets | None, data)

        floorplans_3d = _parse_floorplans_3d(d.pop("floorplans_3d"))

        def _parse_gla_package(data: object) -> GlaPackageAssets | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                gla_package_type_0 = GlaPackageAssets.from_dict(data)

                return gla_package_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GlaPackageAssets | None, data)

        gla_package = _parse_gla_package(d.pop("gla_package"))

        def _parse_home_report(data: object) -> HomeReportAssets | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                home_report_type_0 = HomeReportAssets.from_dict(data)

                return home_report_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HomeReportAssets | None, data)

        home_report = _parse_home_report(d.pop("home_report"))

        def _parse_listing_floorplans(data: object) -> ListingFloorplansAssets | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                listing_floorplans_type_0 = ListingFloorplansAssets.from_dict(data)

                return listing_floorplans_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ListingFloorplansAssets | None, data)

        listing_floorplans = _parse_listing_floorplans(d.pop("listing_floorplans"))

        def _parse_property_data(data: object) -> None | PropertyDataAssets:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                property_data_type_0 = PropertyDataAssets.from_dict(data)

                return property_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PropertyDataAssets, data)

        property_data = _parse_property_data(d.pop("property_data"))

        def _parse_snapshot(data: object) -> None | SnapshotAssets:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                snapshot_type_0 = SnapshotAssets.from_dict(data)

                return snapshot_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SnapshotAssets, data)

        snapshot = _parse_snapshot(d.pop("snapshot"))

        def _parse_tour(data: object) -> None | TourAssets:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tour_type_0 = TourAssets.from_dict(data)

                return tour_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TourAssets, data)

        tour = _parse_tour(d.pop("tour"))

        def _parse_video_3d(data: object) -> None | Video3DAssets:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                video_3d_type_0 = Video3DAssets.from_dict(data)

                return video_3d_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Video3DAssets, data)

        video_3d = _parse_video_3d(d.pop("video_3d"))

        delivery_assets = cls(
            cad_files=cad_files,
            floorplans_3d=floorplans_3d,
            gla_package=gla_package,
            home_report=home_report,
            listing_floorplans=listing_floorplans,
            property_data=property_data,
            snapshot=snapshot,
            tour=tour,
            video_3d=video_3d,
        )

        delivery_assets.additional_properties = d
        return delivery_assets

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
