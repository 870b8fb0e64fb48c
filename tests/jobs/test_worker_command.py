"""`planroom worker`: a separate process takes stored work, reports it, and stops on Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from fastapi.testclient import TestClient

from planroom.auth.encryption import secret_box
from planroom.db.engine import unit_of_work
from planroom.runtime import Runtime
from planroom.settings import Settings
from planroom.webhooks import service as webhooks
from tests.builders import make_tenant
from tests.webhooks.helpers import ready_payload
from tests.webhooks.receiver import running_receiver

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def test_worker_process_delivers_queued_webhooks_and_stops_cleanly(
    runtime: Runtime, settings: Settings, client: TestClient
) -> None:
    tenant = make_tenant(runtime, client)
    with running_receiver() as receiver:
        with unit_of_work(runtime.session_factory) as session:
            webhooks.update_config(
                session,
                secret_box(settings),
                tenant.id,
                urls=[receiver.url],
                triggers=["moved_to_ready"],
            )
            webhooks.record_event(session, tenant.id, "moved_to_ready", ready_payload())
        assert runtime.queue.pending_count() == 1
        runtime.close()

        env = {
            **os.environ,
            "PLANROOM_DATA_DIR": str(settings.data_dir),
            "PLANROOM_DATABASE_URL": settings.resolved_database_url,
            "PLANROOM_PUBLIC_URL": "http://testserver",
            "PLANROOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES": "true",
        }
        env.pop("PLANROOM_QUEUE_URL", None)
        cli = "from planroom.cli import app; app()"
        command = [sys.executable, "-c", cli, "worker", "--threads", "1"]
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        try:
            deadline = time.monotonic() + 90  # a worker takes ~12 s of CPU to start
            while not receiver.received and time.monotonic() < deadline:
                assert process.poll() is None, process.stdout.read() if process.stdout else ""
                time.sleep(0.1)
            assert len(receiver.received) == 1
            time.sleep(0.5)  # let the worker record the attempt
            process.send_signal(signal.SIGINT)
            output, _ = process.communicate(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
    assert process.returncode == 0, output
    assert "Worker: 1 thread(s)" in output
    assert "webhooks.deliver" in output
    assert "Worker stopped." in output
    assert "job webhooks.deliver finished" in output
