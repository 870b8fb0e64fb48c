from enum import StrEnum


class UserCreateRole(StrEnum):
    COLLABORATOR = "Collaborator"
    MANAGER = "Manager"
    USER = "User"

    def __str__(self) -> str:
        return str(self.value)
