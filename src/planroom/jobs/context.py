"""What a job receives: the process's parts it may use, as a Protocol so `jobs/` needs no
import of the runtime that provides them (`planroom.runtime.Runtime` is one).

Declared beside the queue that hands it to jobs (`jobs.queue.JobContext`); this is its
public name."""

from planroom.jobs.queue import JobContext

__all__ = ["JobContext"]
