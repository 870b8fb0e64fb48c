"""The webhook job and reconciler, registered by name."""

from __future__ import annotations

import uuid

from planroom.jobs.context import JobContext
from planroom.jobs.registry import WEBHOOK_LANE, job, reconciler
from planroom.webhooks.delivery import deliver, enqueue_due
from planroom.webhooks.service import DELIVER_JOB


@job(DELIVER_JOB, lane=WEBHOOK_LANE)
def deliver_job(runtime: JobContext, delivery_id: str) -> None:
    """Make the due attempt of one webhook delivery."""
    deliver(runtime, uuid.UUID(delivery_id))


@reconciler("webhooks.due")
def due_deliveries(runtime: JobContext) -> None:
    """Enqueue deliveries whose attempt is due but whose job was lost (crash, restart)."""
    enqueue_due(runtime)
