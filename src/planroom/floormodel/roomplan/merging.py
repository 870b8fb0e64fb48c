"""Joining walls that continue each other once their kinds are final."""

from __future__ import annotations

from collections.abc import Sequence

from planroom.floormodel.geometry import along_wall, wall_length, wall_point
from planroom.floormodel.schema import Opening, Wall


def _continues(a: Wall, b: Wall) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The merged ends when `b` continues `a` on one straight line, else None."""
    if (a.level_id, a.kind, a.thickness) != (b.level_id, b.kind, b.thickness):
        return None
    for a_far, a_near in ((a.start, a.end), (a.end, a.start)):
        for b_near, b_far in ((b.start, b.end), (b.end, b.start)):
            if a_near != b_near:
                continue
            ax, ay = a_near[0] - a_far[0], a_near[1] - a_far[1]
            bx, by = b_far[0] - b_near[0], b_far[1] - b_near[1]
            straight = abs(ax * by - ay * bx) <= 1e-3 * (abs(ax) + abs(ay)) * (abs(bx) + abs(by))
            if straight and ax * bx + ay * by > 0:
                return a_far, b_far
    return None


def merge_continuing_walls(
    walls: Sequence[Wall], openings: Sequence[Opening]
) -> tuple[list[Wall], list[Opening]]:
    """Merge walls of one kind and thickness that meet end to end in a straight line.

    Openings move to the merged wall at the same place in the plan.
    """
    current = list(walls)
    moved = list(openings)
    changed = True
    while changed:
        changed = False
        for i, a in enumerate(current):
            for j in range(i + 1, len(current)):
                b = current[j]
                ends = _continues(a, b)
                if ends is None:
                    continue
                merged = a.model_copy(
                    update={"start": ends[0], "end": ends[1], "height": max(a.height, b.height)}
                )
                moved = [_rehost(opening, {a.id: a, b.id: b}, merged) for opening in moved]
                current[i] = merged
                del current[j]
                changed = True
                break
            if changed:
                break
    return current, moved


def _rehost(opening: Opening, old: dict[str, Wall], merged: Wall) -> Opening:
    wall = old.get(opening.wall_id)
    if wall is None:
        return opening
    point = wall_point(wall, opening.offset)
    offset = round(min(max(along_wall(merged, point), 0.0), wall_length(merged)))
    return opening.model_copy(update={"wall_id": merged.id, "offset": offset})
