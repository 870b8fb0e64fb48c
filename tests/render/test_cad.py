"""The CAD zip: DXF per level and for all levels, real units, NCS layers, closed wall polylines."""

from __future__ import annotations

import functools
import io
import zipfile

import pytest
from ezdxf.document import Drawing
from ezdxf.entities.lwpolyline import LWPolyline
from ezdxf.entities.mtext import MText
from ezdxf.filemanagement import read
from shapely.geometry import Point, Polygon

from planroom.render.products.cad_files import render_cad_files
from tests.render.builders3d import context, small_house

REQUIRED_LAYERS = (
    "A-WALL",
    "A-WALL-EXTR",
    "A-DOOR",
    "A-GLAZ",
    "A-FLOR-STRS",
    "A-AREA-IDEN",
    "A-ANNO-DIMS",
    "A-FURN",
)
GROUND = "121-north-washington-avenue_0_ground-floor.dxf"
UPPER = "121-north-washington-avenue_1_first-floor.dxf"
COMBINED = "121-north-washington-avenue_all-levels.dxf"


@functools.cache
def _archive(measurement_system: str = "imperial") -> zipfile.ZipFile:
    """The house's CAD zip, rendered once per unit system for the whole module."""
    files = render_cad_files(context(small_house(), measurement_system=measurement_system))
    assert [(f.slot, f.content_type) for f in files] == [("zip_urls", "application/zip")]
    return zipfile.ZipFile(io.BytesIO(files[0].data))


def _drawing(archive: zipfile.ZipFile, name: str) -> Drawing:
    return read(io.StringIO(archive.read(name).decode("utf-8")))


def test_zip_holds_a_drawing_per_level_one_with_all_and_a_readme() -> None:
    assert sorted(_archive().namelist()) == sorted(["README.txt", GROUND, UPPER, COMBINED])


@pytest.mark.parametrize(("system", "insunits"), [("imperial", 1), ("metric", 4)])
def test_units_header_matches_the_company(system: str, insunits: int) -> None:
    doc = _drawing(_archive(system), GROUND)

    assert doc.header["$INSUNITS"] == insunits
    assert doc.header["$MEASUREMENT"] == (0 if system == "imperial" else 1)


def test_every_standard_layer_is_there() -> None:
    doc = _drawing(_archive(), COMBINED)

    names = {layer.dxf.name for layer in doc.layers}
    assert set(REQUIRED_LAYERS) <= names


def test_walls_are_closed_polylines_in_real_units() -> None:
    doc = _drawing(_archive("imperial"), GROUND)
    msp = doc.modelspace()

    walls = [e for e in msp if e.dxf.layer in ("A-WALL", "A-WALL-EXTR")]
    assert walls
    polylines = [e for e in walls if isinstance(e, LWPolyline)]
    assert len(polylines) == len(walls)
    assert all(e.closed for e in polylines)
    exterior = [e for e in polylines if e.dxf.layer == "A-WALL-EXTR"]
    xs = [x for e in exterior for x, *_ in e.get_points()]
    # 10 m between centre lines plus two 100 mm half-walls, in inches.
    assert max(xs) - min(xs) == pytest.approx(10200 / 25.4, abs=0.01)


def test_each_room_name_sits_inside_its_room() -> None:
    model = small_house()
    doc = _drawing(_archive("metric"), GROUND)
    labels = [e for e in doc.modelspace() if isinstance(e, MText)]

    rooms = model.spaces_on("L0")
    assert all(e.dxf.layer == "A-AREA-IDEN" for e in labels)
    assert len(labels) == len(rooms)
    for space in rooms:
        label = next(e for e in labels if space.name.upper() in e.plain_text())
        x, y, _ = label.dxf.insert
        assert Polygon(space.polygon).contains(Point(x, y)), space.name


def test_dimension_text_is_written_in_the_company_unit() -> None:
    imperial = _drawing(_archive("imperial"), GROUND)
    metric = _drawing(_archive("metric"), GROUND)

    def texts(doc: Drawing) -> set[str]:
        return {e.dxf.text for e in doc.modelspace() if e.dxftype() == "DIMENSION"}

    # The outline is 10.2 m wide: 401.6 inches is 33 ft 5.6 in, written to the nearest inch.
    assert "33'-6\"" in texts(imperial)
    assert "10200" in texts(metric)
    assert all(e.dxf.layer == "A-ANNO-DIMS" for e in imperial.modelspace().query("DIMENSION"))


def test_doors_and_windows_are_on_their_layers() -> None:
    model = small_house()
    doc = _drawing(_archive(), GROUND)
    msp = doc.modelspace()
    ground_walls = {w.id for w in model.walls_on("L0")}
    doors = [o for o in model.openings if o.wall_id in ground_walls and o.kind == "door"]
    windows = [o for o in model.openings if o.wall_id in ground_walls and o.kind == "window"]

    assert len(msp.query('ARC[layer=="A-DOOR"]')) == len(doors)
    # Two frame lines and two glazing lines per window.
    assert len(msp.query('LWPOLYLINE[layer=="A-GLAZ"]')) == 4 * len(windows)
    assert len(msp.query('*[layer=="A-FURN"]')) > 0
    assert len(msp.query('*[layer=="A-FLOR-STRS"]')) > 0


def test_all_levels_drawing_lays_levels_side_by_side() -> None:
    doc = _drawing(_archive("metric"), COMBINED)
    walls = doc.modelspace().query('LWPOLYLINE[layer=="A-WALL-EXTR"]')

    xs = sorted(x for e in walls if isinstance(e, LWPolyline) for x, *_ in e.get_points())
    # Two 10.2 m wide levels that do not overlap.
    assert xs[-1] - xs[0] > 2 * 10200
    titles = {e.dxf.text for e in doc.modelspace().query("TEXT")}
    assert {"Ground floor", "First floor"} <= titles


def test_readme_names_the_units_and_every_layer() -> None:
    text = _archive("metric").read("README.txt").decode("utf-8")

    assert "millimetres" in text
    assert "$INSUNITS = 4" in text
    for layer in REQUIRED_LAYERS:
        assert layer in text


def test_same_model_gives_the_same_bytes() -> None:
    ctx = context(small_house())

    assert render_cad_files(ctx)[0].data == render_cad_files(ctx)[0].data
