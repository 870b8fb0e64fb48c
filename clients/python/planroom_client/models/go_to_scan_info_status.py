from enum import StrEnum


class GoToScanInfoStatus(StrEnum):
    EXPIRED = "expired"
    OPENED = "opened"
    SENT = "sent"
    UPLOADED = "uploaded"

    def __str__(self) -> str:
        return str(self.value)
