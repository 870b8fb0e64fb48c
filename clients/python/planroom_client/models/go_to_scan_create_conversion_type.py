from enum import StrEnum


class GoToScanCreateConversionType(StrEnum):
    T3 = "t3"
    T3_L1 = "t3-l1"

    def __str__(self) -> str:
        return str(self.value)
