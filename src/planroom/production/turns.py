"""One 3D drawing at a time in a process.

A 3D render holds its GL buffers (a 1080p video frame is drawn into 56 MB, a still's bands as
much) and the video its encoder (about 60 MB) for as long as it runs. Two of them side by side
in one worker process add up: a plus_3d order's stills and video, started together, took the
process from about 445 MB to 510 MB for a moment. So a job takes this process's turn before it
draws: it waits a little for a short render to end, and otherwise gives its worker back and is
queued again, so the worker renders something else meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from planroom.render.products.base import Product

WAIT_S = 2.0
"""How long a 3D render waits for the turn: longer than a plus_3d order's stills take beside
its video (under a second here), far shorter than a video (20-40 s)."""
AGAIN_AFTER_S = 1.0
"""When a render that did not get the turn is tried again."""

_turn = threading.Lock()


@contextmanager
def turn_for(product: Product) -> Iterator[bool]:
    """Whether `product` may render now: always for a product that does not draw in 3D; for
    one that does, once this process's turn is free within `WAIT_S` (held until the block
    ends)."""
    if not product.draws_3d:
        yield True
        return
    if not _turn.acquire(timeout=WAIT_S):
        yield False
        return
    try:
        yield True
    finally:
        _turn.release()
