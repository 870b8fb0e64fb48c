"""Damaged scans: whatever is broken, the answer is a model or a 4xx error, never a crash."""

from __future__ import annotations

import copy
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planroom.core.errors import PlanroomError
from planroom.floormodel.generator.api import generate
from planroom.floormodel.intake import read_scan_document, read_scan_upload

BASE = generate("apartment", seed=5, form="rooms").scan
REPLACEMENTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=5),
    st.lists(st.floats(-100, 100), max_size=17),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


def _paths(node: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found: list[tuple[object, ...]] = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_paths(value, (*prefix, index)))
    return found


PATHS = [path for path in _paths(BASE) if path]


def _damaged(path: tuple[object, ...], value: object, delete: bool) -> object:
    document = copy.deepcopy(BASE)
    parent = document
    for key in path[:-1]:
        parent = parent[key]  # type: ignore[index]
    if delete and isinstance(parent, dict):
        parent.pop(path[-1], None)
    else:
        parent[path[-1]] = value  # type: ignore[index]
    return document


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), REPLACEMENTS, st.booleans())
def test_any_single_damage_is_answered_without_a_crash(
    path: tuple[object, ...], value: object, delete: bool
) -> None:
    document = _damaged(path, value, delete)
    try:
        read_scan_document(document)
    except PlanroomError as error:
        assert 400 <= error.status_code < 500
        assert error.message


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_are_answered_without_a_crash(data: bytes) -> None:
    try:
        read_scan_upload(data)
    except PlanroomError as error:
        assert 400 <= error.status_code < 500


def test_truncated_upload() -> None:
    data = json.dumps(BASE).encode()
    try:
        read_scan_upload(data[: len(data) // 2])
    except PlanroomError as error:
        assert error.status_code == 422
        assert "not valid JSON" in error.message
