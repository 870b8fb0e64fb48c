from enum import StrEnum


class OrderInfoTotalScannedAreaUnit(StrEnum):
    M2 = "m2"
    SQFT = "sqft"

    def __str__(self) -> str:
        return str(self.value)
