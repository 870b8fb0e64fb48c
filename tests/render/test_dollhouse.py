"""The 3D floor plan product: one dollhouse JPEG per level and the GLB."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from planroom.floormodel.schema import SpaceType
from planroom.render.products.floorplans_3d import render_floorplans_3d
from planroom.render.three_d.solids import light_factor
from tests.render.builders3d import basement_house, context, one_room_model, small_house

WIDTH = 240


def _pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=np.int32)


def _only_jpg(space_type: SpaceType) -> np.ndarray:
    files = render_floorplans_3d(context(one_room_model(space_type=space_type)), width=WIDTH)
    return _pixels(next(f.data for f in files if f.slot == "jpg_urls"))


def test_one_jpg_per_level_in_level_order_and_one_glb() -> None:
    files = render_floorplans_3d(context(basement_house()), width=WIDTH)

    jpgs = [f for f in files if f.slot == "jpg_urls"]
    glbs = [f for f in files if f.slot == "glb_urls"]
    assert [f.name for f in jpgs] == [
        "0_121-north-washington-avenue_-1_3d.jpg",
        "0_121-north-washington-avenue_0_3d.jpg",
        "0_121-north-washington-avenue_1_3d.jpg",
    ]
    assert all(f.content_type == "image/jpeg" for f in jpgs)
    assert len(glbs) == 1
    assert glbs[0].data[:4] == b"glTF"


def test_basement_is_skipped_when_the_order_excludes_it() -> None:
    files = render_floorplans_3d(context(basement_house(), include_basement=False), width=WIDTH)

    names = [f.name for f in files if f.slot == "jpg_urls"]
    assert names == [
        "0_121-north-washington-avenue_0_3d.jpg",
        "0_121-north-washington-avenue_1_3d.jpg",
    ]


def test_image_has_the_asked_width_and_the_whole_house_in_frame() -> None:
    pixels = _only_jpg("living")

    assert pixels.shape == (WIDTH * 3 // 4, WIDTH, 3)
    # Anything clearly darker than the white background (the soft ground shade is lighter).
    content = np.nonzero(pixels.min(axis=2) < 215)
    rows, cols = content
    assert rows.min() > 0 and cols.min() > 0
    assert rows.max() < pixels.shape[0] - 1 and cols.max() < pixels.shape[1] - 1
    # And the house fills the frame rather than sitting small in a corner.
    assert cols.max() - cols.min() > WIDTH * 0.6


def test_wall_tops_read_dark() -> None:
    pixels = _only_jpg("living")

    assert (pixels.max(axis=2) < 110).sum() > 50


def test_floors_are_tinted_by_room_type() -> None:
    wood = _only_jpg("bedroom")
    tiles = _only_jpg("bathroom")

    def warmth(pixels: np.ndarray) -> float:
        coloured = pixels[(pixels.max(axis=2) - pixels.min(axis=2)) > 8]
        return float((coloured[:, 0] - coloured[:, 2]).mean())

    assert warmth(wood) > 25
    assert warmth(tiles) < warmth(wood) - 15


def test_faces_toward_the_light_are_brighter_and_floors_keep_their_colour() -> None:
    south, north, up = [0.0, -1.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]

    south_f, north_f, up_f = light_factor(np.array([south, north, up]))

    assert south_f > north_f + 0.1
    assert up_f == pytest.approx(1.0, abs=0.06)


def test_same_model_gives_the_same_bytes() -> None:
    ctx = context(small_house())

    first = render_floorplans_3d(ctx, width=WIDTH)
    second = render_floorplans_3d(ctx, width=WIDTH)

    assert [f.data for f in first] == [f.data for f in second]
