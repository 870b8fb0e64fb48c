"""Company users: invitations, passwords, roles. Emails are unique across Planroom."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session

from planroom.auth.passwords import hash_password, verify_password
from planroom.auth.tokens import new_secret, secret_hash
from planroom.core.clock import clock
from planroom.core.errors import BadRequest, Conflict, NotFound
from planroom.mail.service import Mailer
from planroom.offices.service import require_office
from planroom.users.models import User, UserToken
from planroom.users.schemas import UserCreate, UserUpdate

INVITE_VALIDITY = timedelta(days=7)
RESET_VALIDITY = timedelta(hours=24)


def normalize_email(email: str) -> str:
    return email.strip().lower()


def users_statement(company_id: uuid.UUID) -> Select[User]:
    return (
        select(User)
        .where(User.company_id == company_id)
        .order_by(User.created_at.desc(), User.id.desc())
    )


def find_user(session: Session, company_id: uuid.UUID, email_or_id: str) -> User:
    """A user of this company by email or id; 404 for anyone else's."""
    try:
        user_id = uuid.UUID(email_or_id)
    except ValueError:
        user = session.scalar(select(User).where(User.email == normalize_email(email_or_id)))
    else:
        user = session.get(User, user_id)
    if user is None or user.company_id != company_id:
        raise NotFound("No user with this email or id in your company.")
    return user


def user_by_id(session: Session, user_id: uuid.UUID) -> User | None:
    return session.get(User, user_id)


def count_in_office(session: Session, office_id: uuid.UUID) -> int:
    return session.scalar(select(func.count()).where(User.office_id == office_id)) or 0


def count_in_offices(session: Session, office_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many users each office has, in one query (offices without users are left out)."""
    if not office_ids:
        return {}
    rows = session.execute(
        select(User.office_id, func.count())
        .where(User.office_id.in_(office_ids))
        .group_by(User.office_id)
    )
    return {office_id: count for office_id, count in rows if office_id is not None}


def find_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == normalize_email(email)))


def create_user(
    session: Session, mailer: Mailer, public_url: str, company_id: uuid.UUID, data: UserCreate
) -> User:
    email = normalize_email(data.email)
    if find_by_email(session, email) is not None:
        raise Conflict(f"A user with the email {email} already exists.")
    if data.office_id is not None:
        require_office(session, company_id, data.office_id)
    user = User(
        company_id=company_id,
        office_id=data.office_id,
        email=email,
        name=data.name,
        surname=data.surname,
        role=data.role,
        email_confirmed=data.password is not None,
        password_hash=hash_password(data.password) if data.password else None,
    )
    session.add(user)
    session.flush()
    if data.password is None:
        token = _issue_token(session, user, "invite", INVITE_VALIDITY)
        mailer.send(
            session,
            to=email,
            subject="You have been invited to Planroom",
            body=(
                f"Hello {user.name or email},\n\nYou have been added to your company's Planroom "
                f"account. Set your password here (the link works once, for 7 days):\n\n"
                f"{public_url}/invite/{token}\n"
            ),
            kind="invite",
        )
    return user


def update_user(session: Session, user: User, data: UserUpdate) -> User:
    changes = data.model_dump(exclude_unset=True)
    if "office_id" in changes and changes["office_id"] is not None:
        require_office(session, user.company_id, changes["office_id"])
    for field, value in changes.items():
        if field in ("name", "surname", "role") and value is None:
            continue
        setattr(user, field, value)
    session.flush()
    return user


def delete_user(session: Session, user: User) -> None:
    session.delete(user)
    session.flush()


def authenticate(session: Session, company_id: uuid.UUID, email: str, password: str) -> User | None:
    """The company's user with this email and password, or None (also for another company's
    user, or one who has no password yet)."""
    user = find_by_email(session, email)
    if user is None or user.company_id != company_id:
        return None
    return user if verify_password(password, user.password_hash) else None


def change_password(
    session: Session, company_id: uuid.UUID, email: str, old: str, new: str
) -> None:
    user = find_user(session, company_id, email)
    if not verify_password(old, user.password_hash):
        raise BadRequest("The old password is not correct.")
    user.password_hash = hash_password(new)


def send_password_reset(
    session: Session, mailer: Mailer, public_url: str, company_id: uuid.UUID, email: str
) -> None:
    user = find_user(session, company_id, email)
    token = _issue_token(session, user, "reset", RESET_VALIDITY)
    mailer.send(
        session,
        to=user.email,
        subject="Reset your Planroom password",
        body=(
            "Someone asked to reset the password of this Planroom account. If it was you, set a "
            f"new one here (the link works once, for 24 hours):\n\n"
            f"{public_url}/reset-password/{token}\n\nIf it was not you, ignore this email.\n"
        ),
        kind="reset",
    )


def _issue_token(session: Session, user: User, purpose: str, validity: timedelta) -> str:
    token = new_secret("", 32)
    session.add(
        UserToken(
            user_id=user.id,
            purpose=purpose,
            token_hash=secret_hash(token),
            expires_at=clock.now() + validity,
        )
    )
    session.flush()
    return token


class TokenProblem(Exception):
    """Why a link cannot be used, in words for the page."""


def usable_token(session: Session, token: str, purpose: str) -> UserToken:
    row = session.scalar(select(UserToken).where(UserToken.token_hash == secret_hash(token)))
    if row is None or row.purpose != purpose:
        raise TokenProblem("This link is not valid. Ask for a new one.")
    if row.used_at is not None:
        raise TokenProblem("This link has already been used. Ask for a new one if you need it.")
    if row.expires_at <= clock.now():
        raise TokenProblem("This link has expired. Ask for a new one.")
    return row


def set_password_with_token(session: Session, token: str, purpose: str, password: str) -> User:
    row = usable_token(session, token, purpose)
    user = session.get(User, row.user_id)
    if user is None:
        raise TokenProblem("This account no longer exists.")
    row.used_at = clock.now()
    user.password_hash = hash_password(password)
    user.email_confirmed = True
    session.flush()
    return user


def move_company(session: Session, from_company: uuid.UUID, to_company: uuid.UUID) -> None:
    session.execute(
        update(User).where(User.company_id == from_company).values(company_id=to_company)
    )


def managers_of(session: Session, company_id: uuid.UUID) -> list[User]:
    statement = select(User).where(User.company_id == company_id, User.role == "Manager")
    return list(session.scalars(statement))


def count_users(session: Session, company_id: uuid.UUID) -> int:
    return session.scalar(select(func.count()).where(User.company_id == company_id)) or 0


def bring_deadlines_forward(session: Session, company_id: uuid.UUID, seconds: float) -> None:
    """Sandbox time travel for one company: its invitation and reset links age by `seconds`."""
    step = timedelta(seconds=seconds)
    tokens = session.scalars(
        select(UserToken)
        .join(User, User.id == UserToken.user_id)
        .where(User.company_id == company_id)
    )
    for token in tokens:
        token.expires_at -= step
    session.flush()
