"""Style templates: named sets of options that decide how a plan looks."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Units = Literal["imperial", "metric", "both"]
Language = Literal["en", "fi", "de", "fr", "es", "sv"]
AreaFigure = Literal["gia", "gla", "total"]


class StyleColors(BaseModel):
    model_config = ConfigDict(extra="forbid")

    background: str = "#ffffff"
    walls: str = "#1a1a1a"
    room_fill: dict[str, str] = Field(
        default_factory=dict,
        description="Fill per space type; `default` applies to types not listed.",
    )
    excluded_area: str = "#eeeeee"
    text: str = "#1a1a1a"
    dimensions: str = "#444444"
    openings: str = "#1a1a1a"
    fixtures: str = "#777777"


class LogoOptions(BaseModel):
    """Where the company logo (`PUT /companies/logo`) goes on the plan."""

    model_config = ConfigDict(extra="forbid")

    position: Literal["top-left", "top-right", "bottom-left", "bottom-right"] = "top-right"
    max_width_mm: float = Field(default=40.0, gt=0)


class StyleOptions(BaseModel):
    """Every option a style template can set. Missing options take these defaults."""

    model_config = ConfigDict(extra="forbid")

    colors: StyleColors = Field(default_factory=StyleColors)
    font: str = "DejaVu Sans"
    font_scale: float = Field(default=1.0, ge=0.5, le=2.0)
    units: Units = "imperial"
    language: Language = "en"
    show_room_names: bool = True
    show_room_dimensions: bool = True
    show_room_areas: bool = True
    area_figure: AreaFigure = "gia"
    show_total_area: bool = True
    show_furniture: bool = Field(
        default=True,
        description="Fixtures (beds, baths, kitchen units) drawn as symbols, as in the 3D model.",
    )
    show_compass: bool = True
    show_scale_bar: bool = True
    show_logo: bool = Field(
        default=True,
        description="The company logo (`PUT /companies/logo`) on every plan when one is uploaded.",
    )
    logo: LogoOptions | None = Field(
        default=None,
        description="Where the logo goes; unset: top right, 40 mm wide (in the title band of a "
        "printed sheet).",
    )
    title: str | None = None
    disclaimer: str = "Measurements are approximate"
    door_swing_angle: float = Field(default=90.0, ge=15.0, le=180.0)


class StyleTemplate(BaseModel):
    id: str
    name: str
    builtin: bool
    options: StyleOptions


def _builtin(template_id: str, name: str, options: StyleOptions) -> StyleTemplate:
    return StyleTemplate(id=template_id, name=name, builtin=True, options=options)


BUILTIN_TEMPLATES: dict[str, StyleTemplate] = {
    template.id: template
    for template in (
        _builtin("classic", "Classic", StyleOptions()),
        _builtin(
            "color",
            "Colour",
            StyleOptions(
                colors=StyleColors(
                    walls="#2b2b2b",
                    room_fill={
                        "default": "#f4f1ea",
                        "bedroom": "#dbe8f5",
                        "bathroom": "#d6f0ec",
                        "half_bath": "#d6f0ec",
                        "kitchen": "#fbe6c8",
                        "living": "#f3e3d3",
                        "dining": "#f6ead7",
                        "hall": "#eeeeee",
                        "closet": "#e6e6e6",
                        "laundry": "#e0ecf0",
                        "utility": "#e6e6e6",
                        "garage": "#e3e3e3",
                        "porch": "#e7f0dc",
                        "deck": "#ece2d4",
                        "balcony": "#e7f0dc",
                        "patio": "#e7f0dc",
                        "stair": "#eeeeee",
                    },
                )
            ),
        ),
        _builtin(
            "blueprint",
            "Blueprint",
            StyleOptions(
                colors=StyleColors(
                    background="#1d4e89",
                    walls="#ffffff",
                    room_fill={"default": "#1d4e89"},
                    excluded_area="#2a5d98",
                    text="#ffffff",
                    dimensions="#cfe0f5",
                    openings="#ffffff",
                    fixtures="#cfe0f5",
                )
            ),
        ),
        _builtin(
            "mono-print",
            "Mono print",
            StyleOptions(
                colors=StyleColors(
                    walls="#555555",
                    room_fill={"default": "#ffffff"},
                    excluded_area="#f2f2f2",
                    text="#333333",
                    dimensions="#777777",
                    openings="#555555",
                    fixtures="#999999",
                )
            ),
        ),
    )
}

DEFAULT_TEMPLATE_ID = "classic"
