"""What a job receives: the process's parts it may use, as a Protocol so `jobs/` needs no
import of the runtime that provides them (`planroom.runtime.Runtime` is one)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from sqlalchemy.orm import Session, sessionmaker

from planroom.files.storage import Storage
from planroom.settings import Settings

if TYPE_CHECKING:
    from planroom.jobs.queue import JobQueue


class JobContext(Protocol):
    settings: Settings
    session_factory: sessionmaker[Session]
    storage: Storage
    queue: JobQueue
