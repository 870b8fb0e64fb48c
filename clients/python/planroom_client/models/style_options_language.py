from enum import StrEnum


class StyleOptionsLanguage(StrEnum):
    DE = "de"
    EN = "en"
    ES = "es"
    FI = "fi"
    FR = "fr"
    SV = "sv"

    def __str__(self) -> str:
        return str(self.value)
