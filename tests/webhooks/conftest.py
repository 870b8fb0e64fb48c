from __future__ import annotations

from collections.abc import Iterator

import pytest

from planroom.runtime import Runtime
from tests.webhooks.receiver import Receiver, running_receiver


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as server:
        yield server


@pytest.fixture
def immediate(runtime: Runtime) -> Runtime:
    """Jobs run right after the commit that enqueued them; retries wait for the reconciler."""
    runtime.queue.immediate = True
    return runtime
