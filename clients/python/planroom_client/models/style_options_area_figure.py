from enum import StrEnum


class StyleOptionsAreaFigure(StrEnum):
    GIA = "gia"
    GLA = "gla"
    TOTAL = "total"

    def __str__(self) -> str:
        return str(self.value)
