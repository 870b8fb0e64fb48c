from __future__ import annotations

from fastapi import APIRouter

from planroom.api.deps import CurrentCompany, DbSession, RuntimeDep
from planroom.api.openapi import errors
from planroom.core.clock import epoch
from planroom.core.errors import BadRequest, Conflict, NotFound
from planroom.core.pagination import Page, PageParamsDep, paginate
from planroom.users import service
from planroom.users.models import User
from planroom.users.schemas import (
    ChangePassword,
    Message,
    ResetPassword,
    UserCreate,
    UserCreated,
    UserOut,
    UserUpdate,
)

router = APIRouter(tags=["Users"])


def user_out(user: User) -> UserOut:
    return UserOut(
        id=user.id,
        email=user.email,
        name=user.name,
        surname=user.surname,
        role=user.role,
        email_confirmed=user.email_confirmed,
        created_at=epoch(user.created_at) or 0.0,
        office_id=user.office_id,
    )


@router.get("/users", summary="List all users")
def list_users(company: CurrentCompany, session: DbSession, params: PageParamsDep) -> Page[UserOut]:
    """The company's users, newest first."""
    return paginate(session, service.users_statement(company.id), params, user_out)


@router.post("/users", summary="Add new user", responses=errors(Conflict))
def create_user(
    company: CurrentCompany, session: DbSession, runtime: RuntimeDep, body: UserCreate
) -> UserCreated:
    """Add a user. Without `password` the user gets an invitation email with a link to set one,
    and `email_confirmed` stays false until it is used. A taken email is a 409."""
    user = service.create_user(
        session, runtime.mailer, runtime.settings.resolved_public_url, company.id, body
    )
    message = (
        "User successfully created"
        if body.password
        else "Invitation email was sent to user email and needs to be finished before first login."
    )
    return UserCreated(email=user.email, id=user.id, message=message, role=body.role)


@router.post(
    "/users/change-password", summary="Change user password", responses=errors(NotFound, BadRequest)
)
def change_password(company: CurrentCompany, session: DbSession, body: ChangePassword) -> Message:
    """Change a user's password; a wrong `old_password` is a 400."""
    service.change_password(session, company.id, body.email, body.old_password, body.new_password)
    return Message(message="Your password has been changed.")


@router.post(
    "/users/reset-password", summary="Send password reset link", responses=errors(NotFound)
)
def reset_password(
    company: CurrentCompany, session: DbSession, runtime: RuntimeDep, body: ResetPassword
) -> Message:
    """Email the user a one-use link to set a new password, valid 24 hours."""
    service.send_password_reset(
        session, runtime.mailer, runtime.settings.resolved_public_url, company.id, body.email
    )
    return Message(message="Send reset password email successfully.")


@router.get("/users/{email_or_id}", summary="Get user by email", responses=errors(NotFound))
def get_user(company: CurrentCompany, session: DbSession, email_or_id: str) -> UserOut:
    """Accepts the user's email or id."""
    return user_out(service.find_user(session, company.id, email_or_id))


@router.patch("/users/{email_or_id}", summary="Update user details", responses=errors(NotFound))
def update_user(
    company: CurrentCompany, session: DbSession, email_or_id: str, body: UserUpdate
) -> UserOut:
    """Change any of `name`, `surname`, `role`, `office_id`."""
    user = service.find_user(session, company.id, email_or_id)
    return user_out(service.update_user(session, user, body))


@router.delete("/users/{email_or_id}", summary="Delete user", responses=errors(NotFound))
def delete_user(company: CurrentCompany, session: DbSession, email_or_id: str) -> Message:
    """Delete a user; their orders remain, with no owner."""
    service.delete_user(session, service.find_user(session, company.id, email_or_id))
    return Message(message="User deleted successfully")
