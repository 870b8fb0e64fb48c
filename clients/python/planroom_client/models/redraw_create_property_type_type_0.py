from enum import StrEnum


class RedrawCreatePropertyTypeType0(StrEnum):
    APARTMENT = "apartment"
    ATTACHED = "attached"
    DETACHED = "detached"

    def __str__(self) -> str:
        return str(self.value)
