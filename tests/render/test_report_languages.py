"""The Home Report, the Snapshot and the GLA report speak the style's language."""

from __future__ import annotations

import functools
import io

import pypdf
import pytest

from planroom.render.products.gla_package import render_gla_package
from planroom.render.products.home_report import render_home_report
from planroom.render.products.snapshot import render_snapshot
from planroom.render.report.i18n import TEXTS, reason_text, report_text
from planroom.render.styles import StyleOptions
from tests.render import builders
from tests.render.builders3d import context, small_house

LANGUAGES = ("en", "fi", "de", "fr", "es", "sv")
FOREIGN = LANGUAGES[1:]

ROOM_SCHEDULE = {
    "en": "Room schedule",
    "fi": "Huoneluettelo",
    "de": "Raumliste",
    "fr": "Tableau des pièces",
    "es": "Cuadro de habitaciones",
    "sv": "Rumsförteckning",
}

# Headings each report prints, as report string keys.
HOME_HEADINGS = ("room_schedule", "area_figures", "method", "disclaimer", "rooms", "bedrooms")
SNAPSHOT_HEADINGS = ("bedrooms", "bathrooms", "levels", "rooms")
GLA_HEADINGS = ("gla_report", "summary", "method_assumptions", "disclaimer", "excluded_from_gla")


def _lines(data: bytes) -> list[str]:
    """Every text line of the PDF, stripped."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [line.strip() for page in reader.pages for line in page.extract_text().splitlines()]


@functools.cache
def _home_report(language: str, system: str = "imperial") -> list[str]:
    ctx = context(
        small_house(),
        measurement_system=system,
        include_gla=True,
        style=StyleOptions(language=language),
    )
    return _lines(render_home_report(ctx)[0].data)


@functools.cache
def _snapshot(language: str) -> list[str]:
    ctx = context(small_house(), style=StyleOptions(language=language))
    return _lines(render_snapshot(ctx)[0].data)


@functools.cache
def _gla_report(language: str) -> list[str]:
    ctx = builders.context(builders.two_storey_house(), long_side=300, language=language)
    (report,) = [f for f in render_gla_package(ctx) if f.slot == "report_urls"]
    return _lines(report.data)


def test_every_report_string_has_all_six_languages() -> None:
    for key, table in TEXTS.items():
        assert sorted(table) == sorted(LANGUAGES), key
        assert all(value.strip() for value in table.values()), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_report_headings_are_in_the_style_language(language: str) -> None:
    lines = _home_report(language)

    assert report_text(language, "home_report").upper() in lines
    assert ROOM_SCHEDULE[language] in lines
    for key in HOME_HEADINGS:
        assert report_text(language, key) in lines, key
    assert report_text(language, "page_of", page=1, total=5).split(" 1")[0] in " ".join(lines)


@pytest.mark.parametrize("language", FOREIGN)
def test_no_english_heading_leaks_into_a_translated_home_report(language: str) -> None:
    lines = _home_report(language)

    english = ["HOME REPORT", *(report_text("en", key) for key in HOME_HEADINGS)]
    english += ["Ceiling height", "Dimensions", "All levels", "Total scanned area"]
    for heading in english:
        if heading == report_text(language, "dimensions"):
            continue  # French writes "Dimensions" too.
        assert heading not in lines, heading
    text = " ".join(lines)
    assert "Page 1 of" not in text
    assert "Prepared by" not in text
    assert "The property was" not in text


@pytest.mark.parametrize("language", FOREIGN)
def test_metric_numbers_use_the_language_s_decimal_comma(language: str) -> None:
    # The GIA of the two levels, 76.44 m² each: each level is printed rounded once (76.4 m²)
    # and the total is their sum, 152.8 m², so the table adds up (the whole, 152.88, would
    # round to 152.9 and not match its rows).
    english = " ".join(_home_report("en", "metric"))
    translated = " ".join(_home_report(language, "metric"))

    assert "152.8 m²" in english
    assert "152,8 m²" in translated
    assert "152.8 m²" not in translated


@pytest.mark.parametrize("language", LANGUAGES)
def test_snapshot_headings_are_in_the_style_language(language: str) -> None:
    lines = _snapshot(language)
    text = " ".join(lines)

    assert report_text(language, "snapshot").upper() in text
    for key in SNAPSHOT_HEADINGS:
        assert report_text(language, key) in lines, key
    assert report_text(language, "model_version", version=3) in text
    if language != "en":
        assert "PROPERTY SNAPSHOT" not in text
        assert "by level" not in text
        assert "Floor model version" not in text
        for key in SNAPSHOT_HEADINGS:
            assert report_text("en", key) not in lines, key


@pytest.mark.parametrize("language", LANGUAGES)
def test_gla_report_headings_are_in_the_style_language(language: str) -> None:
    lines = _gla_report(language)
    text = " ".join(lines)

    for key in GLA_HEADINGS:
        assert report_text(language, key) in lines, key
    # The standard keeps its name in every language.
    assert "ANSI Z765-2021" in text
    assert reason_text("garage", language) in text
    if language != "en":
        for key in GLA_HEADINGS:
            assert report_text("en", key) not in lines, key
        assert "Property type:" not in text
        assert "Below-grade finished" not in text


def test_translated_reports_are_deterministic() -> None:
    for language in ("fi", "de"):
        ctx = context(small_house(), include_gla=True, style=StyleOptions(language=language))
        assert render_home_report(ctx)[0].data == render_home_report(ctx)[0].data
        assert render_snapshot(ctx)[0].data == render_snapshot(ctx)[0].data
        gla = builders.context(builders.two_storey_house(), long_side=300, language=language)
        first = [f.data for f in render_gla_package(gla)]
        assert first == [f.data for f in render_gla_package(gla)]


def test_default_room_names_are_translated_in_the_schedule() -> None:
    lines = _home_report("de")

    # small_house's rooms carry their types' English names, which the plans translate too.
    assert "Küche" in lines
    assert "Kitchen" not in lines
