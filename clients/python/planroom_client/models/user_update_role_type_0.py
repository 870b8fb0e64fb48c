from enum import StrEnum


class UserUpdateRoleType0(StrEnum):
    COLLABORATOR = "Collaborator"
    MANAGER = "Manager"
    USER = "User"

    def __str__(self) -> str:
        return str(self.value)
