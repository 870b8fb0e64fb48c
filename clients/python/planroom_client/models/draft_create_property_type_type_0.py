from enum import StrEnum


class DraftCreatePropertyTypeType0(StrEnum):
    APARTMENT = "apartment"
    ATTACHED = "attached"
    DETACHED = "detached"

    def __str__(self) -> str:
        return str(self.value)
