"""Developer tools: `POST /companies/webhook/test` and `planroom webhooks listen`."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from standardwebhooks import Webhook, WebhookVerificationError

from planroom.db.engine import unit_of_work
from planroom.runtime import Runtime
from planroom.webhooks import listeners
from tests.builders import Tenant, make_tenant
from tests.orders.builders import create_draft, tenant_with_owner
from tests.webhooks.helpers import fire, register
from tests.webhooks.receiver import Receiver, running_receiver

SAMPLE_ORDER = "00000000-0000-4000-8000-000000000000"
ROOT = Path(__file__).resolve().parents[2]


def _secret(tenant: Tenant) -> str:
    response = tenant.get("/companies/webhook")
    assert response.status_code == 200, response.text
    secret: str = response.json()["signing_secret"]
    return secret


def test_a_test_event_is_signed_and_goes_to_the_callers_urls_only(
    runtime: Runtime, client: TestClient, receiver: Receiver
) -> None:
    ours = make_tenant(runtime, client, "Ours")
    theirs = make_tenant(runtime, client, "Theirs")
    register(ours, [f"{receiver.url}?who=ours"], ["moved_to_pending"])
    register(theirs, [f"{receiver.url}?who=theirs"])

    response = ours.post("/companies/webhook/test", json={"trigger": "moved_to_ready"})

    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["trigger"] == "moved_to_ready"
    assert answer["payload"]["id"] == SAMPLE_ORDER
    assert answer["payload"]["current_status"] == "Ready"
    assert answer["calls"] == [
        {
            "url": f"{receiver.url}?who=ours",
            "outcome": "delivered",
            "status_code": 200,
            "error": None,
            "duration_ms": answer["calls"][0]["duration_ms"],
        }
    ]
    assert [request.path for request in receiver.received] == ["/hook?who=ours"]
    call = receiver.received[0]
    assert call.headers["webhook-id"] == answer["event_id"]
    Webhook(_secret(ours)).verify(call.body, call.headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(_secret(theirs)).verify(call.body, call.headers)
    # a test is not a delivery: the log stays empty
    assert ours.get("/companies/webhook/deliveries").json()["items"] == []


def test_a_test_event_needs_a_url_or_a_listener(runtime: Runtime, client: TestClient) -> None:
    tenant = make_tenant(runtime, client)
    response = tenant.post("/companies/webhook/test")
    assert response.status_code == 409, response.text
    assert response.json()["code"] == "invalid_state"
    assert "PATCH /companies/webhook" in response.json()["message"]
    bad = tenant.post("/companies/webhook/test", json={"trigger": "moved_to_mars"})
    assert bad.status_code == 400, bad.text
    anonymous = client.post("/api/integrate/v3/companies/webhook/test")
    assert anonymous.status_code == 401


def test_a_refused_private_address_names_the_setting(
    runtime: Runtime, client: TestClient, receiver: Receiver
) -> None:
    runtime.settings.webhook_allow_private_addresses = False
    tenant = make_tenant(runtime, client)
    register(tenant, [receiver.url])
    answer = tenant.post("/companies/webhook/test").json()
    [call] = answer["calls"]
    assert call["outcome"] == "refused"
    assert "127.0.0.1, a loopback address" in call["error"]
    assert "PLANROOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true" in call["error"]
    assert receiver.received == []


def test_a_listener_gets_its_own_companys_events_of_its_triggers(
    runtime: Runtime, client: TestClient
) -> None:
    ours = make_tenant(runtime, client, "Ours")
    theirs = make_tenant(runtime, client, "Theirs")
    with unit_of_work(runtime.session_factory) as session:
        every = listeners.open_listener(session, ours.id, [])
        pending_only = listeners.open_listener(session, ours.id, ["moved_to_pending"])
    fire(runtime, theirs.id)  # no URL registered anywhere: listeners get events regardless
    fire(runtime, ours.id, {"id": "x", "current_status": "Ready"})
    with unit_of_work(runtime.session_factory) as session:
        got = listeners.take_events(session, every)
        assert [(event.trigger, event.body) for event in got] == [
            ("moved_to_ready", '{"id":"x","current_status":"Ready"}')
        ]
        assert listeners.take_events(session, every) == []  # taken once
        assert listeners.take_events(session, pending_only) == []
        listeners.close_listener(session, every)
    fire(runtime, ours.id)
    with unit_of_work(runtime.session_factory) as session:
        assert listeners.take_events(session, every) == []


def test_the_stream_refuses_a_missing_key(client: TestClient) -> None:
    response = client.get("/api/integrate/v3/companies/webhook/listen")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


def _lines(process: subprocess.Popen[str]) -> queue.Queue[str]:
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    return lines


def _wait_for_line(lines: queue.Queue[str], part: str, seconds: float) -> list[str]:
    seen: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(line)
        if part in line:
            return seen
    raise AssertionError(f"no line with {part!r} within {seconds} s: {seen}")


def test_webhooks_listen_forwards_a_real_moved_to_ready(
    runtime: Runtime, client: TestClient, live_server: str
) -> None:
    runtime.queue.immediate = True
    tenant = tenant_with_owner(make_tenant(runtime, client, "Sandbox Co", sandbox=True))
    env: dict[str, Any] = {**os.environ, "PLANROOM_API_KEY": tenant.api_key}
    with running_receiver() as receiver:
        command = [
            sys.executable,
            "-c",
            "from planroom.cli import app; app()",
            "webhooks",
            "listen",
            "--api-url",
            f"{live_server}/api/integrate/v3",
            "--forward-to",
            receiver.url,
            "--events",
            "moved_to_ready",
            "--max-events",
            "1",
        ]
        process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        try:
            lines = _lines(process)
            _wait_for_line(lines, "Ready: forwarding moved_to_ready", 60)
            order = create_draft(tenant)  # moved_to_draft: not asked for, not forwarded
            advanced = tenant.post(f"/sandbox/orders/{order['id']}/advance", json={"to": "Ready"})
            assert advanced.status_code == 200, advanced.text
            forwarded = _wait_for_line(lines, "  moved_to_ready  msg_", 60)
            assert process.wait(timeout=30) == 0, forwarded
        finally:
            if process.poll() is None:
                process.kill()
    assert "moved_to_ready" in forwarded[-1] and "-> 200 OK" in forwarded[-1]
    [call] = receiver.received
    Webhook(_secret(tenant)).verify(call.body, call.headers)
    assert call.headers["user-agent"].startswith("Planroom-Webhooks/")
    body = call.body.decode()
    assert f'"id":"{order["id"]}"' in body and '"current_status":"Ready"' in body
    # the stream closed with the command: its listener is gone
    with runtime.session_factory() as session:
        from sqlalchemy import func, select

        from planroom.webhooks.models import WebhookListener

        deadline = time.monotonic() + 10
        while session.scalar(select(func.count()).select_from(WebhookListener)):
            assert time.monotonic() < deadline, "the listener was not removed"
            time.sleep(0.1)
            session.expire_all()


def test_webhooks_listen_with_a_bad_key_is_one_line_and_exit_code_1(live_server: str) -> None:
    command = [
        sys.executable,
        "-c",
        "from planroom.cli import app; app()",
        "webhooks",
        "listen",
        "--api-url",
        f"{live_server}/api/integrate/v3",
        "--api-key",
        "prk_not_a_key",
        "--forward-to",
        "http://127.0.0.1:9/hook",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: the server answered 401: The API key is not valid or has been revoked."
    )
