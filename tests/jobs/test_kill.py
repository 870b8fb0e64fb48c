"""kill -9 a `planroom worker` in the middle of a render: its orders are Ready within 90 s.

The default short lease (30 s, renewed by a heartbeat) runs out and another worker's
reconciler takes the work up; before, the order waited for a 15-minute lease. Renders are
drawn at 1500 px so a render lasts long enough to be killed in the middle of it.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from moto.server import ThreadedMotoServer

from planroom.app import create_app
from planroom.runtime import Runtime
from tests.conftest import REDIS_URL, make_settings
from tests.jobs import kill_scenario as scenario
from tests.jobs.processes import (
    PlanroomProcess,
    planroom_env,
    processes,
    start_server,
    start_worker,
    wait_until_serving,
)
from tests.mail.smtp_server import free_port
from tests.webhooks.receiver import Receiver, running_receiver

KILL_RENDER_PX = 1500
ORDERS = 3


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_killed_worker_on_sqlite_delays_its_orders_by_seconds(
    tmp_path: Path, database_url: str
) -> None:
    settings = make_settings(tmp_path, database_url, render_long_side_px=KILL_RENDER_PX)
    runtime = Runtime.from_settings(settings)
    env = planroom_env(settings)
    try:
        with (
            running_receiver() as receiver,
            TestClient(create_app(runtime)) as client,
            processes() as started,
        ):
            api_key = scenario.company_with_webhooks(runtime, client, receiver)
            orders = scenario.place_scan_orders([client], api_key, ORDERS)
            workers = [start_worker(env, "worker-a"), start_worker(env, "worker-b")]
            started.extend(workers)
            _kill_and_recover(runtime, receiver, orders, workers)
    finally:
        runtime.close()


@pytest.fixture
def moto_url() -> Iterator[str]:
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_killed_worker_with_two_servers_and_two_workers_on_postgres_redis_s3(
    tmp_path: Path, database_url: str, moto_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not REDIS_URL:
        pytest.skip("Redis not configured: set PLANROOM_TEST_REDIS_URL (CI does)")
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    ports = [free_port(), free_port()]
    settings = make_settings(
        tmp_path,
        database_url,
        render_long_side_px=KILL_RENDER_PX,
        public_url=f"http://127.0.0.1:{ports[0]}",
        queue_url=REDIS_URL,
        storage_url=f"s3://kill-{uuid.uuid4().hex[:8]}/files?create_bucket=true",
        s3_endpoint_url=moto_url,
    )
    runtime = Runtime.from_settings(settings)
    runtime.queue.flush()
    env = planroom_env(settings)
    clients = [httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) for port in ports]
    try:
        with running_receiver() as receiver, processes() as started:
            servers = [start_server(env, f"api-{port}", port) for port in ports]
            started.extend(servers)
            for server, client in zip(servers, clients, strict=True):
                wait_until_serving(server, str(client.base_url))
            api_key = scenario.company_with_webhooks(runtime, clients[0], receiver)
            orders = scenario.place_scan_orders(clients, api_key, ORDERS)
            workers = [start_worker(env, "worker-a"), start_worker(env, "worker-b")]
            started.extend(workers)
            _kill_and_recover(runtime, receiver, orders, workers)
    finally:
        for client in clients:
            client.close()
        runtime.queue.flush()
        runtime.close()


def _kill_and_recover(
    runtime: Runtime,
    receiver: Receiver,
    orders: list[str],
    workers: list[PlanroomProcess],
) -> None:
    killed_name = scenario.kill_the_first_to_render(workers)
    killed_at = time.monotonic()
    [killed] = [worker for worker in workers if worker.name == killed_name]
    assert scenario.died_mid_render(killed), killed.output
    scenario.wait_until_ready(runtime, orders, killed_at, workers)
    scenario.check_webhooks(runtime, receiver, orders)
    survivor = next(worker for worker in workers if worker is not killed)
    assert survivor.saw("lost its worker; enqueued again"), survivor.output
