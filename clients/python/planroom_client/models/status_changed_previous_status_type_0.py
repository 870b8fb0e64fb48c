from enum import StrEnum


class StatusChangedPreviousStatusType0(StrEnum):
    DRAFT = "Draft"
    FAILED = "Failed"
    FIXING = "Fixing"
    NEW = "New"
    PENDING = "Pending"
    READY = "Ready"

    def __str__(self) -> str:
        return str(self.value)
