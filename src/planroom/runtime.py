"""The process-wide parts built from settings: database, mail, job queue and file storage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from planroom.db.engine import make_engine, make_session_factory
from planroom.files.storage import Storage, make_storage
from planroom.jobs.queue import JobQueue, install
from planroom.mail.service import Mailer
from planroom.settings import Settings


@dataclass
class Runtime:
    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    mailer: Mailer
    queue: JobQueue
    storage: Storage
    extras: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Settings) -> Runtime:
        settings.ensure_data_dir()
        engine = make_engine(
            settings.resolved_database_url,
            pool_size=settings.db_pool_size,
            pool_timeout=settings.db_wait_seconds,
        )
        factory = make_session_factory(engine)
        runtime = cls(
            settings=settings,
            engine=engine,
            session_factory=factory,
            mailer=Mailer(settings, factory),
            queue=JobQueue(settings),
            storage=make_storage(settings),
        )
        runtime.queue.bind(runtime)
        install(factory, runtime)
        return runtime

    def close(self) -> None:
        self.queue.close()
        self.engine.dispose()
