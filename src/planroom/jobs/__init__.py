"""Background jobs: a Huey queue, a registry of named jobs, consumers and reconcilers."""

from planroom.jobs.queue import JobQueue, enqueue_after_commit
from planroom.jobs.registry import job, reconciler, run_reconcilers

__all__ = ["JobQueue", "enqueue_after_commit", "job", "reconciler", "run_reconcilers"]
