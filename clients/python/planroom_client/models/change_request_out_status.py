from enum import StrEnum


class ChangeRequestOutStatus(StrEnum):
    DONE = "Done"
    INPROGRESS = "InProgress"
    OPEN = "Open"
    REJECTED = "Rejected"

    def __str__(self) -> str:
        return str(self.value)
