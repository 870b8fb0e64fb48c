"""The tour page's own words, in the languages plans are printed in (English when missing)."""

from __future__ import annotations

UI: dict[str, dict[str, str]] = {
    "en": {
        "floor_plan": "Floor plan", "model_3d": "3D", "bedrooms": "Bedrooms",
        "bathrooms": "Bathrooms", "half": "half", "levels": "Levels", "rooms": "Rooms",
        "level": "Level", "units": "Units", "size": "Size", "area": "Area",
        "tap_room": "Tap a room on the plan to see its size.",
        "below_grade": "below grade, not counted", "loading_3d": "Loading the 3D model…",
        "no_3d": "This browser cannot show the 3D model.",
        "hint_3d": "Drag to turn · pinch or scroll to zoom",
        "contact": "Contact", "presented_by": "Presented by",
        "edit_plan": "Edit this plan (company sign-in)",
        "not_found": "Tour not found",
        "not_found_text": "This tour does not exist, or it is not published yet. "
                          "Check that you opened the whole link.",
    },
    "fi": {
        "floor_plan": "Pohjapiirros", "model_3d": "3D", "bedrooms": "Makuuhuoneet",
        "bathrooms": "Kylpyhuoneet", "half": "WC", "levels": "Kerrokset", "rooms": "Huoneet",
        "level": "Kerros", "units": "Yksiköt", "size": "Mitat", "area": "Pinta-ala",
        "tap_room": "Napauta huonetta nähdäksesi sen mitat.",
        "below_grade": "maanpinnan alla, ei laskettu", "loading_3d": "Ladataan 3D-mallia…",
        "no_3d": "Tämä selain ei pysty näyttämään 3D-mallia.",
        "hint_3d": "Vedä kääntääksesi · nipistä tai vieritä zoomataksesi",
        "contact": "Yhteystiedot", "presented_by": "Esittäjä",
        "edit_plan": "Muokkaa pohjaa (yrityksen kirjautuminen)",
        "not_found": "Esittelyä ei löydy",
        "not_found_text": "Tätä esittelyä ei ole tai sitä ei ole vielä julkaistu. "
                          "Tarkista, että avasit koko linkin.",
    },
    "de": {
        "floor_plan": "Grundriss", "model_3d": "3D", "bedrooms": "Schlafzimmer",
        "bathrooms": "Bäder", "half": "Gäste-WC", "levels": "Geschosse", "rooms": "Räume",
        "level": "Geschoss", "units": "Einheiten", "size": "Maße", "area": "Fläche",
        "tap_room": "Tippen Sie auf einen Raum, um seine Maße zu sehen.",
        "below_grade": "unter Gelände, nicht gezählt", "loading_3d": "3D-Modell wird geladen…",
        "no_3d": "Dieser Browser kann das 3D-Modell nicht anzeigen.",
        "hint_3d": "Ziehen zum Drehen · Zwei Finger oder Mausrad zum Zoomen",
        "contact": "Kontakt", "presented_by": "Präsentiert von",
        "edit_plan": "Plan bearbeiten (Firmen-Anmeldung)",
        "not_found": "Rundgang nicht gefunden",
        "not_found_text": "Diesen Rundgang gibt es nicht, oder er ist noch nicht veröffentlicht. "
                          "Prüfen Sie, ob Sie den ganzen Link geöffnet haben.",
    },
    "fr": {
        "floor_plan": "Plan", "model_3d": "3D", "bedrooms": "Chambres",
        "bathrooms": "Salles de bain", "half": "WC", "levels": "Niveaux", "rooms": "Pièces",
        "level": "Niveau", "units": "Unités", "size": "Dimensions", "area": "Surface",
        "tap_room": "Touchez une pièce du plan pour voir ses dimensions.",
        "below_grade": "sous le sol, non comptée", "loading_3d": "Chargement du modèle 3D…",
        "no_3d": "Ce navigateur ne peut pas afficher le modèle 3D.",
        "hint_3d": "Glissez pour tourner · pincez ou faites défiler pour zoomer",
        "contact": "Contact", "presented_by": "Présenté par",
        "edit_plan": "Modifier ce plan (connexion société)",
        "not_found": "Visite introuvable",
        "not_found_text": "Cette visite n'existe pas ou n'est pas encore publiée. "
                          "Vérifiez que vous avez ouvert le lien complet.",
    },
    "es": {
        "floor_plan": "Plano", "model_3d": "3D", "bedrooms": "Dormitorios",
        "bathrooms": "Baños", "half": "aseo", "levels": "Plantas", "rooms": "Estancias",
        "level": "Planta", "units": "Unidades", "size": "Medidas", "area": "Superficie",
        "tap_room": "Toque una estancia del plano para ver sus medidas.",
        "below_grade": "bajo rasante, no computa", "loading_3d": "Cargando el modelo 3D…",
        "no_3d": "Este navegador no puede mostrar el modelo 3D.",
        "hint_3d": "Arrastre para girar · pellizque o desplace para ampliar",
        "contact": "Contacto", "presented_by": "Presentado por",
        "edit_plan": "Editar este plano (acceso de la empresa)",
        "not_found": "Visita no encontrada",
        "not_found_text": "Esta visita no existe o aún no se ha publicado. "
                          "Compruebe que ha abierto el enlace completo.",
    },
    "sv": {
        "floor_plan": "Planritning", "model_3d": "3D", "bedrooms": "Sovrum",
        "bathrooms": "Badrum", "half": "WC", "levels": "Plan", "rooms": "Rum",
        "level": "Plan", "units": "Enheter", "size": "Mått", "area": "Yta",
        "tap_room": "Tryck på ett rum i ritningen för att se dess mått.",
        "below_grade": "under mark, räknas inte", "loading_3d": "Laddar 3D-modellen…",
        "no_3d": "Den här webbläsaren kan inte visa 3D-modellen.",
        "hint_3d": "Dra för att vrida · nyp eller scrolla för att zooma",
        "contact": "Kontakt", "presented_by": "Presenteras av",
        "edit_plan": "Redigera planen (företagets inloggning)",
        "not_found": "Visningen hittades inte",
        "not_found_text": "Den här visningen finns inte eller är inte publicerad ännu. "
                          "Kontrollera att du öppnade hela länken.",
    },
}  # fmt: skip


def ui_text(language: str) -> dict[str, str]:
    """Every UI string in `language`, each falling back to English."""
    return {**UI["en"], **UI.get(language, {})}
