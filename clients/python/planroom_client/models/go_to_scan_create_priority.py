from enum import StrEnum


class GoToScanCreatePriority(StrEnum):
    FAST = "fast"
    REGULAR = "regular"
    ULTRAFAST = "ultrafast"
    ULTRAFAST_12 = "ultrafast-12"
    ULTRAFAST_16 = "ultrafast-16"

    def __str__(self) -> str:
        return str(self.value)
