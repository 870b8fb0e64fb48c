"""The sandbox job: process a `cctest` order with a sample scan, all the way to Ready."""

from __future__ import annotations

import uuid

from planroom.jobs.context import JobContext
from planroom.jobs.registry import job
from planroom.sandbox.service import PROCESS_TEST_ORDER_JOB, process_test_order


@job(PROCESS_TEST_ORDER_JOB)
def process_test_order_job(runtime: JobContext, order_id: str) -> None:
    """Upload the default sample scan to a new `cctest` order and drive it to Ready."""
    process_test_order(runtime, uuid.UUID(order_id))
