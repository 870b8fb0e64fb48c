"""The quality gate: which findings on an automatically imported model need a drafter.

Only what no automatic step can put right blocks: no room at all, a room without an outline, an
opening wider than its wall, levels that cannot be put in order, or a model that breaks the
schema's rules (ids, references). Everything else the import noticed or decided (a side closed,
an overlap divided, a name guessed, a wall end left loose) is advisory: written on the model,
shown to drafters and in the property data, and the order goes on to render.

Models a drafter saves through the production API are held to the stricter `validate_model`.
"""

from __future__ import annotations

from dataclasses import dataclass

from planroom.floormodel.errors import Problem
from planroom.floormodel.schema import Finding, FloorModel
from planroom.floormodel.validation import (
    DANGLING_WALL,
    OPENING_PAST_WALL_END,
    SPACES_OVERLAP,
    validate_model,
)

ADVISORY_CHECKS = frozenset({DANGLING_WALL, SPACES_OVERLAP, OPENING_PAST_WALL_END})


@dataclass(frozen=True)
class Assessment:
    blocking: list[Problem]
    advisory: list[Finding]

    @property
    def passes(self) -> bool:
        return not self.blocking


def assess(model: FloorModel) -> Assessment:
    """Split every finding on `model` into what blocks and what is only worth knowing."""
    blocking: list[Problem] = []
    advisory = list(model.source.findings)
    if not model.spaces:
        blocking.append(Problem("model", "no room could be formed from the scan"))
    for problem in validate_model(model):
        if problem.severity == "error" and problem.check not in ADVISORY_CHECKS:
            blocking.append(problem)
        else:
            advisory.append(
                Finding(code="model_check", element=problem.element, message=str(problem))
            )
    return Assessment(blocking, advisory)


def with_findings(model: FloorModel, findings: list[Finding]) -> FloorModel:
    """The model with `findings` as its source's findings (the gate's advisory list)."""
    source = model.source.model_copy(update={"findings": findings})
    return model.model_copy(update={"source": source})
