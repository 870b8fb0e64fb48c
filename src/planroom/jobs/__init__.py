"""Background jobs: a Huey queue, a registry of named jobs, consumers and reconcilers."""

from planroom.jobs.queue import JobQueue, enqueue, run_reconcilers
from planroom.jobs.registry import job, reconciler

__all__ = ["JobQueue", "enqueue", "job", "reconciler", "run_reconcilers"]
