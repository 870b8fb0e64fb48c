"""Jobs for the tests: each run leaves a line in a file, so a test sees whether and how often."""

from __future__ import annotations

from pathlib import Path

from planroom.jobs.registry import job
from planroom.runtime import Runtime


@job("tests.record")
def record(runtime: Runtime, path: str, value: str) -> None:
    with Path(path).open("a") as file:
        file.write(value + "\n")


@job("tests.explode")
def explode(runtime: Runtime) -> None:
    raise RuntimeError("boom")


def lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []
