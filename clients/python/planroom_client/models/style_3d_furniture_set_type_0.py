from enum import StrEnum


class Style3DFurnitureSetType0(StrEnum):
    FIXED = "fixed"
    FULL = "full"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
