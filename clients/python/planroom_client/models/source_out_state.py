from enum import StrEnum


class SourceOutState(StrEnum):
    FAILED = "failed"
    PENDING = "pending"
    STORED = "stored"

    def __str__(self) -> str:
        return str(self.value)
