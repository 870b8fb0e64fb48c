"""Job pick-up latency: from enqueue to the job starting, on a worker that had been idle.

Run from the repository root: `python bench/pickup.py [--samples 20]`. It starts an embedded
consumer (one worker thread, the SQLite queue in a temporary folder, the worker's own delays:
0.05 s growing to 1 s between empty reads) and enqueues one job after each of `--samples`
idle gaps of 0.2 to 2.5 s, first with Huey's plain polling worker (the reference), then with
Planroom's worker that its own process wakes on enqueue. It prints the median and worst
latency of each and their ratio (goal: under 100 ms).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path

from huey.consumer import Worker

from planroom.db.engine import unit_of_work
from planroom.jobs.arrivals import PromptWorker
from planroom.jobs.consumer import PlanroomConsumer
from planroom.jobs.queue import JobQueue, enqueue
from planroom.jobs.registry import job
from planroom.runtime import Runtime
from planroom.settings import Settings

started: dict[str, float] = {}
arrived = threading.Condition()


@job("bench.stamp")
def stamp(_context: object, token: str) -> None:
    with arrived:
        started[token] = time.perf_counter()
        arrived.notify_all()


def _wait_for_start(token: str) -> float:
    with arrived:
        arrived.wait_for(lambda: token in started, timeout=30)
    return started[token]


def latencies(worker: type[Worker], samples: int, data_dir: Path) -> list[float]:
    settings = Settings(data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'db.sqlite'}")
    runtime = Runtime.from_settings(settings)
    runtime.queue = JobQueue(settings, name=f"pickup-{uuid.uuid4().hex[:8]}")
    runtime.queue.bind(runtime)
    consumer_class = type("BenchConsumer", (PlanroomConsumer,), {"worker_class": worker})
    consumer = consumer_class(runtime, workers=1, embedded=True, webhook_workers=1)
    consumer.start()
    gaps = random.Random(7)
    found: list[float] = []
    try:
        for index in range(samples):
            time.sleep(gaps.uniform(0.2, 2.5))
            token = uuid.uuid4().hex
            sent = time.perf_counter()
            with unit_of_work(runtime.session_factory) as session:
                enqueue(session, "bench.stamp", token=token)
            found.append(_wait_for_start(token) - sent)
            print(f"  {worker.__name__}: {index + 1}/{samples}", end="\r", flush=True)
    finally:
        consumer.stop(graceful=True)
        runtime.close()
    print()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        polling = latencies(Worker, args.samples, Path(folder) / "polling")
        prompt = latencies(PromptWorker, args.samples, Path(folder) / "prompt")
    for name, values in (("huey polling (reference)", polling), ("planroom, woken", prompt)):
        print(
            f"{name:26} median {statistics.median(values) * 1000:7.1f} ms"
            f"   worst {max(values) * 1000:7.1f} ms"
        )
    ratio = statistics.median(prompt) / statistics.median(polling)
    print(f"median ratio woken/polling: {ratio:.3f}   (goal: woken median under 100 ms)")


if __name__ == "__main__":
    main()
