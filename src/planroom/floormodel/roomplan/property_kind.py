"""What a RoomPlan capture tells about the kind of property, for its measuring method.

A capture knows nothing of ownership or of the neighbours, so it can never tell an attached
house from a detached one; the client (`property_type` on the draft or order) or a drafter says
so, and either always wins over this guess. What a capture does show is whether the property has
what only a house has: more than one storey, stairs, a garage (a garage door or a garage room),
or a porch, deck or patio at its own floor level. A capture with none of them is taken for an
apartment and measured to the inside face of its exterior walls: the smaller figure, so a
mistaken guess under-states the area rather than claiming the exterior walls' footprint as
living area, and the guess is written down as an import finding and named on every output.
"""

from __future__ import annotations

from collections.abc import Sequence

from planroom.floormodel.schema import Finding, Level, Opening, PropertyType, Space, Stair

HOUSE_ONLY_SPACES = frozenset({"garage", "porch", "deck", "patio"})


def guess_property_type(
    levels: Sequence[Level],
    spaces: Sequence[Space],
    stairs: Sequence[Stair],
    openings: Sequence[Opening],
) -> tuple[PropertyType, Finding]:
    """The property type a capture suggests, with the finding that says why."""
    evidence = []
    if len(levels) > 1:
        evidence.append(f"{len(levels)} storeys")
    if stairs:
        evidence.append("stairs")
    kinds = {space.type for space in spaces} & HOUSE_ONLY_SPACES
    if any(opening.kind == "garage_door" for opening in openings):
        kinds.add("garage")
    evidence.extend(f"a {kind}" for kind in sorted(kinds))
    if evidence:
        guess: PropertyType = "detached"
        why = "the capture shows " + ", ".join(evidence)
    else:
        guess = "apartment"
        why = "one storey with no stairs, garage, porch, deck or patio"
    message = (
        f"Measured as {'an apartment' if guess == 'apartment' else 'a detached house'}: {why}. "
        "Set property_type on the order (detached, attached or apartment) to change it."
    )
    return guess, Finding(code="property_type_guessed", message=message)
