"""Every module that registers jobs or reconcilers, imported here once by name.

A process that builds a `Runtime` imports this module, so a job enqueued by one process can
run in any other and an unknown name fails in the caller.
"""

from planroom.production import sources as production_sources
from planroom.production import tasks as production_tasks
from planroom.sandbox import tasks as sandbox_tasks
from planroom.webhooks import tasks as webhook_tasks

TASK_MODULES = (webhook_tasks, production_sources, production_tasks, sandbox_tasks)
