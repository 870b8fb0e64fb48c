"""One mail component: every message goes to the outbox; SMTP delivers it when configured."""

from __future__ import annotations

import logging
import smtplib
import uuid
from email.message import EmailMessage

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from planroom.core.clock import clock
from planroom.db.engine import after_commit
from planroom.mail.models import OutboxMessage
from planroom.settings import Settings

log = logging.getLogger("planroom.mail")


class Mailer:
    def __init__(self, settings: Settings, session_factory: sessionmaker[Session]) -> None:
        self._settings = settings
        self._session_factory = session_factory

    def send(self, session: Session, *, to: str, subject: str, body: str, kind: str) -> None:
        """Store the message with the caller's transaction; deliver it only once that commits."""
        message = OutboxMessage(recipient=to, subject=subject, body=body, kind=kind)
        session.add(message)
        session.flush()
        message_id = message.id
        log.info("mail to %s: %s\n%s", to, subject, body)
        if self._settings.smtp_host:
            after_commit(session, lambda: self.deliver(message_id))

    def deliver(self, message_id: uuid.UUID) -> None:
        with self._session_factory() as session:
            message = session.get(OutboxMessage, message_id)
            if message is None or message.sent_at is not None:
                return
            try:
                self._smtp_send(message)
            except (OSError, smtplib.SMTPException) as exc:
                message.error = f"{type(exc).__name__}: {exc}"
                log.warning("mail %s not delivered: %s", message_id, message.error)
            else:
                message.sent_at = clock.now()
                message.error = None
            session.commit()

    def _smtp_send(self, message: OutboxMessage) -> None:
        settings = self._settings
        assert settings.smtp_host is not None
        email = EmailMessage()
        email["From"] = settings.mail_from
        email["To"] = message.recipient
        email["Subject"] = message.subject
        email.set_content(message.body)
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=15) as smtp:
            if settings.smtp_starttls:
                smtp.starttls()
            if settings.smtp_username and settings.smtp_password:
                smtp.login(settings.smtp_username, settings.smtp_password)
            smtp.send_message(email)


def list_outbox(session: Session, limit: int = 50) -> list[OutboxMessage]:
    statement = select(OutboxMessage).order_by(OutboxMessage.created_at.desc()).limit(limit)
    return list(session.scalars(statement))
