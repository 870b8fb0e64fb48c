"""Request ids, JSON log lines with request, company and order, and `/metrics`."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from planroom.core.logs import JsonFormatter
from planroom.runtime import Runtime
from tests.builders import make_tenant
from tests.orders.builders import create_draft, tenant_with_owner
from tests.webhooks.helpers import register
from tests.webhooks.receiver import running_receiver

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
DRAFT_ROUTE = "/api/integrate/v3/orders/draft"


def test_every_answer_carries_a_request_id(client: TestClient) -> None:
    made = client.get("/healthz").headers["x-request-id"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert client.get("/healthz").headers["x-request-id"] != made
    # errors too, also those the edge answers before any route
    refused = client.post("/api/integrate/v3/orders/draft", json={})
    assert refused.status_code == 401 and re.fullmatch(
        r"[0-9a-f]{32}", refused.headers["x-request-id"]
    )
    given = client.get("/nowhere", headers={"x-request-id": "req_2f9:a-b.c"})
    assert given.status_code == 404 and given.headers["x-request-id"] == "req_2f9:a-b.c"
    for invalid in ("has spaces", "x" * 129, b"new\xe9line", ""):
        answer = client.get("/healthz", headers={"x-request-id": invalid})
        assert re.fullmatch(r"[0-9a-f]{32}", answer.headers["x-request-id"]), invalid
    assert len(client.get("/healthz").headers.get_list("x-request-id")) == 1


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("planroom")
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield stream
    logger.removeHandler(handler)
    logger.setLevel(previous)


def test_log_lines_carry_the_request_the_company_and_the_order(
    runtime: Runtime, client: TestClient, log_lines: io.StringIO
) -> None:
    tenant = tenant_with_owner(make_tenant(runtime, client))
    order = create_draft(tenant)
    log_lines.truncate(0)
    log_lines.seek(0)
    answer = tenant.get(f"/orders/{order['id']}", headers={"x-request-id": "trace-42"})
    assert answer.status_code == 200
    entries = [json.loads(line) for line in log_lines.getvalue().splitlines()]
    [access] = [entry for entry in entries if entry["logger"] == "planroom.access"]
    assert access["request_id"] == "trace-42"
    assert access["company_id"] == str(tenant.id)
    assert access["order_id"] == order["id"]
    assert access["route"] == "/api/integrate/v3/orders/{order_id}"
    assert access["status"] == 200 and access["duration_ms"] > 0
    assert access["message"].startswith(f"GET /api/integrate/v3/orders/{order['id']} 200 ")


def _samples(client: TestClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=")
    found = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def _value(
    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str
) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_move_when_an_order_is_made_and_delivered(
    runtime: Runtime, client: TestClient
) -> None:
    runtime.queue.immediate = True
    tenant = tenant_with_owner(make_tenant(runtime, client, sandbox=True))
    before = _samples(client)
    with running_receiver() as receiver:
        register(tenant, [receiver.url], ["moved_to_ready"])
        order = create_draft(tenant)
        advanced = tenant.post(f"/sandbox/orders/{order['id']}/advance", json={"to": "Ready"})
        assert advanced.status_code == 200, advanced.text
    after = _samples(client)

    drafts = "planroom_http_request_duration_seconds_count"
    labels = {"method": "POST", "route": DRAFT_ROUTE, "status": "200"}
    assert _value(after, drafts, **labels) == _value(before, drafts, **labels) + 1
    jobs = [
        key
        for key, value in after.items()
        if key[0] == "planroom_jobs_total" and value > _value(before, key[0], **dict(key[1]))
    ]
    assert any(dict(labels)["outcome"] == "succeeded" for _, labels in jobs), jobs
    ready = "planroom_scan_to_ready_seconds_count"
    assert _value(after, ready) == _value(before, ready) + 1
    attempts = "planroom_webhook_attempts_total"
    assert _value(after, attempts, outcome="delivered") > _value(
        before, attempts, outcome="delivered"
    )
    assert ("planroom_queue_depth", (("lane", "default"),)) in after
    assert ("planroom_queue_depth", (("lane", "webhooks"),)) in after
