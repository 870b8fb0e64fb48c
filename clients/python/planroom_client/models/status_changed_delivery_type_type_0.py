from enum import StrEnum


class StatusChangedDeliveryTypeType0(StrEnum):
    FIX = "fix"
    NEW = "new"
    UPDATE = "update"
    UPGRADE = "upgrade"

    def __str__(self) -> str:
        return str(self.value)
