"""Runtime settings, read from the environment with the `PLANROOM_` prefix."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLANROOM_", env_file=".env", extra="ignore")

    data_dir: Path = Field(
        default=Path("./data"), description="Where SQLite, files and queue live."
    )
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; SQLite in the data dir when unset."
    )
    public_url: str | None = Field(
        default=None, description="Base URL people and clients reach; from host and port if unset."
    )
    host: str = "127.0.0.1"
    port: int = 8000
    secret_key: str | None = Field(
        default=None, description="Signs file links; generated once into the data dir if unset."
    )

    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    mail_from: str = "Planroom <no-reply@planroom.local>"

    queue_url: str | None = Field(
        default=None, description="redis://... for a Redis queue; SQLite in the data dir if unset."
    )
    embedded_workers: int = Field(default=2, ge=0, description="Worker threads inside `serve`.")
    webhook_workers: int = Field(
        default=4, ge=1, description="Webhook-sending threads beside each set of job workers."
    )
    job_lease_seconds: float = Field(
        default=30.0,
        ge=3.0,
        description="A running conversion or render holds its work this long, renewed by a "
        "heartbeat every third of it; a dead worker's work is taken up once it runs out.",
    )
    reconcile_interval_seconds: float = Field(
        default=5.0, gt=0, description="How often each worker looks for due or orphaned work."
    )
    storage_url: str | None = Field(
        default=None, description="s3://bucket/prefix for S3; a folder in the data dir if unset."
    )
    s3_endpoint_url: str | None = None
    s3_region: str = "us-east-1"
    max_upload_bytes: int = Field(default=50 * 1024 * 1024, gt=0)
    max_image_pixels: int = Field(
        default=50_000_000, gt=0, description="Uploaded images with more pixels get 413."
    )

    db_pool_size: int = Field(
        default=12, ge=4, description="Database connections per process (requests and jobs)."
    )
    db_wait_seconds: float = Field(
        default=0.5, gt=0, description="How long a request waits for a connection before 503."
    )
    api_key_cache_seconds: float = Field(
        default=2.0,
        ge=0,
        description="How long a process remembers a key that resolved; a key revoked elsewhere "
        "works at most this long after (at once in the revoking process). 0: look up each time.",
    )
    hot_reads: bool = Field(
        default=True,
        description="Answer repeated order reads and first list pages from answers built before, "
        "after one lookup of the versions the database keeps. false: every read is built anew.",
    )
    max_concurrent_requests: int = Field(
        default=16,
        ge=1,
        description="Requests in flight per process before 503 `overloaded`: past what the "
        "process serves in well under a second, waiting only makes every answer late.",
    )

    rate_limit_per_second: float = Field(
        default=20.0, ge=0, description="Calls a second per API key after the burst; 0 = off."
    )
    rate_limit_burst: int = Field(default=100, ge=1, description="Calls per API key at once.")

    webhook_allow_private_addresses: bool = False
    otel_endpoint: str | None = Field(
        default=None,
        description="An OTLP/HTTP collector (e.g. http://localhost:4318): trace every request "
        "there. Needs the `otel` extra (`uv sync --extra otel`); unset, nothing is traced.",
    )
    webhook_timeout_seconds: float = 15.0
    webhook_backoff_seconds: list[float] = Field(
        default_factory=lambda: [30.0, 300.0],
        max_length=24,
        description="Waits between attempts (one more attempt than waits); each at most a day, "
        "e.g. [30, 300, 3600, 21600, 86400].",
    )
    webhook_company_concurrency: int = Field(
        default=2, ge=1, description="Calls in flight at once for one company, across workers."
    )
    webhook_circuit_failures: int = Field(
        default=3, ge=1, description="Timeouts in a row after which a URL is rested."
    )
    webhook_circuit_open_seconds: float = Field(
        default=60.0, gt=0, description="How long a rested URL waits before one trial call."
    )
    secret_encryption_key: str | None = Field(
        default=None,
        description="Fernet key(s), comma-separated (the first encrypts), for secrets at rest; "
        "generated once into the data dir if unset.",
    )

    auto_approve_models: bool = Field(
        default=True, description="Automatically converted models skip a drafter's approval."
    )
    render_long_side_px: int = Field(default=3000, gt=0)
    video_scale: float = Field(
        default=1.0, gt=0, le=1.0, description="Fraction of the full 3D video size and length."
    )

    @field_validator("webhook_backoff_seconds")
    @classmethod
    def _backoff_within_a_day(cls, waits: list[float]) -> list[float]:
        if any(wait < 0 or wait > 86400 for wait in waits):
            raise ValueError("each webhook retry wait is between 0 and 86400 seconds (a day)")
        return waits

    @property
    def request_db_slots(self) -> int:
        """Connections requests may hold at once; the rest stay free for the embedded workers,
        the reconciler and the mailer, so neither side waits on the other."""
        return max(2, self.db_pool_size - self.embedded_workers - 2)

    @cached_property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'planroom.db').resolve()}"

    @cached_property
    def resolved_public_url(self) -> str:
        if self.public_url:
            return self.public_url.rstrip("/")
        host = "localhost" if self.host in ("127.0.0.1", "0.0.0.0") else self.host  # noqa: S104
        return f"http://{host}:{self.port}"

    def ensure_data_dir(self) -> Path:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return self.data_dir

    def resolved_secret_key(self) -> str:
        if self.secret_key:
            return self.secret_key
        import secrets

        path = self.ensure_data_dir() / "secret.key"
        if not path.exists():
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        return path.read_text().strip()

    def resolved_secret_encryption_keys(self) -> list[str]:
        """The Fernet keys for secrets at rest, newest first; one is generated into the data
        dir on first use when none is set (every process sharing the data dir shares it)."""
        if self.secret_encryption_key:
            return [key.strip() for key in self.secret_encryption_key.split(",") if key.strip()]
        import os
        import tempfile

        from cryptography.fernet import Fernet

        path = self.ensure_data_dir() / "secret-encryption.key"
        if not path.exists():
            # processes starting together must agree on one key: link a complete file into
            # place, and whoever loses the race reads the winner's
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".key-")
            try:
                os.write(handle, Fernet.generate_key())
                os.close(handle)
                os.chmod(temporary, 0o600)
                os.link(temporary, path)
            except FileExistsError:
                pass
            finally:
                os.unlink(temporary)
        return [path.read_text().strip()]
