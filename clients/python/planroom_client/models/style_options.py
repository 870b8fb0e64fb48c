from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.style_options_area_figure import StyleOptionsAreaFigure
from ..models.style_options_language import StyleOptionsLanguage
from ..models.style_options_units import StyleOptionsUnits
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.logo_options import LogoOptions
    from ..models.style_colors import StyleColors


T = TypeVar("T", bound="StyleOptions")


@_attrs_define
class StyleOptions:
    """Every option a style template can set. Missing options take these defaults.

    Attributes:
        area_figure (StyleOptionsAreaFigure | Unset): The total printed: `gia` (gross internal), `gla` (gross living,
            ANSI Z765) or `total` (everything scanned). Default: StyleOptionsAreaFigure.GIA.
        colors (StyleColors | Unset):
        disclaimer (str | Unset): Small print under the plan. Default: 'Measurements are approximate'.
        door_swing_angle (float | Unset): Door swing arcs in degrees, 15 to 180. Default: 90.0.
        font (str | Unset): Font family of every label. Default: 'DejaVu Sans'.
        font_scale (float | Unset): Multiplies every text size, 0.5 to 2. Default: 1.0.
        language (StyleOptionsLanguage | Unset): Language of labels: en, fi, de, fr, es or sv. Default:
            StyleOptionsLanguage.EN.
        logo (LogoOptions | None | Unset): Where the logo goes; unset: top right, 40 mm wide (in the title band of a
            printed sheet).
        show_compass (bool | Unset): Draw a north arrow. Default: True.
        show_furniture (bool | Unset): Fixtures (beds, baths, kitchen units) drawn as symbols, as in the 3D model.
            Default: True.
        show_logo (bool | Unset): The company logo (`PUT /companies/logo`) on every plan when one is uploaded. Default:
            True.
        show_room_areas (bool | Unset): Print each room's area. Default: True.
        show_room_dimensions (bool | Unset): Print each room's width by length. Default: True.
        show_room_names (bool | Unset): Print room names. Default: True.
        show_scale_bar (bool | Unset): Draw a scale bar. Default: True.
        show_total_area (bool | Unset): Print the total area. Default: True.
        title (None | str | Unset): A title over the plan; `null` for the address.
        units (StyleOptionsUnits | Unset): `imperial` (ft-in), `metric` (m) or `both`. Default:
            StyleOptionsUnits.IMPERIAL.
    """

    area_figure: StyleOptionsAreaFigure | Unset = StyleOptionsAreaFigure.GIA
    colors: StyleColors | Unset = UNSET
    disclaimer: str | Unset = "Measurements are approximate"
    door_swing_angle: float | Unset = 90.0
    font: str | Unset = "DejaVu Sans"
    font_scale: float | Unset = 1.0
    language: StyleOptionsLanguage | Unset = StyleOptionsLanguage.EN
    logo: LogoOptions | None | Unset = UNSET
    show_compass: bool | Unset = True
    show_furniture: bool | Unset = True
    show_logo: bool | Unset = True
    show_room_areas: bool | Unset = True
    show_room_dimensions: bool | Unset = True
    show_room_names: bool | Unset = True
    show_scale_bar: bool | Unset = True
    show_total_area: bool | Unset = True
    title: None | str | Unset = UNSET
    units: StyleOptionsUnits | Unset = StyleOptionsUnits.IMPERIAL

    def to_dict(self) -> dict[str, Any]:
        from ..models.logo_options import LogoOptions  # noqa: PLC0415

        area_figure: str | Unset = UNSET
        if not isinstance(self.area_figure, Unset):
            area_figure = self.area_figure.value

        colors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.colors, Unset):
            colors = self.colors.to_dict()

        disclaimer = self.disclaimer

        door_swing_angle = self.door_swing_angle

        font = self.font

        font_scale = self.font_scale

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        logo: dict[str, Any] | None | Unset
        if isinstance(self.logo, Unset):
            logo = UNSET
        elif isinstance(self.logo, LogoOptions):
            logo = self.logo.to_dict()
        else:
            logo = self.logo

        show_compass = self.show_compass

        show_furniture = self.show_furniture

        show_logo = self.show_logo

        show_room_areas = self.show_room_areas

        show_room_dimensions = self.show_room_dimensions

        show_room_names = self.show_room_names

        show_scale_bar = self.show_scale_bar

        show_total_area = self.show_total_area

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        units: str | Unset = UNSET
        if not isinstance(self.units, Unset):
            units = self.units.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if area_figure is not UNSET:
            field_dict["area_figure"] = area_figure
        if colors is not UNSET:
            field_dict["colors"] = colors
        if disclaimer is not UNSET:
            field_dict["disclaimer"] = disclaimer
        if door_swing_angle is not UNSET:
            field_dict["door_swing_angle"] = door_swing_angle
        if font is not UNSET:
            field_dict["font"] = font
        if font_scale is not UNSET:
            field_dict["font_scale"] = font_scale
        if language is not UNSET:
            field_dict["language"] = language
        if logo is not UNSET:
            field_dict["logo"] = logo
        if show_compass is not UNSET:
            field_dict["show_compass"] = show_compass
        if show_furniture is not UNSET:
            field_dict["show_furniture"] = show_furniture
        if show_logo is not UNSET:
            field_dict["show_logo"] = show_logo
        if show_room_areas is not UNSET:
            field_dict["show_room_areas"] = show_room_areas
        if show_room_dimensions is not UNSET:
            field_dict["show_room_dimensions"] = show_room_dimensions
        if show_room_names is not UNSET:
            field_dict["show_room_names"] = show_room_names
        if show_scale_bar is not UNSET:
            field_dict["show_scale_bar"] = show_scale_bar
        if show_total_area is not UNSET:
            field_dict["show_total_area"] = show_total_area
        if title is not UNSET:
            field_dict["title"] = title
        if units is not UNSET:
            field_dict["units"] = units

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.logo_options import LogoOptions  # noqa: PLC0415
        from ..models.style_colors import StyleColors  # noqa: PLC0415

        d = dict(src_dict)
        _area_figure = d.pop("area_figure", UNSET)
        area_figure: StyleOptionsAreaFigure | Unset
        if isinstance(_area_figure, Unset):
            area_figure = UNSET
        else:
            area_figure = StyleOptionsAreaFigure(_area_figure)

        _colors = d.pop("colors", UNSET)
        colors: StyleColors | Unset
        if isinstance(_colors, Unset):
            colors = UNSET
        else:
            colors = StyleColors.from_dict(_colors)

        disclaimer = d.pop("disclaimer", UNSET)

        door_swing_angle = d.pop("door_swing_angle", UNSET)

        font = d.pop("font", UNSET)

        font_scale = d.pop("font_scale", UNSET)

        _language = d.pop("language", UNSET)
        language: StyleOptionsLanguage | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = StyleOptionsLanguage(_language)

        def _parse_logo(data: object) -> LogoOptions | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                logo_type_0 = LogoOptions.from_dict(data)

                return logo_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LogoOptions | None | Unset, data)

        logo = _parse_logo(d.pop("logo", UNSET))

        show_compass = d.pop("show_compass", UNSET)

        show_furniture = d.pop("show_furniture", UNSET)

        show_logo = d.pop("show_logo", UNSET)

        show_room_areas = d.pop("show_room_areas", UNSET)

        show_room_dimensions = d.pop("show_room_dimensions", UNSET)

        show_room_names = d.pop("show_room_names", UNSET)

        show_scale_bar = d.pop("show_scale_bar", UNSET)

        show_total_area = d.pop("show_total_area", UNSET)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        _units = d.pop("units", UNSET)
        units: StyleOptionsUnits | Unset
        if isinstance(_units, Unset):
            units = UNSET
        else:
            units = StyleOptionsUnits(_units)

        style_options = cls(
            area_figure=area_figure,
            colors=colors,
            disclaimer=disclaimer,
            door_swing_angle=door_swing_angle,
            font=font,
            font_scale=font_scale,
            language=language,
            logo=logo,
            show_compass=show_compass,
            show_furniture=show_furniture,
            show_logo=show_logo,
            show_room_areas=show_room_areas,
            show_room_dimensions=show_room_dimensions,
            show_room_names=show_room_names,
            show_scale_bar=show_scale_bar,
            show_total_area=show_total_area,
            title=title,
            units=units,
        )

        return style_options
