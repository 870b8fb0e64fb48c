"""job running leases, secrets at rest, webhook circuits, anonymous merge requests

Revision ID: 0006
Revises: 0005

- `running_until` on production items and owed products: the short lease of a running job;
- webhook signing secrets sealed with the secret encryption key (existing rows encrypted);
- GoToScan tokens looked up by SHA-256 and kept sealed (existing links keep working);
- `webhook_configs.circuits`: the circuit breaker of URLs that time out;
- merge requests whose email is nobody's Manager are stored with no target company.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op
from sqlalchemy.dialects import postgresql

import planroom.db.base
from planroom.auth.encryption import SecretBox, secret_box
from planroom.settings import Settings

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def _box() -> SecretBox:
    """The settings' secret box: the one `migrate`/`serve` use (or the caller's settings)."""
    settings = context.config.attributes.get("settings") or Settings()
    return secret_box(settings)


def upgrade() -> None:
    for table in ("production_items", "order_products"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(
                sa.Column(
                    "running_until", planroom.db.base.UTCDateTime(timezone=True), nullable=True
                )
            )

    connection = op.get_bind()
    with op.batch_alter_table("webhook_configs") as batch_op:
        batch_op.alter_column(
            "signing_secret", existing_type=sa.String(length=100), type_=sa.String(length=500)
        )
        batch_op.alter_column(
            "previous_secret", existing_type=sa.String(length=100), type_=sa.String(length=500)
        )
        batch_op.add_column(sa.Column("circuits", JSON, nullable=True))
    configs = sa.table(
        "webhook_configs",
        sa.column("company_id", sa.Uuid()),
        sa.column("signing_secret", sa.String()),
        sa.column("previous_secret", sa.String()),
        sa.column("circuits", JSON),
    )
    rows = connection.execute(
        sa.select(configs.c.company_id, configs.c.signing_secret, configs.c.previous_secret)
    ).all()
    box = _box() if rows else None
    for company_id, current, previous in rows:
        assert box is not None
        connection.execute(
            configs.update()
            .where(configs.c.company_id == company_id)
            .values(
                signing_secret=box.seal(current),
                previous_secret=box.seal(previous) if previous else None,
            )
        )
    connection.execute(configs.update().values(circuits={}))
    with op.batch_alter_table("webhook_configs") as batch_op:
        batch_op.alter_column("circuits", existing_type=JSON, nullable=False)

    with op.batch_alter_table("go2scan_links") as batch_op:
        batch_op.add_column(sa.Column("token_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("token_sealed", sa.String(length=500), nullable=True))
    links = sa.table(
        "go2scan_links",
        sa.column("id", sa.Uuid()),
        sa.column("token", sa.String()),
        sa.column("token_hash", sa.String()),
        sa.column("token_sealed", sa.String()),
    )
    tokens = connection.execute(sa.select(links.c.id, links.c.token)).all()
    box = box or (_box() if tokens else None)
    for link_id, token in tokens:
        assert box is not None
        connection.execute(
            links.update()
            .where(links.c.id == link_id)
            .values(
                token_hash=hashlib.sha256(token.encode()).hexdigest(),
                token_sealed=box.seal(token),
            )
        )
    with op.batch_alter_table("go2scan_links") as batch_op:
        batch_op.drop_constraint("uq_go2scan_links_token", type_="unique")
        batch_op.drop_column("token")
        batch_op.alter_column("token_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("token_sealed", existing_type=sa.String(length=500), nullable=False)
        batch_op.create_unique_constraint("uq_go2scan_links_token_hash", ["token_hash"])

    with op.batch_alter_table("merge_requests") as batch_op:
        batch_op.alter_column("target_company_id", existing_type=sa.Uuid(), nullable=True)


def downgrade() -> None:
    connection = op.get_bind()
    with op.batch_alter_table("merge_requests") as batch_op:
        batch_op.alter_column("target_company_id", existing_type=sa.Uuid(), nullable=False)

    links = sa.table(
        "go2scan_links",
        sa.column("id", sa.Uuid()),
        sa.column("token", sa.String()),
        sa.column("token_sealed", sa.String()),
    )
    with op.batch_alter_table("go2scan_links") as batch_op:
        batch_op.add_column(sa.Column("token", sa.String(length=64), nullable=True))
    sealed_links = connection.execute(sa.select(links.c.id, links.c.token_sealed)).all()
    box = _box() if sealed_links else None
    for link_id, sealed in sealed_links:
        assert box is not None
        connection.execute(
            links.update().where(links.c.id == link_id).values(token=box.open(sealed))
        )
    with op.batch_alter_table("go2scan_links") as batch_op:
        batch_op.drop_constraint("uq_go2scan_links_token_hash", type_="unique")
        batch_op.drop_column("token_sealed")
        batch_op.drop_column("token_hash")
        batch_op.alter_column("token", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint("uq_go2scan_links_token", ["token"])

    configs = sa.table(
        "webhook_configs",
        sa.column("company_id", sa.Uuid()),
        sa.column("signing_secret", sa.String()),
        sa.column("previous_secret", sa.String()),
    )
    rows = connection.execute(
        sa.select(configs.c.company_id, configs.c.signing_secret, configs.c.previous_secret)
    ).all()
    box = box or (_box() if rows else None)
    for company_id, current, previous in rows:
        assert box is not None
        connection.execute(
            configs.update()
            .where(configs.c.company_id == company_id)
            .values(
                signing_secret=box.open(current),
                previous_secret=box.open(previous) if previous else None,
            )
        )
    with op.batch_alter_table("webhook_configs") as batch_op:
        batch_op.drop_column("circuits")
        batch_op.alter_column(
            "signing_secret", existing_type=sa.String(length=500), type_=sa.String(length=100)
        )
        batch_op.alter_column(
            "previous_secret", existing_type=sa.String(length=500), type_=sa.String(length=100)
        )
    for table in ("order_products", "production_items"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("running_until")
