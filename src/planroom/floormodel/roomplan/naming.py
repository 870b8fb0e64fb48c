"""Room types and names from RoomPlan sections, the objects in a room and its shape.

RoomPlan labels sections only as living room, kitchen, dining room, bedroom or bathroom; the rest
are inferred: a room with a door wider than 2.1 m is a garage, a room walled on less than half its
outline is a porch, a room the stairs run through is a hall; `unidentified` sections and rooms
without one are named from their objects (a bed, a toilet or bathtub, a stove or refrigerator, a
washer, a sofa or TV, a table with chairs) and then from their shape (under 2.5 m² a closet, long
and narrow a hall); where nothing tells, "Room".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from planroom.floormodel.schema import SpaceType

SECTION_TYPES: dict[str, SpaceType] = {
    "livingRoom": "living",
    "kitchen": "kitchen",
    "diningRoom": "dining",
    "bedroom": "bedroom",
    "bathroom": "bathroom",
}
TYPE_NAMES: dict[SpaceType, str] = {
    "bedroom": "Bedroom",
    "bathroom": "Bathroom",
    "half_bath": "Half Bath",
    "kitchen": "Kitchen",
    "living": "Living Room",
    "dining": "Dining Room",
    "hall": "Hall",
    "closet": "Closet",
    "laundry": "Laundry",
    "utility": "Utility",
    "garage": "Garage",
    "porch": "Porch",
    "deck": "Deck",
    "balcony": "Balcony",
    "patio": "Patio",
    "stair": "Stairs",
    "open_to_below": "Open to Below",
    "other": "Room",
}
NUMBERED_TYPES = frozenset({"bedroom", "bathroom", "half_bath", "closet", "hall", "other"})

GARAGE_DOOR_MM = 2100.0
SMALL_ROOM_SQ_MM = 3.0e6
HALF_BATH_SQ_MM = 3.5e6
LAUNDRY_SQ_MM = 8.0e6
HALL_ASPECT = 2.5
HALL_WIDTH_MM = 2200.0
"""A long room wider than this is a room, not a corridor."""


@dataclass(frozen=True)
class RoomEvidence:
    """What is known about one room when its type is decided."""

    sections: Sequence[str]
    objects: Sequence[str]
    area_sq_mm: float
    aspect: float
    """Long side over short side of the room's oriented bounding box."""
    walled_share: float
    """Share of the outline that has a wall along it."""
    widest_door_mm: float
    below_grade: bool
    stairs: bool = False
    """A stair runs through the room (from it or into it)."""
    width_mm: float = 0.0
    """The short side of that box."""
    outdoor: bool | None = None
    """Known to be outdoor space (walled along little of its outline); None: judge by walls."""


def infer_type(room: RoomEvidence) -> SpaceType:
    objects = Counter(room.objects)
    if room.widest_door_mm >= GARAGE_DOOR_MM:
        return "garage"
    outdoor = room.walled_share < 0.5 if room.outdoor is None else room.outdoor
    if outdoor:
        return "porch"
    labelled = [SECTION_TYPES[label] for label in room.sections if label in SECTION_TYPES]
    if labelled:
        kind = Counter(labelled).most_common(1)[0][0]
        if kind == "bathroom" and not objects["bathtub"] and room.area_sq_mm < HALF_BATH_SQ_MM:
            return "half_bath"
        return kind
    if room.stairs:
        return "hall"
    return _type_from_objects(objects, room)


def _type_from_objects(objects: Counter[str], room: RoomEvidence) -> SpaceType:
    if objects["toilet"]:
        return (
            "bathroom" if objects["bathtub"] or room.area_sq_mm >= HALF_BATH_SQ_MM else "half_bath"
        )
    if objects["stove"] or objects["oven"] or objects["refrigerator"] or objects["dishwasher"]:
        return "kitchen"
    if objects["bed"]:
        return "bedroom"
    if objects["washerDryer"]:
        return "laundry" if room.area_sq_mm < LAUNDRY_SQ_MM else "utility"
    if objects["sofa"] or objects["television"] or objects["fireplace"]:
        return "living"
    if objects["table"] and objects["chair"] >= 2:
        return "dining"
    if objects["storage"] and set(objects) <= {"storage"}:
        return "utility"
    if room.area_sq_mm < SMALL_ROOM_SQ_MM:
        return "closet"
    if room.aspect >= HALL_ASPECT and room.width_mm <= HALL_WIDTH_MM:
        return "hall"
    # a table alone does not make a dining room: offices and bedrooms have them too
    return "other"


def name_rooms(types: Sequence[SpaceType]) -> list[str]:
    """Names in order: `Bedroom 1`, `Bedroom 2` when a type repeats, else just `Kitchen`."""
    totals = Counter(types)
    seen: Counter[SpaceType] = Counter()
    names = []
    for kind in types:
        seen[kind] += 1
        base = TYPE_NAMES[kind]
        names.append(f"{base} {seen[kind]}" if totals[kind] > 1 else base)
    return names
