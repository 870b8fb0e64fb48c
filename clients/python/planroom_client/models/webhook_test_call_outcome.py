from enum import StrEnum


class WebhookTestCallOutcome(StrEnum):
    DELIVERED = "delivered"
    GONE = "gone"
    REFUSED = "refused"
    RETRY = "retry"

    def __str__(self) -> str:
        return str(self.value)
