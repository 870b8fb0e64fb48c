from enum import StrEnum


class AdvanceTo(StrEnum):
    FAILED = "Failed"
    READY = "Ready"

    def __str__(self) -> str:
        return str(self.value)
