"""Label translations for plans: space type names, abbreviations and the fixed strings.

A room keeps the name the drafter gave it; only a name that is just its type's English default
("Bedroom", "Kitchen"...) is translated, because a custom name ("Primary Suite") has no translation.
"""

from __future__ import annotations

from typing import Literal

from planroom.floormodel.schema import Space, SpaceType

Language = Literal["en", "fi", "de", "fr", "es", "sv"]

SPACE_NAMES: dict[str, dict[str, str]] = {
    "en": {
        "bedroom": "Bedroom", "bathroom": "Bathroom", "half_bath": "Half Bath",
        "kitchen": "Kitchen", "living": "Living Room", "dining": "Dining Room", "hall": "Hall",
        "closet": "Closet", "laundry": "Laundry", "utility": "Utility", "garage": "Garage",
        "porch": "Porch", "deck": "Deck", "balcony": "Balcony", "patio": "Patio",
        "stair": "Stairs", "open_to_below": "Open to Below", "other": "Room",
    },
    "fi": {
        "bedroom": "Makuuhuone", "bathroom": "Kylpyhuone", "half_bath": "WC",
        "kitchen": "Keittiö", "living": "Olohuone", "dining": "Ruokailu", "hall": "Eteinen",
        "closet": "Vaatehuone", "laundry": "Kodinhoitohuone", "utility": "Tekninen tila",
        "garage": "Autotalli", "porch": "Kuisti", "deck": "Terassi", "balcony": "Parveke",
        "patio": "Patio", "stair": "Portaat", "open_to_below": "Avoin alas", "other": "Huone",
    },
    "de": {
        "bedroom": "Schlafzimmer", "bathroom": "Badezimmer", "half_bath": "Gäste-WC",
        "kitchen": "Küche", "living": "Wohnzimmer", "dining": "Esszimmer", "hall": "Flur",
        "closet": "Ankleide", "laundry": "Waschküche", "utility": "Technik", "garage": "Garage",
        "porch": "Veranda", "deck": "Terrasse", "balcony": "Balkon", "patio": "Patio",
        "stair": "Treppe", "open_to_below": "Luftraum", "other": "Raum",
    },
    "fr": {
        "bedroom": "Chambre", "bathroom": "Salle de bain", "half_bath": "WC",
        "kitchen": "Cuisine", "living": "Séjour", "dining": "Salle à manger", "hall": "Entrée",
        "closet": "Placard", "laundry": "Buanderie", "utility": "Local technique",
        "garage": "Garage", "porch": "Porche", "deck": "Terrasse", "balcony": "Balcon",
        "patio": "Patio", "stair": "Escalier", "open_to_below": "Vide", "other": "Pièce",
    },
    "es": {
        "bedroom": "Dormitorio", "bathroom": "Baño", "half_bath": "Aseo", "kitchen": "Cocina",
        "living": "Salón", "dining": "Comedor", "hall": "Pasillo", "closet": "Armario",
        "laundry": "Lavadero", "utility": "Cuarto técnico", "garage": "Garaje", "porch": "Porche",
        "deck": "Terraza", "balcony": "Balcón", "patio": "Patio", "stair": "Escalera",
        "open_to_below": "Doble altura", "other": "Habitación",
    },
    "sv": {
        "bedroom": "Sovrum", "bathroom": "Badrum", "half_bath": "WC", "kitchen": "Kök",
        "living": "Vardagsrum", "dining": "Matsal", "hall": "Hall", "closet": "Klädkammare",
        "laundry": "Tvättstuga", "utility": "Teknikrum", "garage": "Garage", "porch": "Veranda",
        "deck": "Trädäck", "balcony": "Balkong", "patio": "Uteplats", "stair": "Trappa",
        "open_to_below": "Öppet ner", "other": "Rum",
    },
}  # fmt: skip

# Short forms for rooms too small for their full name; types not listed fall back to a cut name.
ABBREVIATIONS: dict[str, dict[str, str]] = {
    "en": {"closet": "CL", "walk_in": "WIC", "laundry": "W/D", "bathroom": "BA",
           "half_bath": "WC", "utility": "UT", "hall": "HALL", "stair": "ST", "other": "RM"},
    "fi": {"closet": "VH", "walk_in": "VH", "laundry": "KHH", "bathroom": "KH", "half_bath": "WC",
           "utility": "TEK", "hall": "ET", "stair": "PR", "other": "H"},
    "de": {"closet": "AK", "walk_in": "AK", "laundry": "WK", "bathroom": "BAD",
           "half_bath": "WC", "utility": "TR", "hall": "FL", "stair": "TR", "other": "R"},
    "fr": {"closet": "PL", "walk_in": "DR", "laundry": "BU", "bathroom": "SDB",
           "half_bath": "WC", "utility": "LT", "hall": "DGT", "stair": "ESC", "other": "P"},
    "es": {"closet": "ARM", "walk_in": "VEST", "laundry": "LAV", "bathroom": "BÑ",
           "half_bath": "ASEO", "utility": "CT", "hall": "PAS", "stair": "ESC", "other": "HAB"},
    "sv": {"closet": "KK", "walk_in": "KK", "laundry": "TVÄTT", "bathroom": "BAD",
           "half_bath": "WC", "utility": "TEK", "hall": "HALL", "stair": "TR", "other": "RUM"},
}  # fmt: skip

FIXED: dict[str, dict[str, str]] = {
    "en": {"all_levels": "all levels",
           "disclaimer": "Measurements are approximate", "up": "UP", "down": "DN",
           "gia": "GIA", "gla": "GLA", "total": "Total area", "not_to_scale": "Not to scale",
           "scale": "Scale", "north": "N", "excluded": "Excluded"},
    "fi": {"all_levels": "kaikki kerrokset",
           "disclaimer": "Mitat ovat likimääräisiä", "up": "YLÖS", "down": "ALAS",
           "gia": "Huoneistoala", "gla": "GLA", "total": "Kokonaisala",
           "not_to_scale": "Ei mittakaavassa", "scale": "Mittakaava", "north": "P",
           "excluded": "Ei sisälly"},
    "de": {"all_levels": "alle Geschosse",
           "disclaimer": "Alle Maße sind ca.-Angaben", "up": "AUF", "down": "AB",
           "gia": "Wohnfläche (GIA)", "gla": "GLA", "total": "Gesamtfläche",
           "not_to_scale": "Nicht maßstäblich", "scale": "Maßstab", "north": "N",
           "excluded": "Nicht enthalten"},
    "fr": {"all_levels": "tous niveaux",
           "disclaimer": "Mesures approximatives", "up": "MONTÉE", "down": "DESC.",
           "gia": "Surface intérieure (GIA)", "gla": "GLA", "total": "Surface totale",
           "not_to_scale": "Pas à l'échelle", "scale": "Échelle", "north": "N",
           "excluded": "Exclu"},
    "es": {"all_levels": "todas las plantas",
           "disclaimer": "Medidas aproximadas", "up": "SUBE", "down": "BAJA",
           "gia": "Superficie interior (GIA)", "gla": "GLA", "total": "Superficie total",
           "not_to_scale": "Sin escala", "scale": "Escala", "north": "N", "excluded": "Excluido"},
    "sv": {"all_levels": "alla plan",
           "disclaimer": "Måtten är ungefärliga", "up": "UPP", "down": "NED",
           "gia": "Boarea (GIA)", "gla": "GLA", "total": "Total yta",
           "not_to_scale": "Ej skalenlig", "scale": "Skala", "north": "N",
           "excluded": "Ej medräknad"},
}  # fmt: skip

DEFAULT_DISCLAIMER = FIXED["en"]["disclaimer"]


def fixed(language: str, key: str) -> str:
    """A fixed plan string in `language`, English when the language lacks it."""
    return FIXED.get(language, FIXED["en"]).get(key, FIXED["en"][key])


def type_name(space_type: SpaceType, language: str) -> str:
    return SPACE_NAMES.get(language, SPACE_NAMES["en"])[space_type]


def room_name(space: Space, language: str) -> str:
    """The name to print for a space: its own, translated when it is only its type's default."""
    name = space.name.strip()
    english_default = SPACE_NAMES["en"][space.type]
    if not name or name.casefold() == english_default.casefold():
        return type_name(space.type, language)
    return name


def abbreviation(space: Space, language: str) -> str:
    """The short form printed in rooms too small for the full name (CL, WIC, W/D...)."""
    table = ABBREVIATIONS.get(language, ABBREVIATIONS["en"])
    name = space.name.casefold()
    if space.type == "closet" and ("walk" in name or "wic" in name):
        return table["walk_in"]
    if space.type in table:
        return table[space.type]
    return room_name(space, language)[:4].upper()


def disclaimer(text: str, language: str) -> str:
    """The style's disclaimer; the default English sentence is translated like the other labels."""
    if text == DEFAULT_DISCLAIMER:
        return fixed(language, "disclaimer")
    return text
