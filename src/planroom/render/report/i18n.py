"""Report translations: the fixed strings of the Home Report, the Snapshot and the GLA report.

One table per string, keyed by language (en, fi, de, fr, es, sv), like the plan strings in
`i18n`. A template's `{placeholders}` are filled by `report_text`. The standard's name
(ANSI Z765-2021) and unit labels are never translated; numbers are formatted by `measure_text`.
"""

from __future__ import annotations

from planroom.floormodel.gla import DISCLAIMER, STANDARD

TEXTS: dict[str, dict[str, str]] = {
    # Home Report
    "home_report": {"en": "Home Report", "fi": "Asuntoraportti", "de": "Immobilienbericht",
                    "fr": "Rapport immobilier", "es": "Informe de la vivienda",
                    "sv": "Bostadsrapport"},
    "type_detached": {"en": "Detached house", "fi": "Omakotitalo", "de": "Einfamilienhaus",
                      "fr": "Maison individuelle", "es": "Vivienda unifamiliar",
                      "sv": "Fristående hus"},
    "type_attached": {"en": "Attached house", "fi": "Rivitalo", "de": "Reihenhaus",
                      "fr": "Maison mitoyenne", "es": "Vivienda adosada", "sv": "Radhus"},
    "type_apartment": {"en": "Apartment", "fi": "Kerrostaloasunto", "de": "Wohnung",
                       "fr": "Appartement", "es": "Piso", "sv": "Lägenhet"},
    "prepared_by": {"en": "Prepared by {company}", "fi": "Laatinut {company}",
                    "de": "Erstellt von {company}", "fr": "Établi par {company}",
                    "es": "Elaborado por {company}", "sv": "Upprättad av {company}"},
    "bedrooms": {"en": "Bedrooms", "fi": "Makuuhuoneet", "de": "Schlafzimmer", "fr": "Chambres",
                 "es": "Dormitorios", "sv": "Sovrum"},
    "bathrooms": {"en": "Bathrooms", "fi": "Kylpyhuoneet", "de": "Badezimmer",
                  "fr": "Salles de bain", "es": "Baños", "sv": "Badrum"},
    "bathrooms_with_half": {"en": "{full} + {half} half", "fi": "{full} + {half} WC",
                            "de": "{full} + {half} Gäste-WC", "fr": "{full} + {half} WC",
                            "es": "{full} + {half} aseo", "sv": "{full} + {half} WC"},
    "full_bathrooms": {"en": "Full bathrooms", "fi": "Kylpyhuoneet", "de": "Vollbäder",
                       "fr": "Salles de bain", "es": "Baños completos", "sv": "Badrum"},
    "half_bathrooms": {"en": "Half bathrooms", "fi": "Erilliset WC:t", "de": "Gäste-WCs",
                       "fr": "WC séparés", "es": "Aseos", "sv": "Gästtoaletter"},
    "level": {"en": "Level", "fi": "Kerros", "de": "Geschoss", "fr": "Niveau", "es": "Planta",
              "sv": "Plan"},
    "levels": {"en": "Levels", "fi": "Kerrokset", "de": "Geschosse", "fr": "Niveaux",
               "es": "Plantas", "sv": "Plan"},
    "all_levels": {"en": "All levels", "fi": "Kaikki kerrokset", "de": "Alle Geschosse",
                   "fr": "Tous niveaux", "es": "Todas las plantas", "sv": "Alla plan"},
    "room": {"en": "Room", "fi": "Huone", "de": "Raum", "fr": "Pièce", "es": "Habitación",
             "sv": "Rum"},
    "rooms": {"en": "Rooms", "fi": "Huoneet", "de": "Räume", "fr": "Pièces",
              "es": "Estancias", "sv": "Rum"},
    "room_count_one": {"en": "{count} room", "fi": "{count} huone", "de": "{count} Raum",
                       "fr": "{count} pièce", "es": "{count} habitación", "sv": "{count} rum"},
    "room_count_many": {"en": "{count} rooms", "fi": "{count} huonetta", "de": "{count} Räume",
                        "fr": "{count} pièces", "es": "{count} habitaciones",
                        "sv": "{count} rum"},
    "dimensions": {"en": "Dimensions", "fi": "Mitat", "de": "Maße", "fr": "Dimensions",
                   "es": "Dimensiones", "sv": "Mått"},
    "area": {"en": "Area", "fi": "Pinta-ala", "de": "Fläche", "fr": "Surface",
             "es": "Superficie", "sv": "Yta"},
    "ceiling_height": {"en": "Ceiling height", "fi": "Huonekorkeus", "de": "Raumhöhe",
                       "fr": "Hauteur sous plafond", "es": "Altura de techo", "sv": "Takhöjd"},
    "ceiling_range": {"en": "{low} to {high}", "fi": "{low}\u2013{high}", "de": "{low} bis {high}",
                      "fr": "{low} à {high}", "es": "{low} a {high}", "sv": "{low}\u2013{high}"},
    "room_schedule": {"en": "Room schedule", "fi": "Huoneluettelo", "de": "Raumliste",
                      "fr": "Tableau des pièces", "es": "Cuadro de habitaciones",
                      "sv": "Rumsförteckning"},
    "schedule_intro": {
        "en": "Interior dimensions, floor area and ceiling height of every room.",
        "fi": "Jokaisen huoneen sisämitat, lattiapinta-ala ja huonekorkeus.",
        "de": "Innenmaße, Grundfläche und Raumhöhe jedes Raums.",
        "fr": "Dimensions intérieures, surface au sol et hauteur sous plafond de chaque pièce.",
        "es": "Dimensiones interiores, superficie útil y altura de techo de cada habitación.",
        "sv": "Invändiga mått, golvyta och takhöjd för varje rum."},
    "area_figures": {"en": "Area figures", "fi": "Pinta-alat", "de": "Flächenangaben",
                     "fr": "Surfaces", "es": "Superficies", "sv": "Ytor"},
    "total_scanned": {"en": "Total scanned area", "fi": "Skannattu kokonaisala",
                      "de": "Gescannte Gesamtfläche", "fr": "Surface totale relevée",
                      "es": "Superficie total escaneada", "sv": "Total skannad yta"},
    "method": {"en": "Method", "fi": "Menetelmä", "de": "Methodik", "fr": "Méthode",
               "es": "Método", "sv": "Metod"},
    "disclaimer": {"en": "Disclaimer", "fi": "Vastuunrajoitus", "de": "Haftungsausschluss",
                   "fr": "Avertissement", "es": "Aviso legal", "sv": "Ansvarsfriskrivning"},
    "disclaimer_body": {
        "en": "{notice}. The figures were computed from the floor model and were not verified "
              "on site. This report is not an appraisal and not a survey.",
        "fi": "{notice}. Luvut on laskettu pohjamallista, eikä niitä ole tarkistettu paikan "
              "päällä. Tämä raportti ei ole arviokirja eikä virallinen mittaus.",
        "de": "{notice}. Die Werte wurden aus dem Grundrissmodell berechnet und nicht vor Ort "
              "geprüft. Dieser Bericht ist weder ein Wertgutachten noch ein Aufmaß.",
        "fr": "{notice}. Les valeurs ont été calculées à partir de la maquette du plan et n'ont "
              "pas été vérifiées sur place. Ce rapport n'est ni une expertise ni un relevé de "
              "géomètre.",
        "es": "{notice}. Las cifras se han calculado a partir del modelo del plano y no se han "
              "verificado in situ. Este informe no es una tasación ni un levantamiento.",
        "sv": "{notice}. Värdena har beräknats från planmodellen och har inte kontrollerats på "
              "plats. Rapporten är varken en värdering eller en uppmätning."},
    "page_of": {"en": "Page {page} of {total}", "fi": "Sivu {page}/{total}",
                "de": "Seite {page} von {total}", "fr": "Page {page} sur {total}",
                "es": "Página {page} de {total}", "sv": "Sida {page} av {total}"},
    # Method (Home Report)
    "method_intro": {
        "en": "The property was {source} (floor model version {version}). Every figure in this "
              "report is computed from that model.",
        "fi": "Kohde {source} (pohjamallin versio {version}). Kaikki raportin luvut on "
              "laskettu tästä mallista.",
        "de": "Das Objekt wurde {source} (Grundrissmodell Version {version}). Alle Werte in "
              "diesem Bericht sind aus diesem Modell berechnet.",
        "fr": "Le bien a été {source} (maquette version {version}). Toutes les valeurs de ce "
              "rapport sont calculées à partir de cette maquette.",
        "es": "La vivienda fue {source} (versión {version} del modelo). Todas las cifras de "
              "este informe se calculan a partir de ese modelo.",
        "sv": "Objektet {source} (planmodell version {version}). Alla värden i rapporten är "
              "beräknade från den modellen."},
    "source_roomplan": {
        "en": "measured with a LiDAR scan of the property (Apple RoomPlan) and drafted into a "
              "floor model",
        "fi": "mitattiin LiDAR-skannauksella (Apple RoomPlan) ja piirrettiin pohjamalliksi",
        "de": "mit einem LiDAR-Scan (Apple RoomPlan) aufgemessen und in ein Grundrissmodell "
              "übertragen",
        "fr": "relevé par scan LiDAR (Apple RoomPlan) puis dessiné sous forme de maquette",
        "es": "medida con un escaneo LiDAR (Apple RoomPlan) y dibujada como modelo de plano",
        "sv": "mättes med en LiDAR-skanning (Apple RoomPlan) och ritades upp som planmodell"},
    "source_redraw": {
        "en": "redrawn from an existing floor plan supplied with the order",
        "fi": "piirrettiin uudelleen tilauksen mukana toimitetusta pohjapiirroksesta",
        "de": "nach einem mit dem Auftrag gelieferten Grundriss neu gezeichnet",
        "fr": "redessiné d'après un plan existant fourni avec la commande",
        "es": "redibujada a partir de un plano existente aportado con el pedido",
        "sv": "ritades om från en befintlig planritning som bifogades beställningen"},
    "source_planroom": {
        "en": "drawn from a Planroom floor model supplied with the order",
        "fi": "piirrettiin tilauksen mukana toimitetusta Planroom-pohjamallista",
        "de": "aus einem mit dem Auftrag gelieferten Planroom-Grundrissmodell erstellt",
        "fr": "dessiné d'après une maquette Planroom fournie avec la commande",
        "es": "dibujada a partir de un modelo Planroom aportado con el pedido",
        "sv": "ritades från en Planroom-planmodell som bifogades beställningen"},
    "source_manual": {
        "en": "drafted by hand into a floor model", "fi": "piirrettiin käsin pohjamalliksi",
        "de": "von Hand als Grundrissmodell gezeichnet",
        "fr": "dessiné à la main sous forme de maquette",
        "es": "dibujada a mano como modelo de plano", "sv": "ritades för hand som planmodell"},
    "source_generated": {
        "en": "generated as a floor model", "fi": "luotiin pohjamallina",
        "de": "als Grundrissmodell generiert", "fr": "généré sous forme de maquette",
        "es": "generada como modelo de plano", "sv": "genererades som planmodell"},
    "method_gia": {
        "en": "GIA (gross internal area): finished, enclosed indoor space measured to the inside "
              "face of the exterior walls, interior walls included, where the ceiling is at "
              "least 5 ft (1.52 m). Garages, porches, decks, balconies, patios and unfinished "
              "rooms are excluded.",
        "fi": "Huoneistoala (GIA): valmis, suljettu sisätila mitattuna ulkoseinien sisäpinnasta "
              "väliseinät mukaan lukien, kun huonekorkeus on vähintään 5 ft (1,52 m). "
              "Autotallit, kuistit, terassit, parvekkeet, patiot ja keskeneräiset tilat eivät "
              "sisälly.",
        "de": "Wohnfläche (GIA): ausgebauter, geschlossener Innenraum, gemessen bis zur "
              "Innenseite der Außenwände einschließlich Innenwänden, bei einer Raumhöhe von "
              "mindestens 5 ft (1,52 m). Garagen, Veranden, Terrassen, Balkone, Patios und nicht "
              "ausgebaute Räume sind nicht enthalten.",
        "fr": "Surface intérieure (GIA) : espace intérieur fini et clos, mesuré jusqu'à la face "
              "intérieure des murs extérieurs, cloisons comprises, là où la hauteur sous "
              "plafond atteint au moins 5 ft (1,52 m). Garages, porches, terrasses, balcons, "
              "patios et pièces non aménagées sont exclus.",
        "es": "Superficie interior (GIA): espacio interior acabado y cerrado, medido hasta la "
              "cara interior de los muros exteriores, tabiques incluidos, donde la altura de "
              "techo es de al menos 5 ft (1,52 m). Se excluyen garajes, porches, terrazas, "
              "balcones, patios y estancias sin acabar.",
        "sv": "Boarea (GIA): färdigställd, sluten inomhusyta mätt till ytterväggarnas insida, "
              "innerväggar inräknade, där takhöjden är minst 5 ft (1,52 m). Garage, verandor, "
              "trädäck, balkonger, uteplatser och ej färdigställda utrymmen ingår inte."},
    "method_gla": {
        "en": "GLA (gross living area) follows ANSI Z765-2021: finished, heated, above-grade "
              "space measured to the outside face of the exterior walls, with a ceiling of at "
              "least 7 ft.",
        "fi": "GLA (gross living area) noudattaa standardia ANSI Z765-2021: valmis, lämmitetty, "
              "maanpinnan yläpuolinen tila mitattuna ulkoseinien ulkopinnasta, huonekorkeus "
              "vähintään 7 ft.",
        "de": "GLA (Gross Living Area) nach ANSI Z765-2021: ausgebaute, beheizte, oberirdische "
              "Fläche, gemessen bis zur Außenseite der Außenwände, mit einer Raumhöhe von "
              "mindestens 7 ft.",
        "fr": "La GLA (gross living area) suit la norme ANSI Z765-2021 : surface finie, "
              "chauffée, hors sol, mesurée jusqu'à la face extérieure des murs extérieurs, avec "
              "une hauteur sous plafond d'au moins 7 ft.",
        "es": "La GLA (gross living area) sigue la norma ANSI Z765-2021: superficie acabada, "
              "calefactada y sobre rasante, medida hasta la cara exterior de los muros "
              "exteriores, con una altura de techo de al menos 7 ft.",
        "sv": "GLA (gross living area) enligt ANSI Z765-2021: färdigställd, uppvärmd yta ovan "
              "mark, mätt till ytterväggarnas utsida, med en takhöjd på minst 7 ft."},
    "method_total": {
        "en": "Total scanned area: everything scanned, exterior walls and outdoor spaces "
              "included.",
        "fi": "Skannattu kokonaisala: kaikki skannattu, ulkoseinät ja ulkotilat mukaan lukien.",
        "de": "Gescannte Gesamtfläche: alles Gescannte, einschließlich Außenwänden und "
              "Außenbereichen.",
        "fr": "Surface totale relevée : tout ce qui a été scanné, murs extérieurs et espaces "
              "extérieurs compris.",
        "es": "Superficie total escaneada: todo lo escaneado, incluidos muros exteriores y "
              "espacios exteriores.",
        "sv": "Total skannad yta: allt som skannats, inklusive ytterväggar och utomhusytor."},
    "method_rounding": {
        "en": "Room dimensions are interior, along each room's main axes (overall extents for "
              "L-shaped rooms). Areas are computed from unrounded geometry and rounded half up: "
              "whole square feet, or square metres to one decimal.",
        "fi": "Huonemitat ovat sisämittoja huoneen pääakselien suunnassa (L-muotoisissa "
              "huoneissa kokonaismitat). Pinta-alat lasketaan pyöristämättömästä geometriasta "
              "ja pyöristetään puolikkaat ylöspäin: kokonaisiin neliöjalkoihin tai "
              "neliömetreihin yhden desimaalin tarkkuudella.",
        "de": "Raummaße sind Innenmaße entlang der Hauptachsen jedes Raums (bei L-förmigen "
              "Räumen die Gesamtausdehnung). Flächen werden aus ungerundeter Geometrie "
              "berechnet und kaufmännisch gerundet: auf ganze Quadratfuß oder auf eine "
              "Nachkommastelle in Quadratmetern.",
        "fr": "Les dimensions des pièces sont intérieures, selon leurs axes principaux "
              "(encombrement total pour les pièces en L). Les surfaces sont calculées sur la "
              "géométrie non arrondie, puis arrondies au plus proche : au pied carré entier, ou "
              "au dixième de mètre carré.",
        "es": "Las dimensiones de las habitaciones son interiores, según sus ejes principales "
              "(medidas totales en habitaciones en L). Las superficies se calculan con la "
              "geometría sin redondear y se redondean al valor más próximo: pies cuadrados "
              "enteros o metros cuadrados con un decimal.",
        "sv": "Rumsmåtten är invändiga, längs rummets huvudaxlar (största mått för L-formade "
              "rum). Ytorna beräknas från oavrundad geometri och avrundas med halva uppåt: "
              "hela kvadratfot eller kvadratmeter med en decimal."},
    # Snapshot
    "snapshot": {"en": "Property snapshot", "fi": "Kohteen yhteenveto",
                 "de": "Objektübersicht", "fr": "Fiche synthèse du bien",
                 "es": "Resumen de la vivienda", "sv": "Objektsöversikt"},
    "snapshot_title": {"en": "Snapshot", "fi": "Kohteen yhteenveto", "de": "Objektübersicht",
                       "fr": "Fiche synthèse du bien", "es": "Resumen de la vivienda",
                       "sv": "Objektsöversikt"},
    "by_level": {"en": "{name} by level", "fi": "{name} kerroksittain",
                 "de": "{name} nach Geschoss", "fr": "{name} par niveau",
                 "es": "{name} por planta", "sv": "{name} per plan"},
    "not_verified": {"en": "Not verified on site.", "fi": "Ei tarkistettu paikan päällä.",
                     "de": "Nicht vor Ort geprüft.", "fr": "Non vérifié sur place.",
                     "es": "No verificado in situ.", "sv": "Ej kontrollerat på plats."},
    "model_version": {"en": "Floor model version {version}", "fi": "Pohjamallin versio {version}",
                      "de": "Grundrissmodell Version {version}",
                      "fr": "Maquette version {version}", "es": "Versión del modelo {version}",
                      "sv": "Planmodell version {version}"},
    # GLA report and GLA plan
    "gla_report": {"en": "Gross Living Area (GLA) report", "fi": "Asuinpinta-alaraportti (GLA)",
                   "de": "Bericht zur Wohnfläche (GLA)",
                   "fr": "Rapport de surface habitable (GLA)",
                   "es": "Informe de superficie habitable (GLA)",
                   "sv": "Rapport över boyta (GLA)"},
    "gla_title": {"en": "GLA report", "fi": "GLA-raportti", "de": "GLA-Bericht",
                  "fr": "Rapport GLA", "es": "Informe GLA", "sv": "GLA-rapport"},
    "standard": {"en": "Standard", "fi": "Standardi", "de": "Norm", "fr": "Norme",
                 "es": "Norma", "sv": "Standard"},
    "property_type": {"en": "Property type", "fi": "Kohdetyyppi", "de": "Objektart",
                      "fr": "Type de bien", "es": "Tipo de inmueble", "sv": "Objekttyp"},
    "kind_detached": {"en": "detached", "fi": "omakotitalo", "de": "Einfamilienhaus",
                      "fr": "maison individuelle", "es": "vivienda unifamiliar",
                      "sv": "fristående hus"},
    "kind_attached": {"en": "attached", "fi": "rivitalo", "de": "Reihenhaus",
                      "fr": "maison mitoyenne", "es": "vivienda adosada", "sv": "radhus"},
    "kind_apartment": {"en": "apartment", "fi": "kerrostaloasunto", "de": "Wohnung",
                       "fr": "appartement", "es": "piso", "sv": "lägenhet"},
    "summary": {"en": "Summary", "fi": "Yhteenveto", "de": "Zusammenfassung", "fr": "Synthèse",
                "es": "Resumen", "sv": "Sammanfattning"},
    "method_assumptions": {"en": "Method and assumptions", "fi": "Menetelmä ja oletukset",
                           "de": "Methodik und Annahmen", "fr": "Méthode et hypothèses",
                           "es": "Método e hipótesis", "sv": "Metod och antaganden"},
    "area_calculation": {"en": "Area calculation (gla_formula_text)",
                         "fi": "Pinta-alan laskenta", "de": "Flächenberechnung",
                         "fr": "Calcul des surfaces", "es": "Cálculo de superficies",
                         "sv": "Ytberäkning"},
    "gla_disclaimer": {
        "en": f"Measured by {STANDARD}. {DISCLAIMER}",
        "fi": f"Mitattu standardin {STANDARD} mukaan. Luvut on laskettu skannaukseen "
              "perustuvasta pohjamallista; niitä ei ole tarkistettu paikan päällä, eivätkä ne "
              "korvaa arvioijan mittausta.",
        "de": f"Gemessen nach {STANDARD}. Die Werte sind aus einem scanbasierten "
              "Grundrissmodell berechnet; sie wurden nicht vor Ort geprüft und ersetzen kein "
              "Aufmaß durch einen Gutachter.",
        "fr": f"Mesuré selon la norme {STANDARD}. Les valeurs sont calculées à partir d'une "
              "maquette issue d'un scan ; elles n'ont pas été vérifiées sur place et ne "
              "remplacent pas le mesurage d'un expert.",
        "es": f"Medido según {STANDARD}. Las cifras se calculan a partir de un modelo de plano "
              "basado en un escaneo; no se han verificado in situ y no sustituyen la medición "
              "de un tasador.",
        "sv": f"Uppmätt enligt {STANDARD}. Värdena är beräknade från en skanningsbaserad "
              "planmodell; de har inte kontrollerats på plats och ersätter inte en värderares "
              "uppmätning."},
    "grade": {"en": "Grade", "fi": "Sijainti", "de": "Lage", "fr": "Position", "es": "Rasante",
              "sv": "Läge"},
    "grade_above": {"en": "above", "fi": "maan päällä", "de": "oberirdisch", "fr": "hors sol",
                    "es": "sobre rasante", "sv": "ovan mark"},
    "grade_below": {"en": "below", "fi": "maan alla", "de": "unterirdisch", "fr": "enterré",
                    "es": "bajo rasante", "sv": "under mark"},
    "below_finished": {"en": "Below-grade finished", "fi": "Kellari, valmis",
                       "de": "UG ausgebaut", "fr": "Sous-sol aménagé",
                       "es": "Bajo rasante acabado", "sv": "Källare, inredd"},
    "below_unfinished": {"en": "Below-grade unfinished", "fi": "Kellari, ei valmis",
                         "de": "UG nicht ausgebaut", "fr": "Sous-sol non aménagé",
                         "es": "Bajo rasante sin acabar", "sv": "Källare, ej inredd"},
    "non_standard": {"en": "Non-standard", "fi": "Poikkeava", "de": "Abweichend",
                     "fr": "Hors norme", "es": "Fuera de norma", "sv": "Avvikande"},
    "total": {"en": "Total", "fi": "Yhteensä", "de": "Gesamt", "fr": "Total", "es": "Total",
              "sv": "Totalt"},
    "included_in_gla": {"en": "Included in GLA", "fi": "Sisältyy GLA-alaan",
                        "de": "In GLA enthalten", "fr": "Inclus dans la GLA",
                        "es": "Incluido en la GLA", "sv": "Ingår i GLA"},
    "excluded_from_gla": {"en": "Excluded from GLA", "fi": "Ei sisälly GLA-alaan",
                          "de": "Nicht in GLA enthalten", "fr": "Exclu de la GLA",
                          "es": "Excluido de la GLA", "sv": "Ingår inte i GLA"},
    "below_grade_area": {
        "en": "Below-grade area (reported apart, never GLA)",
        "fi": "Maanalainen ala (ilmoitetaan erikseen, ei koskaan GLA)",
        "de": "Unterirdische Fläche (gesondert ausgewiesen, nie GLA)",
        "fr": "Surface enterrée (indiquée à part, jamais en GLA)",
        "es": "Superficie bajo rasante (se indica aparte, nunca GLA)",
        "sv": "Yta under mark (redovisas separat, aldrig GLA)"},
    "below_grade_living": {"en": "Below-grade living area", "fi": "Maanalainen asuinala",
                           "de": "Unterirdische Wohnfläche", "fr": "Surface habitable enterrée",
                           "es": "Superficie habitable bajo rasante",
                           "sv": "Boyta under mark"},
    "not_gla": {"en": "not GLA", "fi": "ei GLA", "de": "keine GLA", "fr": "hors GLA",
                "es": "no GLA", "sv": "ej GLA"},
    "equation": {"en": "Equation", "fi": "Laskelma", "de": "Berechnung", "fr": "Calcul",
                 "es": "Cálculo", "sv": "Beräkning"},
    "excluded_area": {"en": "Excluded area", "fi": "Poissuljettu ala",
                      "de": "Ausgeschlossen", "fr": "Surface exclue",
                      "es": "Superficie excluida", "sv": "Undantagen yta"},
    "reasons": {"en": "Reasons", "fi": "Syyt", "de": "Gründe", "fr": "Motifs", "es": "Motivos",
                "sv": "Skäl"},
    "plan_not_verified": {"en": "not verified on site", "fi": "ei tarkistettu paikan päällä",
                          "de": "nicht vor Ort geprüft", "fr": "non vérifié sur place",
                          "es": "no verificado in situ", "sv": "ej kontrollerat på plats"},
}  # fmt: skip

# Why an area is left out of GLA, as the GLA engine words it (English), by language.
REASONS: dict[str, dict[str, str]] = {
    "garage": {"fi": "autotalli", "de": "Garage", "fr": "garage", "es": "garaje", "sv": "garage"},
    "open to below": {"fi": "avoin alas", "de": "Luftraum", "fr": "vide sur niveau inférieur",
                      "es": "doble altura", "sv": "öppet ner"},
    "unfinished": {"fi": "keskeneräinen", "de": "nicht ausgebaut", "fr": "non aménagé",
                   "es": "sin acabar", "sv": "ej inrett"},
    "not heated": {"fi": "lämmittämätön", "de": "unbeheizt", "fr": "non chauffé",
                   "es": "sin calefacción", "sv": "ouppvärmt"},
    "not reachable from the finished living area": {
        "fi": "ei kulkuyhteyttä asuintiloista", "de": "vom Wohnbereich nicht zugänglich",
        "fr": "inaccessible depuis la surface habitable",
        "es": "sin acceso desde la zona habitable", "sv": "saknar förbindelse med boytan"},
    "ceiling height under 7 ft": {
        "fi": "huonekorkeus alle 7 ft", "de": "Raumhöhe unter 7 ft",
        "fr": "hauteur sous plafond inférieure à 7 ft", "es": "altura de techo inferior a 7 ft",
        "sv": "takhöjd under 7 ft"},
    "clearance under beams or ducts under 6 ft 4 in": {
        "fi": "vapaa korkeus palkkien tai kanavien alla alle 6 ft 4 in",
        "de": "lichte Höhe unter Balken oder Kanälen unter 6 ft 4 in",
        "fr": "hauteur libre sous poutres ou gaines inférieure à 6 ft 4 in",
        "es": "altura libre bajo vigas o conductos inferior a 6 ft 4 in",
        "sv": "fri höjd under balkar eller kanaler under 6 ft 4 in"},
    "ceiling height under 5 ft": {
        "fi": "huonekorkeus alle 5 ft", "de": "Raumhöhe unter 5 ft",
        "fr": "hauteur sous plafond inférieure à 5 ft", "es": "altura de techo inferior a 5 ft",
        "sv": "takhöjd under 5 ft"},
    "sloped ceiling: less than half of the area is 7 ft or higher": {
        "fi": "vino katto: alle puolet alasta on vähintään 7 ft",
        "de": "Dachschräge: weniger als die Hälfte der Fläche ist mindestens 7 ft hoch",
        "fr": "plafond rampant : moins de la moitié de la surface atteint 7 ft",
        "es": "techo inclinado: menos de la mitad de la superficie alcanza 7 ft",
        "sv": "snedtak: mindre än halva ytan har minst 7 ft takhöjd"},
    "not living area": {"fi": "ei asuinalaa", "de": "keine Wohnfläche",
                        "fr": "non habitable", "es": "no habitable", "sv": "ej boyta"},
    "porch": {"fi": "kuisti", "de": "Veranda", "fr": "porche", "es": "porche", "sv": "veranda"},
    "deck": {"fi": "terassi", "de": "Terrasse", "fr": "terrasse", "es": "terraza",
             "sv": "trädäck"},
    "balcony": {"fi": "parveke", "de": "Balkon", "fr": "balcon", "es": "balcón",
                "sv": "balkong"},
    "patio": {"fi": "patio", "de": "Patio", "fr": "patio", "es": "patio", "sv": "uteplats"},
}  # fmt: skip


def report_text(language: str, key: str, **values: object) -> str:
    """The report string `key` in `language` (English when it lacks one), filled with `values`."""
    table = TEXTS[key]
    template = table.get(language, table["en"])
    return template.format(**values) if values else template


def reason_text(reason: str, language: str) -> str:
    """A GLA exclusion reason in `language`; one the table does not know stays as written."""
    return REASONS.get(reason, {}).get(language, reason)
