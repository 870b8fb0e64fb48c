from enum import StrEnum


class StyleOptionsUnits(StrEnum):
    BOTH = "both"
    IMPERIAL = "imperial"
    METRIC = "metric"

    def __str__(self) -> str:
        return str(self.value)
